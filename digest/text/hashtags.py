"""Inline #hashtags in Arabic (and Latin) news text.

Rules (see README "Hashtags"):
- `#word` / `#word_word`: letters of any script, digits, Arabic diacritics; at least one letter.
- The `#` starts the text, follows whitespace or an opening quote/bracket, or follows a glued
  Arabic clitic (و ف ب ل ك, up to two, optionally with tatweel: `و#tag`, `بـ#tag`).
- Not a hashtag: `###heading`, `C#`, a URL's `#fragment` (the `#` follows a non-boundary char).
- Closing punctuation (، . : ؛ ؟ ! » ” " )) ends the tag; a trailing `_` is not part of it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .arabic import ARABIC_MARKS, TATWEEL, normalize_identity, strip_bidi_controls

# `\w` is letters and digits of any script plus `_`; Arabic marks must be added.
TAG_CHARS = rf"[\w{ARABIC_MARKS}]"  # what may follow the `#`
_BOUNDARY = r"\s«“\"'‘(\[{<>*"
# A `#` is a hashtag start only after a boundary (or text start), optionally through a clitic.
HASHTAG_RE = re.compile(
    rf"(?<![^{_BOUNDARY}])(?P<clitic>[وفبلك]{{1,2}}{TATWEEL}?)?#(?P<tag>{TAG_CHARS}+)"
)


@dataclass(frozen=True)
class Hashtag:
    name: str  # display form: underscores → spaces
    raw: str  # as written after `#`, without a trailing underscore
    key: str  # identity across the site (Arabic-normalised)


def clean_tag(raw: str) -> str | None:
    """Strip underscores at the ends; None if nothing tag-like is left."""
    raw = raw.strip("_")
    if not raw or not any(ch.isalpha() for ch in raw):
        return None
    return raw


def display_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def tag_key(name: str) -> str:
    return normalize_identity(name)


def iter_hashtag_matches(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Yield (match, cleaned raw tag) for every hashtag occurrence in text."""
    if "#" not in text:  # most paragraphs: skip the regex scan altogether
        return
    for match in HASHTAG_RE.finditer(text):
        raw = clean_tag(match.group("tag"))
        if raw is not None:
            yield match, raw


# Fast path for extract_hashtags: find `#word` first (a literal, so the regex engine can skip
# ahead), then check what precedes the `#` by hand. Same results as HASHTAG_RE (a test
# compares them), ~10x faster on article text, where HASHTAG_RE's leading look-behind makes
# the engine try every position.
_TAG_AFTER_HASH_RE = re.compile(rf"#(?P<tag>{TAG_CHARS}+)")
_BOUNDARY_PUNCT = frozenset("«“\"'‘([{<>*")
_CLITICS = frozenset("وفبلك")


def _is_boundary(text: str, i: int) -> bool:
    return i < 0 or text[i].isspace() or text[i] in _BOUNDARY_PUNCT


def _hash_starts_tag(text: str, pos: int) -> bool:
    """True if the `#` at pos opens a hashtag: after a boundary, or a glued clitic after one."""
    if _is_boundary(text, pos - 1):
        return True
    i = pos - 1
    if text[i] == TATWEEL:  # tatweel after the clitic: بـ#tag
        i -= 1
    for _ in range(2):  # one or two clitic letters: و#tag, وب#tag
        if i < 0 or text[i] not in _CLITICS:
            return False
        i -= 1
        if _is_boundary(text, i):
            return True
    return False


def iter_raw_tags(text: str) -> Iterator[str]:
    """The cleaned raw tags of text, in order (what iter_hashtag_matches yields, faster)."""
    if "#" not in text:
        return
    for match in _TAG_AFTER_HASH_RE.finditer(text):
        if _hash_starts_tag(text, match.start()):
            raw = clean_tag(match.group("tag"))
            if raw is not None:
                yield raw


class _HashtagsByRaw(dict[str, Hashtag]):
    """Raw tag → its Hashtag, built once per distinct tag: a site's tags recur from article to
    article, and normalising each occurrence again was most of extract_hashtags' time."""

    def __missing__(self, raw: str) -> Hashtag:
        if len(self) > 50_000:
            self.clear()
        value = self[raw] = Hashtag(name=display_name(raw), raw=raw, key=tag_key(raw))
        return value


_hashtag_for = _HashtagsByRaw()


def extract_hashtags(text: str, limit: int | None = None) -> list[Hashtag]:
    """Unique hashtags in first-appearance order (identity by Arabic normalisation)."""
    seen: dict[str, Hashtag] = {}
    if "#" not in text:
        return []
    for raw in iter_raw_tags(strip_bidi_controls(text)):
        hashtag = _hashtag_for[raw]
        if hashtag.key and hashtag.key not in seen:
            seen[hashtag.key] = hashtag
            if limit is not None and len(seen) >= limit:
                break
    return list(seen.values())


def hashtag_end(src: str, hash_at: int) -> tuple[str, int] | None:
    """Whether the `#` at hash_at starts a hashtag (after a boundary, or a glued clitic):
    (raw tag, end of the token — a trailing `_` stays text), or None."""
    for back in range(4):  # up to two clitic letters and a tatweel before the `#`
        start = hash_at - back
        if start < 0:
            break
        found = HASHTAG_RE.match(src, start)
        if found is None or found.start("tag") - 1 != hash_at:
            continue
        raw = clean_tag(found.group("tag"))
        if raw is None:
            return None
        return raw, found.start("tag") + len(found.group("tag").rstrip("_"))
    return None
