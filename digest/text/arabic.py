"""Arabic text helpers: identity normalisation, invisible marks, digits.

Identity normalisation is for *matching* (tag identity, search, duplicate detection);
displayed text is never normalised this way.
"""
from __future__ import annotations

import re
import unicodedata

# Invisible direction marks that scrapers leave in headlines and hashtags.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")

_IDENTITY_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        TATWEEL: None,
    }
)

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def strip_bidi_controls(text: str) -> str:
    """Remove invisible direction marks (LRM, RLM, embeddings, overrides, isolates)."""
    return _BIDI_RE.sub("", text)


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel, keeping the letters."""
    return _DIACRITICS_RE.sub("", text).replace(TATWEEL, "")


def normalize_identity(text: str) -> str:
    """The form under which two spellings count as the same word.

    أ إ آ ٱ → ا, ى → ي, ة → ه, hamza seats folded, tatweel and diacritics removed,
    Latin case folded, Eastern Arabic digits → 0-9, whitespace/underscores collapsed.
    """
    # Hot path (every paragraph at ingest, every summary): str.replace per folded letter is
    # several times faster than str.translate with a dict table; the result is the same.
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _INVISIBLE_OR_MARK_RE.sub("", text)
        for letter, folded in _IDENTITY_FOLDS:
            if letter in text:
                text = text.replace(letter, folded)
    text = text.casefold()
    return " ".join(text.replace("_", " ").split())


# normalize_identity's fast path: bidi controls, diacritics and tatweel in one pass.
_INVISIBLE_OR_MARK_RE = re.compile(f"[{BIDI_CONTROLS}\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed{TATWEEL}]")
_IDENTITY_FOLDS = (
    *{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}.items(),
    *zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"),
)


def normalize_digits(text: str) -> str:
    """Eastern Arabic and Persian digits → ASCII digits."""
    return text.translate(_EASTERN_DIGITS)


_ARABIC_LETTER_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def arabic_letter_count(text: str) -> int:
    return len(_ARABIC_LETTER_RE.findall(text))


def latin_letter_count(text: str) -> int:
    return len(_LATIN_LETTER_RE.findall(text))


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER_RE.search(text) is not None
