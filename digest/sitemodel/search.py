"""The client-side search index (search.json) read by assets/search.js. No server, no CDN.

Each row: [url, Arabic title, English title or null, date, Arabic text, English text]. The
Arabic text is pre-normalised with digest.text.arabic.normalize_identity (أ إ آ → ا, ى → ي,
ة → ه, diacritics, tatweel) so «اربيل» finds «أربيل»; search.js normalises the query the
same way. Only the headline, summary, tags and byline are indexed, to keep the file small.
"""
from __future__ import annotations

import json

from ..text.arabic import normalize_identity
from .stories import SiteModel, Story

INDEX_FILE = "search.json"
INDEX_VERSION = 1


def _arabic_text(story: Story) -> str:
    entry = story.entry
    return " ".join([entry.title, entry.summary_ar, entry.source or "", *(t.name for t in story.tags)])


def _row(story: Story, folded: str) -> list[str | None]:
    english_parts = [story.title_en or "", story.summary_en or "", *(t.name_en or "" for t in story.tags)]
    english = " ".join(" ".join(english_parts).casefold().split())
    return [story.url, story.entry.title, story.title_en, story.date.isoformat(), folded, english]


def search_index_json(site: SiteModel, memo: dict[str, str] | None = None) -> tuple[bytes, dict[str, str]]:
    """The index, and the Arabic texts it normalised (text → normalised form): passed back
    as `memo`, only new or edited texts are normalised again (the costly part of a rebuild)."""
    known = memo or {}
    used: dict[str, str] = {}
    rows = []
    for story in site.stories:
        arabic = _arabic_text(story)
        folded = known.get(arabic)
        if folded is None:
            folded = normalize_identity(arabic)
        used[arabic] = folded
        rows.append(_row(story, folded))
    data = {"version": INDEX_VERSION, "fields": ["url", "title", "title_en", "date", "ar", "en"], "entries": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), used
