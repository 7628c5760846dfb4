"""digest.cache.loading.with_changed_files: digest serve makes a build's content/ from the
last build's, parsing only the files whose stamp changed. After any sequence of edits,
new files, deletions and touches it must give what loading everything gives (the same
entries, in the same order, with the same stamps), keep the other entries as the very
objects, and decline (None) where load_content has to look for itself."""
from __future__ import annotations

import dataclasses
import os
import random
from pathlib import Path

import pytest

from digest.cache.loading import MIN_FILES_PER_WORKER, Loaded, load_content, with_changed_files
from digest.content.entries import load_entries, write_entry
from digest.core.config import Config
from digest.core.model import Entry
from digest.ingest.run import ingest


def _site(site_root: Path) -> tuple[Path, list[Entry]]:
    ingest(site_root, [site_root / "seeds"], Config.for_test())
    entries, errors = load_entries(site_root / "content")
    assert not errors and entries
    return site_root / "content", entries


def _known(content: Path) -> dict[str, tuple[int, int]]:
    """What digest serve's watcher keeps: every content/*.md name → (mtime_ns, size)."""
    known = {}
    for item in os.scandir(content):
        if item.name.endswith(".md"):
            stat = item.stat()
            known[item.name] = (stat.st_mtime_ns, stat.st_size)
    return known


def _same(a: Loaded, b: Loaded) -> None:
    assert [e.path for e in a.entries] == [e.path for e in b.entries]
    assert a.entries == b.entries and a.stats == b.stats and a.errors == b.errors


@pytest.mark.parametrize("seed", range(4))
def test_random_changes_give_what_loading_everything_gives(site_root: Path, seed: int) -> None:
    content, entries = _site(site_root)
    rng = random.Random(seed)
    last = load_content(content, workers=1, known=_known(content))
    made = 0
    for step in range(12):
        paths = sorted(content.glob("*.md"))
        for _change in range(rng.randint(0, 3)):
            what = rng.choice(["edit", "new", "delete", "touch"])
            if what == "edit" and paths:
                path = rng.choice(paths)
                path.write_text(path.read_text(encoding="utf-8") + f"\nسطر {step}.\n", encoding="utf-8")
            elif what == "new":
                slug = rng.choice(["a", "m", "z"]) + f"-{seed}-{step}-{made}"
                made += 1
                write_entry(dataclasses.replace(entries[0], slug=slug, seed=None, body=f"نص {slug}"), content)
            elif what == "delete" and len(paths) > 2:
                path = rng.choice(paths)
                path.unlink()
                paths.remove(path)
            elif what == "touch" and paths:
                os.utime(rng.choice(paths), ns=(1, 10**18 + step))
        known = _known(content)
        again = with_changed_files(last, content, known)
        assert again is not None
        fresh = load_content(content, workers=1, known=known)
        _same(again, fresh)
        unchanged = {path for path, stamp in last.stats.items() if again.stats.get(path) == stamp}
        by_path = {e.path: e for e in last.entries}
        assert all(e is by_path[e.path] for e in again.entries if e.path in unchanged)  # the very objects
        assert again.parsed == len(again.stats) - len(unchanged)
        last = again


def test_it_declines_errors_links_bad_files_and_many_changes(site_root: Path) -> None:
    content, entries = _site(site_root)
    last = load_content(content, workers=1)
    (content / "bad.md").write_text("---\ntitle: [\n---\nنص\n", encoding="utf-8")
    assert with_changed_files(last, content, _known(content)) is None  # does not parse: load_content reports it
    with_error = load_content(content, workers=1)
    assert with_error.errors
    (content / "bad.md").unlink()
    assert with_changed_files(with_error, content, _known(content)) is None  # the last load had errors

    outside = site_root.parent / "outside.md"
    write_entry(dataclasses.replace(entries[0], slug="outside", seed=None), site_root.parent)
    (content / "linked.md").symlink_to(outside)
    assert with_changed_files(last, content, _known(content)) is None  # a link: the root guard decides
    (content / "linked.md").unlink()

    for n in range(MIN_FILES_PER_WORKER):
        write_entry(dataclasses.replace(entries[0], slug=f"many-{n}", seed=None, body=f"نص {n}"), content)
    assert with_changed_files(last, content, _known(content)) is None  # the parallel load's batch
