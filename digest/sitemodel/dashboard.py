"""The review dashboard's context: one row per entry, counts for the filters.

Rendered by the site builder (`digest build --review`, `digest serve`) from
templates/review/dashboard.html into review/index.html; never part of the public build.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from ..core.model import REVIEW_STATES, Entry
from ..review.flags import FLAG_CODES, FLAG_DESCRIPTIONS, Flag
from ..translate.state import translation_state
from .taxonomy import entry_url


class DashboardRow(NamedTuple):
    """One entry's row. A tuple: made 4,000 times per preview rebuild, and looked up by value
    among the last build's rows (digest.render.fragments.KeptRows) — a tuple is built, hashed
    and compared in C, where a frozen dataclass sets each field and hashes in Python."""

    slug: str
    title: str
    title_en: str | None  # only a current translation (machine or edited)
    date: dt.date
    state: str  # draft | approved | rejected
    by: str | None
    at: str | None
    reason: str | None
    translation: str  # pending | machine | stale | edited, as it really is
    provider: str | None
    flags: tuple[Flag, ...]
    url: str | None  # site-relative preview page; rejected entries have none

    @property
    def flag_codes(self) -> str:
        """Space-separated codes, for the filter script's data attribute."""
        return " ".join(dict.fromkeys(f.code for f in self.flags))


class RowMemo:
    """digest serve: the last dashboard's rows by slug, with the entry object each was made
    from. A row is a function of its entry and the entry's flags; an entry object is not
    edited once loaded — where a build stage edits entries in place (ingest updating an
    entry, translation), the site model keeper forgets this memo with its model
    (digest.cache.keptmodel) — so the very entry with equal flags has the very row."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[Entry, DashboardRow]] = {}


def dashboard_rows(entries: Iterable[Entry], flags: Mapping[str, list[Flag]], memo: RowMemo | None = None) -> list[DashboardRow]:
    """Entries newest first (then by slug)."""
    rows = []
    before = memo.rows if memo is not None else {}
    kept: dict[str, tuple[Entry, DashboardRow]] = {}
    for entry in sorted(entries, key=lambda e: (e.date, e.slug), reverse=True):
        hit = before.get(entry.slug)
        if hit is not None and hit[0] is entry and hit[1].flags == tuple(flags.get(entry.slug, ())):
            rows.append(hit[1])
            kept[entry.slug] = hit
            continue
        status = translation_state(entry)
        review = entry.review
        rows.append(
            _row((  # the fields in DashboardRow's order
                entry.slug,
                entry.title,
                entry.title_en if status in ("machine", "edited") else None,
                entry.date,
                review.state,
                review.by,
                review.at,
                review.reason,
                status,
                entry.translation.provider,
                tuple(flags.get(entry.slug, ())),
                # The preview build skips rejected entries, so there is no page to link to.
                None if review.state == "rejected" else entry_url(entry.slug),
            ))
        )
        kept[entry.slug] = (entry, rows[-1])
    if memo is not None:
        memo.rows = kept
    return rows


# A row made from its fields in order: `_make` hands the tuple to tuple.__new__ at once, where
# the class's own constructor is a generated Python function binding each field by name
# (4,000 calls per preview rebuild). tests/test_review_dashboard.py checks the order.
_row = DashboardRow._make


def dashboard_context(entries: Iterable[Entry], flags: Mapping[str, list[Flag]], memo: RowMemo | None = None) -> dict[str, Any]:
    rows = dashboard_rows(entries, flags, memo)
    states = Counter(r.state for r in rows)
    codes = Counter(f.code for r in rows for f in r.flags)
    return {
        "rows": rows,
        "state_counts": {s: states[s] for s in REVIEW_STATES},
        "flag_counts": {c: codes[c] for c in FLAG_CODES if codes[c]},
        "flag_descriptions": FLAG_DESCRIPTIONS,
    }


