"""build_taxonomy's grouping loop (plain dicts made on a tag's first use) against the plain
statement of what it computes: for every tag identity, the entries having it newest first
(each once), the most used spelling (ties: first in sorted order), the first English label
met newest first (the glossary's label before it), and slugs made unique in sorted key order."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.core.model import Entry
from digest.sitemodel.taxonomy import build_taxonomy
from digest.text.hashtags import tag_key
from digest.text.slugs import make_slug

# Spellings that fold to one identity (hamza forms, ta marbuta, diacritics), others that do
# not, one that folds to nothing, and two that make the same slug.
SPELLINGS = ["أربيل", "اربيل", "إربيل", "الموصل", "المَوصل", "مدرسة", "مدرسه", "بغداد", "Kirkuk", "kirkuk", "_", "a-b", "a b"]
LABELS = [None, "Erbil", "Mosul", "Baghdad"]


def _reference(entries: list[Entry], labels: dict[str, str]) -> list[tuple[str, str, str, str | None, list[str]]]:
    ordered = sorted(entries, key=lambda e: (e.date, e.slug), reverse=True)
    keys = sorted({tag_key(n) for e in ordered for n in e.tags} - {""})
    result = []
    used: set[str] = set()
    for key in keys:
        having = [e for e in ordered if any(tag_key(n) == key for n in e.tags)]
        counts = Counter(n for e in ordered for n in e.tags if tag_key(n) == key)
        name = sorted(counts, key=lambda n: (-counts[n], n))[0]
        found = next((e.tags_en[n] for e in ordered for n in e.tags if tag_key(n) == key and e.tags_en.get(n)), None)
        base = make_slug(key, fallback_seed=key)
        slug, n = base, 2
        while slug.casefold() in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug.casefold())
        result.append((key, name, slug, labels.get(key) or found, [e.slug for e in having]))
    return result


entry_data = st.tuples(
    st.lists(st.sampled_from(SPELLINGS), max_size=5),
    st.dictionaries(st.sampled_from(SPELLINGS), st.sampled_from(LABELS), max_size=3),
    st.integers(0, 6),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(entry_data, max_size=12), st.booleans())
def test_build_taxonomy_matches_its_plain_statement(data: list[tuple[list[str], dict[str, str | None], int]], glossary: bool) -> None:
    entries = [
        Entry(slug=f"خبر-{i}", title="عنوان", body="نص", date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
              tags=tags, tags_en={name: label for name, label in labels.items() if label})
        for i, (tags, labels, day) in enumerate(data)
    ]
    labels = {tag_key("اربيل"): "Arbil (glossary)"} if glossary else {}
    taxonomy = build_taxonomy(entries, labels=labels)
    got = [(t.key, t.name, t.slug, t.name_en, [e.slug for e in t.entries]) for t in taxonomy]
    assert got == _reference(entries, labels)


def _tags(taxonomy: object) -> list[tuple[str, str, str, str | None, list[str]]]:
    return [(t.key, t.name, t.slug, t.name_en, [e.slug for e in t.entries]) for t in taxonomy]  # type: ignore[attr-defined]


ADDED = {"taken": 0, "refused": 0}


@settings(max_examples=300, deadline=None)
@given(st.lists(entry_data, max_size=10), entry_data, st.booleans())
def test_a_new_entry_added_to_a_kept_taxonomy_equals_building_it_afresh(
    data: list[tuple[list[str], dict[str, str | None], int]], extra: tuple[list[str], dict[str, str | None], int], glossary: bool
) -> None:
    """Taxonomy.add_entry (digest serve's new article) either gives exactly what build_taxonomy
    gives with the entry among the others — members in order, names, slugs, labels, the
    tags' order, and names looked up before it — or refuses and changes nothing."""
    entries = [
        Entry(slug=f"خبر-{i}", title="عنوان", body="نص", date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
              tags=tags, tags_en={name: label for name, label in labels.items() if label})
        for i, (tags, labels, day) in enumerate([*data, extra])
    ]
    labels = {tag_key("اربيل"): "Arbil (glossary)"} if glossary else {}
    kept = build_taxonomy(entries[:-1], labels=labels)
    for name in SPELLINGS:  # names looked up before (a body's hashtags): remembered, some as no tag
        kept.for_name(name)
    before = _tags(kept)
    if kept.add_entry(entries[-1], labels):
        ADDED["taken"] += 1
        fresh = build_taxonomy(entries, labels=labels)
        assert _tags(kept) == _tags(fresh)
        assert all(kept.for_name(name) is kept.by_key.get(tag_key(name)) for name in SPELLINGS)
        assert [kept.tags_of(e) for e in entries] == [[kept.by_key[t.key] for t in fresh.tags_of(e)] for e in entries]
    else:
        ADDED["refused"] += 1
        assert _tags(kept) == before


def test_most_new_entries_are_taken_in_not_refused() -> None:
    """The hypothesis test above exercises both ways (run after it in this file)."""
    if not ADDED["taken"]:
        test_a_new_entry_added_to_a_kept_taxonomy_equals_building_it_afresh()
    assert ADDED["taken"] > ADDED["refused"] > 0, ADDED
