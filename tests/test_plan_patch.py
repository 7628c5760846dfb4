"""digest serve plans the pages after a new article from the last plan
(digest.sitemodel.pages.plan_with_new_story): on any site, with the new story at any date,
with known, new and no tags, crossing a page boundary or not, it must equal plan_pages."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from digest.core.config import Config
from digest.core.model import Entry
from digest.sitemodel.pages import plan_pages, plan_with_new_story
from digest.sitemodel.stories import SiteModel, build_site_model


def _model(entries: list[Entry], per_page: int) -> SiteModel:
    config = Config()
    config = dataclasses.replace(config, site=dataclasses.replace(config.site, per_page=per_page))
    ordered = sorted(entries, key=lambda e: (e.date, e.slug), reverse=True)
    return build_site_model(config, ordered, {}, lambda _e: "", base_url="/", review_mode=False, flags={}, all_entries=ordered)


@pytest.mark.parametrize("seed", range(4))
def test_the_plan_after_a_new_story_equals_planning_everything(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _trial in range(60):
        pool = [f"وسم{n}" for n in range(rng.randint(1, 6))]
        start = dt.date(2024, rng.randint(1, 12), 1)
        entries = [
            Entry(slug=f"قصة-{n}", title="عنوان", body="نص", date=start + dt.timedelta(days=rng.randint(0, 90)),
                  tags=list(dict.fromkeys(rng.choices(pool, k=rng.randint(0, 3)))))
            for n in range(rng.randint(0, 40))
        ]
        per_page = rng.choice([1, 2, 3, 5, 10])
        before = plan_pages(_model(entries, per_page))
        tags = list(dict.fromkeys(rng.choices([*pool, "وسم-جديد"], k=rng.randint(0, 3))))
        day = start + dt.timedelta(days=rng.choice([-40, 0, 45, 91, 200]))  # before, among or after the others; a new month now and then
        new = Entry(slug="قصة-جديدة", title="جديد", body="نص", date=day, tags=tags)
        grown = _model([*entries, new], per_page)
        assert plan_with_new_story(before, grown, new.slug) == plan_pages(grown)
        checked += 1
    assert checked == 60
