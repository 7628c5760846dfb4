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
from collections.abc import Callable, Mapping
from itertools import combinations

from ..text.arabic import ARABIC_MARK_RE, EASTERN_DIGIT_FOLDS, IDENTITY_LETTER_FOLDS, TATWEEL

SHINGLE_WORDS = 3
SKETCH_SIZE = 64
MAX_BUCKET = 40  # a sketch value in more texts than this is a stock phrase, not evidence
MIN_SHINGLES = 8  # shorter texts are too small to call duplicates
# Arabic identity folding (as digest.text.arabic.normalize_identity: alef/ya/ta marbuta/hamza
# seats, tatweel, Eastern digits, case), applied once per *distinct* word through a memo:
# folding whole 10k bodies character by character is several times slower.
_DIACRITICS_RE = ARABIC_MARK_RE
_FOLD = str.maketrans({TATWEEL: None, **IDENTITY_LETTER_FOLDS, **EASTERN_DIGIT_FOLDS})
_WORD_RE = re.compile(r"[^\W_]+")  # diacritics are removed first, so they never split a word
_MEMO_LIMIT = 500_000


class _FoldedWords(dict[str, str]):
    def __missing__(self, word: str) -> str:
        if len(self) > _MEMO_LIMIT:
            self.clear()
        value = self[word] = word.translate(_FOLD).casefold()
        return value


_folded = _FoldedWords()


def words_of(text: str) -> list[str]:
    """The words of text under Arabic identity folding (for matching, never for display)."""
    return list(map(_folded.__getitem__, _WORD_RE.findall(_DIACRITICS_RE.sub("", text))))


class WordHashes(dict[str, int]):
    """word → crc32, computed once per distinct word (dict lookups run at C speed)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


def shingle_set(words: list[str], hashes: WordHashes | None = None) -> set[int]:
    """Hashed word 3-grams (deterministic across processes)."""
    # crc32 of each word, then Python's hash of a tuple of ints: both are stable across runs
    # (unlike hash() of a str) and run at C speed.
    if len(words) < SHINGLE_WORDS:
        return set()
    ids = list(map((hashes if hashes is not None else WordHashes()).__getitem__, words))
    return set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)))))


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicates(texts: Mapping[str, str], threshold: float) -> dict[str, list[tuple[str, float]]]:
    """key → [(other key, similarity)] for every pair with Jaccard ≥ threshold, best first."""
    return near_duplicate_words({key: words_of(text) for key, text in texts.items()}, threshold)


def near_duplicate_words(words: Mapping[str, list[str]], threshold: float) -> dict[str, list[tuple[str, float]]]:
    """As near_duplicates, for texts already split by words_of."""
    hashes = WordHashes()
    sketches = {key: sketch for key, text_words in words.items() if (sketch := text_sketch(text_words, hashes)) is not None}

    def similarity(a: str, b: str) -> float:
        return jaccard(shingle_set(words[a], hashes), shingle_set(words[b], hashes))

    return near_duplicate_sketches(sketches, similarity, threshold)


def text_sketch(words: list[str], hashes: WordHashes | None = None) -> list[int] | None:
    """The bottom-k sketch of a text's shingles (None: too short to call a duplicate)."""
    shingles = shingle_set(words, hashes)
    if len(shingles) < MIN_SHINGLES:
        return None
    return heapq.nsmallest(SKETCH_SIZE, shingles)


def near_duplicate_sketches(
    sketches: Mapping[str, list[int]], similarity: Callable[[str, str], float], threshold: float
) -> dict[str, list[tuple[str, float]]]:
    """key → [(other key, similarity)] for every pair with `similarity(a, b)` ≥ threshold
    (asked only of candidate pairs, a < b), best first; `sketches` from text_sketch."""
    index: dict[int, list[str]] = defaultdict(list)
    for key, sketch in sketches.items():
        for value in sketch:
            index[value].append(key)

    shared: Counter[tuple[str, str]] = Counter()
    for keys in index.values():
        if 1 < len(keys) <= MAX_BUCKET:
            shared.update(combinations(sorted(keys), 2))
    # Many copies of one text share every sketch value, so all their buckets are too big to
    # pair: texts with identical sketches are paired with the first of them instead (a star,
    # linear in the number of copies).
    same_sketch: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for key, sketch in sketches.items():
        same_sketch[tuple(sketch)].append(key)
    for keys in same_sketch.values():
        first, *copies = sorted(keys)
        for other in copies:
            shared[(first, other)] = max(shared[(first, other)], SKETCH_SIZE)

    # Each sketch is a uniform sample: a pair needs a share of values compatible with the
    # threshold (with slack for sampling error) before the exact, costlier comparison.
    expected_share = 2 * threshold / (1 + threshold)
    # The shortest sketch gives the lowest bar any pair can have: most pairs (one shared
    # stock phrase) fall below it and are dropped before sorting.
    lowest = max(1, int(min(map(len, sketches.values()), default=0) * expected_share * 0.5))
    result: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), count in sorted(item for item in shared.items() if item[1] >= lowest):
        if count < max(1, int(min(len(sketches[a]), len(sketches[b])) * expected_share * 0.5)):
            continue
        score = similarity(a, b)
        if score >= threshold:
            result[a].append((b, score))
            result[b].append((a, score))
    return {k: sorted(v, key=lambda item: (-item[1], item[0])) for k, v in result.items()}


