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
