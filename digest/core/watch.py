"""Which input files changed: snapshots of a site root's inputs, debounced.

Only the inputs are watched (seeds/, content/, templates/, digest.toml, the glossary), never
site/, the preview or .digest/, so a build can never trigger itself. A snapshot is the
(mtime_ns, size) of every input file. On Linux the kernel's inotify (digest.core.inotify)
says which files to stat again, so a change costs a few stats, not a scan of every input;
elsewhere, or with `DIGEST_WATCH=poll` (network file systems, where inotify does not see
other machines' writes), every poll scans them all.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .layout import CONFIG_FILE, CONTENT_DIR, GLOSSARY_FILES, SEEDS_DIR, TEMPLATES_DIR

if TYPE_CHECKING:
    from .inotify import InotifyTree

WATCHED_DIRS = (SEEDS_DIR, CONTENT_DIR, TEMPLATES_DIR)
WATCHED_FILES = (CONFIG_FILE, *GLOSSARY_FILES)

Stamp = tuple[int, int]  # a file's (mtime_ns, size)
Snapshot = dict[str, Stamp]  # relative path → its stamp


def _is_scratch(name: str) -> bool:
    """Editors' temporary and backup files (.x.swp, .#x, x~, #x#): never a reason to rebuild."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def _scan_dir(base: Path, rel: str, into: Snapshot, links: set[str] | None = None) -> None:
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
                    _scan_dir(base, path, into, links)
                elif item.is_file():
                    stat = item.stat()
                    into[path] = (stat.st_mtime_ns, stat.st_size)
                    if links is not None and item.is_symlink():
                        links.add(path)
            except OSError:  # deleted while scanning: the next snapshot sees it gone
                continue


def snapshot(root: Path, links: set[str] | None = None) -> Snapshot:
    """(mtime_ns, size) of every watched input file under root; `links` gets the files
    that are symlinks (their target's changes reach no folder watch)."""
    found: Snapshot = {}
    for name in WATCHED_DIRS:
        _scan_dir(root, name, found, links)
    for name in WATCHED_FILES:
        _stat_into(root, name, found)
    return found



