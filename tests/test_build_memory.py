"""A cold build large enough to fork its workers (parse and render), from the command line.

To keep its memory down (issue 14), such a build saves the parsed entries' cache as soon as
the entries are loaded, saves the rendered bodies first thing while the workers render, and
frees both once saved; a `--no-cache` build records no dependencies. These tests check what
a user sees of that: every cache is complete and usable, and no byte of the site changes.
The memory itself is measured by benchmarks/bench_memory.py, not here.
"""
from __future__ import annotations

import datetime as dt
import pickle
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from sitecheck import tree_sha256

from digest.cli import cli
from digest.core.model import body_hash
from digest.render.markdown import render_body
from tests.hostile.sites import make_entry, site_with_entries

COUNT = 700  # enough for two parse workers (250 files each) and two render workers (300 pages each)


def _digest(root: Path, *args: str, env: dict[str, str]) -> str:
    result = CliRunner().invoke(cli, ["-C", str(root), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _body(i: int) -> str:
    return f"نص الخبر رقم {i} عن #وسم_{i % 40} مع **تأكيد**.\n\nفقرة ثانية للخبر {i}."


def _site(root: Path) -> Path:
    entries = [
        make_entry(f"e{i:04d}", f"خبر رقم {i}", body=_body(i), tags=[f"وسم {i % 40}"], date=dt.date(2020, 1, 1) + dt.timedelta(days=i))
        for i in range(COUNT)
    ]
    site_with_entries(root, entries)
    (root / "digest.toml").write_text('[site]\nbase_url = "https://example.org/"\n', encoding="utf-8")
    return root


def test_a_forked_cold_build_saves_complete_caches_and_builds_the_same_site_from_them(tmp_path: Path) -> None:
    root = _site(tmp_path / "root")
    env = {"DIGEST_CACHE_DIR": str(tmp_path / "user-cache")}
    output = _digest(root, "build", "--offline", env=env)
    assert f" {COUNT} entries, 40 tags, " in output
    first = tree_sha256(root / "site")
    assert len([rel for rel in first if rel.startswith("articles/")]) == COUNT

    cache = root / ".digest" / "cache"
    # The parsed entries: one row per content file, saved before the pages rendered.
    with (cache / "entries.pickle").open("rb") as handle:
        _stamp, table = pickle.load(handle)
    assert sorted(Path(path).name for path in table) == [f"e{i:04d}.md" for i in range(COUNT)]
    # The rendered bodies: every one, stored as text (bound as UTF-8 bytes, cast to TEXT).
    with sqlite3.connect(cache / "bodies.sqlite") as db:
        kinds = db.execute("SELECT typeof(html), count(*) FROM bodies GROUP BY 1").fetchall()
        stored = dict(db.execute("SELECT key, html FROM bodies").fetchall())
    assert kinds == [("text", COUNT)]
    assert stored[body_hash(_body(7))] == render_body(_body(7))
    assert "نص الخبر رقم 7 عن" in stored[body_hash(_body(7))]
    assert (cache / "search-text.pickle").is_file()
    assert len(list((root / ".digest" / "manifest").iterdir())) == 1

    # site/ deleted: every page rendered again, the entries and bodies read from those caches.
    shutil.rmtree(root / "site")
    assert f" {COUNT} entries, 40 tags, " in _digest(root, "build", "--offline", env=env)
    assert tree_sha256(root / "site") == first

    # A clean build (--no-cache: nothing read, nothing recorded or written) is the same site.
    _digest(root, "build", "--offline", "--no-cache", "--out", str(tmp_path / "clean"), env=env)
    assert tree_sha256(tmp_path / "clean") == first


def test_an_edit_after_a_forked_cold_build_rebuilds_from_what_it_saved(tmp_path: Path) -> None:
    """The dependencies the render workers recorded (shared key objects in the manifest)
    still drive the next build: one edited body re-renders its article and its neighbours'
    pages that show it, and the result equals a clean build."""
    root = _site(tmp_path / "root")
    env = {"DIGEST_CACHE_DIR": str(tmp_path / "user-cache")}
    _digest(root, "build", "--offline", env=env)
    entry = root / "content" / "e0123.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("فقرة ثانية للخبر 123.", "فقرة عدّلها المحرر."), encoding="utf-8")
    _digest(root, "build", "--offline", env=env)
    page = (root / "site" / "articles" / "e0123" / "index.html").read_text(encoding="utf-8")
    assert "فقرة عدّلها المحرر." in page and "فقرة ثانية للخبر 123." not in page
    _digest(root, "build", "--offline", "--no-cache", "--out", str(tmp_path / "clean"), env=env)
    assert tree_sha256(root / "site") == tree_sha256(tmp_path / "clean")
