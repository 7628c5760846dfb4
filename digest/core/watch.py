"""Which input files changed: polling snapshots of a site root's inputs, debounced.

Only the inputs are watched (seeds/, content/, templates/, digest.toml, the glossary), never
site/, the preview or .digest/, so a build can never trigger itself. Polling by
(mtime_ns, size) needs no extra dependency and behaves the same on every file system.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .layout import CONFIG_FILE, CONTENT_DIR, GLOSSARY_FILES, SEEDS_DIR, TEMPLATES_DIR

WATCHED_DIRS = (SEEDS_DIR, CONTENT_DIR, TEMPLATES_DIR)
WATCHED_FILES = (CONFIG_FILE, *GLOSSARY_FILES)

Snapshot = dict[str, tuple[int, int]]  # relative path → (mtime_ns, size)


def _is_scratch(name: str) -> bool:
    """Editors' temporary and backup files (.x.swp, .#x, x~, #x#): never a reason to rebuild."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def _scan_dir(base: Path, rel: str, into: Snapshot) -> None:
    try:
        scanner = os.scandir(base / rel)
    except OSError:
        return
    with scanner:
        for item in scanner:
            if _is_scratch(item.name):
                continue
            path = f"{rel}/{item.name}"
            try:
                if item.is_dir(follow_symlinks=False):
                    _scan_dir(base, path, into)
                elif item.is_file():
                    stat = item.stat()
                    into[path] = (stat.st_mtime_ns, stat.st_size)
            except OSError:  # deleted while scanning: the next snapshot sees it gone
                continue


def snapshot(root: Path) -> Snapshot:
    """(mtime_ns, size) of every watched input file under root."""
    found: Snapshot = {}
    for name in WATCHED_DIRS:
        _scan_dir(root, name, found)
    for name in WATCHED_FILES:
        try:
            stat = (root / name).stat()
        except OSError:
            continue
        found[name] = (stat.st_mtime_ns, stat.st_size)
    return found


def diff(old: Snapshot, new: Snapshot) -> list[str]:
    """Paths added, removed or modified between two snapshots (sorted)."""
    return sorted({p for p in old.keys() | new.keys() if old.get(p) != new.get(p)})


@dataclass
class DebouncedWatcher:
    """Reports a batch of changes once the inputs have been quiet for `quiet` seconds.

    An editor's save often touches a file several times (write, rename, chmod); a script may
    change hundreds of files. Waiting for quiet turns either into one rebuild.
    """

    root: Path
    quiet: float = 0.2
    _last: Snapshot = field(default_factory=dict)
    _pending: set[str] = field(default_factory=set)
    _changed_at: float = 0.0

    def __post_init__(self) -> None:
        self._last = snapshot(self.root)

    @property
    def waiting(self) -> bool:
        """Changes were seen and wait for the inputs to be quiet."""
        return bool(self._pending)

    def poll(self, now: float | None = None) -> list[str]:
        """Call periodically; returns the changed paths when a batch is complete, else []."""
        now = time.monotonic() if now is None else now
        current = snapshot(self.root)
        changed = diff(self._last, current)
        self._last = current
        if changed:
            self._pending.update(changed)
            self._changed_at = now
            return []
        if self._pending and now - self._changed_at >= self.quiet:
            batch = sorted(self._pending)
            self._pending.clear()
            return batch
        return []

    def absorb(self, paths: list[str]) -> None:
        """Take these files (relative to the root) as seen: this process wrote them and has
        rebuilt already. Other changes, made meanwhile, are still reported."""
        for rel in paths:
            try:
                stat = (self.root / rel).stat()
            except OSError:
                self._last.pop(rel, None)
                continue
            self._last[rel] = (stat.st_mtime_ns, stat.st_size)
