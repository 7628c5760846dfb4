"""digest.cache.codestamp.digest_of writes values with marshal where it can (format 2) and by
their repr otherwise; fingerprint.py hands it entries' and stories' fields made writable
(_field_values). What the fingerprints need of it: equal values give equal digests — however
the values share objects, and whichever way they were written — and different values
different ones; an entry differing in any one field gets another digest."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from digest.cache.codestamp import digest_of
from digest.cache.fingerprint import _ENTRY_FIELDS, _field_values
from digest.core.model import Entry, Review, Translation

_leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.dates()
values = st.recursive(
    _leaves,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)


def _typed(value: Any) -> Any:
    """The value with each leaf's type beside it: 1, 1.0 and True are equal in Python but are
    different values for a fingerprint (a digest may tell them apart)."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(v) for v in value])
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    return (type(value).__name__, value)


@given(values)
def test_equal_values_give_equal_digests_however_their_objects_are_shared(value: Any) -> None:
    shared = [value, value]  # one object twice
    separate = [copy.deepcopy(value), pickle.loads(pickle.dumps(value))]  # equal, not the same objects
    assert digest_of(*shared) == digest_of(*separate)


@given(values, values)
def test_different_values_give_different_digests(a: Any, b: Any) -> None:
    if _typed(a) != _typed(b):
        assert digest_of(a) != digest_of(b)
    else:
        assert digest_of(a) == digest_of(b)


def _entry(**changes: Any) -> Entry:
    base = Entry(slug="a", title="عنوان", date=dt.date(2024, 5, 1), body="نص", tags=["وسم"], summary_ar="ملخص")
    return dataclasses.replace(base, **changes)


def test_an_entry_differing_in_any_field_gets_another_digest() -> None:
    base = _entry()
    fingerprint = digest_of(_field_values(base, _ENTRY_FIELDS))
    assert fingerprint == digest_of(_field_values(copy.deepcopy(base), _ENTRY_FIELDS))
    changed = {
        "title": "عنوان آخر", "date": dt.date(2024, 5, 2), "tags": ["وسم", "آخر"], "summary_ar": "ملخص آخر",
        "translation": Translation(status="machine", provider="libre"), "review": Review(state="approved"),
        "extra": {"when": dt.date(2024, 1, 1)},  # a value marshal cannot write: the repr way
    }
    for name, value in changed.items():
        assert name in _ENTRY_FIELDS
        assert digest_of(_field_values(_entry(**{name: value}), _ENTRY_FIELDS)) != fingerprint, name
    # A date and the same date as a datetime, and a date and its ISO text, are not the same field value.
    assert digest_of(_field_values(_entry(date=dt.datetime(2024, 5, 1)), _ENTRY_FIELDS)) != fingerprint


def test_the_stories_order_is_digested_by_marshal_not_repr() -> None:
    """The related key digests every story's slug, date and tags (4,000 of them on every
    build that re-made the model): a date object in it would send the whole list to repr."""
    import marshal

    from digest.cache.fingerprint import KeptDigests, SiteFingerprints
    from digest.core.config import Config
    from digest.core.model import Entry
    from digest.sitemodel.stories import build_site_model

    entries = [Entry(slug=f"قصة-{n}", title="عنوان", body="نص", date=dt.date(2024, 1, 1 + n), tags=["وسم"]) for n in range(3)]
    model = build_site_model(Config(), entries, {}, lambda _e: "", base_url="/", review_mode=False, flags={}, all_entries=entries)
    kept = KeptDigests()
    prints = SiteFingerprints(model, None, {}, {}, None, kept)  # type: ignore[arg-type]
    assert kept.order is not None
    marshal.dumps((prints.settings, kept.order[2]), 2)  # raises ValueError for anything marshal cannot write
