"""Caches that make the next build faster, in `.digest/cache/` (safe to delete).

- entries: each content file's parsed Entry, keyed by path and valid while the file's size
  and modification time are unchanged (YAML parsing is the largest fixed cost of a build).
  A base table plus a small overlay of the entries parsed since: a one-entry rebuild
  writes the overlay, not the whole table (20 MB at 4,000 entries). Both hold each entry
  pickled on its own, so a table is assembled from the bytes the parse workers already
  sent (digest.cache.loading) or that the last table held, without pickling entries again;
- bodies: rendered Markdown bodies keyed by a hash of the Markdown (see digest.render.markdown),
  in SQLite, read one at a time when a page needs one: a rebuild that renders one article
  page reads one body, not all of them.

Both fail soft: a missing, corrupt or outdated cache is ignored (and rebuilt), never an error.
Entries removed from content/ drop out of both.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.layout import CACHE_DIR
from ..core.model import Entry
from ..core.output import atomic_write_bytes, atomic_write_with
from ..render.markdown import RENDER_VERSION, full_renderer_stamp
from .codestamp import code_stamp

ENTRIES_FILE = "entries.pickle"
OVERLAY_FILE = "entries-overlay.pickle"
BODIES_FILE = "bodies.sqlite"
SEARCH_FILE = "search-text.pickle"
FORMAT = 4  # 4: entries gained source_url/extra, and stricter front-matter checks must see every file again
_STAMP = (FORMAT, __version__, RENDER_VERSION)  # the entries' tables


def _bodies_stamp() -> str:
    """Rendered bodies also depend on the installed mistune."""
    return repr((*_STAMP, full_renderer_stamp()))
MAX_OVERLAY = 200  # entries parsed since the base was written; beyond, the base is rewritten

_Row = tuple[int, int, Entry]  # (size, mtime_ns, entry)
_StoredRow = tuple[int, int, bytes]  # (size, mtime_ns, entry pickled)


@dataclass
class BuildCache:
    entries: dict[str, _Row] = field(default_factory=dict)  # path → row
    pickled: dict[str, bytes] = field(default_factory=dict)  # path → its entry as stored
    overlay: dict[str, _StoredRow] = field(default_factory=dict)  # path → row of the overlay
    has_base: bool = False  # an overlay is only written on top of a base table
    bodies: BodyStore | None = None
    warnings: list[str] = field(default_factory=list)

    def cached_entry(self, path: Path | str, size: int, mtime_ns: int) -> Entry | None:
        hit = self.entries.get(str(path))
        if hit is not None and hit[0] == size and hit[1] == mtime_ns:
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
    directory = root / CACHE_DIR
    cache = BuildCache()
    base = _read(directory / ENTRIES_FILE, cache.warnings)
    if isinstance(base, dict) and _add_rows(cache, base, directory / ENTRIES_FILE):
        cache.has_base = True
        overlay = _read(directory / OVERLAY_FILE, cache.warnings)
        if isinstance(overlay, dict) and _add_rows(cache, overlay, directory / OVERLAY_FILE):
            cache.overlay = overlay
    cache.bodies = BodyStore(directory / BODIES_FILE, cache.warnings)
    return cache


def _add_rows(cache: BuildCache, rows: dict[str, _StoredRow], path: Path) -> bool:
    """Unpickle a stored table into `cache`; False (and nothing added) if it is corrupt."""
    try:
        loaded = {key: (size, mtime, pickle.loads(data)) for key, (size, mtime, data) in rows.items()}
    except Exception as exc:  # noqa: BLE001 - a corrupt table: rebuilt (an overlay: the base alone still holds)
        cache.warnings.append(f"{path}: unreadable build cache ({type(exc).__name__}); rebuilding it")
        return False
    cache.entries.update(loaded)
    cache.pickled.update((key, row[2]) for key, row in rows.items())
    return True


@dataclass
class EntrySnapshot:
    """The entries as parsed, pickled right after loading, before any stage changes an entry
    in memory: a file rewritten later has a new mtime, so its cached copy stops matching."""

    base: dict[str, _StoredRow] | None = None  # the whole table (the overlay is then emptied)
    overlay: dict[str, _StoredRow] | None = None  # or the new overlay


def snapshot_entries(
    entries: Iterable[Entry], stats: dict[str, tuple[int, int]], cache: BuildCache, pickled: dict[str, bytes] | None = None
) -> EntrySnapshot | None:
    """What to save of `entries` (read with `stats`) given what `cache` holds; None: nothing.
    `pickled`: entries already pickled as parsed (by the parse workers), by path."""
    pickled = pickled or {}
    # (path, entry) pairs: a path read with `stats` is never None, and the type checker sees that.
    located = [(e.path, e) for e in entries if e.path is not None and e.path in stats]
    fresh = [(path, e) for path, e in located if (hit := cache.entries.get(path)) is None or hit[:2] != stats[path]]
    gone = any(path not in stats for path in cache.entries)  # rows of files no longer there

    def stored(entry: Entry) -> bytes:
        """Its bytes as a worker pickled it this build, or as the table held it (the same
        object came from the cache), or pickled now."""
        path = entry.path or ""
        data = pickled.get(path)
        if data is None and (hit := cache.entries.get(path)) is not None and hit[2] is entry:
            data = cache.pickled.get(path)
        return data if data is not None else pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)

    if not fresh and not gone:
        return None
    if not cache.has_base or len(cache.overlay) + len(fresh) > MAX_OVERLAY or gone:
        return EntrySnapshot(base={path: (*stats[path], stored(e)) for path, e in located})
    overlay = dict(cache.overlay)
    for path, entry in fresh:
        overlay[path] = (*stats[path], stored(entry))
    return EntrySnapshot(overlay=overlay)


def save_cache(root: Path, snapshot: EntrySnapshot | None, bodies: Mapping[str, str], used_bodies: Callable[[], set[str]], store: BodyStore | None) -> None:
    """Write what changed (atomically): the entries' base or overlay, and the bodies rendered
    in this process that the store lacks. Bodies no entry uses any more are dropped when the
    base is rewritten (hashing every body costs more than the rest of a one-entry rebuild;
    the overlay limit bounds what accumulates in between)."""
    save_entry_table(root, snapshot)
    save_bodies(store, bodies, used_bodies, new_base=snapshot is not None and snapshot.base is not None)


def save_entry_table(root: Path, snapshot: EntrySnapshot | None) -> None:
    """The entries' base table or overlay, whichever `snapshot` holds (atomically)."""
    if snapshot is None:
        return
    directory = root / CACHE_DIR
    directory.mkdir(parents=True, exist_ok=True)
    if snapshot.base is not None:
        _write_pickle(directory / ENTRIES_FILE, (_STAMP, snapshot.base))
        _remove(directory / OVERLAY_FILE)
    elif snapshot.overlay is not None:
        _write_pickle(directory / OVERLAY_FILE, (_STAMP, snapshot.overlay))


