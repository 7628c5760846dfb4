"""Review flags in digest serve: after an edit only the changed entries are checked again
(the near-duplicate index is updated, not rebuilt), and the result is always exactly that
of a fresh computation."""
from __future__ import annotations

import dataclasses
import random

from test_flags import BODY, GLOSSARY, make_entry

from digest.core.config import Config
from digest.review.flags import FlagMemo, compute_flags
from digest.review.shingles import MAX_BUCKET, SketchIndex, near_duplicate_sketches


def _jaccard_of(sketches: dict[str, list[int]]):  # type: ignore[no-untyped-def]
    def similarity(a: str, b: str) -> float:
        x, y = set(sketches[a]), set(sketches[b])
        return len(x & y) / len(x | y)

    return similarity


def test_the_sketch_index_gives_what_a_full_run_gives_after_random_changes() -> None:
    """Sketches drawn from a small pool of values (so buckets fill past MAX_BUCKET and
    empty again, and identical sketches appear, are copied and edited): each update equals
    a full run."""
    rng = random.Random(14)
    pool = list(range(400))

    def sketch() -> list[int]:
        return sorted(rng.sample(pool[: rng.choice([80, 120, 400])], 16))

    sketches = {f"t{i:03d}": sketch() for i in range(150)}
    threshold = 0.3
    index = SketchIndex(sketches, near_duplicate_sketches(sketches, _jaccard_of(sketches), threshold), threshold)
    updated = fell_back = 0
    for step in range(200):
        changed: set[str] = set()
        for _ in range(rng.choice([1, 1, 2, 5])):
            key = f"t{rng.randrange(170):03d}"
            roll = rng.random()
            if roll < 0.15:
                sketches.pop(key, None)  # an entry deleted
            elif roll < 0.25 and sketches:
                sketches[key] = list(sketches[rng.choice(sorted(sketches))])  # a copy of another
            else:
                sketches[key] = sketch()  # edited or new
            changed.add(key)
        expected = near_duplicate_sketches(sketches, _jaccard_of(sketches), threshold)
        got = index.update(sketches, changed, _jaccard_of(sketches), threshold)
        if got is None:
            fell_back += 1
            index = SketchIndex(sketches, expected, threshold)
            continue
        updated += 1
        assert got == expected, step
    assert updated == 200 and fell_back == 0


def test_a_stock_phrase_bucket_crossing_the_limit_drops_the_pairs_it_made() -> None:
    """MAX_BUCKET texts share one value and pairs of them a second: two shared values are
    each pair's bar. With one more text the first value is a stock phrase and counts no
    more — for the pairs of the other texts too — and back again when it goes."""
    common = 10_000
    sketches = {f"t{i:02d}": [common, 20_000 + i // 2, *range(i * 20, i * 20 + 8)] for i in range(MAX_BUCKET)}

    def alike(a: str, b: str) -> float:  # every candidate pair is similar: the candidates show
        return 1.0

    before = near_duplicate_sketches(sketches, alike, 0.3)
    assert sorted(before) == sorted(sketches)  # each paired with its neighbour
    index = SketchIndex(sketches, before, 0.3)
    sketches["new"] = [common, *range(5000, 5009)]  # the shared value's bucket now holds MAX_BUCKET + 1
    expected = near_duplicate_sketches(sketches, alike, 0.3)
    assert expected == {}
    assert index.update(sketches, {"new"}, alike, 0.3) == expected
    del sketches["new"]
    assert index.update(sketches, {"new"}, alike, 0.3) == before


def test_serve_memo_gives_fresh_flags_when_changed_entries_are_new_objects() -> None:
    """As digest serve hands them over: an entry read again from its file is a new object,
    the others are the very objects of the last build. Edits, copies that become
    near-duplicates, deletions, new entries; each build's flags equal a fresh computation."""
    rng = random.Random(3)
    sentences = [s for s in BODY.replace("\n\n", " ").split(".") if s.strip()] + [
        "وأكد مسؤول محلي أن الوضع الأمني مستقر في المدينة منذ أسابيع",
        "وأشار التقرير إلى أن عدد النازحين تجاوز الألف خلال الشهر الماضي",
        "ودعت المنظمات الدولية إلى فتح ممرات آمنة لإيصال المساعدات",
        "وقال شهود عيان إن الطريق بين المدينتين أغلق لساعات بسبب الأمطار",
    ]

    def body(n: int) -> str:
        return ". ".join(rng.choice(sentences) for _ in range(n)) + "."

    entries = [make_entry(f"e{i:02d}", body=body(rng.randrange(4, 9))) for i in range(30)]
    memo = FlagMemo(same_object_same_entry=True)
    config = Config.for_test(review={"near_duplicate": 0.5})
    incremental_runs = 0
    for step in range(40):
        i = rng.randrange(len(entries))
        roll = rng.random()
        if roll < 0.4:
            entries[i] = dataclasses.replace(entries[i], body=body(rng.randrange(4, 9)))
        elif roll < 0.6:
            entries[i] = dataclasses.replace(entries[i], body=entries[rng.randrange(len(entries))].body)
        elif roll < 0.7:
            entries[i] = dataclasses.replace(entries[i], title=entries[i].title + " محدث")
        elif roll < 0.8 and len(entries) > 5:
            del entries[i]
        else:
            entries.append(make_entry(f"n{step:02d}", body=body(rng.randrange(4, 9))))
        index_before = memo.index
        assert compute_flags(entries, GLOSSARY, config, memo) == compute_flags(entries, GLOSSARY, config), step
        incremental_runs += memo.index is index_before and index_before is not None
    assert incremental_runs > 10  # the index was updated, not rebuilt, most of the time
    # An entry edited in place (as ingest or translation may do) is seen once the memo is told.
    entries[0].body = entries[1].body
    memo.forget_objects()
    assert compute_flags(entries, GLOSSARY, config, memo) == compute_flags(entries, GLOSSARY, config)
