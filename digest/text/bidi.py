"""Direction isolation for mixed-script text: a Latin run inside Arabic (a name, "CNN",
"COVID-19") or an Arabic run inside English is wrapped in <bdi>, so neighbouring
punctuation and numbers keep their places.

Works on *escaped* HTML text; entities (&amp;, &#x27;) and hashtag placeholders are never
split. `isolate_html` applies it to the text between tags of an HTML fragment.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .arabic import ARABIC_SCRIPT

_LATIN = "A-Za-z\u00c0-\u024f"
_ARABIC = ARABIC_SCRIPT
# Starts with a Latin letter not glued to a word, an entity (&, #) or a placeholder (\ue000).
_LATIN_RUN = re.compile(rf"(?<![\w&#\ue000])[{_LATIN}](?:[{_LATIN}0-9 .,’\-]*[{_LATIN}0-9])?")
_ANY_LATIN = re.compile(f"[{_LATIN}]")  # every run above and below starts with one
_ARABIC_RUN = re.compile(rf"[{_ARABIC}](?:[{_ARABIC}0-9 ،]*[{_ARABIC}])?")
_TAG_SPLIT = re.compile(r"(<[^>]*>)")


def isolate_latin(text: str) -> str:
    if _ANY_LATIN.search(text) is None:  # most Arabic text: one scan, far cheaper than the run pattern's
        return text
    return _LATIN_RUN.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', text)


def isolate_arabic(text: str) -> str:
    return _ARABIC_RUN.sub(lambda m: f'<bdi lang="ar" dir="rtl">{m.group(0)}</bdi>', text)


def isolate_html(html: str) -> str:
    """Isolate Latin runs in the text nodes of an Arabic HTML fragment."""
    parts = _TAG_SPLIT.split(html)
    return "".join(part if i % 2 else isolate_latin(part) for i, part in enumerate(parts))


def arabic_text(value: str | None) -> Markup:
    """Jinja filter for Arabic text: escape, then isolate Latin runs."""
    return Markup(isolate_latin(str(escape(value or ""))))


def english_text(value: str | None) -> Markup:
    """Jinja filter for English text: escape, then isolate Arabic runs."""
    return Markup(isolate_arabic(str(escape(value or ""))))


def isolate_plain(text: str | None) -> str:
    """For <title> and meta content, where no markup can go: Latin runs inside Arabic are
    wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069)."""
    text = str(text or "")  # a plain str either way, as re.sub returns
    if _ANY_LATIN.search(text) is None:
        return text
    return _PLAIN_LATIN_RUN.sub(lambda m: f"\u2068{m.group(0)}\u2069", text)


_PLAIN_LATIN_RUN = re.compile(rf"(?<![\w])[{_LATIN}](?:[{_LATIN}0-9 .,’'&\-]*[{_LATIN}0-9])?")
