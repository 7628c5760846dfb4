"""The cache layer from the user's side: `digest build --no-cache`, `digest clean`,
`DIGEST_CACHE_DIR=off`, a corrupt store, and `digest build -v`'s stage timings."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitecheck import tree_sha256

from digest.build.sitelock import exclusive_lock
from digest.cli import cli

STAGES = ["inputs", "ingest", "load", "translate", "review", "taxonomy", "plan", "render"]


def _digest(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, ["-C", str(root), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def published_root(all_seeds_root: Path) -> Path:
    """The 16 articles, every one published (drafts included)."""
    (all_seeds_root / "digest.toml").write_text('[site]\npublish = "all"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    return all_seeds_root


def test_a_no_cache_build_equals_a_cached_build_and_writes_no_cache(published_root: Path, tmp_path: Path) -> None:
    user_cache = tmp_path / "user-cache-no"
    env = {"DIGEST_CACHE_DIR": str(user_cache)}
    _digest(published_root, "ingest")  # content/ first: every build below starts from the same inputs
    _digest(published_root, "build", "--offline", "--no-cache", "--out", str(tmp_path / "first"), env=env)
    # Nothing cached: no store in .digest/ (the lock file only), nothing in the per-user cache.
    assert _files_under(published_root / ".digest") == ["build.lock"]
    assert _files_under(user_cache) == []
    _digest(published_root, "build", "--offline", env=env)  # fills every cache
    _edit_an_entry(published_root)
    _digest(published_root, "build", "--offline", env=env)  # incremental, from the caches
    _digest(published_root, "build", "--offline", "--no-cache", "--out", str(tmp_path / "clean"), env=env)
    clean, cached = tree_sha256(tmp_path / "clean"), tree_sha256(published_root / "site")
    assert len(clean) > 100 and "index.html" in clean and "search.json" in clean
    assert clean == cached
    assert clean != tree_sha256(tmp_path / "first")  # the edit is in both


def _edit_an_entry(root: Path) -> None:
    entry = sorted((root / "content").glob("*.md"))[3]
    text = entry.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    entry.write_text(text[:end] + "\nفقرة أضافها المحرر.\n" + text[end:], encoding="utf-8")


def test_no_cache_ignores_a_record_that_says_nothing_changed(published_root: Path) -> None:
    _digest(published_root, "ingest")
    _digest(published_root, "build", "--offline")
    assert "nothing changed since the last build" in _digest(published_root, "build", "--offline")
    output = _digest(published_root, "build", "--offline", "--no-cache", "-v")
    assert "nothing changed" not in output
    assert "build: " in output and "pages" in output  # a real build: every page rendered
    # ... and it dropped the records of the tree it replaced: the next build is a real one too.
    assert "nothing changed" not in _digest(published_root, "build", "--offline")


def test_after_clean_the_next_build_equals_a_clean_build(published_root: Path, tmp_path: Path) -> None:
    _digest(published_root, "build", "--offline")
    _edit_an_entry(published_root)
    _digest(published_root, "build", "--offline")  # incremental: the caches now hold two builds' work
    output = _digest(published_root, "clean")
    assert output.splitlines()[0].startswith("removed .digest/cache (")
    assert "removed .digest/inputs (1 file, " in output and "removed .digest/manifest (1 file, " in output
    assert output.splitlines()[-1].startswith("clean: 3 folders removed, ")
    assert output.splitlines()[-1].endswith(" freed; the next build is a full one")
    assert sorted(p.name for p in (published_root / ".digest").iterdir()) == ["build.lock"]
    _digest(published_root, "build", "--offline")
    _digest(published_root, "build", "--offline", "--no-cache", "--out", str(tmp_path / "clean"))
    assert tree_sha256(published_root / "site") == tree_sha256(tmp_path / "clean")
    assert any("فقرة أضافها المحرر." in p.read_text(encoding="utf-8") for p in (published_root / "site" / "articles").rglob("*.html"))


def test_clean_never_touches_content_seeds_templates_site_or_the_translation_memory(published_root: Path) -> None:
    _digest(published_root, "ingest")
    (published_root / "templates").mkdir()
    (published_root / "templates" / "README.txt").write_text("mine", encoding="utf-8")
    _digest(published_root, "build", "--offline")
    tm = published_root / ".digest" / "tm.sqlite"
    tm.write_bytes(b"stand-in for the translation memory: user data")  # clean must not even open it
    (published_root / ".digest" / "preview").mkdir()
    (published_root / ".digest" / "preview" / "index.html").write_text("preview", encoding="utf-8")
    kept = {name: tree_sha256(published_root / name) for name in ("content", "seeds", "templates", "site")}
    top = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in published_root.iterdir() if p.is_file()}
    output = _digest(published_root, "clean")
    assert "removed .digest/preview (1 file, 7 B)" in output
    assert {name: tree_sha256(published_root / name) for name in kept} == kept
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in published_root.iterdir() if p.is_file()} == top
    assert tm.read_bytes() == b"stand-in for the translation memory: user data"
    assert sorted(p.name for p in (published_root / ".digest").iterdir()) == ["build.lock", "tm.sqlite"]
    assert _digest(published_root, "clean") == "clean: nothing to remove\n"


def test_clean_with_nothing_to_clean_creates_nothing(site_root: Path) -> None:
    assert _digest(site_root, "clean") == "clean: nothing to remove\n"
    assert not (site_root / ".digest").exists()


def test_clean_waits_for_no_build_it_refuses_while_one_runs(published_root: Path) -> None:
    _digest(published_root, "build", "--offline")
    with exclusive_lock(published_root / ".digest" / "build.lock"):  # a build of this root is running
        result = CliRunner().invoke(cli, ["-C", str(published_root), "clean"])
    assert result.exit_code == 1
    assert result.output == "error: .digest/build.lock: a build of this site root is running; try again when it is done\n"
    assert _files_under(published_root / ".digest" / "manifest")  # nothing removed


def test_clean_user_cache_removes_the_per_user_cache_too(site_root: Path, tmp_path: Path) -> None:
    user_cache = tmp_path / "user-cache-clean"
    env = {"DIGEST_CACHE_DIR": str(user_cache)}
    _digest(site_root, "build", "--offline", env=env)
    assert _files_under(user_cache / "templates")  # the built-in theme compiled
    output = _digest(site_root, "clean", "--user-cache", env=env)
    assert f"removed {user_cache} (" in output
    assert not user_cache.exists()


def test_digest_cache_dir_off_switches_the_per_user_cache_off(site_root: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"DIGEST_CACHE_DIR": "off", "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    _digest(site_root, "build", "--offline", "--drafts", env=env)
    assert not home.exists()  # no per-user cache anywhere
    # The site's own cache still works: its compiled templates (built-in ones too) live there.
    assert any(name.endswith(".cache") for name in os.listdir(site_root / ".digest" / "cache" / "templates"))
    _digest(site_root, "build", "--offline", "--drafts", "--no-cache", "--out", str(tmp_path / "clean"))
    assert tree_sha256(site_root / "site") == tree_sha256(tmp_path / "clean")


def test_a_corrupt_store_is_a_warning_and_is_rebuilt(published_root: Path, tmp_path: Path) -> None:
    _digest(published_root, "ingest")
    _digest(published_root, "build", "--offline")
    entries = published_root / ".digest" / "cache" / "entries.pickle"
    entries.write_bytes(b"not a pickle")
    for manifest in (published_root / ".digest" / "manifest").iterdir():
        manifest.write_bytes(b"\x00garbage")
    (published_root / "content" / "new.md").write_text(
        "---\ntitle: خبر جديد\ndate: 2024-01-02\n---\n\nنص الخبر الجديد.\n", encoding="utf-8"
    )  # an input changed: the build reads the stores
    output = _digest(published_root, "build", "--offline")
    assert "warning: .digest/cache/entries.pickle: unreadable build cache (UnpicklingError); rebuilding it" in output
    _digest(published_root, "build", "--offline", "--no-cache", "--out", str(tmp_path / "clean"))
    assert tree_sha256(published_root / "site") == tree_sha256(tmp_path / "clean")
    assert "nothing changed" in _digest(published_root, "build", "--offline")  # rebuilt: whole again


def test_verbose_prints_the_time_of_every_stage_in_order(site_root: Path) -> None:
    _digest(site_root, "ingest")
    output = _digest(site_root, "build", "--offline", "-v")
    timed = [line.split(":")[0].strip() for line in output.splitlines() if line.startswith("  ") and line.endswith("s")]
    assert timed == STAGES
    quick = _digest(site_root, "build", "--offline", "-v")  # nothing changed: one stage, then stop
    assert [line.split(":")[0].strip() for line in quick.splitlines() if line.startswith("  ") and line.endswith("s")] == ["inputs"]
    assert "  nothing changed since the last build" in quick
