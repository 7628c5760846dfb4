"""Atomic, change-only file writes."""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from .errors import FileWriteError

_umask_lock = threading.Lock()


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True, user_file: bool = False) -> None:
    """Write data to path via a temporary file and rename: readers see old or new, never half.

    durable=True also fsyncs (editors' content); generated output that is swapped into
    place as a whole tree can skip it. user_file=True (content, a new site's files): the
    file keeps the mode it had, or a new one gets the user's umask (the temporary file is
    private, 0600); caches stay private. A failure raises FileWriteError naming `path`.
    """
    import tempfile  # here: it costs ~6 ms of every command's start-up (random, shutil, bz2…)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(f"create the folder {path.parent.name}/", path, exc) from None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    except OSError as exc:
        raise FileWriteError("write", path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if user_file:
                os.fchmod(handle.fileno(), _mode_for(path))
            handle.write(data)
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


def _mode_for(path: Path) -> int:
    """The permission bits `path` has now, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process umask, read without changing it where Linux allows (/proc), since
    setting it — the only portable way to read it — races with other threads' file creation."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


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
