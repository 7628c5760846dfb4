"""The build caches in .digest/cache: parsed entries (a base table plus an overlay), rendered
bodies (SQLite, read lazily) and compiled templates. Each must make a rebuild cheaper and
never change what is built."""
from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from digest.build.pipeline import build_site
from digest.cache import buildcache
from digest.content.entries import load_entries, read_entry, write_entry
from digest.core.config import Config
from digest.core.model import body_hash
from digest.ingest.run import ingest

CACHE = Path(".digest") / "cache"


def _build(root: Path, out: str = "site") -> object:
    return build_site(root, Config.for_test(), drafts=True, offline=True, out=root / out)


@pytest.fixture
def three_entries(site_root: Path) -> Path:
    """The seed's entry and two copies under other slugs."""
    ingest(site_root, [site_root / "seeds"], Config.for_test())
    entries, errors = load_entries(site_root / "content")
    assert not errors and len(entries) == 1
    for n in (1, 2):
        copy = dataclasses.replace(entries[0], slug=f"copy-{n}", seed=None, body=entries[0].body + f"\n\nنسخة {n}.\n")
        write_entry(copy, site_root / "content")
    return site_root


def _append(root: Path, name: str, text: str) -> None:
    path = root / "content" / name
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def test_an_edit_writes_the_overlay_not_the_base(three_entries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = three_entries
    assert _build(root).parsed == 3
    base = root / CACHE / buildcache.ENTRIES_FILE
    overlay = root / CACHE / buildcache.OVERLAY_FILE
    base_stamp = base.stat().st_mtime_ns
    assert not overlay.exists()

    _append(root, "copy-1.md", "فقرة أولى أضافها المحرر.")
    assert _build(root).parsed == 1
    assert base.stat().st_mtime_ns == base_stamp and overlay.exists()
    _append(root, "copy-2.md", "فقرة ثانية أضافها المحرر.")
    assert _build(root).parsed == 1  # copy-1 came from the overlay
    assert "فقرة أولى أضافها المحرر" in (root / "site" / "articles" / "copy-1" / "index.html").read_text(encoding="utf-8")

    # A full overlay is folded into a new base.
    monkeypatch.setattr(buildcache, "MAX_OVERLAY", 2)
    _append(root, "copy-1.md", "فقرة ثالثة.")
    assert _build(root).parsed == 1
    assert base.stat().st_mtime_ns != base_stamp and not overlay.exists()
    assert _build(root, "again").parsed == 0

    # A deleted entry drops out of the table.
    (root / "content" / "copy-2.md").unlink()
    _build(root)
    cache = buildcache.load_cache(root)
    assert sorted(Path(p).name for p in cache.entries) == sorted(p.name for p in (root / "content").glob("*.md"))


def test_a_corrupt_overlay_is_reported_and_the_base_still_used(three_entries: Path) -> None:
    root = three_entries
    _build(root)
    _append(root, "copy-1.md", "فقرة.")
    _build(root)
    (root / CACHE / buildcache.OVERLAY_FILE).write_bytes(b"garbage")
    report = _build(root, "other")
    assert report.parsed == 1 and any("unreadable build cache" in w for w in report.warnings)
    assert "فقرة." in (root / "other" / "articles" / "copy-1" / "index.html").read_text(encoding="utf-8")


def test_bodies_are_stored_once_and_read_only_when_a_page_needs_them(three_entries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = three_entries
    _build(root)
    store = root / CACHE / buildcache.BODIES_FILE

    def stored_keys() -> set[str]:
        with sqlite3.connect(store) as db:
            return {key for (key,) in db.execute("SELECT key FROM bodies")}

    def current_keys() -> set[str]:
        return {body_hash(e.body) for e in load_entries(root / "content")[0]}

    assert stored_keys() == current_keys()
    reads: list[str] = []
    original = buildcache.BodyStore.get

    def counted(self: buildcache.BodyStore, key: str) -> str | None:
        html = original(self, key)
        if html is not None:
            reads.append(key)
        return html

    monkeypatch.setattr(buildcache.BodyStore, "get", counted)

    _append(root, "copy-1.md", "فقرة جديدة.")
    assert _build(root).pages >= 1
    assert reads == []  # the edited body is rendered; no other article page was
    assert stored_keys() > current_keys()  # the new body kept; the old one until the base is rewritten
    monkeypatch.setattr(buildcache, "MAX_OVERLAY", 0)
    _append(root, "copy-2.md", "فقرة أخرى.")
    _build(root)
    assert stored_keys() == current_keys()

    expected = (root / "site" / "articles" / "copy-2" / "index.html").read_bytes()
    _build(root, "other")  # every page again: bodies come from the store
    assert len(reads) == 3 and (root / "other" / "articles" / "copy-2" / "index.html").read_bytes() == expected


def test_a_corrupt_body_store_is_rebuilt(three_entries: Path) -> None:
    root = three_entries
    _build(root)
    expected = (root / "site" / "articles" / "copy-1" / "index.html").read_bytes()
    (root / CACHE / buildcache.BODIES_FILE).write_bytes(b"not a database" * 100)
    report = _build(root, "other")
    assert any("unreadable build cache" in w for w in report.warnings)
    assert (root / "other" / "articles" / "copy-1" / "index.html").read_bytes() == expected
    assert not any("unreadable" in w for w in _build(root, "third").warnings)


def test_compiled_templates_are_kept_for_this_code_only(site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in theme compiles into the per-user cache, a site's own templates into its
    .digest/cache; files of another version of the tool are removed (per user: once stale)."""
    import os
    import time

    user = tmp_path / "user-cache"
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(user))
    (site_root / "templates").mkdir()
    (site_root / "templates" / "404.html").write_text('{% extends "!builtin/404.html" %}', encoding="utf-8")
    _build(site_root)
    site_dir, user_dir = site_root / CACHE / "templates", user / "templates"
    in_site = sorted(p.name for p in site_dir.iterdir())
    in_user = sorted(p.name for p in user_dir.iterdir())
    assert len(in_site) == 1 and in_site[0].endswith(".cache")  # the site's 404.html
    assert sum(name.endswith(".cache") for name in in_user) >= 10 and any(name.endswith("-references.pickle") for name in in_user)

    (site_dir / "0000000000000000-old.cache").write_bytes(b"from another version")
    (user_dir / "0000000000000000-fresh.cache").write_bytes(b"another installed version, in use")
    (user_dir / "0000000000000000-stale.cache").write_bytes(b"another version, long unused")
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(user_dir / "0000000000000000-stale.cache", (month_ago, month_ago))
    _build(site_root, "other")
    assert sorted(p.name for p in site_dir.iterdir()) == in_site
    assert sorted(p.name for p in user_dir.iterdir()) == sorted([*in_user, "0000000000000000-fresh.cache"])


def test_a_build_with_the_theme_compiled_parses_no_template(site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the per-user cache holds the compiled theme and what each template references,
    a cold build of another site neither compiles nor parses a template, and its pages are
    the same."""
    import jinja2

    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "user-cache"))
    _build(site_root)
    expected = (site_root / "site" / "articles").rglob("*.html")
    expected_bytes = {p.relative_to(site_root / "site"): p.read_bytes() for p in expected}
    shutil.rmtree(site_root / ".digest")
    shutil.rmtree(site_root / "site")
    from digest.render import templaterefs

    monkeypatch.setattr(templaterefs, "_TABLE", {})  # as in a new process: only the caches know
    monkeypatch.setattr(templaterefs, "_LOADED_WITH", {})
    from digest.cache import templatecache

    monkeypatch.setattr(templatecache, "_IN_FILE", {})  # nor has it read the references file yet
    parsed: list[str | None] = []
    original = jinja2.Environment._parse
    monkeypatch.setattr(jinja2.Environment, "_parse", lambda self, source, name, filename: parsed.append(name) or original(self, source, name, filename))
    _build(site_root)
    assert parsed == []
    assert {p.relative_to(site_root / "site"): p.read_bytes() for p in (site_root / "site" / "articles").rglob("*.html")} == expected_bytes


def test_search_texts_are_normalised_once(three_entries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.sitemodel import search

    root = three_entries
    _build(root)
    calls: list[str] = []
    original = search.normalize_identity
    monkeypatch.setattr(search, "normalize_identity", lambda text: calls.append(text) or original(text))
    entry = read_entry(root / "content" / "copy-1.md")
    entry.title += " (محدث)"
    write_entry(entry, root / "content")
    _build(root)
    assert len(calls) == 1 and "(محدث)" in calls[0]
    index = (root / "site" / "search.json").read_bytes()
    _build(root, "clean-out")
    assert (root / "clean-out" / "search.json").read_bytes() == index
