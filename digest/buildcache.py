"""Caches that make the next build faster, in `.digest/cache/` (safe to delete).

- entries: each content file's parsed Entry, keyed by path and valid while the file's size
  and modification time are unchanged (YAML parsing is the largest fixed cost of a build);
- bodies: rendered Markdown bodies keyed by a hash of the Markdown (see digest.markdown).

Both fail soft: a missing, corrupt or outdated cache is ignored (and rebuilt), never an error.
Entries removed from content/ drop out of both on the next save.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mistune

from . import __version__
from .markdown import RENDER_VERSION
from .model import Entry
from .output import atomic_write_bytes

CACHE_DIR = Path(".digest") / "cache"
FORMAT = 1
_STAMP = (FORMAT, __version__, RENDER_VERSION, mistune.__version__)


@dataclass
class BuildCache:
    entries: dict[str, tuple[int, int, Entry]] = field(default_factory=dict)  # path → (size, mtime_ns, entry)
    bodies: dict[str, str] = field(default_factory=dict)  # markdown hash → HTML
    warnings: list[str] = field(default_factory=list)

    def cached_entry(self, path: Path, stat: os.stat_result) -> Entry | None:
        hit = self.entries.get(str(path))
        if hit is not None and hit[0] == stat.st_size and hit[1] == stat.st_mtime_ns:
            return hit[2]
        return None


def _read(path: Path, warnings: list[str]) -> Any:
    try:
        with path.open("rb") as handle:
            stamp, data = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - any corruption means "rebuild it"
        warnings.append(f"{path}: unreadable build cache ({type(exc).__name__}); rebuilding it")
        return None
    return data if stamp == _STAMP else None


def load_cache(root: Path) -> BuildCache:
    cache = BuildCache()
    entries = _read(root / CACHE_DIR / "entries.pickle", cache.warnings)
    bodies = _read(root / CACHE_DIR / "bodies.pickle", cache.warnings)
    if isinstance(entries, dict):
        cache.entries = entries
    if isinstance(bodies, dict):
        cache.bodies = bodies
    return cache


def snapshot_entries(entries: list[Entry], stats: dict[str, tuple[int, int]]) -> bytes:
    """The entries as parsed, with the file size and mtime they were parsed at. Taken right
    after loading, before any stage changes an entry in memory: a file rewritten later has
    a new mtime, so its cached copy simply stops matching."""
    table = {e.path: (*stats[e.path], e) for e in entries if e.path in stats}
    return pickle.dumps((_STAMP, table), protocol=pickle.HIGHEST_PROTOCOL)


def save_cache(
    root: Path, entry_snapshot: bytes | None, bodies: dict[str, str], used_bodies: set[str], previous_bodies: dict[str, str] | None = None
) -> None:
    """Write both caches (atomically), keeping only the bodies the current entries use.
    A cache that would not change (entry_snapshot None, same body keys as loaded) is not rewritten."""
    kept = {key: html for key, html in bodies.items() if key in used_bodies}
    directory = root / CACHE_DIR
    directory.mkdir(parents=True, exist_ok=True)
    if entry_snapshot is not None:
        atomic_write_bytes(directory / "entries.pickle", entry_snapshot, durable=False)
    if previous_bodies is None or kept.keys() != previous_bodies.keys():
        atomic_write_bytes(directory / "bodies.pickle", pickle.dumps((_STAMP, kept), protocol=pickle.HIGHEST_PROTOCOL), durable=False)
