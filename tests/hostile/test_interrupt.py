"""Interruption and concurrency: a build SIGKILLed at any moment leaves the previous site/
and every content/ file intact, and the next build recovers; two builds of one site root do
not corrupt each other; corrupt caches under .digest/ are rebuilt, never fatal."""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from digest.build.pipeline import build_site
from digest.build.sitelock import exclusive_lock
from digest.content.entries import read_entry
from digest.core.config import load_config
from digest.core.sitetree import recover_leftovers

from .sites import DIGEST, make_entry, site_with_entries, snapshot

KILL_POINTS = 10
ENTRIES = 100  # a build of about a second: room for kill points in every stage
NEW_SEEDS = 2  # ingested by each killed build, so kills also land while content/ is written
CONFIG = '[site]\ntitle_en = "Digest {point}"\npublish = "all"\n[build]\nworkers = 2\n'
SEED_TEXT = "عنوان الخبر رقم {n} عن #الاقتصاد\n\nوكالات\n\nفقرة أولى عن الخبر رقم {n} في #بغداد اليوم.\n\nفقرة ثانية فيها تفاصيل أخرى.\n"


def _site_root(tmp_path: Path) -> Path:
    entries = [
        make_entry(f"entry-{i:04d}", f"خبر رقم {i} عن الاقتصاد", tags=["الاقتصاد", f"وسم {i % 40}"],
                   body=f"نص الخبر رقم {i}.\n\nفقرة ثانية #بغداد.", date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 300))
        for i in range(ENTRIES)
    ]
    root = site_with_entries(tmp_path / "root", entries)
    (root / "seeds").mkdir()
    (root / "digest.toml").write_text(CONFIG.format(point=0), encoding="utf-8")
    return root