def stamp_of(path: str | os.PathLike[str]) -> Stamp | None:
    """A file's (mtime_ns, size), or None if it cannot be stat'ed."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _stat_into(root: Path, rel: str, into: Snapshot) -> None:
    stamp = stamp_of(os.path.join(root, rel))
    if stamp is None or os.path.isdir(os.path.join(root, rel)):
        into.pop(rel, None)
        return
    into[rel] = stamp


def watch_mode() -> str:
    """"inotify" unless DIGEST_WATCH=poll asks for polling (or inotify is missing)."""
    return "poll" if os.environ.get("DIGEST_WATCH", "").strip().lower() == "poll" else "inotify"


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
    inotify: bool | None = None  # None: inotify where available (see watch_mode), else polling
    _last: Snapshot = field(default_factory=dict)
    _pending: set[str] = field(default_factory=set)
    _changed_at: float = 0.0
    _tree: InotifyTree | None = None
    _links: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.inotify is not False and watch_mode() == "inotify":
            from .inotify import InotifyTree  # inotify_simple: only for the server, not every command

            # Watches first, then the scan: a change made in between is seen twice, never missed.
            self._tree = InotifyTree.open(str(self.root), WATCHED_DIRS, WATCHED_FILES, _is_scratch)
        self._last = snapshot(self.root, self._links)

    def quiet_left(self, now: float | None = None) -> float:
        """Seconds until a waiting batch is due (0 if due or nothing waits)."""
        now = time.monotonic() if now is None else now
        return max(0.0, self._changed_at + self.quiet - now) if self._pending else 0.0

    @property
    def event_driven(self) -> bool:
        """True: the kernel reports changes (fileno() becomes readable); polls are cheap."""
        return self._tree is not None

    def fileno(self) -> int:
        """The inotify descriptor (readable when something changed); only if event_driven."""
        assert self._tree is not None
        return self._tree.fileno()

    def close(self) -> None:
        if self._tree is not None:
            self._tree.close()
            self._tree = None

    def current(self, absorb: bool = True) -> Snapshot:
        """The inputs as they are now. With inotify: the kept snapshot brought up to date
        from the events read now (a write made before this call is in it). `absorb`: the
        changes found are taken as seen (a build's stamps, taken before it reads its
        inputs); else they are reported by the next polls as usual."""
        if self._tree is None:
            return snapshot(self.root)
        before = self._apply_events(self._last)
        if not absorb:
            changed = [rel for rel, stamp in before.items() if self._last.get(rel) != stamp]
            if changed:
                self._pending.update(changed)
                self._changed_at = time.monotonic()
        return dict(self._last)

    def _changes(self) -> list[str]:
        """Bring the kept snapshot up to date; the paths whose stamp changed (sorted)."""
        if self._tree is None:
            current = snapshot(self.root)
            changed = diff(self._last, current)
            self._last = current
            return changed
        before = self._apply_events(self._last)
        return sorted(rel for rel, stamp in before.items() if self._last.get(rel) != stamp)

    def _apply_events(self, into: Snapshot) -> dict[str, Stamp | None]:
        """Bring `into` up to date from the events: stat the files named, scan again the
        folders added, removed or replaced. Returns the touched paths' stamps from before."""
        assert self._tree is not None
        changes = self._tree.read()
        if changes.overflow:  # events were lost: compare everything
            before: dict[str, Stamp | None] = dict(into)
            self._links.clear()
            fresh = snapshot(self.root, self._links)
            before.update((rel, None) for rel in fresh if rel not in before)
            into.clear()
            into.update(fresh)
            return before
        before = {}
        for folder in sorted(changes.folders):
            prefix = folder + "/"
            for rel in [p for p in into if p.startswith(prefix)]:
                before.setdefault(rel, into.pop(rel))
            self._links.difference_update([p for p in self._links if p.startswith(prefix)])
            scanned: Snapshot = {}
            _scan_dir(self.root, folder, scanned, self._links)
            for rel, stamp in scanned.items():
                before.setdefault(rel, None)
                into[rel] = stamp
        for rel in changes.paths | self._links:  # a symlink's target changes without an event
            before.setdefault(rel, into.get(rel))
            _stat_into(self.root, rel, into)
            if os.path.islink(os.path.join(self.root, rel)) and rel in into:
                self._links.add(rel)
            else:
                self._links.discard(rel)
        return before

    @property
    def waiting(self) -> bool:
        """Changes were seen and wait for the inputs to be quiet."""
        return bool(self._pending)

    def poll(self, now: float | None = None) -> list[str]:
        """Call periodically; returns the changed paths when a batch is complete, else []."""
        now = time.monotonic() if now is None else now
        changed = self._changes()
        if changed:
            self._pending.update(changed)
            self._changed_at = now
            return []
        if self._pending and now - self._changed_at >= self.quiet:
            batch = sorted(self._pending)
            self._pending.clear()
            return batch
        return []

    def absorb_unchanged(self, stamps: list[tuple[str, Stamp]]) -> None:
        """Take these files as seen if they still have these stamps (what a build wrote and
        then read itself: ingest's entries); one changed again since is still reported."""
        for rel, stamp in stamps:
            if stamp_of(self.root / rel) == stamp:
                self._last[rel] = stamp
                self._pending.discard(rel)  # seen during the build (current(absorb=False)): built

    def absorb(self, paths: list[str]) -> None:
        """Take these files (relative to the root) as seen: this process wrote them and has
        rebuilt already. Other changes, made meanwhile, are still reported."""
        for rel in paths:
            stamp = stamp_of(self.root / rel)
            if stamp is None:
                self._last.pop(rel, None)
            else:
                self._last[rel] = stamp
