"""Slugs for entries and tags: readable, stable, safe as one path segment, never empty.

Arabic stays Arabic (python-slugify with allow_unicode): transliteration is lossy and makes
different words collide. Diacritics and tatweel are removed first, because python-slugify
treats combining marks as separators (شكرًا → "شكر-ا").
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from .arabic import strip_bidi_controls, strip_diacritics
from .memo import BoundedMemo

MAX_SLUG_CHARS = 80
# Names Windows refuses as files, whatever the extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def make_slug(text: str, fallback_seed: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """A path-safe slug of text; if nothing usable is left, a short hash of fallback_seed."""
    from slugify import slugify  # here: ~9 ms to import, and reading content/ never needs it

    cleaned = strip_diacritics(strip_bidi_controls(unicodedata.normalize("NFC", text)))
    slug = slugify(cleaned, allow_unicode=True, max_length=max_chars, word_boundary=True, save_order=True)
    slug = unicodedata.normalize("NFC", slug)
    if not all(map(_slug_chars.__getitem__, slug)):  # python-slugify keeps "²", "Ⅻ", "_"…
        slug = re.sub("-{2,}", "-", "".join(ch if _is_slug_char(ch) else "-" for ch in slug))
    slug = slug.strip("-.")
    if not slug or slug in _WINDOWS_RESERVED or set(slug) <= {"-", "_"}:
        slug = "x-" + hashlib.sha1(fallback_seed.encode("utf-8")).hexdigest()[:10]
    return slug


def unique_slug(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3, ... whichever is free (case-insensitively)."""
    return SlugAllocator(taken).claim(base)


class SlugAllocator:
    """Hands out collision-free slugs (case-insensitively, as file systems may compare).

    Keeps the case-folded taken set between claims, so a batch of n new entries costs
    O(n), not O(n²) as re-folding the whole set per claim would; and, per base, the suffix
    its last claim stopped at: names are never given back, so every lower suffix is still
    taken, and the k-th article with one headline costs one look-up, not k.
    """

    def __init__(self, taken: set[str] | None = None):
        self._taken = {t.casefold() for t in taken or ()}
        self._next_suffix: dict[str, int] = {}  # base → the first suffix not known taken

    def claim(self, base: str) -> str:
        slug = base
        if base.casefold() in self._taken:
            n = self._next_suffix.get(base, 2)
            slug = f"{base}-{n}"
            while slug.casefold() in self._taken:
                n += 1
                slug = f"{base}-{n}"
            self._next_suffix[base] = n + 1
        self._taken.add(slug.casefold())
        return slug


def is_safe_slug(slug: str) -> bool:
    """True if slug can be one path segment under the output directory."""
    return (
        bool(slug)
        and len(slug.encode("utf-8")) <= 200
        and slug not in {".", ".."}
        and not any(ch in slug for ch in '/\\\x00:*?"<>|')
        and slug.split(".")[0].casefold() not in _WINDOWS_RESERVED
        and slug == unicodedata.normalize("NFC", slug)
    )


def is_safe_file_slug(slug: str) -> bool:
    """True if a content file's name (without .md) may be an entry's slug: a safe path
    segment of letters (with their combining marks), digits and '-' only — no '%', '#',
    '.', spaces or control characters, which would break URLs, feeds and the sitemap."""
    return is_safe_slug(slug) and all(map(_slug_chars.__getitem__, slug))  # memo per character (below)


def _is_slug_char(ch: str) -> bool:
    if ch == "-" or ("a" <= ch <= "z") or ("0" <= ch <= "9"):
        return True
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd"


# Character → _is_slug_char, looked up once per distinct character (every character of every
# new entry's slug passes through make_slug, and every content file's name through
# is_safe_file_slug). Characters are finite: the limit is never reached in practice.
_slug_chars: BoundedMemo[str, bool] = BoundedMemo(_is_slug_char, 1_200_000)
