"""Characters no page or feed may contain, whatever a scraper or an editor put in the text.

HTML5 treats control characters and noncharacters as parse errors and XML 1.0 forbids
most C0 controls outright, so one stray byte (a NUL escaped in YAML, a \\x01 from a
scrape) would make a page invalid and a feed unreadable. They carry no text, so they are
removed on the way in: when a seed is read and when a content file is loaded.
"""
from __future__ import annotations

import re
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