class SketchIndex:
    """The inverted index of near_duplicate_sketches kept between runs (digest serve), so
    that a run after a few texts changed looks only at the pairs of those texts.

    `update` gives exactly what near_duplicate_sketches would for the new sketches — or
    None when it cannot tell cheaply: a bucket of a changed text crossed MAX_BUCKET (the
    pairs of other texts in it gain or lose a shared value) or a changed text's sketch is
    identical to another's (the pairing of identical sketches starts from the first).
    """

    def __init__(self, sketches: Mapping[str, list[int]], result: Mapping[str, list[tuple[str, float]]], threshold: float):
        self.sketches = dict(sketches)
        self.threshold = threshold
        self.index: dict[int, set[str]] = defaultdict(set)
        for key, sketch in self.sketches.items():
            for value in sketch:
                self.index[value].add(key)
        self.same: Counter[tuple[int, ...]] = Counter(tuple(sketch) for sketch in self.sketches.values())
        self.result = {key: list(pairs) for key, pairs in result.items()}

    def update(
        self, sketches: Mapping[str, list[int]], changed: set[str], similarity: Callable[[str, str], float], threshold: float
    ) -> dict[str, list[tuple[str, float]]] | None:
        """`changed`: every key whose text changed, came or went since the last run. After
        None the index is spent: make a new one from a full run."""
        if threshold != self.threshold:
            return None
        if any(self.same[tuple(self.sketches[key])] > 1 for key in changed if key in self.sketches):
            return None  # was identical to another text's sketch
        values = {value for key in changed for sketch in (self.sketches.get(key), sketches.get(key)) if sketch for value in sketch}
        sizes_before = {value: len(self.index.get(value, ())) for value in values}
        for key in changed:  # take the changed texts out, then put their new sketches in
            old = self.sketches.pop(key, None)
            if old is not None:
                self.same[tuple(old)] -= 1
                for value in old:
                    self.index[value].discard(key)
        for key in changed:
            new = sketches.get(key)
            if new is not None:
                self.sketches[key] = list(new)
                self.same[tuple(new)] += 1
                for value in new:
                    self.index[value].add(key)
        if any(self.same[tuple(self.sketches[key])] > 1 for key in changed if key in self.sketches):
            return None  # is identical to another text's sketch
        if any((before > MAX_BUCKET) != (len(self.index.get(value, ())) > MAX_BUCKET) for value, before in sizes_before.items()):
            return None  # a stock-phrase bucket appeared or went: other texts' shared counts changed
        # The pairs of unchanged texts stay; those of changed texts are found again.
        result: dict[str, list[tuple[str, float]]] = {}
        for key, pairs in self.result.items():
            if key in changed:
                continue
            kept = [(other, score) for other, score in pairs if other not in changed]
            if kept:
                result[key] = kept
        expected_share = 2 * threshold / (1 + threshold)
        for key in sorted(changed):
            sketch = self.sketches.get(key)
            if sketch is None:
                continue
            shared: Counter[str] = Counter()
            for value in sketch:
                bucket = self.index[value]
                if 1 < len(bucket) <= MAX_BUCKET:
                    shared.update(bucket)
            del shared[key]
            for other, count in sorted(shared.items()):
                if other in changed and other < key:
                    continue  # that pair was looked at from the other side
                if count < max(1, int(min(len(sketch), len(self.sketches[other])) * expected_share * 0.5)):
                    continue
                first, second = (key, other) if key < other else (other, key)
                score = similarity(first, second)
                if score >= threshold:
                    result.setdefault(first, []).append((second, score))
                    result.setdefault(second, []).append((first, score))
        partners = {other for key in changed for other, _score in result.get(key, ())}
        for key in changed | partners:
            if key in result:
                result[key] = sorted(result[key], key=lambda item: (-item[1], item[0]))
        self.result = {key: list(pairs) for key, pairs in result.items()}
        return result
