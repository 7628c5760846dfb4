"""Arabic text helpers and THE Arabic character classes: marks, letters, digits, tatweel.

Every regex in digest that needs an Arabic character class builds it from the constants
here (character-class bodies, to put inside `[...]`), so hashtags, flags, summaries,
glossary matching and duplicate detection agree on what a mark or a letter is.

Identity normalisation is for *matching* (tag identity, search, duplicate detection);
displayed text is never normalised this way.
"""
from __future__ import annotations

import re
import unicodedata

# Invisible direction marks that scrapers leave in headlines and hashtags.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")

# --- Character classes (bodies for `[...]`) ---------------------------------------------
# Tatweel (kashida) stretches a word; a letter-like filler (category Lm), not a mark.
TATWEEL = "\u0640"
# The combining marks (category Mn) of the Arabic, Arabic Supplement, Arabic Extended-A
# and Presentation Forms blocks: harakat, tanween, shadda, sukun, superscript alef, the
# honorific signs and the Quranic annotation marks. Python's `\w` does not match them, so
# a word pattern must add them. Not marks: U+06DD (end of ayah, Cf), U+06DE and U+06E9
# (symbols, So), U+06E5/U+06E6 (small waw/yeh, Lm: letters, already in `\w`).
# tests/test_arabic_classes.py checks this equals the Mn set of those blocks.
ARABIC_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08ca-\u08e1\u08e3-\u08ff"
)
# Any character of the Arabic script blocks (letters, marks, digits, punctuation):
# Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms-A and -B.
ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# The basic Arabic letters hamza … yeh (U+0621–U+064A; includes tatweel, U+0640).
ARABIC_BASIC_LETTERS = "\u0621-\u064a"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"  # U+0660–U+0669
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"  # Extended Arabic-Indic, U+06F0–U+06F9
# Letter folds of identity normalisation (tatweel, marks and digits are handled apart).
IDENTITY_LETTER_FOLDS: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
}
# Eastern digit → ASCII digit, for both digit sets.
EASTERN_DIGIT_FOLDS: dict[str, str] = dict(
    zip(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
)

# --- Compiled patterns ---------------------------------------------------------------------
ARABIC_MARK_RE = re.compile(f"[{ARABIC_MARKS}]")
ARABIC_SCRIPT_RE = re.compile(f"[{ARABIC_SCRIPT}]")
_DIACRITICS_RE = ARABIC_MARK_RE

_EASTERN_DIGITS = str.maketrans(EASTERN_DIGIT_FOLDS)


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
_INVISIBLE_OR_MARK_RE = re.compile(f"[{BIDI_CONTROLS}{ARABIC_MARKS}{TATWEEL}]")
_IDENTITY_FOLDS = (*IDENTITY_LETTER_FOLDS.items(), *EASTERN_DIGIT_FOLDS.items())


def normalize_digits(text: str) -> str:
    """Eastern Arabic and Persian digits → ASCII digits."""
    return text.translate(_EASTERN_DIGITS)


_ARABIC_LETTER_RE = ARABIC_SCRIPT_RE
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def arabic_letter_count(text: str) -> int:
    return len(_ARABIC_LETTER_RE.findall(text))


def latin_letter_count(text: str) -> int:
    return len(_LATIN_LETTER_RE.findall(text))


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER_RE.search(text) is not None
