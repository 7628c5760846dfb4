"""Compiled templates kept between processes (Jinja's own bytecode cache).

Compiling the theme costs about 0.1 s in every fresh `digest` process — most of what
re-rendering one page costs. Jinja validates a cached template by its source checksum; the
file names also carry a stamp of this tool's code, because the compiled code depends on
the Environment's options too, which Jinja does not check. Files of other stamps are
removed when the cache is attached. Fails soft: an unwritable cache just compiles.
"""
from __future__ import annotations

import os
from pathlib import Path

import jinja2

from .codestamp import code_stamp

CACHE_DIR = Path(".digest") / "cache" / "templates"


def attach_bytecode_cache(env: jinja2.Environment, root: Path) -> None:
    directory = root / CACHE_DIR
    stamp = code_stamp()[:16]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in os.listdir(directory):
            if not name.startswith(stamp):
                os.unlink(directory / name)
    except OSError:
        return
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory), f"{stamp}-%s.cache")
