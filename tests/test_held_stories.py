"""digest serve skips the card and body of every story the site model kept (the very
object of the model it patched) when it looks for what changed (digest.cache.fingerprint
`held_stories`, `_of_changed_pages`). That is sound only while the values it compares with
are of that very model: these tests pin the guard that checks it."""
from __future__ import annotations

import datetime as dt

from digest.cache.fingerprint import KeptDigests, SiteFingerprints
from digest.cache.manifest import Manifest
from digest.core.config import Config
from digest.core.model import Entry
from digest.sitemodel.stories import build_site_model


def _prints(kept: KeptDigests) -> SiteFingerprints:
    entries = [Entry(slug=f"قصة-{n}", title=f"عنوان {n}", body="نص", date=dt.date(2024, 1, 1 + n), tags=["وسم"]) for n in range(3)]
    model = build_site_model(Config(), entries, {}, lambda _e: "", base_url="/", review_mode=False, flags={}, all_entries=entries)
    return SiteFingerprints(model, None, {}, {}, None, kept)  # type: ignore[arg-type]


def test_the_stories_are_held_only_for_values_of_the_model_this_build_patched() -> None:
    manifest, other = Manifest(), Manifest()
    kept = KeptDigests(model=4, remade=(3, {"قصة-1"}))
    prints = _prints(kept)
    assert prints.held_stories(manifest) is None  # no values recorded with a model yet

    kept.model = 3
    prints.values_kept_in(manifest)  # the values of model 3: the one this build patched
    kept.model = 4
    held = prints.held_stories(manifest)
    assert held is not None and held[0] == {"قصة-1"} and set(held[1]) == {"قصة-0", "قصة-1", "قصة-2"}

    assert prints.held_stories(other) is None  # another manifest (read from disk, made afresh)
    kept.remade = (2, {"قصة-1"})  # this build patched model 2: model 3's values may be newer
    assert prints.held_stories(manifest) is None
    kept.remade = None  # the model was made afresh
    assert prints.held_stories(manifest) is None


def test_a_dropped_manifest_is_not_kept_alive_for_the_check() -> None:
    import gc

    kept = KeptDigests(model=1, remade=(1, set()))
    prints = _prints(kept)
    manifest = Manifest()
    prints.values_kept_in(manifest)
    del manifest
    gc.collect()
    assert kept.values_of is not None and kept.values_of() is None
