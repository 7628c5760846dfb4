"""The full Markdown path: mistune with escaping on, the hashtag plugin and safe images.

Imported only for bodies the plain-paragraph fast path of digest.render.markdown declines, so a
build of plain news bodies never loads mistune.
"""
from __future__ import annotations

import re
from typing import Any

import mistune
from markupsafe import escape

from ..text.hashtags import TAG_CHARS, hashtag_end
from .placeholders import hashtag_placeholder

_HASH_START = f"#{TAG_CHARS}+"


def _parse_hashtag(inline: Any, m: re.Match[str], state: Any) -> int | None:
    """A `#` that digest.text.hashtags accepts as a hashtag start (boundary or glued clitic)."""
    found = hashtag_end(state.src, m.start())
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
        md.renderer.register("hashtag", lambda _renderer, raw: hashtag_placeholder(raw))


class _BodyRenderer(mistune.HTMLRenderer):
    """Escapes raw HTML; images become links so no page ever loads a remote resource."""

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return f'<a class="image-link" href="{self.safe_url(url)}">{escape(text) or "image"}</a>'


def make_markdown() -> mistune.Markdown:
    return mistune.create_markdown(escape=True, renderer=_BodyRenderer(escape=True), plugins=[_hashtag_plugin, "strikethrough"])
