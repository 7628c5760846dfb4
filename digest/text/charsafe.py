"""Characters no page or feed may contain, whatever a scraper or an editor put in the text.

HTML5 treats control characters and noncharacters as parse errors and XML 1.0 forbids
most C0 controls outright, so one stray byte (a NUL escaped in YAML, a \\x01 from a
scrape) would make a page invalid and a feed unreadable. They carry no text, so they are
removed on the way in: when a seed is read and when a content file is loaded.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

# C0 controls except tab, LF and CR; DEL and C1 controls; noncharacters; lone surrogates.
_INVALID_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
# Explicit embeddings, overrides and isolates: in a one-line field (headline, tag, byline)
# an unclosed one would reverse the text that follows it on the page.
_DIRECTION_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


# The same class without the astral noncharacters: those 32 scattered code points make the
# regex engine test every character against a list (~30x slower on article text), so the
# full class is used only when the text has characters beyond the BMP at all.
_INVALID_BMP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")


def strip_invalid_chars(text: str) -> str:
    if text.isascii():
        return _INVALID_BMP_RE.sub("", text)
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):  # BMP only
        return _INVALID_BMP_RE.sub("", text)
    return _INVALID_RE.sub("", text)


def has_invalid_chars(text: str) -> bool:
    """Would strip_invalid_chars change text? (A search: no copy of the text.)"""
    bmp_only = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
    return (_INVALID_BMP_RE if bmp_only else _INVALID_RE).search(text) is not None


def strip_direction_controls(text: str) -> str:
    return _DIRECTION_CONTROLS_RE.sub("", text)


def clean_strings(value: Any) -> Any:
    """strip_invalid_chars applied to every string (keys too) in YAML-loaded data."""
    if isinstance(value, str):
        return strip_invalid_chars(value)
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {clean_strings(k): clean_strings(v) for k, v in value.items()}
    return value


# Categories whose characters show nothing (or move other text): Cc controls, Cf format
# (bidi controls, zero-width characters), Cs/Co/Cn surrogates, private use, unassigned,
# Zl/Zp line and paragraph separators.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Default-ignorable characters of other categories that render blank or not at all
# (Hangul fillers, the combining grapheme joiner, variation selectors).
_BLANK_OTHERS = frozenset({0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x180B, 0x180C, 0x180D, 0x180F})
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


@functools.cache  # per character, pure: the review dashboard asks it for every letter of 4,000 slugs
def is_invisible(char: str) -> bool:
    """True for a character a reader cannot see (or that reorders what they see)."""
    code = ord(char)
    if char == " ":
        return False
    category = unicodedata.category(char)
    return (
        category in _INVISIBLE_CATEGORIES
        or category == "Zs"  # no-break and other odd spaces look like " " but are not
        or code in _BLANK_OTHERS
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


# The invisible characters str.isprintable() passes: those of _BLANK_OTHERS and the
# variation selectors (the rest of is_invisible is exactly what it refuses: the categories
# above and Zs, but for " ").
_PRINTABLE_BUT_INVISIBLE_RE = re.compile(
    "[" + "".join(chr(code) for code in sorted(_BLANK_OTHERS)) + "\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)


def has_invisible(text: str) -> bool:
    """Is any character of text invisible (is_invisible)? In C, not a call per character."""
    return not text.isprintable() or _PRINTABLE_BUT_INVISIBLE_RE.search(text) is not None


def escape_char(char: str) -> str:
    """The ANSI-C escape of one character: \\n, \\t, \\r, \\xHH, \\uHHHH or \\UHHHHHHHH."""
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """The text with every invisible character written as its escape (for names shown, not run)."""
    if not has_invisible(text):
        return text
    return "".join(escape_char(char) if is_invisible(char) else char for char in text)
