"""Automatic review flags: what an editor should look at before approving an entry.

Each flag has a short, stable code (documented in README "Editorial review" and in
`FLAG_DESCRIPTIONS`) and a message saying what exactly was found. Flags are advice, never
errors: they are computed on every build and shown in the review dashboard and panel.
"""
from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..core.config import Config
from ..core.model import Entry, body_hash
from ..ingest.boilerplate import PROMO_CUES, BoilerplateFilter
from ..ingest.summarize import plain_text
from ..text.arabic import ARABIC_SCRIPT, arabic_letter_count, latin_letter_count, normalize_digits, normalize_identity
from ..text.hashtags import TAG_CHARS, extract_hashtags, tag_key
from ..translate.glossary import Glossary
from ..translate.state import is_current, translation_state  # one judgement for the whole tool
from .shingles import (
    SketchIndex,
    WordHashes,
    jaccard,
    near_duplicate_sketches,
    near_duplicate_words,
    shingle_set,
    text_sketch,
    words_of,
)


class Flag(NamedTuple):
    """A review flag. A tuple: the dashboard hashes every row's flags on each preview
    rebuild (its rows are looked up among the last build's), and a tuple hashes in C where a
    frozen dataclass hashes in Python."""

    code: str
    message: str

    @property
    def description(self) -> str:
        """What the code means in general (the message says what was found)."""
        return FLAG_DESCRIPTIONS.get(self.code, "")


# Code → what it means; the order here is the order flags are reported in.
FLAG_DESCRIPTIONS: dict[str, str] = {
    "translation-pending": "No English yet (offline build, provider unreachable, or never translated).",
    "translation-stale": "The Arabic headline or summary changed after the machine translation was made.",
    "glossary-miss": "A glossary term is in the Arabic but its preferred English is not in the translation.",
    "script-mix": "Arabic script left in the English text, or English text left in the Arabic.",
    "number-missing": "A number in the Arabic summary does not appear in the English.",
    "summary-length": "A summary (Arabic or English) is empty, or shorter or longer than configured.",
    "tag-unlabelled": "A tag has no English label (neither in the entry nor in the glossary).",
    "hashtag-not-tag": "A hashtag in the body is not one of the entry's tags, so it is not a tag: no tag page, and linked only if another entry has that tag.",
    "date-unknown": "No date in the file name or header: the ingest date was used.",
    "boilerplate-suspect": "The body still has a paragraph that looks like a promo, credit or link.",
    "near-duplicate": "The body is very similar to another entry's (word-shingle similarity).",
    "headline-in-body": "The headline is repeated in the body.",
}
FLAG_CODES = tuple(FLAG_DESCRIPTIONS)


# --- one check per flag ------------------------------------------------------------------


def _translation_flags(entry: Entry) -> list[Flag]:
    state = translation_state(entry)
    if state == "pending":
        return [Flag("translation-pending", "no English translation yet")]
    if state == "stale":
        return [Flag("translation-stale", "the Arabic changed after it was translated; retranslate or edit the English")]
    return []


def _english_text(entry: Entry) -> str:
    return " ".join(t for t in (entry.title_en, entry.summary_en) if t)


def _glossary_pattern(arabic_key: str) -> re.Pattern[str]:
    # Up to two glued clitics (و ف ب ل ك) before the term; no letters glued after it.
    return re.compile(rf"(?<!\w)[وفبلك]{{0,2}}{re.escape(arabic_key)}(?!\w)")


def _glossary_flags(entry: Entry, glossary_patterns: list[tuple[re.Pattern[str], str, str]]) -> list[Flag]:
    if not glossary_patterns or not is_current(entry):
        return []
    arabic = normalize_identity(f"{entry.title} {entry.summary_ar}")
    english = " ".join(_english_text(entry).casefold().split())
    missing = []
    # Longest terms first; a matched span is blanked so "قوات البيشمركة" is not also
    # checked as "البيشمركة".
    for pattern, term, preferred in glossary_patterns:
        if pattern.search(arabic) is None:
            continue
        arabic = pattern.sub(" ", arabic)
        if " ".join(preferred.casefold().split()) not in english:
            missing.append(f"{term} → {preferred}")
    if not missing:
        return []
    return [Flag("glossary-miss", "preferred English missing: " + "; ".join(missing))]


