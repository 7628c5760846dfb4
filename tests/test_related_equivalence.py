"""SiteModel.related picks its candidates with sorts instead of heapq's selections
(digest.sitemodel.stories): on random sites — tags of every size, ties of score and of
distance, limits from 0 to 8 — it must choose exactly what the heapq version chose."""
from __future__ import annotations

import bisect
import datetime as dt
import heapq
import random

import pytest

from digest.core.config import Config
from digest.core.model import Entry
from digest.sitemodel.stories import RELATED_SCAN, SiteModel, Story, build_site_model


def _reference_related(model: SiteModel, story: Story, limit: int) -> list[str]:
    """The selection as it was written with heapq (before the sort), on the model's data."""
    scores: dict[int, float] = {}
    half = RELATED_SCAN // 2
    here = story.index
    for tag in story.tags:
        if tag.key not in model.stories_by_tag:
            continue
        indices = [s.index for s in model.stories_by_tag[tag.key]]
        if len(indices) < 2:
            continue
        weight = 1.0 + 1.0 / (1 + len(indices))
        at = bisect.bisect_left(indices, here)
        for other in indices[max(0, at - half) : at + half + 1]:
            scores[other] = scores.get(other, 0.0) + weight
    scores.pop(here, None)
    if len(scores) > limit:
        floor = heapq.nlargest(limit, scores.values())[-1]
        scores = {index: score for index, score in scores.items() if score >= floor}
    best = heapq.nsmallest(limit, [(-score, abs(index - here), index) for index, score in scores.items()])
    return [model.stories[index].slug for _score, _distance, index in best]


def _random_model(rng: random.Random, size: int) -> SiteModel:
    pool = [f"وسم{n}" for n in range(rng.randint(2, 40))]
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]  # a few big tags, many small ones
    start = dt.date(2024, 1, 1)
    entries = []
    for n in range(size):
        tags = list(dict.fromkeys(rng.choices(pool, weights=weights, k=rng.randint(0, 5))))
        date = start + dt.timedelta(days=rng.randint(0, size // 3 + 1))  # many stories share a day
        entries.append(Entry(slug=f"قصة-{n}", title=f"عنوان {n}", body="نص", date=date, tags=tags))
    entries.sort(key=lambda e: (e.date, e.slug), reverse=True)
    return build_site_model(
        Config(), entries, {}, lambda _e: "", base_url="/", review_mode=False, flags={}, all_entries=entries
    )


@pytest.mark.parametrize("seed", range(12))
def test_related_stories_are_those_the_heapq_selection_chose(seed: int) -> None:
    rng = random.Random(seed)
    model = _random_model(rng, rng.choice([3, 20, 120, 400]))
    for story in model.stories:
        for limit in (5, rng.randint(1, 8)):
            assert [s.slug for s in model.related(story, limit)] == _reference_related(model, story, limit)


def test_a_limit_of_zero_gives_no_related_stories() -> None:
    model = _random_model(random.Random(1), 30)
    assert all(model.related(story, 0) == [] for story in model.stories)
