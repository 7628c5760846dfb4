"""digest serve's watcher when inotify cannot do the job: it says so and polls, or rescans.

The inotify binding is inotify_simple (digest/core/inotify.py). Where it is missing, where
inotify_init1 fails, or where the watch limit (fs.inotify.max_user_watches) is reached,
InotifyTree.open() returns None and the watcher polls; when the kernel's event queue
overflows, the watcher compares a full scan instead of trusting the events it got.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from digest.core import inotify as inotify_module
from digest.core.inotify import InotifyTree
from digest.core.watch import WATCHED_DIRS, WATCHED_FILES, DebouncedWatcher, snapshot

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")

inotify_simple = pytest.importorskip("inotify_simple")


def _never_scratch(name: str) -> bool:
    return False


def _open(root: Path) -> InotifyTree | None:
    return InotifyTree.open(str(root), WATCHED_DIRS, WATCHED_FILES, _never_scratch)


def test_without_the_package_the_watcher_polls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inotify_module, "INotify", None)  # as where the import failed (not Linux)
    (tmp_path / "content").mkdir()
    assert _open(tmp_path) is None
    watcher = DebouncedWatcher(tmp_path, quiet=0.05)
    assert not watcher.event_driven
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    assert watcher.poll(now=1000.0) == []
    assert watcher.poll(now=1001.0) == ["content/a.md"]


def test_inotify_init_failing_means_polling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def too_many_instances(*args: Any, **kwargs: Any) -> None:  # fs.inotify.max_user_instances
        raise OSError(errno.EMFILE, os.strerror(errno.EMFILE))

    monkeypatch.setattr(inotify_module, "INotify", too_many_instances)
    assert _open(tmp_path) is None
    assert not DebouncedWatcher(tmp_path).event_driven


def test_the_watch_limit_means_polling_and_the_descriptor_is_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Any] = []
    real = inotify_simple.INotify

    def limited(*args: Any, **kwargs: Any) -> Any:
        instance = real(*args, **kwargs)
        opened.append(instance)
        return instance

    def no_more_watches(self: Any, path: object, mask: int) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(inotify_module, "INotify", limited)
    monkeypatch.setattr(real, "add_watch", no_more_watches)
    (tmp_path / "seeds").mkdir()
    assert _open(tmp_path) is None
    assert len(opened) == 1 and opened[0].closed


def test_missing_input_folders_are_no_reason_to_poll(tmp_path: Path) -> None:
    """seeds/ and templates/ absent (add_watch fails with ENOENT): watched once they come."""
    (tmp_path / "content").mkdir()
    tree = _open(tmp_path)
    assert tree is not None
    try:
        assert tree.fileno() >= 0
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "base.html").write_text("x", encoding="utf-8")
        changes = tree.read()
        assert changes.folders == {"templates"} and not changes.overflow
        (tmp_path / "templates" / "base.html").write_text("y", encoding="utf-8")
        assert tree.read().paths == {"templates/base.html"}
        assert tree.read().paths == set()  # read never blocks, and nothing is reported twice
    finally:
        tree.close()
    assert tree.fileno() == -1
    tree.close()  # twice: harmless


def test_an_overflowing_event_queue_means_a_full_rescan(tmp_path: Path) -> None:
    limit = int(Path("/proc/sys/fs/inotify/max_queued_events").read_text())
    if limit > 50_000:
        pytest.skip(f"max_queued_events is {limit}: too many files to overflow it")
    (tmp_path / "content").mkdir()
    watcher = DebouncedWatcher(tmp_path, quiet=0.05)
    assert watcher.event_driven
    witness = _open(tmp_path)  # a second descriptor, to see that the queue did overflow
    assert witness is not None
    try:
        # Each new file: IN_CREATE, IN_MODIFY, IN_CLOSE_WRITE — more events than the queue holds.
        names = [f"content/e{number:05d}.md" for number in range(limit // 2)]
        for name in names:
            (tmp_path / name).write_text("x", encoding="utf-8")
        assert witness.read().overflow
    finally:
        witness.close()
    assert watcher.poll(now=1000.0) == []
    assert watcher.poll(now=1001.0) == names
    assert watcher.current() == snapshot(tmp_path)
    watcher.close()


def test_serve_polls_when_the_watch_limit_is_reached(site_root: Path) -> None:
    """`digest serve` on a machine out of inotify watches: it says it polls, and a save is served."""
    from test_serve import Server, _eventually, _fetch, _free_port

    (site_root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    port = _free_port()
    out_of_watches = (
        "import errno, os, sys, inotify_simple\n"
        "def add_watch(self, path, mask):\n"
        "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "inotify_simple.INotify.add_watch = add_watch\n"
        "from digest.cli import main\n"
        "sys.argv = ['digest', *sys.argv[1:]]\n"
        "main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", out_of_watches, "-C", str(site_root), "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "DIGEST_WATCH": ""},
    )
    server = Server(proc, port)
    try:
        assert server.wait_for_line("watching").strip() == "watching the inputs by polling them"
        server.wait_for_line("serving the preview at")
        entry = next((site_root / "content").glob("*.md"))
        marker = "فقرة-حفظها-المحرر"
        entry.write_text(entry.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        _eventually(lambda: marker in _fetch(server.url(f"articles/{entry.stem}/"))[1], "the saved body")
    finally:
        proc.kill()
        proc.wait()