_LATIN_RUN_RE = re.compile(r"[A-Za-z]+(?:[\s,'’-]+[A-Za-z]+){2,}")  # three or more Latin words in a row
_ARABIC_WORD_RE = re.compile(f"[{ARABIC_SCRIPT}]{{2,}}")


def _script_mix_flags(entry: Entry) -> list[Flag]:
    problems = []
    english_fields = {"title_en": entry.title_en, "summary_en": entry.summary_en}
    english_fields.update({f"tags_en[{k}]": v for k, v in entry.tags_en.items()})
    for name, text in english_fields.items():
        arabic_word = _ARABIC_WORD_RE.search(text) if text else None
        if arabic_word is not None:
            problems.append(f"Arabic in {name}: {arabic_word.group(0)}")
    for name, text in (("title", entry.title), ("summary_ar", entry.summary_ar)):
        latin, arabic = latin_letter_count(text), arabic_letter_count(text)
        run = _LATIN_RUN_RE.search(text)
        # Agencies and acronyms (CNN, BBC) are normal in Arabic news; English sentences are not.
        if run is not None or (latin and latin > 0.3 * (latin + arabic)):
            problems.append(f"English in {name}: {run.group(0) if run else text[:40]}")
    if not problems:
        return []
    return [Flag("script-mix", "; ".join(problems))]


_NUMBER_RE = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)


def numbers_in(text: str) -> list[str]:
    """Numbers in text, canonical: ASCII digits, no thousands separators, '.' for decimals."""
    found = []
    for match in _NUMBER_RE.finditer(normalize_digits(text)):
        raw = match.group(0)
        # "1,500" / "١٬٥٠٠" group thousands; "٫" and a "." or "," not followed by three digits are decimals.
        raw = re.sub(r"[,٬](?=\d{3}(?!\d))", "", raw)
        raw = raw.replace("٫", ".").replace(",", ".")
        found.append(raw.lstrip("0") or "0")
    return found


def _number_flags(entry: Entry) -> list[Flag]:
    if not is_current(entry):
        return []
    english_text = _english_text(entry)
    english = set(numbers_in(english_text))
    words = set(re.findall(r"[a-z]+", english_text.casefold()))
    missing = []
    for number in dict.fromkeys(numbers_in(entry.summary_ar)):
        if number in english:
            continue
        if number.isdigit() and int(number) < len(_NUMBER_WORDS) and _NUMBER_WORDS[int(number)] in words:
            continue  # "three" for 3
        missing.append(number)
    if not missing:
        return []
    return [Flag("number-missing", "not in the English: " + ", ".join(missing))]


def _summary_length_flags(entry: Entry, config: Config) -> list[Flag]:
    if not entry.summary_ar.strip():
        return [Flag("summary-length", "the Arabic summary is empty")]
    low, high = config.review.summary_min_chars, config.review.summary_max_chars
    summaries = [("Arabic", entry.summary_ar)]
    if is_current(entry) and entry.summary_en is not None:
        summaries.append(("English", entry.summary_en))
    problems = []
    for language, text in summaries:
        length = len(text.strip())
        if length < low:
            problems.append(f"{language} summary is {length} characters (minimum {low})")
        elif length > high:
            problems.append(f"{language} summary is {length} characters (maximum {high})")
    return [Flag("summary-length", "; ".join(problems))] if problems else []


def _tag_label_flags(entry: Entry, glossary_keys: dict[str, str]) -> list[Flag]:
    # A tag without Arabic letters (#DeleteFacebook) is its own English label.
    missing = [
        t for t in entry.tags
        if arabic_letter_count(t) and not entry.tags_en.get(t) and normalize_identity(t) not in glossary_keys
    ]
    if not missing:
        return []
    return [Flag("tag-unlabelled", "no English label: " + ", ".join(missing))]


def _body_hashtag_flags(entry: Entry) -> list[Flag]:
    """Hashtags in the body that are not the entry's tags. Ingest makes every hashtag of a
    seed a tag; one an editor types into a body later is not, and stays plain text unless
    some other entry has that tag. Not added silently: the editor decides (tags: or no #)."""
    if "#" not in entry.body:
        return []
    own = {tag_key(name) for name in entry.tags}
    missing = [f"#{tag.name}" for tag in extract_hashtags(entry.body) if tag.key not in own]
    if not missing:
        return []
    return [Flag("hashtag-not-tag", "in the body but not in tags: " + ", ".join(missing) + " (add to tags: to make a tag, or remove the #)")]


