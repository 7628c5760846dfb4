"""Worker processes that inherit the parent's data by fork (no pickling of the model).

Before forking, every object the parent holds is moved out of the garbage collector's
reach (`gc.freeze()`, as the gc documentation advises for pre-fork servers): otherwise each
worker's collector walks — and so writes to — every inherited object, which copies the
parent's whole heap page by page and costs CPU for nothing.
"""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .libc import libc_function

if TYPE_CHECKING:
    from multiprocessing.pool import Pool


def can_fork() -> bool:
    # Without importing multiprocessing (~20 ms of a one-page rebuild that needs no pool):
    # it offers "fork" on every platform but Windows.
    return sys.platform != "win32"


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: int) -> None:
    """Make this worker end when the process that forked it ends, however it ends.

    A SIGKILLed build runs no cleanup: its pool workers would wait forever on a task queue
    that no one writes to. On Linux the kernel sends them SIGKILL (prctl PR_SET_PDEATHSIG);
    elsewhere a daemon thread watches the parent's pid. Run first thing in the worker.
    """
    import signal

    prctl = libc_function("prctl")
    armed = prctl is not None and prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent_pid:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def return_freed_memory() -> None:
    """Hand the memory freed so far back to the system (glibc's malloc_trim). Python's
    larger objects (a pickled entry, a rendered body) come from malloc, and free pages between
    live ones stay counted in the process's size: before a fork, each worker would start with
    them too. No-op where there is no glibc."""
    malloc_trim = libc_function("malloc_trim")
    if malloc_trim is not None:
        malloc_trim(0)


@contextmanager
def fork_pool(workers: int) -> Iterator[Pool]:
    import multiprocessing

    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            yield pool
    finally:
        gc.unfreeze()
