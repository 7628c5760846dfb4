"""SiteModel.related picks its candidates with sorts instead of heapq's selections
(digest.sitemodel.stories): on random sites — tags of every size, ties of score and of
distance, limits from 0 to 8 — it must choose exactly what the heapq version chose."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import heapq
import math
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
        weight = 1.0 + 1.0 / (1 + 2 ** int(math.log2(len(indices))))  # by size class: 2-3, 4-7, 8-15…
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


def _random_entries(rng: random.Random, size: int, tags: int) -> list[Entry]:
    pool = [f"وسم{n}" for n in range(tags)]
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]  # a few big tags, many small ones
    start = dt.date(2024, 1, 1)
    entries = []
    for n in range(size):
        chosen = list(dict.fromkeys(rng.choices(pool, weights=weights, k=rng.randint(0, 4))))
        entries.append(Entry(slug=f"قصة-{n}", title=f"عنوان {n}", body="نص", date=start + dt.timedelta(days=rng.randint(0, size)), tags=chosen))
    entries.sort(key=lambda e: (e.date, e.slug), reverse=True)
    return entries


def _model(entries: list[Entry]) -> SiteModel:
    return build_site_model(Config(), entries, {}, lambda _e: "", base_url="/", review_mode=False, flags={}, all_entries=entries)


@pytest.mark.parametrize("seed", range(4))
def test_a_new_newest_story_leaves_the_lists_the_preview_carries_over(seed: int) -> None:
    """digest.cache.fingerprint carries a related list over a new newest story unless the
    story is among the newest half-window of one of the new story's tags or shares one whose
    size class changed: every list it carries must equal the list computed afresh. Many small
    sites with few tags (ties, tags crossing a size class, windows reaching the new story)."""
    from digest.cache.fingerprint import KeptDigests, _related_after_a_new_first_story

    def order(m: SiteModel) -> list[tuple[str, object, list[str]]]:
        return [(s.slug, s.date, [t.key for t in s.tags]) for s in m.stories]

    rng = random.Random(seed)
    carried_in_all = 0
    for _trial in range(150):
        entries = _random_entries(rng, rng.randint(10, 90), rng.randint(2, 8))
        model = _model(entries)
        newest = max(e.date for e in entries) + dt.timedelta(days=1)
        names = [t.name for t in model.taxonomy] or ["وسم0"]
        tags = list(dict.fromkeys(rng.choices(names, k=rng.randint(1, 3))))
        grown = _model([Entry(slug="قصة-جديدة", title="جديد", body="نص", date=newest, tags=tags), *entries])
        for limit in (5, rng.randint(1, 8)):
            before = {s.slug: tuple(r.slug for r in model.related(s, limit)) for s in model.stories}
            kept = KeptDigests(order=("key", "settings", order(model)))
            carried = _related_after_a_new_first_story(kept, ("key", before), "settings", order(grown))
            after = {s.slug: tuple(r.slug for r in grown.related(s, limit)) for s in grown.stories}
            assert {slug: after[slug] for slug in carried} == carried
            carried_in_all += len(carried)
    assert carried_in_all > 1000  # the rule carries lists over, so the test checks something


def test_a_tags_weight_changes_only_when_its_size_class_does() -> None:
    """The carry-over above relies on this: a tag growing within its size class keeps its weight."""
    from digest.sitemodel.stories import tag_weight

    for size in range(2, 5000):
        same_class = (size + 1).bit_length() == size.bit_length()
        assert (tag_weight(size + 1) == tag_weight(size)) == same_class, size
        assert tag_weight(size + 1) <= tag_weight(size)  # rarer tags weigh more


@pytest.mark.parametrize("seed", range(3))
def test_an_articles_shape_kept_over_a_new_newest_story_equals_a_fresh_one(seed: int) -> None:
    """digest serve reuses the last build's shape (neighbours, related list, hashtag links) of
    the articles a new newest story provably leaves as they were (digest.cache.fingerprint
    `_shape_kept`): each must equal the shape computed afresh — bodies with hashtags, new
    stories with known tags and now and then a tag nobody had."""
    from digest.cache.fingerprint import KeptDigests, SiteFingerprints
    from digest.sitemodel.pages import Page

    def page(slug: str) -> Page:
        return Page(path=f"articles/{slug}/index.html", template="article.html", kind="article", key=slug)

    rng = random.Random(seed)
    checked = 0
    for _trial in range(40):
        entries = _random_entries(rng, rng.randint(20, 160), rng.randint(2, 8))
        entries = [dataclasses.replace(e, body=f"نص #{rng.choice(['وسم0', 'وسم1', 'وسم9', 'غير'])} وكلام") for e in entries]
        model = _model(entries)
        kept = KeptDigests()
        first = SiteFingerprints(model, None, {}, {}, None, kept)  # type: ignore[arg-type]
        before = {s.slug: first.shape(page(s.slug)) for s in model.stories}
        memo = (first.related_key, {s.slug: first.related_slugs(s) for s in model.stories})
        names = [t.name for t in model.taxonomy] + ["وسم9"]  # وسم9: a new tag now and then
        tags = list(dict.fromkeys(rng.choices(names, k=rng.randint(1, 3))))
        newest = max(e.date for e in entries) + dt.timedelta(days=1)
        grown = _model([Entry(slug="قصة-جديدة", title="جديد", body="نص #وسم1", date=newest, tags=tags), *entries])
        second = SiteFingerprints(grown, None, {}, {}, memo, kept)  # type: ignore[arg-type]
        for slug in second._shape_kept:
            assert second.shape(page(slug)) == before[slug], slug
            checked += 1
    assert checked > 500