def _date_flags(entry: Entry) -> list[Flag]:
    if entry.date_source == "ingest":
        return [Flag("date-unknown", f"date {entry.date.isoformat()} is the ingest date; set the real date and date_source: editor")]
    return []


_URL_RE = re.compile(r"https?://\S+|www\.\S+", re.I)


def _may_hold_link(text: str) -> bool:
    """Plain substring tests first: far cheaper than a case-insensitive regex over a body."""
    lowered_markers = ("http", "HTTP", "Http", "www.", "WWW.", "Www.")
    return any(m in text for m in lowered_markers) and _URL_RE.search(text) is not None


_CANDIDATE_MAX_CHARS = 400  # boilerplate is a short paragraph or line; longer text is article


class BoilerplateSniffer:
    """digest.ingest.boilerplate's patterns and promo heuristic applied to a whole body.

    Checking every paragraph and line of 10k bodies costs seconds, so a body is first
    pre-checked as a whole: the promo heuristic needs two promo cues in one paragraph (so at
    least two in the body), and a pattern that matches a paragraph or line also matches the
    body with ^/$ at line ends. Only bodies that pass are checked piece by piece."""

    def __init__(self, detector: BoilerplateFilter):
        self.detector = detector
        self.body_patterns = [re.compile(p.pattern, re.DOTALL | re.MULTILINE) for p in detector.patterns]
        self.single_cues = frozenset(c for c in PROMO_CUES if " " not in c)
        self.multi_cues = tuple(c for c in PROMO_CUES if " " in c)

    def _cue_count(self, words: list[str]) -> int:
        hits = len(self.single_cues.intersection(words))
        if hits < 2 and self.multi_cues:
            joined = " ".join(words)
            hits += sum(cue in joined for cue in self.multi_cues)
        return hits

    def body_may_have_some(self, body: str, body_words: list[str]) -> bool:
        if self._cue_count(body_words) >= 2:
            return True
        plain = _HASHTAG_MARK_RE.sub(lambda m: m.group(1).replace("_", " "), _ESCAPE_RE.sub(r"\1", body))
        return any(p.search(plain) for p in self.body_patterns)

    def leftover(self, raw: str) -> str | None:
        """The plain text of a paragraph or line if it looks like boilerplate."""
        if len(raw) > _CANDIDATE_MAX_CHARS:
            return None
        text = plain_text(raw)
        if text and (self.detector.matches_pattern(text) or self.detector.looks_like_promo(text)):
            return text
        return None


_ESCAPE_RE = re.compile(r"\\(.)")
_HASHTAG_MARK_RE = re.compile(f"#({TAG_CHARS}+)")


def _boilerplate_flags(entry: Entry, sniffer: BoilerplateSniffer, body_words: list[str]) -> list[Flag]:
    check_pieces = sniffer.body_may_have_some(entry.body, body_words)
    if not check_pieces and not _may_hold_link(entry.body):
        return []
    for paragraph in entry.body.split("\n\n"):
        lines = paragraph.split("\n")
        for raw in ([paragraph, *lines] if len(lines) > 1 else lines) if check_pieces else ():
            found = sniffer.leftover(raw)
            if found is not None:
                return [Flag("boilerplate-suspect", f"looks like a promo or credit: {found[:80]}")]
        url = _URL_RE.search(paragraph)
        if url is not None:
            text = plain_text(paragraph[max(0, url.start() - 60) : url.end()])
            return [Flag("boilerplate-suspect", f"holds a link: {text[-120:]}")]
    return []


def _headline_flags(entry: Entry, body_words: list[str]) -> list[Flag]:
    headline = words_of(entry.title)
    if len(headline) < 4:  # short headlines recur naturally as phrases
        return []
    if f" {' '.join(headline)} " in f" {' '.join(body_words)} ":
        return [Flag("headline-in-body", "the headline is repeated in the body")]
    return []


