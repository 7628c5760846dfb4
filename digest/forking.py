"""Worker processes that inherit the parent's data by fork (no pickling of the model).

Before forking, every object the parent holds is moved out of the garbage collector's
reach (`gc.freeze()`, as the gc documentation advises for pre-fork servers): otherwise each
worker's collector walks — and so writes to — every inherited object, which copies the
parent's whole heap page by page and costs CPU for nothing.
"""
from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.pool import Pool


def can_fork() -> bool:
    # Without importing multiprocessing (~20 ms of a one-page rebuild that needs no pool):
    # it offers "fork" on every platform but Windows.
    return sys.platform != "win32"


@contextmanager
def fork_pool(workers: int) -> Iterator[Pool]:
    import multiprocessing

    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield pool
    finally:
        gc.unfreeze()
