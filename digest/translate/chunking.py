"""Split long text into provider-sized chunks at sentence boundaries.

Providers cap request size (Google < 5,000 characters, MyMemory < 500, LibreTranslate
puts the text in the URL). A chunk ends at a sentence end where possible, then at a
clause mark (، ؛ , ;), then at a space; only a single unbroken run is cut hard.
"""
from __future__ import annotations

import re

from ..ingest.summarize import split_sentences

_CLAUSE_RE = re.compile(r"(?<=[،؛,;:])\s+")


def _split_long(piece: str, limit: int) -> list[str]:
    if len(piece) <= limit:
        return [piece]
    for splitter in (_CLAUSE_RE, re.compile(r"\s+")):
        parts = [p for p in splitter.split(piece) if p]
        if len(parts) > 1:
            return _pack(parts, limit)
    return [piece[i : i + limit] for i in range(0, len(piece), limit)]


def _pack(parts: list[str], limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for part in parts:
        for small in _split_long(part, limit):
            candidate = f"{current} {small}" if current else small
            if len(candidate) <= limit:
                current = candidate
            else:
                if current:
                    chunks.append(current)
                current = small
    if current:
        chunks.append(current)
    return chunks


def chunk_text(text: str, limit: int) -> list[str]:
    """Pieces of `text`, each at most `limit` characters, joined by a space they rebuild it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return [text] if text else []
    return _pack(split_sentences(text) or [text], limit)