def _near_duplicate_flag(similar: list[tuple[str, float]], shown: int = 3) -> Flag:
    parts = [f"{similarity:.0%} similar to {other}" for other, similarity in similar[:shown]]
    if len(similar) > shown:
        parts.append(f"and {len(similar) - shown} more")
    return Flag("near-duplicate", "; ".join(parts))


# --- all flags ---------------------------------------------------------------------------


class FlagMemo:
    """What a serving process keeps between review builds, so that an edit re-checks one
    entry, not every one (`digest serve`: ~3 s at 4,000 entries otherwise): each entry's own
    flags by a digest of the entry, body sketches and pair similarities by body hash. Only
    near-duplicate candidates are looked at again, from the sketches. Everything is dropped
    when the configuration or the glossary changes."""

    def __init__(self, same_object_same_entry: bool = False) -> None:
        # True (digest serve's builder): the caller hands over an entry that changed as a new
        # object, or calls forget_objects() after editing entries in place.
        self.same_object_same_entry = same_object_same_entry
        self.settings: str | None = None
        self.own: dict[str, tuple[list[Flag], list[Flag]]] = {}  # entry digest → flags other than near-duplicate
        self.sketches: dict[str, list[int] | None] = {}  # body hash → text_sketch
        self.similarity: dict[tuple[str, str], float] = {}  # (body hash, body hash) → Jaccard
        # The last near-duplicate result and what it was computed from (slug → body hash,
        # threshold): a rebuild that changed no body (a headline, tags, a touch) reuses it.
        self.duplicates: tuple[dict[str, str], float, dict[str, list[tuple[str, float]]]] | None = None
        # The inverted index of the last near-duplicate run, for a run after a few bodies changed.
        self.index: SketchIndex | None = None
        # slug → (the entry object, its digest, its body hash) of the last build: a serving
        # process keeps unchanged entries as the same objects, so their digests need no
        # pickling and hashing again (4,000 entries: ~0.2 s). Dropped when a stage may have
        # edited entries in place (forget_objects).
        self.objects: dict[str, tuple[Entry, str, str]] = {}

    def forget_objects(self, slugs: Iterable[str] | None = None) -> None:
        """Entries may have been changed in place (ingest, translation): digest them again —
        those of `slugs`, or every one."""
        if slugs is None:
            self.objects = {}
            return
        for slug in slugs:
            self.objects.pop(slug, None)

    def start(self, settings: str, entries: list[Entry]) -> dict[str, str]:
        """Begin a build: returns slug → entry digest, and forgets what no entry uses."""
        if settings != self.settings:  # other configuration or glossary: nothing kept holds
            self.settings = settings
            self.own, self.sketches, self.similarity, self.duplicates, self.index = {}, {}, {}, None, None
        known = self.objects if self.same_object_same_entry else {}
        objects: dict[str, tuple[Entry, str, str]] = {}
        for entry in entries:
            kept = known.get(entry.slug)
            if kept is None or kept[0] is not entry:
                kept = (entry, _entry_digest(entry), body_hash(entry.body))
            objects[entry.slug] = kept
        self.objects = objects
        digests = {slug: kept[1] for slug, kept in objects.items()}
        live = set(digests.values())
        self.own = {d: flags for d, flags in self.own.items() if d in live}
        return digests

    def body_keys(self, entries: list[Entry]) -> dict[str, str]:
        """slug → body hash (from start() where it has the entry)."""
        objects = self.objects
        keys = {}
        for entry in entries:
            kept = objects.get(entry.slug)
            keys[entry.slug] = kept[2] if kept is not None and kept[0] is entry else body_hash(entry.body)
        return keys


def _entry_digest(entry: Entry) -> str:
    # pickle is C-speed and covers every field; two pickles of equal entries can differ
    # (shared strings), which only costs a re-check, never a wrong flag.
    return hashlib.blake2b(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).hexdigest()


