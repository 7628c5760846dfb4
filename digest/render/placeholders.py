"""Where a hashtag sits in a rendered body until its link is known: one marker for the
Markdown fast path (digest.render.markdown) and the mistune plugin (digest.render.markdown_full),
in a module of its own so that neither imports the other."""
from __future__ import annotations

import re

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use code points: never in real text (stripped first)
PLACEHOLDER_RE = re.compile(f"{MARK_OPEN}([^{MARK_OPEN}{MARK_CLOSE}]+){MARK_CLOSE}")


def hashtag_placeholder(raw: str) -> str:
    """What a hashtag is in a rendered body until link_hashtags resolves it (both paths)."""
    return f"{MARK_OPEN}{raw}{MARK_CLOSE}"
