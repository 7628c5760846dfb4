"""Article bodies: Markdown → HTML with mistune (raw HTML escaped) and hashtags as tag links.

Most news bodies are plain paragraphs: those get their HTML from a fast path that answers
exactly as mistune would (below); mistune itself (digest.render.markdown_full) is imported only
when a body needs it.

Rendering is split in two so the expensive part can be cached by content hash and run in
worker processes:

1. `render_body(markdown)` → HTML in which every hashtag is a *placeholder*
   (`\\ue000raw\\ue001`). It depends on the Markdown text only.
2. `link_hashtags(html, resolve)` swaps each placeholder for a link (or plain text) once the
   tag pages and the page's relative root are known. That is one regex pass.
"""
from __future__ import annotations

import importlib.machinery
import os
import re
from collections.abc import Callable, MutableMapping
from typing import Any

from markupsafe import escape

from ..core.model import body_hash
from ..text.bidi import isolate_html, isolate_latin
from ..text.hashtags import hashtag_end
from .placeholders import MARK_CLOSE, MARK_OPEN, PLACEHOLDER_RE, hashtag_placeholder

RENDER_VERSION = 1  # bump when render_body's output changes: invalidates cached bodies
_MARKDOWN: Callable[[str], Any] | None = None  # mistune, set up on first use (digest.render.markdown_full)


def full_renderer_stamp() -> str:
    """What identifies the installed mistune (cached bodies depend on its output), read
    without importing it: its package file's path, size and modification time, which an
    upgrade changes — a cold build of plain bodies never needs mistune itself."""
    spec = importlib.machinery.PathFinder.find_spec("mistune")  # sys.path only: no module loaded
    origin = spec.origin if spec is not None else None
    if origin is not None and os.path.isfile(origin):
        stat = os.stat(origin)
        return f"mistune: {origin} {stat.st_size} {stat.st_mtime_ns}"
    import mistune  # installed some other way: ask mistune itself

    return f"mistune {mistune.__version__}"


def render_body(markdown: str) -> str:
    """Markdown → HTML with hashtag placeholders (pure: depends on the text only)."""
    global _MARKDOWN
    clean = markdown.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    html = _plain_body_html(clean, isolate_latin)  # isolated paragraph by paragraph: no tag split
    if html is not None:
        return html
    if _MARKDOWN is None:
        from .markdown_full import make_markdown  # only for bodies the fast path declines

        _MARKDOWN = make_markdown()
    return isolate_html(str(_MARKDOWN(clean)))


# A news body is mostly paragraphs of plain text with hashtags. When every paragraph is
# just that — no character that starts Markdown syntax anywhere, no line that could open a
# block — mistune's output is known in advance: each paragraph as `<p>escaped text</p>`,
# its hashtags as the plugin makes them. Anything else goes to mistune, whole.
# tests/test_markdown.py checks with hypothesis that both give the same HTML.
_SYNTAX_CHARS = re.compile(r"[\\`*\[\]<>!&|~=+{}\t\r]")
_BLOCK_START = re.compile(r"\s|\d+[.)]|-|#(?:[\s#]|$)")  # indented code, list item, heading


def _plain_body_html(markdown: str, isolate: Callable[[str], str] | None = None) -> str | None:
    """The HTML mistune gives a body of plain paragraphs, or None; `isolate` (if given) is
    applied to each paragraph's text, as isolate_html would apply it to the whole."""
    text = markdown.strip("\n")
    if not text or "\n\n\n" in text or _SYNTAX_CHARS.search(text):
        return None
    html = []
    for paragraph in text.split("\n\n"):
        for line in paragraph.split("\n"):
            if not line or line[-1].isspace() or _BLOCK_START.match(line):
                return None
        inline = _plain_inline(paragraph)
        if inline is None:
            return None
        html.append(f"<p>{isolate(inline) if isolate is not None else inline}</p>\n")
    return "".join(html)


def _plain_inline(src: str) -> str | None:
    """The paragraph's inline HTML as mistune with the hashtag plugin renders plain text.
    Of the characters mistune escapes only `"` can be here (`&`, `<`, `>` were excluded)."""
    if "#" not in src:
        return None if "_" in src else src.replace('"', "&quot;")
    out = []
    at = 0
    hash_at = src.find("#")
    while hash_at != -1:
        found = hashtag_end(src, hash_at)
        if found is None:
            hash_at = src.find("#", hash_at + 1)
            continue
        raw, end = found
        out.append(src[at:hash_at])
        out.append(hashtag_placeholder(raw))
        at = end
        hash_at = src.find("#", at)
    out.append(src[at:])
    if any("_" in text for text in out[::2]):  # `_` outside a hashtag may be emphasis
        return None
    return "".join(out).replace('"', "&quot;")


class BodyCache:
    """Rendered bodies by content hash: editing one entry re-renders one body.

    A plain dict so an incremental builder can persist or share it.
    """

    def __init__(self, data: MutableMapping[str, str] | None = None):
        self.data: MutableMapping[str, str] = data if data is not None else {}
        self.hits = 0
        self.misses = 0

    def get(self, markdown: str) -> str:
        key = body_hash(markdown)
        html = self.data.get(key)
        if html is None:
            self.misses += 1
            html = self.data[key] = render_body(markdown)
        else:
            self.hits += 1
        return html


def link_hashtags(html: str, resolve: Callable[[str], str | None]) -> str:
    """Replace placeholders: `resolve(raw)` gives the tag page URL, or None for plain text.

    Hashtags are isolated with <bdi> so a Latin tag inside Arabic (or the reverse) keeps
    its own direction.
    """

    return PLACEHOLDER_RE.sub(lambda m: hashtag_html(m.group(1), resolve(m.group(1))), html)


def hashtag_html(raw: str, url: str | None) -> str:
    """One hashtag: a link to `url`, or plain text when it is None."""
    label = escape("#" + raw.replace("_", " "))
    if url is None:
        return f'<bdi class="hashtag">{label}</bdi>'
    return f'<a class="hashtag" href="{escape(url)}"><bdi>{label}</bdi></a>'