def _start_build(root: Path) -> subprocess.Popen[bytes]:
    # Its own session, so the kill reaches the render workers it forks as well.
    return subprocess.Popen([str(DIGEST), "-C", str(root), "build", "--offline"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def _content_state(root: Path) -> dict[str, str]:
    return snapshot(root / "content")


def _check_content(root: Path, before: dict[str, str]) -> None:
    """Every entry is as it was or, if the killed ingest wrote it, a complete entry."""
    now = _content_state(root)
    assert set(before) <= set(now), "an entry disappeared"
    for rel, digest in now.items():
        if rel.endswith(".md") and not rel.startswith(".") and before.get(rel) != digest:
            read_entry(root / "content" / rel)  # raises if half-written


def _leftovers(root: Path) -> list[str]:
    """Unfinished staging trees beside site/ (old trees may still be being deleted in the
    background: digest.cache.incremental)."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site.build-"))


def _change_inputs(root: Path, point: int) -> None:
    """Make the next build differ from the last one everywhere: another site title (every
    page is rendered again), an edited headline and new seeds (ingest writes content/)."""
    (root / "digest.toml").write_text(CONFIG.format(point=point), encoding="utf-8")
    edited = root / "content" / "entry-0000.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", f"title: تعديل {point} ", 1), encoding="utf-8")
    for j in range(NEW_SEEDS):
        n = point * NEW_SEEDS + j
        (root / "seeds" / f"2024-06-{1 + n % 28:02d}-s{n}.txt").write_text(SEED_TEXT.format(n=n), encoding="utf-8")


def _wait_for_work(run: subprocess.Popen[bytes], content_before: dict[str, str], root: Path) -> float:
    """Poll until the build has started working (ingest wrote an entry) or ended; when."""
    known = sum(1 for rel in content_before if rel.endswith(".md"))
    while run.poll() is None and sum(1 for name in os.listdir(root / "content") if name.endswith(".md")) <= known:
        time.sleep(0.005)
    return time.monotonic()


def test_sigkill_at_random_moments_leaves_old_or_new_site(tmp_path: Path) -> None:
    root = _site_root(tmp_path)
    _change_inputs(root, -1)
    build_site(root, load_config(root), offline=True)
    previous = snapshot(root / "site")

    # A complete subprocess build, timed from its first written entry to its end: the
    # window the kills are spread over.
    _change_inputs(root, 0)
    content_before = _content_state(root)
    run = _start_build(root)
    working = _wait_for_work(run, content_before, root)
    assert run.wait(timeout=120) == 0, run.stderr.read() if run.stderr else ""
    window = time.monotonic() - working
    previous = snapshot(root / "site")

    rng = random.Random(7)
    outcomes = []
    for point in range(1, KILL_POINTS + 1):
        _change_inputs(root, point)
        config = load_config(root)
        content_before = _content_state(root)
        delay = window * (point - 1 + rng.random()) / KILL_POINTS  # one kill in each tenth of the work
        run = _start_build(root)
        _wait_for_work(run, content_before, root)
        time.sleep(delay)
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        code = run.wait(timeout=120)
        killed_site = snapshot(root / "site")
        _check_content(root, content_before)

        report = build_site(root, config, offline=True)  # the next build recovers
        assert report.errors == []
        new = snapshot(root / "site")
        assert new != previous
        assert killed_site in (previous, new), f"kill point {point} ({delay:.2f}s): a mixed or missing site"
        assert _leftovers(root) == []
        assert code in (0, -signal.SIGKILL)
        outcomes.append("old" if killed_site == previous else "new")
        previous = new
    assert len(outcomes) == KILL_POINTS


def test_second_build_of_a_locked_root_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد")])
    (root / ".digest").mkdir()
    with exclusive_lock(root / ".digest" / "build.lock"):  # as a running build holds it
        run = subprocess.run([str(DIGEST), "-C", str(root), "build", "--offline"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == ["error: .digest/build.lock: another build of this site root is running"]
    assert "Traceback" not in run.stderr
    assert not (root / "site").exists()


def test_two_builds_at_once_one_wins_neither_corrupts(tmp_path: Path) -> None:
    root = _site_root(tmp_path)
    runs = [_start_build(root) for _ in range(2)]
    results = [(run.wait(timeout=120), (run.stderr.read() if run.stderr else b"").decode()) for run in runs]
    assert sorted(code for code, _ in results)[0] == 0, results
    for code, stderr in results:
        assert code in (0, 1) and "Traceback" not in stderr
        if code == 1:
            assert "another build of this site root is running" in stderr
    reference = tmp_path / "reference"
    shutil.copytree(root / "content", reference / "content")
    shutil.copy(root / "digest.toml", reference / "digest.toml")
    build_site(reference, load_config(reference), offline=True)
    assert snapshot(root / "site") == snapshot(reference / "site")
    assert _leftovers(root) == []


@pytest.mark.parametrize("garbage", [b"", b"\x00\xff garbage \x80" * 100, b"SQLite format 3\x00" + b"\x01" * 500])
def test_corrupt_caches_are_rebuilt_never_fatal(tmp_path: Path, garbage: bytes) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد"), make_entry("two", "خبر آخر")])
    config = load_config(root)
    build_site(root, config, offline=True)
    good = snapshot(root / "site")
    caches = [p for p in (root / ".digest").rglob("*") if p.is_file() and p.name != "build.lock"]
    assert caches, "the build left no cache to corrupt"
    (root / ".digest" / "tm.sqlite").write_bytes(garbage)  # the translation memory, too
    for path in caches:
        path.write_bytes(garbage)
    (root / "content" / "one.md").touch()  # a content change, so the manifest is consulted
    report = build_site(root, config, offline=True)
    assert report.errors == []
    assert snapshot(root / "site") == good
    again = build_site(root, config, offline=True)
    assert again.errors == [] and again.warnings == []  # rebuilt, not corrupt any more


class _Stopped(BaseException):
    """Stands for a SIGKILL at one exact step (a real kill cannot be aimed that precisely)."""


def _stop_at_rename(monkeypatch: pytest.MonkeyPatch, stop_at: int) -> None:
    import digest.cache.incremental

    calls = []
    real_rename = os.rename

    def rename(src: object, dst: object) -> None:
        calls.append(src)
        if len(calls) == stop_at:
            raise _Stopped
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.cache.incremental.os, "rename", rename)


def _two_builds_apart(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد"), make_entry("two", "خبر آخر")])
    build_site(root, load_config(root), offline=True)
    site_with_entries(root, [make_entry("three", "خبر ثالث")])
    return root, snapshot(root / "site")


def _stop_around_exchange(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """Stop the build just before the one-step exchange of site/ and its staging tree, or just
    after it (before the old tree is moved aside). Where the system has no atomic exchange the
    test is skipped: the two-rename fallback has its own test below."""
    import digest.cache.incremental
    from digest.core.sitetree import exchange_paths

    def exchange(a: Path, b: Path) -> bool:
        if when == "before":
            raise _Stopped
        if not exchange_paths(a, b):
            pytest.skip("no atomic directory exchange on this system")
        raise _Stopped

    monkeypatch.setattr(digest.cache.incremental, "exchange_paths", exchange)


@pytest.mark.parametrize("when", ["before", "after"])
def test_the_swap_is_one_step_site_never_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    root, old = _two_builds_apart(tmp_path)
    _stop_around_exchange(monkeypatch, when)
    with pytest.raises(_Stopped):  # the planned stop is reached, so no normal build runs instead
        build_site(root, load_config(root), offline=True)
    monkeypatch.undo()
    stopped = snapshot(root / "site")
    assert stopped  # never missing
    build_site(root, load_config(root), offline=True)
    new = snapshot(root / "site")
    assert new != old and any("three" in path for path in new)
    assert stopped == (old if when == "before" else new)  # the old site whole, or the new one whole
    assert _leftovers(root) == []

def test_without_an_atomic_exchange_a_stop_between_renames_is_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import digest.cache.incremental

    root, old = _two_builds_apart(tmp_path)
    monkeypatch.setattr(digest.cache.incremental, "exchange_paths", lambda _a, _b: False)  # e.g. not Linux
    _stop_at_rename(monkeypatch, 2)  # old tree moved aside, new one not yet in place
    with pytest.raises(_Stopped):
        build_site(root, load_config(root), offline=True)
    monkeypatch.undo()
    assert not (root / "site").exists()
    recover_leftovers(root / "site")  # what the next build does first
    assert snapshot(root / "site") == old
    assert not list(root.glob(".site.*"))
