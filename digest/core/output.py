"""Atomic, change-only file writes."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import FileWriteError
from .libc import last_errno, libc_function


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
        fd, tmp = _user_temp_file(os.fspath(path)) if user_file else _private_temp_file(path)
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


def _user_temp_file(path: str, new_file: bool = False) -> tuple[int, str]:
    """A new temporary file beside `path` with the mode `path` has, or — for a new file — the
    mode the kernel gives under the umask (0666 minus umask: mkstemp's 0600 would make every
    entry private, and reading the umask costs a /proc read or a racy umask() call).
    new_file: the caller knows `path` did not exist (no stat, whose miss raises and costs
    more than the rest of choosing the name)."""
    mode: int | None = None
    if not new_file:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            pass
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        folder, name = os.path.split(path)
        tmp = os.path.join(folder, f".{name[:40]}.{os.urandom(4).hex()}.tmp")
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
    raise FileExistsError(errno.EEXIST, "no free temporary file name", os.path.dirname(path))


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


class DurableBatch:
    """Many atomic writes of user files (as atomic_write_text), made durable together.

    Each file is still written to a temporary file beside it and renamed over it, but the
    renames wait until the batch is full (or closed): then one syncfs() makes every
    temporary file's data durable, the files are renamed in the order they were written,
    and one fsync of each folder makes the renames durable. On a disk this costs a fraction
    of an fsync per file (one per file costs milliseconds). A crash before the sync leaves
    the old files (or none) plus hidden `.name.*.tmp` files; after it, every name holds its
    old or its complete new text. Where syncfs is missing (not Linux), each file is fsynced
    before its rename, as atomic_write_text does.

    on_done(token, error) is called once per write: with a FileWriteError naming the file as
    soon as its write or rename fails, with None after its batch's renames (in the order the
    files were written).
    """

    def __init__(self, on_done: Callable[[object, FileWriteError | None], None], size: int = 256):
        self._syncfs = _syncfs_function()
        self._on_done = on_done
        self._size = size
        self._staged: list[tuple[Path, str, object]] = []  # (path, temporary file, token)
        self._folders: set[str] = set()  # created (or found) already

    def write_text(self, path: Path, text: str, token: object, new_file: bool = False) -> None:
        """Stage text for path (written to its temporary file now, renamed at the flush).
        new_file: path did not exist when the caller looked (ingest's new entries): it gets
        the umask's mode without a stat (were it made meanwhile, its mode is not kept)."""
        try:
            self._stage(path, text.encode("utf-8"), token, new_file)
        except FileWriteError as exc:
            self._on_done(token, exc)
            return
        if len(self._staged) >= self._size:
            self.flush()

    def _stage(self, path: Path, data: bytes, token: object, new_file: bool = False) -> None:
        name = os.fspath(path)  # strings: pathlib's per-call cost showed in the benchmark
        folder = os.path.dirname(name)
        if folder not in self._folders:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise FileWriteError(f"create the folder {path.parent.name}/", path, exc) from None
            self._folders.add(folder)
        try:
            fd, tmp = _user_temp_file(name, new_file)
        except OSError as exc:
            raise FileWriteError("write", path, exc) from None
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                if self._syncfs is None:
                    os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            _remove(tmp)
            raise FileWriteError("write", path, exc) from None
        self._staged.append((path, tmp, token))

    def flush(self) -> None:
        """Make the staged files durable and rename them into place."""
        staged, self._staged = self._staged, []
        if not staged:
            return
        folders = sorted({os.path.dirname(tmp) for _path, tmp, _token in staged})
        try:
            if self._syncfs is not None:
                for folder in _one_folder_per_file_system(folders):
                    _syncfs(self._syncfs, folder)
        except OSError as exc:
            for path, tmp, token in staged:  # nothing was renamed: every old file is intact
                _remove(tmp)
                self._on_done(token, FileWriteError("write", path, exc))
            return
        renamed: list[tuple[Path, object]] = []
        for path, tmp, token in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                _remove(tmp)
                self._on_done(token, FileWriteError("write", path, exc))
                continue
            renamed.append((path, token))
        for folder in folders:
            _fsync_folder(folder)
        for _path, token in renamed:
            self._on_done(token, None)

    def discard(self) -> None:
        """Drop the staged writes (their temporary files removed, the old files kept)."""
        staged, self._staged = self._staged, []
        for _path, tmp, _token in staged:
            _remove(tmp)

    def __enter__(self) -> DurableBatch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        if kind is None:
            self.flush()
        else:
            self.discard()


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _fsync_folder(folder: str) -> None:
    """Best effort: the renames are atomic anyway; this makes them survive a power loss."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _one_folder_per_file_system(folders: list[str]) -> list[str]:
    by_device: dict[int, str] = {}
    for folder in folders:
        try:
            by_device.setdefault(os.stat(folder).st_dev, folder)
        except OSError:
            by_device.setdefault(-len(by_device) - 1, folder)  # _syncfs reports it
    return list(by_device.values())


def _syncfs_function() -> Callable[[int], int] | None:
    """libc's syncfs on Linux, else None (each file is then fsynced before its rename)."""
    return libc_function("syncfs")


def _syncfs(function: Callable[[int], int], folder: str) -> None:
    """syncfs(2) on the file system holding folder: its dirty data written and flushed
    (Linux reports write-back errors from it since 5.8)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if function(fd) != 0:
            code = last_errno()
            raise OSError(code, os.strerror(code), folder)
    finally:
        os.close(fd)
