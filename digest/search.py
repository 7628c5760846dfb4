"""The client-side search index (search.json) read by assets/search.js. No server, no CDN.

Each row: [url, Arabic title, English title or null, date, Arabic text, English text]. The
Arabic text is pre-normalised with digest.arabic.normalize_identity (أ إ آ → ا, ى → ي,
ة → ه, diacritics, tatweel) so «اربيل» finds «أربيل»; search.js normalises the query the
same way. Only the headline, summary, tags and byline are indexed, to keep the file small.
"""
from __future__ import annotations

import json

from .arabic import normalize_identity
from .stories import SiteModel, Story

INDEX_FILE = "search.json"
INDEX_VERSION = 1


def _row(story: Story) -> list[str | None]:
    entry = story.entry
    arabic = " ".join([entry.title, entry.summary_ar, entry.source or "", *(t.name for t in story.tags)])
    english_parts = [story.title_en or "", story.summary_en or "", *(t.name_en or "" for t in story.tags)]
    english = " ".join(" ".join(english_parts).casefold().split())
    return [story.url, entry.title, story.title_en, entry.date.isoformat(), normalize_identity(arabic), english]


def search_index_json(site: SiteModel) -> bytes:
    data = {"version": INDEX_VERSION, "fields": ["url", "title", "title_en", "date", "ar", "en"], "entries": [_row(s) for s in site.stories]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
