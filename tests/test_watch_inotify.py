"""digest serve's watcher with inotify: what it reports and keeps equals a full scan.

The kernel tells which files changed; the watcher stats only those and scans again only
the folders that came, went or were replaced. Whatever happens to the inputs, its kept
snapshot must equal digest.core.watch.snapshot() (the polling scan) after every step.
"""
from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

import pytest

from digest.core.watch import DebouncedWatcher, snapshot

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def _watcher(root: Path) -> DebouncedWatcher:
    watcher = DebouncedWatcher(root, quiet=0.05)
    assert watcher.event_driven, "inotify should be available on Linux"
    return watcher


def _batch(watcher: DebouncedWatcher) -> list[str]:
    """What the watcher reports once the inputs are quiet (times given: no sleeping)."""
    first = watcher.poll(now=1000.0)
    assert first == []
    return watcher.poll(now=1001.0)


def test_reports_files_in_folders_made_after_the_start(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    watcher = _watcher(tmp_path)
    (tmp_path / "templates").mkdir()  # no templates/ when the server started
    (tmp_path / "templates" / "article.html").write_text("x", encoding="utf-8")
    (tmp_path / "seeds" / "2026" / "12").mkdir(parents=True)
    (tmp_path / "seeds" / "2026" / "12" / "one.txt").write_text("one", encoding="utf-8")
    assert _batch(watcher) == ["seeds/2026/12/one.txt", "templates/article.html"]
    # ...and the new folders are watched from then on
    (tmp_path / "seeds" / "2026" / "12" / "two.txt").write_text("two", encoding="utf-8")
    (tmp_path / "templates" / "article.html").write_text("changed", encoding="utf-8")
    assert _batch(watcher) == ["seeds/2026/12/two.txt", "templates/article.html"]
    assert watcher.current() == snapshot(tmp_path)


def test_ignores_the_output_the_state_and_scratch_files(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    watcher = _watcher(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("x", encoding="utf-8")
    (tmp_path / ".digest" / "preview").mkdir(parents=True)
    (tmp_path / ".digest" / "preview" / "index.html").write_text("x", encoding="utf-8")
    (tmp_path / "content" / ".a.md.swp").write_text("x", encoding="utf-8")
    (tmp_path / "content" / "a.md~").write_text("x", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an input", encoding="utf-8")
    assert watcher.poll(now=1.0) == [] and watcher.poll(now=5.0) == []
    (tmp_path / "digest.toml").write_text("[site]\n", encoding="utf-8")
    (tmp_path / "glossary.toml").write_text("", encoding="utf-8")
    assert _batch(watcher) == ["digest.toml", "glossary.toml"]


def test_a_touch_a_rename_and_a_deleted_folder(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "seeds" / "old").mkdir(parents=True)
    (tmp_path / "seeds" / "old" / "s.txt").write_text("s", encoding="utf-8")
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    watcher = _watcher(tmp_path)
    os.utime(tmp_path / "content" / "a.md", ns=(1, 1))  # a touch: only the time changes
    assert _batch(watcher) == ["content/a.md"]
    # an editor's save: write a scratch file, rename it over the entry
    (tmp_path / "content" / ".a.md.tmp").write_text("a, saved", encoding="utf-8")
    os.replace(tmp_path / "content" / ".a.md.tmp", tmp_path / "content" / "a.md")
    assert _batch(watcher) == ["content/a.md"]
    shutil.rmtree(tmp_path / "seeds" / "old")
    assert _batch(watcher) == ["seeds/old/s.txt"]
    (tmp_path / "content").rename(tmp_path / "content-away")  # the whole folder moved away
    assert _batch(watcher) == ["content/a.md"]
    (tmp_path / "content-away" / "b.md").write_text("b", encoding="utf-8")  # not an input any more
    assert watcher.poll(now=2000.0) == [] and watcher.poll(now=2001.0) == []
    (tmp_path / "content-away").rename(tmp_path / "content")  # and back
    assert _batch(watcher) == ["content/a.md", "content/b.md"]
    assert watcher.current() == snapshot(tmp_path)


def test_a_symlinked_input_is_checked_without_an_event(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("one", encoding="utf-8")
    root = tmp_path / "root"
    (root / "content").mkdir(parents=True)
    (root / "content" / "linked.md").symlink_to(outside)
    watcher = _watcher(root)
    outside.write_text("two, longer", encoding="utf-8")  # no event in content/ for this
    assert _batch(watcher) == ["content/linked.md"]


def test_digest_watch_poll_turns_inotify_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_WATCH", "poll")
    (tmp_path / "content").mkdir()
    watcher = DebouncedWatcher(tmp_path, quiet=0.05)
    assert not watcher.event_driven
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    assert _batch(watcher) == ["content/a.md"]


def test_random_changes_keep_the_snapshot_equal_to_a_full_scan(tmp_path: Path) -> None:
    """Files and folders made, edited, touched, renamed and removed at random: after every
    step what the watcher keeps is what polling would find, and what it reported is exactly
    what changed."""
    rng = random.Random(14)
    for name in ("content", "seeds", "templates"):
        (tmp_path / name).mkdir()
    watcher = _watcher(tmp_path)
    known = snapshot(tmp_path)
    folders = ["content", "seeds", "templates", "seeds/a", "seeds/a/b", "templates/partials"]
    for step in range(120):
        folder = tmp_path / rng.choice(folders)
        action = rng.choice(["write", "write", "touch", "rename", "delete", "rmdir", "config"])
        files = sorted(p for p in (tmp_path / rng.choice(["content", "seeds", "templates"])).rglob("*") if p.is_file())
        if action == "write":
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"f{rng.randrange(6)}.md").write_text("x" * rng.randrange(1, 50), encoding="utf-8")
        elif action == "touch" and files:
            os.utime(rng.choice(files), ns=(step, step * 1000))
        elif action == "rename" and files:
            target = folder / f"r{rng.randrange(6)}.md"
            folder.mkdir(parents=True, exist_ok=True)
            os.replace(rng.choice(files), target)
        elif action == "delete" and files:
            rng.choice(files).unlink()
        elif action == "rmdir" and folder.name not in ("content", "seeds", "templates"):
            shutil.rmtree(folder, ignore_errors=True)
        elif action == "config":
            (tmp_path / "digest.toml").write_text(f"# {step}\n", encoding="utf-8")
        now = snapshot(tmp_path)
        expected = sorted(p for p in now.keys() | known.keys() if now.get(p) != known.get(p))
        reported = watcher.poll(now=float(step * 10)) + watcher.poll(now=float(step * 10 + 5))
        assert reported == expected, (step, action)
        assert watcher.current() == now, (step, action)
        known = now


# --- end to end: `digest serve` with inotify and with DIGEST_WATCH=poll --------------------


@pytest.mark.parametrize("mode", ["inotify", "poll"])
def test_serve_picks_up_an_editors_save_and_a_new_seed_folder(site_root: Path, extra_dir: Path, mode: str) -> None:
    """A save as editors make it (a scratch file renamed over the entry) and a new article
    in a seeds/ subfolder made after the start: both served, whichever way the server
    watches; the server says how it watches."""
    import subprocess

    from test_serve import Server, _eventually, _fetch, _free_port

    (site_root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "DIGEST_WATCH": mode}
    proc = subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "-C", str(site_root), "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    server = Server(proc, port)
    try:
        line = server.wait_for_line("watching")
        assert line.strip() == ("watching the inputs with inotify" if mode == "inotify" else "watching the inputs by polling them (DIGEST_WATCH=poll)")
        server.wait_for_line("serving the preview at")
        entry = next((site_root / "content").glob("*.md"))
        article = f"articles/{entry.stem}/"
        marker = "فقرة-حفظها-المحرر"
        scratch = entry.with_name(f".{entry.name}.tmp")
        scratch.write_text(entry.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        os.replace(scratch, entry)
        _eventually(lambda: marker in _fetch(server.url(article))[1], "the saved body")

        newest = sorted(extra_dir.glob("*.txt"))[-1]
        (site_root / "seeds" / "later" / "batch").mkdir(parents=True)
        shutil.copy(newest, site_root / "seeds" / "later" / "batch" / newest.name)
        _eventually(lambda: len(list((site_root / "content").glob("*.md"))) == 2, "the new article ingested")
        new_slug = next(p.stem for p in (site_root / "content").glob("*.md") if p != entry)
        _eventually(lambda: _fetch(server.url(f"articles/{new_slug}/"))[0] == 200, "the new article's page")
    finally:
        proc.kill()
        proc.wait()
