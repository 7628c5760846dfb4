"""digest.text.memo.BoundedMemo: the memo of the folding functions of ingest and the review
flags gives what the function gives, computes each key once, and stays bounded."""
from __future__ import annotations

from digest.text.arabic import normalize_identity
from digest.text.memo import BoundedMemo


def test_the_memo_gives_the_functions_value_once_per_key_and_empties_past_its_limit() -> None:
    calls: list[str] = []

    def fold(text: str) -> str:
        calls.append(text)
        return normalize_identity(text)

    memo: BoundedMemo[str, str] = BoundedMemo(fold, limit=3)
    words = ["أحمد", "احمد", "إسلام", "أحمد", "مدرسة", "ـالعربيةـ", "أحمد"]
    assert [memo[w] for w in words] == [normalize_identity(w) for w in words]
    # «أحمد» computed again only after the memo was emptied (it held more than 3 keys).
    assert calls == ["أحمد", "احمد", "إسلام", "مدرسة", "ـالعربيةـ", "أحمد"]
    assert len(memo) <= 3 + 1
