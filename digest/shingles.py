"""Near-duplicate detection by word shingles, fast enough for 10k entries.

Each text becomes a set of hashed word 3-grams (after Arabic identity normalisation). A
*bottom-k sketch* (the k smallest shingle hashes) samples that set uniformly, so two texts
with Jaccard similarity J share about 2J/(1+J) of their sketch values. An inverted index from
sketch value to texts gives the candidate pairs (texts sharing at least one value) without
comparing every pair; sketch values shared by very many texts (stock phrases) are skipped
like stopwords. Candidates are then confirmed with the exact Jaccard of their shingle sets.
"""
from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import combinations

from .arabic import normalize_identity

SHINGLE_WORDS = 3
SKETCH_SIZE = 64
MAX_BUCKET = 40  # a sketch value in more texts than this is a stock phrase, not evidence
MIN_SHINGLES = 8  # shorter texts are too small to call duplicates
_WORD_RE = re.compile(r"\w+")


def shingle_set(text: str) -> set[int]:
    """Hashed word 3-grams of text (deterministic across processes)."""
    # crc32 of each word, then Python's hash of a tuple of ints: both are stable across runs
    # (unlike hash() of a str) and run at C speed.
    words = [zlib.crc32(w.encode("utf-8")) for w in _WORD_RE.findall(normalize_identity(text))]
    if len(words) < SHINGLE_WORDS:
        return set()
    columns = [words[i:] for i in range(SHINGLE_WORDS)]
    return set(map(hash, zip(*columns)))


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicates(texts: Mapping[str, str], threshold: float) -> dict[str, list[tuple[str, float]]]:
    """key → [(other key, similarity)] for every pair with Jaccard ≥ threshold, best first."""
    sketches: dict[str, list[int]] = {}
    index: dict[int, list[str]] = defaultdict(list)
    for key, text in texts.items():
        shingles = shingle_set(text)
        if len(shingles) < MIN_SHINGLES:
            continue
        sketch = heapq.nsmallest(SKETCH_SIZE, shingles)
        sketches[key] = sketch
        for value in sketch:
            index[value].append(key)

    shared: Counter[tuple[str, str]] = Counter()
    for keys in index.values():
        if 1 < len(keys) <= MAX_BUCKET:
            shared.update(combinations(sorted(keys), 2))

    # Each sketch is a uniform sample: a pair needs a share of values compatible with the
    # threshold (with slack for sampling error) before the exact, costlier comparison.
    expected_share = 2 * threshold / (1 + threshold)
    result: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), count in sorted(shared.items()):
        if count < max(1, int(min(len(sketches[a]), len(sketches[b])) * expected_share * 0.5)):
            continue
        similarity = jaccard(shingle_set(texts[a]), shingle_set(texts[b]))
        if similarity >= threshold:
            result[a].append((b, similarity))
            result[b].append((a, similarity))
    return {k: sorted(v, key=lambda item: (-item[1], item[0])) for k, v in result.items()}
