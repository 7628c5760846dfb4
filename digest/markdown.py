"""Article bodies: Markdown → HTML with mistune (raw HTML escaped) and hashtags as tag links.

Rendering is split in two so the expensive part can be cached by content hash and run in
worker processes:

1. `render_body(markdown)` → HTML in which every hashtag is a *placeholder*
   (`\\ue000raw\\ue001`). It depends on the Markdown text only.
2. `link_hashtags(html, resolve)` swaps each placeholder for a link (or plain text) once the
   tag pages and the page's relative root are known. That is one regex pass.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

import mistune
from markupsafe import escape

from .bidi import isolate_html
from .hashtags import HASHTAG_RE, clean_tag

RENDER_VERSION = 1  # bump when render_body's output changes: invalidates cached bodies
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use code points: never in real text (stripped first)
PLACEHOLDER_RE = re.compile(f"{_OPEN}([^{_OPEN}{_CLOSE}]+){_CLOSE}")
_HASH_START = r"#[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+"


def _parse_hashtag(inline: Any, m: re.Match[str], state: Any) -> int | None:
    """A `#` that digest.hashtags accepts as a hashtag start (boundary or glued clitic)."""
    found = _hashtag_end(state.src, m.start())
    if found is None:
        return None
    raw, end = found
    if state.in_link:
        inline.process_text("#" + raw, state)
    else:
        state.append_token({"type": "hashtag", "raw": raw})
    return end


def _hashtag_plugin(md: mistune.Markdown) -> None:
    md.inline.register("hashtag", _HASH_START, _parse_hashtag, before="emphasis", start_chars="#")
    if md.renderer is not None and md.renderer.NAME == "html":
        md.renderer.register("hashtag", lambda _renderer, raw: f"{_OPEN}{raw}{_CLOSE}")


class _BodyRenderer(mistune.HTMLRenderer):
    """Escapes raw HTML; images become links so no page ever loads a remote resource."""

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return f'<a class="image-link" href="{self.safe_url(url)}">{escape(text) or "image"}</a>'


def _make_markdown() -> mistune.Markdown:
    return mistune.create_markdown(escape=True, renderer=_BodyRenderer(escape=True), plugins=[_hashtag_plugin, "strikethrough"])


_MARKDOWN: mistune.Markdown | None = None


def render_body(markdown: str) -> str:
    """Markdown → HTML with hashtag placeholders (pure: depends on the text only)."""
    global _MARKDOWN
    clean = markdown.replace(_OPEN, "").replace(_CLOSE, "")
    html = _plain_body_html(clean)
    if html is None:
        if _MARKDOWN is None:
            _MARKDOWN = _make_markdown()
        html = str(_MARKDOWN(clean))
    return isolate_html(html)


# A news body is mostly paragraphs of plain text with hashtags. When every paragraph is
# just that — no character that starts Markdown syntax anywhere, no line that could open a
# block — mistune's output is known in advance: each paragraph as `<p>escaped text</p>`,
# its hashtags as the plugin makes them. Anything else goes to mistune, whole.
# tests/test_markdown.py checks with hypothesis that both give the same HTML.
_SYNTAX_CHARS = re.compile(r"[\\`*\[\]<>!&|~=+{}\t\r]")
_BLOCK_START = re.compile(r"\s|\d+[.)]|-|#(?:[\s#]|$)")  # indented code, list item, heading


def _plain_body_html(markdown: str) -> str | None:
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
        html.append(f"<p>{inline}</p>\n")
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
        found = _hashtag_end(src, hash_at)
        if found is None:
            hash_at = src.find("#", hash_at + 1)
            continue
        raw, end = found
        out.append(src[at:hash_at])
        out.append(f"{_OPEN}{raw}{_CLOSE}")
        at = end
        hash_at = src.find("#", at)
    out.append(src[at:])
    if any("_" in text for text in out[::2]):  # `_` outside a hashtag may be emphasis
        return None
    return "".join(out).replace('"', "&quot;")


def _hashtag_end(src: str, hash_at: int) -> tuple[str, int] | None:
    """Whether the `#` at hash_at starts a hashtag (after a boundary, or a glued clitic):
    (raw tag, end of the token — a trailing `_` stays text), or None."""
    for back in range(0, 4):  # up to two clitic letters and a tatweel before the `#`
        start = hash_at - back
        if start < 0:
            break
        found = HASHTAG_RE.match(src, start)
        if found is None or found.start("tag") - 1 != hash_at:
            continue
        raw = clean_tag(found.group("tag"))
        if raw is None:
            return None
        return raw, found.start("tag") + len(found.group("tag").rstrip("_"))
    return None


def body_hash(markdown: str) -> str:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).hexdigest()


class BodyCache:
    """Rendered bodies by content hash: editing one entry re-renders one body.

    A plain dict so an incremental builder can persist or share it.
    """

    def __init__(self, data: dict[str, str] | None = None):
        self.data: dict[str, str] = data if data is not None else {}
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