def save_bodies(store: BodyStore | None, bodies: Mapping[str, str], used_bodies: Callable[[], set[str]], new_base: bool) -> None:
    """The rendered bodies the store lacks. `new_base`: the entries' base table was rewritten
    this build, so bodies no entry uses any more are dropped."""
    if store is not None:
        # Pruning needs every entry's body hashed: only when a new base is written, and
        # only if the store holds anything (a cold build's store starts empty).
        store.sync(bodies, used_bodies() if new_base and store.keys else None)


def _write_pickle(path: Path, value: object) -> None:
    """Streamed into the file: pickle.dumps would first make the whole table (20 MB at
    4,000 entries) as one bytes object, and more while its buffer grows."""
    atomic_write_with(path, lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def load_search_memo(root: Path) -> dict[str, str]:
    """Arabic search texts already normalised (digest.sitemodel.search), keyed by the text; tied to the
    code that normalised them."""
    data = _read(root / CACHE_DIR / SEARCH_FILE, [])
    if isinstance(data, tuple) and len(data) == 2 and data[0] == code_stamp() and isinstance(data[1], dict):
        return data[1]
    return {}


def save_search_memo(root: Path, memo: dict[str, str], previous: dict[str, str]) -> None:
    if memo.keys() == previous.keys():
        return
    directory = root / CACHE_DIR
    directory.mkdir(parents=True, exist_ok=True)
    data = pickle.dumps((_STAMP, (code_stamp(), memo)), protocol=pickle.HIGHEST_PROTOCOL)
    atomic_write_bytes(directory / SEARCH_FILE, data, durable=False)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


class BodyStore:
    """Rendered bodies in SQLite (key → HTML). Read lazily, from any process: a forked
    page renderer opens its own connection (an SQLite connection must not cross a fork)."""

    def __init__(self, path: Path, warnings: list[str]):
        self.path = path
        self.warnings = warnings
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self.keys: set[str] = set()
        try:
            if path.exists():
                self.keys = {key for (key,) in self._db().execute("SELECT key FROM bodies")}
        except sqlite3.Error as exc:
            self._discard(exc)

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._pid = os.getpid()
            self._connection = sqlite3.connect(self.path, isolation_level=None)
            self._connection.execute("PRAGMA synchronous=OFF")  # a cache: a crash only costs a re-render
            self._connection.execute("CREATE TABLE IF NOT EXISTS meta (stamp TEXT NOT NULL)")
            self._connection.execute("CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL)")
            stamp = _bodies_stamp()
            row = self._connection.execute("SELECT stamp FROM meta").fetchone()
            if row is None or row[0] != stamp:  # another version rendered these: start empty
                with self._connection:
                    self._connection.execute("DELETE FROM bodies")
                    self._connection.execute("DELETE FROM meta")
                    self._connection.execute("INSERT INTO meta VALUES (?)", (stamp,))
        return self._connection

    def _discard(self, exc: Exception) -> None:
        self.warnings.append(f"{self.path}: unreadable build cache ({type(exc).__name__}); rebuilding it")
        self.keys = set()
        self._connection = None
        for suffix in ("", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except OSError:
                pass

    def get(self, key: str) -> str | None:
        if key not in self.keys:
            return None
        try:
            row = self._db().execute("SELECT html FROM bodies WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None  # rendered again instead
        return None if row is None else row[0]

    def sync(self, bodies: Mapping[str, str], used: set[str] | None) -> None:
        """Add the bodies the store lacks (the used ones only, if `used` is given) and drop
        the stored ones not in `used`."""
        # The bodies held in memory: those of a StoredBodies read from this very store need
        # no writing back.
        rendered = bodies.rendered if isinstance(bodies, StoredBodies) else bodies
        if used is None:
            new = [key for key in rendered if key not in self.keys]
            old = []
        else:
            new = [key for key in used - self.keys if key in rendered]
            old = [(key,) for key in self.keys - used]
        if not new and not old:
            return
        try:
            db = self._db()
            with db:
                db.execute("BEGIN")
                # Each body bound as UTF-8 bytes made here and freed at once (CAST keeps the
                # column TEXT): a str bound as is keeps its UTF-8 copy for life (~15 MB at 4,000).
                db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, CAST(? AS TEXT))", ((key, rendered[key].encode("utf-8")) for key in new))
                db.executemany("DELETE FROM bodies WHERE key = ?", old)
        except sqlite3.Error as exc:
            self._discard(exc)
            return
        self.keys = (self.keys | set(new)) - {key for (key,) in old}


class StoredBodies(MutableMapping[str, str]):
    """The bodies rendered in this process (`rendered`), falling back to the store: what
    BodyCache.get and the loaders see as one mapping of body hash → HTML. Every read (`[]`,
    `get`, `in`, iteration) sees both; a body read from the store is kept in `rendered`
    for the rest of the process; writes go to `rendered`. BodyStore.sync saves `rendered`."""

    def __init__(self, rendered: Mapping[str, str], store: BodyStore | None):
        self.rendered: dict[str, str] = dict(rendered)
        self.store = store

    def __getitem__(self, key: str) -> str:
        try:
            return self.rendered[key]
        except KeyError:
            html = self.store.get(key) if self.store is not None else None
            if html is None:
                raise
            self.rendered[key] = html
            return html

    def get(self, key: str, default: Any = None) -> Any:  # faster than Mapping.get's try/except
        html = self.rendered.get(key)
        if html is None and self.store is not None:
            html = self.store.get(key)
            if html is not None:
                self.rendered[key] = html
        return default if html is None else html

    def __contains__(self, key: object) -> bool:
        return key in self.rendered or (self.store is not None and key in self.store.keys)

    def __setitem__(self, key: str, html: str) -> None:
        self.rendered[key] = html

    def __delitem__(self, key: str) -> None:
        del self.rendered[key]  # the store is pruned by sync, never here

    def _all_keys(self) -> set[str]:
        return self.rendered.keys() | (self.store.keys if self.store is not None else set())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all_keys())

    def __len__(self) -> int:
        return len(self._all_keys())
