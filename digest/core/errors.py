"""User-facing errors: one line each, naming the file (and line where known)."""
from __future__ import annotations

from pathlib import Path

from ..text.charsafe import visible


class DigestError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = visible(str(self.path))
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class InputError(DigestError):
    """A seed file that cannot be read or parsed."""


class ContentError(DigestError):
    """A content entry (front matter or body) that is invalid."""


class ConfigError(DigestError):
    """digest.toml or the glossary is invalid."""


class FileWriteError(DigestError, OSError):
    """A file could not be written (disk full, read-only, a file where a folder belongs...).

    An OSError too, so code that handles write failures as OSError keeps working; printed
    as one line naming the file and what failed."""

    def __init__(self, what: str, path: Path | str, cause: OSError):
        DigestError.__init__(self, f"cannot {what}: {cause.strerror or cause}", path)
        self.errno = cause.errno
        self.strerror = cause.strerror or str(cause)
        self.filename = str(path)

    def __str__(self) -> str:
        return DigestError.__str__(self)
