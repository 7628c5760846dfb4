"""Atomic, change-only file writes."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import FileWriteError


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True, user_file: bool = False) -> None:
    """Write data to path via a temporary file and rename: readers see old or new, never half.

    durable=True also fsyncs (editors' content); generated output that is swapped into
    place as a whole tree can skip it. user_file=True (content, a new site's files): the
    file keeps the mode it had, and a new one gets the user's umask; otherwise (caches) it
    is private (0600). A failure raises FileWriteError naming `path`.
    """
    atomic_write_with(path, lambda handle: handle.write(data), durable, user_file)


def atomic_write_with(path: Path, write: Callable[[BinaryIO], object], durable: bool = True, user_file: bool = False) -> None:
    """As atomic_write_bytes, the bytes written by `write(handle)`: a large cache is then
    streamed (`pickle.dump(obj, handle)`) instead of being made whole in memory first."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(f"create the folder {path.parent.name}/", path, exc) from None
    try:
        fd, tmp = _user_temp_file(path) if user_file else _private_temp_file(path)
    except OSError as exc:
        raise FileWriteError("write", path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, FileWriteError):
            raise FileWriteError("write", path, exc) from None
        raise


def _private_temp_file(path: Path) -> tuple[int, str]:
    import tempfile  # here: it costs ~6 ms of every command's start-up (random, shutil, bz2…)

    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")


def _user_temp_file(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path` with the mode `path` has, or — for a new file — the
    mode the kernel gives under the umask (0666 minus umask: mkstemp's 0600 would make every
    entry private, and reading the umask costs a /proc read or a racy umask() call)."""
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        tmp = os.path.join(path.parent, f".{path.name[:40]}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        if mode is not None and hasattr(os, "fchmod"):  # Windows has no modes to keep
            try:
                os.fchmod(fd, mode)
            except BaseException:
                os.close(fd)
                os.unlink(tmp)
                raise
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def atomic_write_text(path: Path, text: str) -> None:
    """A file people read and edit (content, digest.toml...): UTF-8, durable, their mode."""
    atomic_write_bytes(path, text.encode("utf-8"), user_file=True)


def write_if_changed(path: Path, data: bytes, durable: bool = False) -> bool:
    """Atomically write data unless the file already holds exactly these bytes."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data, durable=durable)
    return True
