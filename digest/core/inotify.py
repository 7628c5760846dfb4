"""Linux inotify through ctypes: which watched paths changed, without scanning them.

`digest serve` watches a few folders of a site root (seeds/, content/, templates/) and a
few files beside them. Polling stats every one of those files per scan (8,000 at 4,000
articles: 0.35–1.5 s between a save and the rebuild on a busy machine); the kernel's
inotify reports the changed names as they happen. This module is the small part of it
digest needs — one descriptor, directory watches added and dropped as folders come and go,
events read without blocking — in the standard library (ctypes), so no extra dependency
(watchfiles and watchdog run their own thread and do not tell which watched folder was
replaced; inotify_simple is this same wrapper as a package).

`InotifyTree.open()` returns None where inotify is missing (not Linux, no libc symbol,
the watch limit reached): the caller then polls (digest.core.watch).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import struct
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ONLYDIR = 0x01000000
IN_DONT_FOLLOW = 0x02000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000

# Everything that can change a file's (mtime, size) or its presence in a folder.
WATCH_MASK = (
    IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
    | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW
)
_EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len (then the name)
_GONE = IN_DELETE | IN_MOVED_FROM
_CAME = IN_CREATE | IN_MOVED_TO


@dataclass
class Changes:
    """What the events read since the last call say."""

    paths: set[str] = field(default_factory=set)  # relative paths of files that may have changed
    folders: set[str] = field(default_factory=set)  # folders added, removed or replaced: scan them again
    overflow: bool = False  # the kernel dropped events: scan everything again


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1  # noqa: B018 - present?
    except (OSError, AttributeError):
        return None
    return libc


class InotifyTree:
    """Watches folders (recursively) and single names of one root, reports relative paths.

    `top_files`: names of files directly in the root that count (digest.toml, the
    glossary); `top_dirs`: folders of the root watched with everything under them. A
    folder that appears later (`templates/` created after the start) is watched from then on.
    """

    def __init__(self, libc: ctypes.CDLL, fd: int, root: str, top_dirs: Iterable[str], top_files: Iterable[str], skip: Callable[[str], bool]):
        self._libc = libc
        self.fd = fd
        self.root = root
        self.top_dirs = frozenset(top_dirs)
        self.top_files = frozenset(top_files)
        self.skip = skip  # names never watched (editors' scratch files)
        self._dirs: dict[int, str] = {}  # watch descriptor → folder relative to the root ("" = the root)
        self._by_dir: dict[str, int] = {}

    @classmethod
    def open(cls, root: str, top_dirs: Iterable[str], top_files: Iterable[str], skip: Callable[[str], bool]) -> InotifyTree | None:
        libc = _libc()
        if libc is None:
            return None
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            return None
        tree = cls(libc, fd, root, top_dirs, top_files, skip)
        try:
            tree._watch("")
            for name in sorted(tree.top_dirs):
                tree._watch_tree(name)
        except OSError:  # the watch limit (fs.inotify.max_user_watches): poll instead
            tree.close()
            return None
        return tree

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _watch(self, rel: str) -> bool:
        path = os.path.join(self.root, rel) if rel else self.root
        # The root and its input folders may be symlinks (the scan follows them); below, no.
        mask = WATCH_MASK & ~IN_DONT_FOLLOW if rel == "" or rel in self.top_dirs else WATCH_MASK
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(path), mask)
        if wd < 0:
            code = ctypes.get_errno()
            if code in (errno.ENOSPC, errno.ENOMEM):
                raise OSError(code, os.strerror(code), path)
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
            self._libc.inotify_rm_watch(self.fd, wd)  # fails harmlessly for a deleted folder

    def read(self) -> Changes:
        """The changes the kernel reported since the last call (never blocks)."""
        changes = Changes()
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return changes
            except OSError:
                changes.overflow = True
                return changes
            if not data:
                return changes
            self._parse(data, changes)

    def _parse(self, data: bytes, changes: Changes) -> None:
        offset = 0
        size = _EVENT.size
        while offset + size <= len(data):
            wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
            raw = data[offset + size : offset + size + length].split(b"\0", 1)[0]
            offset += size + length
            if mask & IN_Q_OVERFLOW:
                changes.overflow = True
                continue
            folder = self._dirs.get(wd)
            if folder is None:
                continue
            if not raw:  # about the watched folder itself: its parent's event rescans it
                if mask & IN_IGNORED:  # its watch is gone
                    self._dirs.pop(wd, None)
                    if self._by_dir.get(folder) == wd:
                        del self._by_dir[folder]
                continue
            name = os.fsdecode(raw)
            if self.skip(name):
                continue
            rel = f"{folder}/{name}" if folder else name
            if folder == "" and name not in self.top_dirs and name not in self.top_files:
                continue  # site/, .digest/, anything else beside the inputs
            # A folder (or, at the top, a symlink standing for one) came, went or was replaced.
            if mask & IN_ISDIR or (folder == "" and name in self.top_dirs):
                if mask & _GONE:
                    self._forget_tree(rel)
                if mask & _CAME:
                    self._watch_tree(rel)
                changes.folders.add(rel)
                continue
            changes.paths.add(rel)
