"""Digests that tie caches and fingerprints to the tool's code (a module of its own: the
caches need it before the rendering side of digest is imported)."""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
from typing import Any

from .. import __version__


def digest_of(*parts: Any) -> str:
    """A digest of the values: equal values, equal digests. Strings, numbers, lists, tuples
    and dicts of them (nearly every fingerprint) are written by marshal, in C — format 2,
    which writes each value in full, so equal values are equal bytes however they share
    objects; anything else (a date, a dataclass) by its repr. A prefix keeps the two apart."""
    try:
        data = b"m" + marshal.dumps(parts, 2)
    except ValueError:
        data = b"r" + repr(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@functools.cache
def code_stamp() -> str:
    """The tool itself: version plus the size and mtime of its modules (a developer's edit
    of the code invalidates every page and cache, as a new release would). Once per
    process: the code a process runs is the code it loaded."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # digest/, not digest/cache/
    stamps = []
    for folder, dirs, files in os.walk(package):  # os.walk, not Path.rglob: a third of the cost
        dirs.sort()
        for name in files:
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                stamps.append((os.path.relpath(os.path.join(folder, name), package), stat.st_size, stat.st_mtime_ns))
    return digest_of(__version__, sorted(stamps))
