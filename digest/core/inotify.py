"""Linux inotify: which watched paths changed, without scanning them.

`digest serve` watches a few folders of a site root (seeds/, content/, templates/) and a
few files beside them. Polling stats every one of those files per scan (8,000 at 4,000
articles: 0.35–1.5 s between a save and the rebuild on a busy machine); the kernel's
inotify reports the changed names as they happen. This module is the small part of it
digest needs — one descriptor, directory watches added and dropped as folders come and go,
events read without blocking — on inotify_simple, a literal binding of the inotify calls
that leaves the descriptor to the server's own event loop (no thread, no callbacks).
watchdog and watchfiles run a thread of their own and do not tell which watched folder
was replaced.

`InotifyTree.open()` returns None where inotify is missing (not Linux, where the package
is not installed; inotify_init1 failing; the watch limit reached): the caller then polls
(digest.core.watch).
"""
from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

try:
    from inotify_simple import INotify, flags
except ImportError:  # not Linux: a dependency there only (pyproject.toml); open() returns None
    INotify = None
else:
    # Everything that can change a file's (mtime, size) or its presence in a folder.
    WATCH_MASK = (
        flags.MODIFY | flags.ATTRIB | flags.CLOSE_WRITE | flags.MOVED_FROM | flags.MOVED_TO
        | flags.CREATE | flags.DELETE | flags.DELETE_SELF | flags.MOVE_SELF | flags.ONLYDIR
        | flags.DONT_FOLLOW
    )
    _FOLLOWING_MASK = WATCH_MASK & ~flags.DONT_FOLLOW
    _GONE = flags.DELETE | flags.MOVED_FROM
    _CAME = flags.CREATE | flags.MOVED_TO


@dataclass
class Changes:
    """What the events read since the last call say."""

    paths: set[str] = field(default_factory=set)  # relative paths of files that may have changed
    folders: set[str] = field(default_factory=set)  # folders added, removed or replaced: scan them again
    overflow: bool = False  # the kernel dropped events: scan everything again


class InotifyTree:
    """Watches folders (recursively) and single names of one root, reports relative paths.

    `top_files`: names of files directly in the root that count (digest.toml, the
    glossary); `top_dirs`: folders of the root watched with everything under them. A
    folder that appears later (`templates/` created after the start) is watched from then on.
    """

    def __init__(self, inotify: INotify, root: str, top_dirs: Iterable[str], top_files: Iterable[str], skip: Callable[[str], bool]):
        self._inotify = inotify
        self.root = root
        self.top_dirs = frozenset(top_dirs)
        self.top_files = frozenset(top_files)
        self.skip = skip  # names never watched (editors' scratch files)
        self._dirs: dict[int, str] = {}  # watch descriptor → folder relative to the root ("" = the root)
        self._by_dir: dict[str, int] = {}

    @classmethod
    def open(cls, root: str, top_dirs: Iterable[str], top_files: Iterable[str], skip: Callable[[str], bool]) -> InotifyTree | None:
        if INotify is None:
            return None
        try:
            # Non-blocking: the server's loop reads only when select() says so, and a read
            # must never wait. Close-on-exec (the default): no child process inherits it.
            inotify = INotify(nonblocking=True)
        except (OSError, AttributeError):  # too many instances; a libc without inotify_init1
            return None
        tree = cls(inotify, root, top_dirs, top_files, skip)
        try:
            tree._watch("")
            for name in sorted(tree.top_dirs):
                tree._watch_tree(name)
        except OSError:  # the watch limit (fs.inotify.max_user_watches): poll instead
            tree.close()
            return None
        return tree

    @property
    def fd(self) -> int:
        """The inotify descriptor, -1 once closed."""
        return -1 if self._inotify.closed else int(self._inotify.fileno())

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        self._inotify.close()  # a second close does nothing

    def _watch(self, rel: str) -> bool:
        path = os.path.join(self.root, rel) if rel else self.root
        # The root and its input folders may be symlinks (the scan follows them); below, no.
        mask = _FOLLOWING_MASK if rel == "" or rel in self.top_dirs else WATCH_MASK
        try:
            wd = int(self._inotify.add_watch(path, mask))
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.ENOMEM):
                raise
            return False  # gone already, not a folder, no permission: the scan decides
        old = self._dirs.get(wd)
        if old is not None and old != rel:  # the same folder under a new name (moved)
            self._by_dir.pop(old, None)
        self._dirs[wd] = rel
        self._by_dir[rel] = wd
        return True

    def _watch_tree(self, rel: str) -> None:
        """Watch `rel` and every folder under it (not through symlinks, as the scan)."""
        if not self._watch(rel):
            return
        try:
            found = os.scandir(os.path.join(self.root, rel))
        except OSError:
            return
        with found:
            children = [f"{rel}/{item.name}" for item in found if not self.skip(item.name) and item.is_dir(follow_symlinks=False)]
        for child in children:
            self._watch_tree(child)

    def _forget_tree(self, rel: str) -> None:
        """Stop watching `rel` and the folders under it (removed, or moved out of sight)."""
        prefix = rel + "/"
        for name in [d for d in self._by_dir if d == rel or d.startswith(prefix)]:
            wd = self._by_dir.pop(name)
            self._dirs.pop(wd, None)
            try:
                self._inotify.rm_watch(wd)
            except OSError:  # a deleted folder's watch is gone already
                pass

    def read(self) -> Changes:
        """The changes the kernel reported since the last call (never blocks)."""
        changes = Changes()
        while True:
            try:
                events = self._inotify.read(timeout=0)
            except BlockingIOError:
                return changes
            except OSError:
                changes.overflow = True
                return changes
            if not events:
                return changes
            for event in events:
                self._note(event.wd, event.mask, event.name, changes)

    def _note(self, wd: int, mask: int, name: str, changes: Changes) -> None:
        """Add what one event says to `changes` (and follow folders that came or went)."""
        if mask & flags.Q_OVERFLOW:
            changes.overflow = True
            return
        folder = self._dirs.get(wd)
        if folder is None:
            return
        if not name:  # about the watched folder itself: its parent's event rescans it
            if mask & flags.IGNORED:  # its watch is gone
                self._dirs.pop(wd, None)
                if self._by_dir.get(folder) == wd:
                    del self._by_dir[folder]
            return
        if self.skip(name):
            return
        rel = f"{folder}/{name}" if folder else name
        if folder == "" and name not in self.top_dirs and name not in self.top_files:
            return  # site/, .digest/, anything else beside the inputs
        # A folder (or, at the top, a symlink standing for one) came, went or was replaced.
        if mask & flags.ISDIR or (folder == "" and name in self.top_dirs):
            if mask & _GONE:
                self._forget_tree(rel)
            if mask & _CAME:
                self._watch_tree(rel)
            changes.folders.add(rel)
            return
        changes.paths.add(rel)
