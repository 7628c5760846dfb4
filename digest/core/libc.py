"""Functions of the C library that the standard library does not wrap (syncfs, malloc_trim).

Found on first use, not at import: loading ctypes would cost every command's start-up."""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable


@functools.cache
def libc_function(name: str) -> Callable[..., int] | None:
    """The C library's function `name` on Linux (errno kept for ctypes.get_errno), or None
    where there is none (another system, or a C library without it, such as musl's)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function: Callable[..., int] = getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError):
        return None
    return function


def last_errno() -> int:
    """errno as the last call through libc_function left it."""
    import ctypes

    return ctypes.get_errno()