def compute_flags(entries: Iterable[Entry], glossary: Glossary, config: Config, memo: FlagMemo | None = None) -> dict[str, list[Flag]]:
    """slug → flags (in FLAG_CODES order) for every entry; entries without flags map to [].
    With a memo (kept by the caller between builds) unchanged entries are not checked again."""
    entries = list(entries)
    glossary_keys = glossary.by_key()
    glossary_patterns = sorted(
        ((_glossary_pattern(normalize_identity(term)), term, en) for term, en in glossary.terms.items()),
        key=lambda item: -len(normalize_identity(item[1])),
    )
    sniffer = BoilerplateSniffer(BoilerplateFilter(config.ingest.boilerplate_patterns))
    digests = memo.start(repr((config, glossary.terms, glossary.labels)), entries) if memo is not None else {}
    body_words: dict[str, list[str]] = {}

    def words(entry: Entry) -> list[str]:  # Markdown escapes and '#' are not words
        found = body_words.get(entry.slug)
        if found is None:
            found = body_words[entry.slug] = words_of(entry.body)
        return found

    own: dict[str, tuple[list[Flag], list[Flag]]] = {}  # slug → (flags before, after near-duplicate)
    for entry in entries:
        known = memo.own.get(digests[entry.slug]) if memo is not None else None
        if known is None:
            before = [
                *_translation_flags(entry),
                *_glossary_flags(entry, glossary_patterns),
                *_script_mix_flags(entry),
                *_number_flags(entry),
                *_summary_length_flags(entry, config),
                *_tag_label_flags(entry, glossary_keys),
                *_body_hashtag_flags(entry),
                *_date_flags(entry),
                *_boilerplate_flags(entry, sniffer, words(entry)),
            ]
            known = (before, _headline_flags(entry, words(entry)))
            if memo is not None:
                memo.own[digests[entry.slug]] = known
        own[entry.slug] = known
    duplicates = _near_duplicates(entries, words, config.review.near_duplicate, memo)
    result: dict[str, list[Flag]] = {}
    for entry in entries:
        before, after = own[entry.slug]
        near = [_near_duplicate_flag(duplicates[entry.slug])] if entry.slug in duplicates else []
        result[entry.slug] = [*before, *near, *after]
    return result


def _near_duplicates(
    entries: list[Entry], words: Callable[[Entry], list[str]], threshold: float, memo: FlagMemo | None
) -> dict[str, list[tuple[str, float]]]:
    """Near-duplicate bodies by slug; with a memo, sketches and pair similarities of bodies
    seen before are reused (keyed by the bodies' hashes)."""
    if memo is None:
        return near_duplicate_words({e.slug: words(e) for e in entries}, threshold)
    by_slug = {e.slug: e for e in entries}
    body_keys = memo.body_keys(entries)
    if memo.duplicates is not None and memo.duplicates[0] == body_keys and memo.duplicates[1] == threshold:
        return {slug: list(pairs) for slug, pairs in memo.duplicates[2].items()}
    hashes = WordHashes()
    sketches: dict[str, list[int]] = {}
    for entry in entries:
        key = body_keys[entry.slug]
        if key not in memo.sketches:
            memo.sketches[key] = text_sketch(words(entry), hashes)
        sketch = memo.sketches[key]
        if sketch is not None:
            sketches[entry.slug] = sketch
    live = set(body_keys.values())
    memo.sketches = {key: sketch for key, sketch in memo.sketches.items() if key in live}
    shingles: dict[str, set[int]] = {}

    def shingles_of(slug: str) -> set[int]:
        found = shingles.get(slug)
        if found is None:
            found = shingles[slug] = shingle_set(words(by_slug[slug]), hashes)
        return found

    def similarity(a: str, b: str) -> float:
        pair = (body_keys[a], body_keys[b])
        score = memo.similarity.get(pair)
        if score is None:
            score = memo.similarity[pair] = jaccard(shingles_of(a), shingles_of(b))
        return score

    result: dict[str, list[tuple[str, float]]] | None = None
    if memo.index is not None and memo.duplicates is not None:
        # Only the pairs of the bodies that changed, came or went are looked for again.
        last = memo.duplicates[0]
        changed = {slug for slug in last.keys() | body_keys.keys() if last.get(slug) != body_keys.get(slug)}
        result = memo.index.update(sketches, changed, similarity, threshold)
    if result is None:
        result = near_duplicate_sketches(sketches, similarity, threshold)
        memo.index = SketchIndex(sketches, result, threshold)
    memo.similarity = {pair: score for pair, score in memo.similarity.items() if pair[0] in live and pair[1] in live}
    memo.duplicates = (body_keys, threshold, {slug: list(pairs) for slug, pairs in result.items()})
    return result
