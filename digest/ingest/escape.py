"""Article paragraphs → the Markdown body of a new entry, escaped as
digest.content.entries.escape_markdown escapes them, with a fast path.

Most paragraphs hold nothing Markdown would read (no `\\ ` * _ [ ] < > | ~` except an `_`
inside a hashtag, no line break, no block marker at the start): escape_markdown returns
those unchanged, so they are recognised with a character-class search or two instead of
being rewritten by its substitution (~2.5x faster on news text;
tests/test_ingest_equivalence.py checks the entries)."""
from __future__ import annotations

import re

from ..content.entries import escape_markdown
from ..text.hashtags import TAG_CHARS

# What escape_markdown may change: escapable characters and line breaks; `#` only matters
# at the start of a line (a heading marker), and hashtags elsewhere are left as they are.
_MARKDOWN_SIGNIFICANT_RE = re.compile(r"[\\`*_\[\]<>|~\n]")
_SIGNIFICANT_BUT_UNDERSCORE_RE = re.compile(r"[\\`*\[\]<>|~\n]")
# What escape_markdown keeps whole, underscores included (#الخطة_الجديدة).
_HASHTAG_TOKEN_RE = re.compile(f"#{TAG_CHARS}+")
_BLOCK_MARKERS = "#+-="  # with a digit, what escape_markdown's block-start rule may escape


def _unchanged_by_escaping(paragraph: str) -> bool:
    if (
        not paragraph
        or paragraph[0] in _BLOCK_MARKERS
        or paragraph[0].isdigit()
        or paragraph[0].isspace()
        or paragraph[-1].isspace()
    ):
        return False
    if _MARKDOWN_SIGNIFICANT_RE.search(paragraph) is None:
        return True
    # Multi-word hashtags are common: an underscore inside one is not escaped, so a
    # paragraph whose only significant characters are such underscores is unchanged too.
    # escape_markdown scans for hashtags and escapable characters in one pass, but `#` is
    # not escapable, so its hashtags are exactly the ones this pattern finds.
    return (
        _SIGNIFICANT_BUT_UNDERSCORE_RE.search(paragraph) is None
        and "_" not in _HASHTAG_TOKEN_RE.sub("", paragraph)
    )


def markdown_body(paragraphs: list[str]) -> str:
    """body_from_paragraphs(paragraphs), byte for byte."""
    return "\n\n".join([p if _unchanged_by_escaping(p) else escape_markdown(p) for p in paragraphs])
