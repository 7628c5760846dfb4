"""A build killed with SIGKILL — the build process alone, as `kill -KILL PID` does, not its
whole process group — leaves no worker behind and no lock held (issue 13, point 3): the
next build starts at once and its output equals a clean build's.

Kill moments are observed, not timed: once the first worker pool runs, once ingest has
written part of content/, once rendering has begun (a staging tree beside site/)."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from digest.build.sitelock import exclusive_lock
from digest.core.forking import fork_pool

from .sites import DIGEST, snapshot

pytestmark = pytest.mark.slow  # six real builds of 520-760 seeds, one SIGKILLed each

COLD_SEEDS = 520  # enough for two ingest workers, two loading workers and two render workers
NEW_SEEDS = 240  # an incremental build's ingest still uses two workers
CONFIG = '[site]\ntitle_en = "Digest {n}"\npublish = "all"\n[build]\nworkers = 2\n'
SEED_TEXT = "عنوان الخبر رقم {n} عن #الاقتصاد\n\nوكالات\n\nفقرة أولى عن الخبر رقم {n} في #بغداد اليوم.\n\nفقرة ثانية فيها تفاصيل أخرى رقم {n}.\n"
HANG_GUARD = 60.0  # seconds: only ever reached when something hangs


def _add_seeds(root: Path, first: int, count: int) -> None:
    (root / "seeds").mkdir(exist_ok=True)
    for n in range(first, first + count):
        (root / "seeds" / f"2024-06-{1 + n % 28:02d}-s{n}.txt").write_text(SEED_TEXT.format(n=n), encoding="utf-8")


def _session_pids(sid: int) -> list[int]:
    """Live processes of a session (the killed build started one: setsid)."""
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        if int(fields[3]) == sid and fields[0] != "Z":  # field 6: session id; zombies are gone already
            pids.append(int(name))
    return pids


def _has_forked(pid: int) -> bool:
    """Whether the process has a child: one small file, where a session scan reads every
    process's stat (~7 ms of CPU on a busy machine, every 2 ms while waiting)."""
    try:
        return bool(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:  # a kernel without the file: the session scan decides alone
        return True


def _wait_until(condition: Callable[[], bool], run: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while not condition() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)


def _moments(root: Path, run: subprocess.Popen[bytes], content_before: int) -> dict[str, Callable[[], bool]]:
    new_entries = len(os.listdir(root / "seeds")) - content_before
    return {
        "workers": lambda: _has_forked(run.pid) and len(_session_pids(run.pid)) >= 2,
        "content": lambda: len(os.listdir(root / "content")) >= content_before + new_entries // 2,
        "render": lambda: any(p.name.startswith(".site.build-") for p in root.iterdir()),
    }


def _kill_build_at(root: Path, moment: str) -> bool:
    """Start `digest build --offline`, SIGKILL the build process at `moment`; whether the kill
    landed before the build ended. Then wait for every process of its session to be gone."""
    content_before = len(os.listdir(root / "content")) if (root / "content").is_dir() else 0
    (root / "content").mkdir(exist_ok=True)
    run = subprocess.Popen([str(DIGEST), "-C", str(root), "build", "--offline"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    _wait_until(_moments(root, run, content_before)[moment], run)
    landed = run.poll() is None
    if landed:
        os.kill(run.pid, signal.SIGKILL)  # the build process only: its workers must follow by themselves
    run.wait(timeout=HANG_GUARD)
    deadline = time.monotonic() + HANG_GUARD
    while _session_pids(run.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _session_pids(run.pid) == [], f"workers of the killed build outlived it (killed at {moment})"
    return landed


def _entries(root: Path) -> dict[str, str]:
    """content/ without the temporary file a write killed before its rename may leave
    (`.NAME.md.XXXX.tmp`: hidden, never read as an entry)."""
    return {rel: digest for rel, digest in snapshot(root / "content").items()
            if not (rel.startswith(".") and rel.endswith(".tmp"))}


def _next_build(root: Path) -> None:
    result = subprocess.run([str(DIGEST), "-C", str(root), "build", "--offline"], capture_output=True, text=True,
                            timeout=600)
    assert "another build of this site root is running" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def _clean_build(reference: Path, config: int, seeds: int) -> tuple[dict[str, str], dict[str, str]]:
    """content/ and site/ of the first `seeds` seeds with config `config`, built from scratch."""
    reference.mkdir()
    (reference / "digest.toml").write_text(CONFIG.format(n=config), encoding="utf-8")
    _add_seeds(reference, 0, seeds)
    _next_build(reference)
    return _entries(reference), snapshot(reference / "site")


# What a clean build gives, built once for the three kill moments of each test (it does not
# depend on the moment): the seeds are generated, so the same each time.
@pytest.fixture(scope="module")
def cold_reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    return _clean_build(tmp_path_factory.mktemp("killed-cold") / "reference", 0, COLD_SEEDS)


@pytest.fixture(scope="module")
def incremental_reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    return _clean_build(tmp_path_factory.mktemp("killed-incremental") / "reference", 1, COLD_SEEDS + NEW_SEEDS)


@pytest.mark.parametrize("moment", ["workers", "content", "render"])
def test_a_killed_cold_build_leaves_no_worker_and_no_lock(
    tmp_path: Path, moment: str, cold_reference: tuple[dict[str, str], dict[str, str]]
) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "digest.toml").write_text(CONFIG.format(n=0), encoding="utf-8")
    _add_seeds(root, 0, COLD_SEEDS)
    landed = _kill_build_at(root, moment)
    _next_build(root)
    entries, site = cold_reference
    assert _entries(root) == entries
    assert snapshot(root / "site") == site
    assert landed or moment == "render", "the build ended before the kill: the site is too small to test this"


@pytest.mark.parametrize("moment", ["workers", "content", "render"])
def test_a_killed_incremental_build_leaves_no_worker_and_no_lock(
    tmp_path: Path, moment: str, incremental_reference: tuple[dict[str, str], dict[str, str]]
) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "digest.toml").write_text(CONFIG.format(n=0), encoding="utf-8")
    _add_seeds(root, 0, COLD_SEEDS)
    _next_build(root)
    (root / "digest.toml").write_text(CONFIG.format(n=1), encoding="utf-8")  # every page renders again
    _add_seeds(root, COLD_SEEDS, NEW_SEEDS)
    landed = _kill_build_at(root, moment)
    _next_build(root)
    entries, site = incremental_reference
    assert _entries(root) == entries
    assert snapshot(root / "site") == site
    assert landed or moment == "render", "the build ended before the kill: the site is too small to test this"


def _open_files() -> list[str]:
    """What this process's descriptors point at (in a worker: what it inherited and kept)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    return found


def test_forked_workers_do_not_hold_the_build_lock(tmp_path: Path) -> None:
    lock = tmp_path / "build.lock"
    with exclusive_lock(lock):
        assert str(lock) in _open_files()
        with fork_pool(2) as pool:
            seen = pool.map(_worker_files, [0, 1])
    assert all(str(lock) not in files for files in seen)


def _worker_files(_n: int) -> list[str]:
    return _open_files()
