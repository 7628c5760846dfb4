"""Loading every entry of content/ with both cores: YAML front matter costs ~1 ms per entry
in PyYAML (even with the C scanner), the largest fixed cost of a cold build.

Same result as digest.content.load_entries (entries sorted by file name, one error per bad
file), just split between forked processes for large sites.
"""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from .content import load_entries, read_entry
from .errors import ContentError
from .model import Entry

MIN_FILES_PER_WORKER = 250  # below this a pool costs more than it saves

_ErrorParts = tuple[str, str | None, int | None]


def _load_chunk(paths: list[Path]) -> list[tuple[Path, Entry | None, _ErrorParts | None]]:
    loaded: list[tuple[Path, Entry | None, _ErrorParts | None]] = []
    for path in paths:
        try:
            entry = read_entry(path)
        except ContentError as exc:  # sent as parts: the exception's own pickling drops path/line
            loaded.append((path, None, (exc.message, str(exc.path) if exc.path else None, exc.line)))
            continue
        entry.path = str(path)
        loaded.append((path, entry, None))
    return loaded


def load_entries_parallel(content_dir: Path, workers: int) -> tuple[list[Entry], list[ContentError]]:
    if not content_dir.is_dir():
        return [], []
    paths = sorted(content_dir.glob("*.md"))
    workers = max(1, min(workers, len(paths) // MIN_FILES_PER_WORKER, os.cpu_count() or 1))
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return load_entries(content_dir)
    chunk = -(-len(paths) // (workers * 4))
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    entries: list[Entry] = []
    errors: list[ContentError] = []
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for results in pool.map(_load_chunk, chunks):  # map keeps the (sorted) order
            for _path, entry, error in results:
                if entry is not None:
                    entries.append(entry)
                elif error is not None:
                    errors.append(ContentError(*error))
    return entries, errors
