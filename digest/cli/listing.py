"""Entries as the JSON objects of CONTRACT.md (`digest list --json`)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..core.layout import SiteLayout
from ..core.model import Entry
from ..sitemodel.taxonomy import Taxonomy, entry_url
from ..translate.state import is_current, translation_state


def entry_json(entry: Entry, taxonomy: Taxonomy, root: Path, flags: list[str] | None = None) -> dict[str, Any]:
    path = Path(entry.path) if entry.path else SiteLayout(root).entry_file(entry.slug)
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    current = is_current(entry)
    tags = []
    for name in entry.tags:
        tag = taxonomy.for_name(name)
        tags.append(
            {
                "name": name,
                "slug": tag.slug if tag else None,
                "name_en": (tag.name_en if tag else None) or entry.tags_en.get(name),
                "url": tag.url if tag else None,
            }
        )
    return {
        "slug": entry.slug,
        "url": entry_url(entry.slug),
        "path": rel,
        "title": entry.title,
        # Stale or pending English is never presented as a current translation.
        "title_en": entry.title_en if current else None,
        "source": entry.source,
        "date": entry.date.isoformat(),
        "source_url": entry.source_url,
        "extra": _json_ready(entry.extra),
        "tags": tags,
        "summary_ar": entry.summary_ar,
        "summary_en": entry.summary_en if current else None,
        "translation": {"status": translation_state(entry), "provider": entry.translation.provider},
        "review": {"state": entry.review.state, "by": entry.review.by, "flags": list(flags or [])},
    }


def _json_ready(value: Any) -> Any:
    """extra's values for JSON: dates as YYYY-MM-DD (the only non-JSON type it may hold)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    return value
