"""The client-side search index (search.json) read by assets/search.js. No server, no CDN.

Each row: [url, Arabic title, English title or null, date, Arabic text, English text]. The
Arabic text is pre-normalised with digest.text.arabic.normalize_identity (أ إ آ → ا, ى → ي,
ة → ه, diacritics, tatweel) so «اربيل» finds «أربيل»; search.js normalises the query the
same way. Only the headline, summary, tags and byline are indexed, to keep the file small.
"""
from __future__ import annotations

import json
from typing import Any

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


def _made_of(story: Story) -> tuple[Any, ...]:
    """Everything a story's row is made of (_arabic_text, _row)."""
    entry = story.entry
    return (story.url, entry.title, entry.summary_ar, entry.source, story.date, story.title_en, story.summary_en,
            [(t.name, t.name_en) for t in story.tags])


def search_index_json(
    site: SiteModel, memo: dict[str, str] | None = None, rows: dict[str, tuple[Story, Any, str, str, bytes]] | None = None
) -> tuple[bytes, dict[str, str]]:
    """The index, and the Arabic texts it normalised (text → normalised form): passed back
    as `memo`, only new or edited texts are normalised again (the costly part of a rebuild).

    `rows` (digest serve): slug → (the story, what its row is made of, Arabic text, its
    normalised form, the row as JSON in UTF-8) of earlier builds. The very Story object (one the site
    model kept: digest.cache.keptmodel) reuses its row at once; a story made of the same
    values reuses it too, also when the site model made the story anew. The values are
    mostly the very strings of the last build, so comparing them costs little."""
    known = memo or {}
    used: dict[str, str] = {}
    encoded: list[bytes] = []
    for story in site.stories:
        kept = rows.get(story.slug) if rows is not None else None
        if kept is not None and kept[0] is story:
            used[kept[2]] = kept[3]
            encoded.append(kept[4])
            continue
        made_of = _made_of(story) if rows is not None else None
        if kept is not None and kept[1] == made_of:
            if rows is not None:
                rows[story.slug] = (story, *kept[1:])
            used[kept[2]] = kept[3]
            encoded.append(kept[4])
            continue
        arabic = _arabic_text(story)
        folded = known.get(arabic)
        if folded is None:
            folded = normalize_identity(arabic)
        used[arabic] = folded
        row = _ROW_ENCODER.encode(_row(story, folded)).encode("utf-8")
        if rows is not None:
            rows[story.slug] = (story, made_of, arabic, folded, row)
        encoded.append(row)
    if rows is not None and len(rows) > len(site.stories) + 100:  # entries deleted since: let them go
        for slug in [slug for slug in rows if slug not in site.by_slug]:
            del rows[slug]
    # The rows joined into the document: the same bytes as json.dumps of the whole index.
    head = _ROW_ENCODER.encode({"version": INDEX_VERSION, "fields": ["url", "title", "title_en", "date", "ar", "en"], "entries": []})
    assert head.endswith("[]}")
    return head[:-2].encode("utf-8") + b",".join(encoded) + b"]}", used


_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
