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
from ..text.memo import BoundedMemo

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


def _fold(word: str) -> str:
    return word.translate(_FOLD).casefold()


_folded: BoundedMemo[str, str] = BoundedMemo(_fold, _MEMO_LIMIT)


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
        if _usable(len(keys)):
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
    expected_share = _expected_share(threshold)
    # The shortest sketch gives the lowest bar any pair can have: most pairs (one shared
    # stock phrase) fall below it and are dropped before sorting.
    lowest = _bar(min(map(len, sketches.values()), default=0), expected_share)
    found: dict[tuple[str, str], float] = {}
    for (a, b), count in sorted(item for item in shared.items() if item[1] >= lowest):
        if count < _bar(min(len(sketches[a]), len(sketches[b])), expected_share):
            continue
        score = similarity(a, b)
        if score >= threshold:
            found[(a, b)] = score
    return _by_key(found)


class SketchIndex:
    """The inverted index of near_duplicate_sketches kept between runs (digest serve), so
    that a run after a few texts changed looks only at the pairs whose standing can have
    changed, and gives exactly what near_duplicate_sketches would for the new sketches:

    - every pair of a changed (new, edited, deleted) text;
    - the pairs of the other texts in a bucket that crossed MAX_BUCKET, or the lower limit,
      either way (they gain or lose a shared value);
    - the pairs of the texts whose sketch is identical to a changed text's old or new one
      (identical sketches are paired from the first of them).

    Each is judged by the full run's rule (a candidate if paired as identical, or if its
    shared values in usable buckets reach its bar; then kept if its similarity reaches the
    threshold).
    """

    def __init__(self, sketches: Mapping[str, list[int]], result: Mapping[str, list[tuple[str, float]]], threshold: float):
        self.sketches = {key: list(sketch) for key, sketch in sketches.items()}
        self.threshold = threshold
        self.index: dict[int, set[str]] = defaultdict(set)
        self.groups: dict[tuple[int, ...], set[str]] = defaultdict(set)  # identical sketches
        for key, sketch in self.sketches.items():
            self.groups[tuple(sketch)].add(key)
            for value in sketch:
                self.index[value].add(key)
        self.pairs: dict[tuple[str, str], float] = {
            (key, other): score for key, found in result.items() for other, score in found if key < other
        }

    def update(
        self, sketches: Mapping[str, list[int]], changed: set[str], similarity: Callable[[str, str], float], threshold: float
    ) -> dict[str, list[tuple[str, float]]] | None:
        """`changed`: every key whose text changed, came or went since the last run (None:
        another threshold; make a new index from a full run)."""
        if threshold != self.threshold:
            return None
        values: set[int] = set()
        groups: set[tuple[int, ...]] = set()
        for key in changed:
            for sketch in (self.sketches.get(key), sketches.get(key)):
                if sketch:
                    values.update(sketch)
                    groups.add(tuple(sketch))
        usable_before = {value: _usable(len(self.index.get(value, ()))) for value in values}
        for key in changed:  # take the changed texts out, then put their new sketches in
            old = self.sketches.pop(key, None)
            if old is not None:
                self._drop(key, old)
        for key in changed:
            new = sketches.get(key)
            if new is not None:
                self.sketches[key] = list(new)
                self.groups[tuple(new)].add(key)
                for value in new:
                    self.index[value].add(key)
        look: set[tuple[str, str]] = set()
        for key in changed:
            sketch = self.sketches.get(key)
            if sketch is None:
                continue
            others = set(self.groups[tuple(sketch)])
            for value in sketch:
                bucket = self.index[value]
                if _usable(len(bucket)):
                    others |= bucket
            look.update((key, other) if key < other else (other, key) for other in others if other != key)
        unchanged = [value for value in values if usable_before[value] != _usable(len(self.index.get(value, ())))]
        for members in [self.index.get(value, set()) for value in unchanged] + [self.groups.get(group, set()) for group in groups]:
            rest = sorted(members - changed)
            look.update(combinations(rest, 2))
        self.pairs = {pair: score for pair, score in self.pairs.items() if pair[0] not in changed and pair[1] not in changed}
        expected_share = _expected_share(threshold)
        for a, b in sorted(look):
            self.pairs.pop((a, b), None)
            if a in self.sketches and b in self.sketches and self._candidate(a, b, expected_share):
                score = similarity(a, b)
                if score >= threshold:
                    self.pairs[(a, b)] = score
        return _by_key(self.pairs)

    def _drop(self, key: str, sketch: list[int]) -> None:
        group = self.groups[tuple(sketch)]
        group.discard(key)
        if not group:
            del self.groups[tuple(sketch)]
        for value in sketch:
            bucket = self.index[value]
            bucket.discard(key)
            if not bucket:
                del self.index[value]

    def _candidate(self, a: str, b: str, expected_share: float) -> bool:
        """near_duplicate_sketches' rule for the pair a < b."""
        sa, sb = self.sketches[a], self.sketches[b]
        if sa == sb and a == min(self.groups[tuple(sa)]):
            return True  # identical sketches: paired with the first of them
        count = sum(1 for value in set(sa).intersection(sb) if _usable(len(self.index[value])))
        return count >= _bar(min(len(sa), len(sb)), expected_share)


def _usable(bucket_size: int) -> bool:
    """A sketch value shared by this many texts counts as evidence (not alone, not a stock phrase)."""
    return 1 < bucket_size <= MAX_BUCKET


def _expected_share(threshold: float) -> float:
    """The share of sketch values two texts at the threshold's similarity have in common."""
    return 2 * threshold / (1 + threshold)


def _bar(sketch_length: int, expected_share: float) -> int:
    """Shared usable values a pair needs before the exact comparison (half the expected
    share of the shorter sketch: slack for sampling error)."""
    return max(1, int(sketch_length * expected_share * 0.5))


def _by_key(pairs: Mapping[tuple[str, str], float]) -> dict[str, list[tuple[str, float]]]:
    """key → [(other key, similarity)], best first, from the pairs (a, b) found."""
    result: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), score in pairs.items():
        result[a].append((b, score))
        result[b].append((a, score))
    return {key: sorted(found, key=lambda item: (-item[1], item[0])) for key, found in result.items()}
