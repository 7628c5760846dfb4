"""Property: a review state change alters the review mapping and nothing else, whatever text
the other fields and the body hold (quotes, colons, '#', newlines, Arabic, bidi marks)."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.content.entries import read_entry, write_entry
from digest.content.frontmatter import split_front_matter
from digest.core.model import Entry, Translation
from digest.review.states import set_review_state

_ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى ًٌٍَُِّْـ٠١٩abcXYZ 0123456789:#'\"-\\*[]{}|>,.!?«»“”\u200f\n\t"))
TEXT = st.text(_ALPHABET, min_size=1, max_size=60).filter(lambda t: t.strip() != "")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, summary=TEXT, source=st.one_of(st.none(), TEXT), tags=st.lists(TEXT, max_size=3), body=TEXT, by=TEXT, reason=st.one_of(st.none(), TEXT))
def test_state_change_touches_only_the_review_mapping(title: str, summary: str, source: str | None, tags: list[str], body: str, by: str, reason: str | None) -> None:
    entry = Entry(
        slug="entry",
        title=title.strip(),
        body=body,
        date=dt.date(2021, 2, 3),
        date_source="editor",
        source=source,
        tags=[t.strip() for t in tags],
        summary_ar=summary,
        translation=Translation(status="edited", provider="editors"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = write_entry(entry, root / "content")
        before_text = path.read_text(encoding="utf-8")
        before = read_entry(path)
        set_review_state(root, "entry", "rejected", by=by, reason=reason)
        after_text = path.read_text(encoding="utf-8")
        after = read_entry(path)
    assert split_front_matter(after_text, path)[1] == split_front_matter(before_text, path)[1]  # body, byte for byte
    assert (after.review.state, after.review.by, after.review.reason) == ("rejected", by, reason)
    before.review = after.review
    assert after == before
