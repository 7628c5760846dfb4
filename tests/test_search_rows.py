"""digest.sitemodel.search keeps each row between the preview's rebuilds by what it is made
of: a story made anew with the same values (a new article elsewhere re-made every Story)
reuses its row; any value the row shows, changed, makes the row again — and the index is
always the bytes a build without kept rows makes."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from digest.core.config import Config
from digest.core.model import Entry
from digest.sitemodel import search
from digest.sitemodel.stories import SiteModel, build_site_model
from digest.sitemodel.taxonomy import tag_key


def _model(entries: list[Entry], labels: dict[str, str] | None = None) -> SiteModel:
    ordered = sorted(entries, key=lambda e: (e.date, e.slug), reverse=True)
    return build_site_model(Config(), ordered, labels or {}, lambda _e: "", base_url="/", review_mode=False, flags={}, all_entries=ordered)


def _entries() -> list[Entry]:
    return [
        Entry(slug=f"خبر-{n}", title=f"عنوان الخبر {n}", body="نص", date=dt.date(2024, 5, n + 1), tags=["أربيل", "النفط"][: n % 3],
              summary_ar=f"ملخص {n}", source="وكالة")
        for n in range(6)
    ]


def test_rows_are_kept_by_value_and_the_index_is_always_a_fresh_ones(monkeypatch: Any) -> None:
    rows: dict[str, Any] = {}
    entries = _entries()
    first, _used = search.search_index_json(_model(entries), None, rows)
    assert first == search.search_index_json(_model(entries))[0]

    folded: list[str] = []
    original = search.normalize_identity
    monkeypatch.setattr(search, "normalize_identity", lambda text: folded.append(text) or original(text))
    # A new article: every Story is made anew, only the new one's row is made.
    grown = [*entries, Entry(slug="خبر-جديد", title="خبر جديد", body="نص", date=dt.date(2024, 6, 1), tags=["أربيل"])]
    again, _used = search.search_index_json(_model(grown), None, rows)
    assert folded == ["خبر جديد   أربيل"]  # the new story's text only
    assert again == search.search_index_json(_model(grown))[0]

    # Each value a row shows, changed: that row (or those with the tag) made again, same bytes as fresh.
    for change in (
        lambda e: dataclasses.replace(e, title=e.title + " معدل") if e.slug == "خبر-2" else e,
        lambda e: dataclasses.replace(e, summary_ar="ملخص آخر") if e.slug == "خبر-2" else e,
        lambda e: dataclasses.replace(e, source="مصدر آخر") if e.slug == "خبر-2" else e,
        lambda e: dataclasses.replace(e, tags=["الموصل"]) if e.slug == "خبر-2" else e,
    ):
        grown = [change(e) for e in grown]
        folded.clear()
        made, _used = search.search_index_json(_model(grown), None, rows)
        assert len(folded) == 1, folded
        assert made == search.search_index_json(_model(grown))[0]
    labelled, _used = search.search_index_json(_model(grown, {tag_key("أربيل"): "Erbil"}), None, rows)  # a tag's English label
    assert labelled == search.search_index_json(_model(grown, {tag_key("أربيل"): "Erbil"}))[0]
    assert b"erbil" in labelled


def test_the_very_story_object_reuses_its_row_without_looking_at_its_values(monkeypatch: Any) -> None:
    """A Story the preview's site model kept (the same object, with the same entry and tags:
    digest.cache.keptmodel) takes its row at once; a story made anew is compared by value."""
    rows: dict[str, Any] = {}
    model = _model(_entries())
    first, _used = search.search_index_json(model, None, rows)
    looked_at: list[str] = []
    original = search._made_of
    monkeypatch.setattr(search, "_made_of", lambda story: looked_at.append(story.slug) or original(story))
    again, used = search.search_index_json(model, None, rows)
    assert looked_at == [] and again == first
    assert set(used) == set(search.search_index_json(model)[1])  # the same texts reported as used

    edited = [dataclasses.replace(e, title="عنوان آخر") if e.slug == "خبر-3" else e for e in _entries()]
    remade = _model(edited)  # every Story made anew: each compared by value, one row made again
    made, _used = search.search_index_json(remade, None, rows)
    assert len(looked_at) == len(remade.stories)
    assert made == search.search_index_json(remade)[0]
    looked_at.clear()
    assert search.search_index_json(remade, None, rows)[0] == made and looked_at == []
