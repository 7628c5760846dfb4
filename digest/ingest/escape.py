"""Article paragraphs → the Markdown body of a new entry, escaped as
digest.content.entries.escape_markdown escapes them, with a fast path.

Most paragraphs hold nothing Markdown would read (no `\\ ` * _ [ ] < > | ~`, no line
break, no block marker at the start): escape_markdown returns those unchanged, so they are
recognised with one character-class search instead of being rewritten by its substitution
(~2.5x faster on news text; tests/test_ingest_equivalence.py checks the entries)."""
from __future__ import annotations

import re

from ..content.entries import escape_markdown

# What escape_markdown may change: escapable characters and line breaks; `#` only matters
# at the start of a line (a heading marker), and hashtags elsewhere are left as they are.
_MARKDOWN_SIGNIFICANT_RE = re.compile(r"[\\`*_\[\]<>|~\n]")
_BLOCK_MARKERS = "#+-="  # with a digit, what escape_markdown's block-start rule may escape


def _unchanged_by_escaping(paragraph: str) -> bool:
    return (
        bool(paragraph)
        and _MARKDOWN_SIGNIFICANT_RE.search(paragraph) is None
        and paragraph[0] not in _BLOCK_MARKERS
        and not paragraph[0].isdigit()
        and not paragraph[0].isspace()
        and not paragraph[-1].isspace()
    )


def markdown_body(paragraphs: list[str]) -> str:
    """body_from_paragraphs(paragraphs), byte for byte."""
    return "\n\n".join([p if _unchanged_by_escaping(p) else escape_markdown(p) for p in paragraphs])
