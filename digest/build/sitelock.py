"""One build per site root at a time: an exclusive, non-blocking lock on a file.

On POSIX this is flock(2) itself, as filelock does there; but importing filelock 4 costs
~20 ms (logging, decimal, secrets…) of every `digest` command, more than a whole no-op
build spends on anything else. Elsewhere (Windows) filelock does it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Descriptors of the locks this process holds. A forked worker inherits them, and flock(2)
# belongs to the open file, not the process: a worker outliving its killed parent would
# keep the site locked. Each child closes its copies at once (closing, not LOCK_UN, which
# would release the parent's lock too). O_CLOEXEC already covers exec'd programs.
_held_fds: set[int] = set()


def _close_inherited_locks() -> None:
    for fd in list(_held_fds):
        try:
            os.close(fd)
        except OSError:
            pass
    _held_fds.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_locks)


class LockHeld(Exception):
    """Another process holds the lock."""


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing) for the block, or raise LockHeld
    at once. The lock goes with the process: a killed build never leaves one behind, and
    the processes it forks do not hold it."""
    try:
        import fcntl
    except ImportError:
        with _filelock(path):
            yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld(str(path)) from None
        _held_fds.add(fd)
        try:
            yield
        finally:
            _held_fds.discard(fd)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _filelock(path: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise LockHeld(str(path)) from None
    try:
        yield
    finally:
        lock.release()
