"""digest.cache.loading.with_new_files: after an ingest that only added entries, the build
puts the new files into what it loaded a moment ago instead of loading content/ again. It
must give what loading everything again gives, and decline (None) where it cannot."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from digest.cache import loading
from digest.cache.loading import Loaded, load_content, with_new_files
from digest.content.entries import load_entries, write_entry
from digest.core.config import Config
from digest.core.model import Entry
from digest.ingest.run import ingest


def _site(site_root: Path) -> tuple[Path, list[Entry]]:
    ingest(site_root, [site_root / "seeds"], Config.for_test())
    entries, errors = load_entries(site_root / "content")
    assert not errors and entries
    return site_root / "content", entries


def _same(a: Loaded, b: Loaded) -> None:
    assert [e.path for e in a.entries] == [e.path for e in b.entries]
    assert a.entries == b.entries and a.stats == b.stats and a.errors == b.errors


def test_new_files_put_in_equal_loading_everything_again(site_root: Path) -> None:
    content, entries = _site(site_root)
    for n in (2, 4):
        write_entry(dataclasses.replace(entries[0], slug=f"m-{n}", seed=None, body=f"نص {n}"), content)
    before = load_content(content, workers=1)
    # New files sorting before, between and after the others.
    new = [dataclasses.replace(entries[0], slug=slug, seed=None, body=f"نص {slug}") for slug in ("a-first", "m-3", "z-last")]
    for entry in new:
        write_entry(entry, content)
    again = with_new_files(before, [content / f"{e.slug}.md" for e in new])
    assert again is not None and again.parsed == 3
    _same(again, load_content(content, workers=1))
    assert all(a is b for a, b in zip([e for e in again.entries if not e.slug.startswith(("a-", "z-", "m-3"))], before.entries, strict=True))


def test_it_declines_a_file_that_was_there_or_cannot_be_read_and_a_folder_with_errors(site_root: Path) -> None:
    content, entries = _site(site_root)
    loaded = load_content(content, workers=1)
    assert with_new_files(loaded, [content / f"{entries[0].slug}.md"]) is None  # not new
    assert with_new_files(loaded, [content / "gone.md"]) is None  # no such file
    (content / "bad.md").write_text("---\ntitle: [\n---\nنص\n", encoding="utf-8")
    assert with_new_files(loaded, [content / "bad.md"]) is None  # does not parse
    with_error = load_content(content, workers=1)
    assert with_error.errors
    write_entry(dataclasses.replace(entries[0], slug="new-one", seed=None), content)
    assert with_new_files(with_error, [content / "new-one.md"]) is None


def test_it_leaves_many_new_files_to_the_parallel_load(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first ingest of a whole seeds folder writes hundreds of entries: load_content
    parses those on every core (and renders their bodies there), so it is left to that."""
    content, entries = _site(site_root)
    loaded = load_content(content, workers=1)
    new = [dataclasses.replace(entries[0], slug=f"n-{n}", seed=None) for n in range(3)]
    for entry in new:
        write_entry(entry, content)
    monkeypatch.setattr(loading, "MIN_FILES_PER_WORKER", 3)
    assert with_new_files(loaded, [content / f"{e.slug}.md" for e in new]) is None
    assert with_new_files(loaded, [content / f"{e.slug}.md" for e in new[:2]]) is not None
