"""Loading every entry of content/: from the build cache where the file is unchanged, else
parsed — with both cores on large sites, where the forked workers also render the Markdown
bodies (together ~0.5 ms per entry, the largest part of a cold build after the pages), while
the build does its serial work beside them (`meanwhile`).

Same entries and errors as digest.content.entries.load_entries (sorted by file name, one error per
bad file).
"""
from __future__ import annotations

import bisect
import os
import pickle
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from ..content.entries import read_entry
from ..core.errors import ContentError
from ..core.forking import can_fork, fork_pool
from ..core.model import Entry, body_hash, known_body_hash
from ..core.rootguard import real_root, refusal, split_outside
from ..render.markdown import render_body
from .buildcache import BuildCache

MIN_FILES_PER_WORKER = 250  # below this a pool costs more than it saves

_ErrorParts = tuple[str, str | None, int | None]
# The last part: the body's hash, with its HTML when the worker rendered it.
_Result = tuple[str, Entry | None, _ErrorParts | None, tuple[str, str | None] | None]
_Sent = tuple[str, bytes | None, _ErrorParts | None, tuple[str, str | None] | None]  # _Result, entry pickled


@dataclass
class Loaded:
    entries: list[Entry] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # path → (size, mtime_ns) when read
    pickled: dict[str, bytes] = field(default_factory=dict)  # path → entry as a worker pickled it
    parsed: int = 0  # files parsed (the rest came from the cache)


_KNOWN_BODIES: Mapping[str, str] = {}  # inherited through fork: bodies that need no rendering


def _load_one(path: str, with_body: bool) -> _Result:
    try:
        entry = read_entry(path)
    except ContentError as exc:  # sent as parts: the exception's own pickling drops path/line
        return path, None, (exc.message, str(exc.path) if exc.path else None, exc.line), None
    body = None
    if with_body:  # the hash goes back too: the parent need not hash the body again
        key = body_hash(entry.body)
        body = (key, None if key in _KNOWN_BODIES else render_body(entry.body))
    return path, entry, None, body


def _load_chunk(paths: list[str]) -> list[_Sent]:
    """In a worker: each entry goes back pickled on its own, bytes the parent keeps for the
    build cache (digest.cache.buildcache) instead of pickling the entry a second time."""
    results = []
    for path in paths:
        name, entry, error, body = _load_one(path, with_body=True)
        data = None if entry is None else pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        results.append((name, data, error, body))
    return results


def load_content(
    content_dir: Path,
    workers: int,
    cache: BuildCache | None = None,
    bodies: MutableMapping[str, str] | None = None,
    meanwhile: Callable[[], object] | None = None,
    allow_outside_root: bool = False,
    known: Mapping[str, tuple[int, int]] | None = None,
) -> Loaded:
    """Entries of content_dir; rendered bodies of newly parsed entries are added to `bodies`.

    `meanwhile` runs in this process while the workers parse (or after parsing, without
    workers): serial work of the build that does not need the entries. A file whose real
    path is outside the site root is an error unless `allow_outside_root` (digest.core.rootguard).
    `known`: (mtime_ns, size) of content files by name ("x.md"), as digest serve's watcher
    keeps them, taken before this build: those files are not stat'ed again."""
    loaded = Loaded()
    if not content_dir.is_dir():
        if meanwhile is not None:
            meanwhile()
        return loaded
    results: list[_Result] = []
    to_parse: list[str] = []
    # What content_dir.glob("*.md") finds, in the same order, as strings: pathlib's cost per
    # path (and per pickled path sent to a worker) is more than reading the file's bytes.
    folder = os.path.join(content_dir, "")
    names, links = _content_names(content_dir)
    if not allow_outside_root:
        # Only links need resolving (the folder once): scandir's file types cost no stat.
        suspects = [Path(folder + name) for name in (names if _folder_outside(content_dir) else links)]
        _kept, refused = split_outside(suspects, real_root(content_dir.parent))
        loaded.errors.extend(ContentError(refusal(real), path) for path, real in refused)
        skipped = {path.name for path, _real in refused}
        names = [name for name in names if name not in skipped]
    for name in names:
        path = folder + name
        stamp = known.get(name) if known is not None else None
        if stamp is not None:
            size, mtime_ns = stamp[1], stamp[0]
        else:
            try:
                stat = os.stat(path)
            except OSError:
                to_parse.append(path)
                continue
            size, mtime_ns = stat.st_size, stat.st_mtime_ns
        loaded.stats[path] = (size, mtime_ns)
        entry = cache.cached_entry(path, size, mtime_ns) if cache is not None else None
        if entry is not None:
            results.append((path, entry, None, None))
        else:
            to_parse.append(path)
    loaded.parsed = len(to_parse)
    results.extend(_parse_all(to_parse, workers, bodies, meanwhile, loaded.pickled))
    results.sort(key=lambda r: r[0])
    for _path, entry, error, body in results:
        if entry is not None:
            loaded.entries.append(entry)
        elif error is not None:
            loaded.errors.append(ContentError(*error))
        if body is not None:
            assert entry is not None
            known_body_hash(entry.body, body[0])
            if body[1] is not None and bodies is not None:
                bodies[body[0]] = body[1]
    return loaded


def with_new_files(loaded: Loaded, paths: list[Path]) -> Loaded | None:
    """`loaded` (content/ as loaded a moment ago) with the new files `paths` parsed and put
    in their places, as load_content would give it — for a build whose ingest only added
    entries (nothing else in content/ was written). None — load everything again — if one of
    them was there already or cannot be read, or content/ had errors (a refused folder
    among them), or there are enough of them for load_content to parse them on every core
    (a first ingest of a whole seeds folder)."""
    names = [str(path) for path in paths]
    if len(names) >= MIN_FILES_PER_WORKER or loaded.errors or any(name in loaded.stats for name in names):
        return None
    again = Loaded(list(loaded.entries), list(loaded.errors), dict(loaded.stats), loaded.pickled, len(names))
    for name in sorted(names):
        try:
            stat = os.stat(name)
        except OSError:
            return None
        if not _parsed_into(again, name, (stat.st_size, stat.st_mtime_ns)):
            return None
    return again


def with_changed_files(
    last: Loaded, content_dir: Path, known: Mapping[str, tuple[int, int]], allow_outside_root: bool = False
) -> Loaded | None:
    """digest serve: content/ as load_content would load it now, made from the last build's
    `last` and the watcher's stamps `known` (name → (mtime_ns, size) of every content/*.md):
    only the files whose stamp is not the one `last` read them with, and new ones, are
    parsed; the files gone are dropped; every other entry is the very object of `last`.
    None — load everything — where `last` had errors, a changed or new file is a link or
    does not parse, content/ is outside the root, or enough files changed for load_content
    to parse them on every core."""
    if last.errors or (not allow_outside_root and _folder_outside(content_dir)):
        return None
    folder = os.path.join(content_dir, "")
    stats = last.stats
    # name → its (size, mtime_ns), as load_content keeps a stamp, where that is not the last one.
    changed = {
        folder + name: (stamp[1], stamp[0])
        for name, stamp in known.items()
        if name.endswith(".md") and stats.get(folder + name) != (stamp[1], stamp[0])
    }
    if len(changed) >= MIN_FILES_PER_WORKER or any(os.path.islink(path) for path in changed):
        return None  # a link: load_content applies the root guard
    gone = [path for path in stats if path[len(folder):] not in known]
    again = Loaded(list(last.entries), [], dict(stats), last.pickled, len(changed))
    for path in [*gone, *changed]:
        if path in stats:
            del again.stats[path]
            at = bisect.bisect_left(again.entries, path, key=_entry_path)
            if at < len(again.entries) and again.entries[at].path == path:
                del again.entries[at]
    for path in sorted(changed):
        if not _parsed_into(again, path, changed[path]):
            return None  # load_content reports it
    return again


def _parsed_into(loaded: Loaded, path: str, stamp: tuple[int, int]) -> bool:
    """Parse the file `path` (read with `stamp`, its (size, mtime_ns)) into `loaded`, in its
    place among the entries; False if it does not parse. Its body renders when its page does."""
    _path, entry, _error, _body = _load_one(path, with_body=False)
    if entry is None:
        return False
    loaded.stats[path] = stamp
    bisect.insort(loaded.entries, entry, key=_entry_path)
    return True


def _entry_path(entry: Entry) -> str:
    return entry.path or ""


def _content_names(content_dir: Path) -> tuple[list[str], list[str]]:
    """(every *.md name, sorted; those that are symlinks)."""
    names: list[str] = []
    links: list[str] = []
    with os.scandir(content_dir) as found:
        for item in found:
            if item.name.endswith(".md"):
                names.append(item.name)
                if item.is_symlink():
                    links.append(item.name)
    names.sort()
    return names, links


def _folder_outside(content_dir: Path) -> bool:
    root = real_root(content_dir.parent)
    real = os.path.realpath(content_dir)
    return not real.startswith(root.rstrip(os.sep) + os.sep)


def _parse_all(
    paths: list[str],
    workers: int,
    bodies: MutableMapping[str, str] | None,
    meanwhile: Callable[[], object] | None,
    pickled: dict[str, bytes],
) -> list[_Result]:
    workers = max(1, min(workers, len(paths) // MIN_FILES_PER_WORKER, os.cpu_count() or 1))
    if workers == 1 or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return [_load_one(path, with_body=False) for path in paths]  # bodies render on demand
    global _KNOWN_BODIES
    _KNOWN_BODIES = bodies if bodies is not None else {}
    chunk = -(-len(paths) // (workers * 4))
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    results: list[_Result] = []
    try:
        with fork_pool(workers) as pool:
            pending = pool.imap(_load_chunk, chunks)  # the workers start now
            if meanwhile is not None:
                meanwhile()
            for sent in pending:  # unpickled chunk by chunk while the workers parse the next ones
                for name, data, error, body in sent:
                    if data is not None:
                        pickled[name] = data
                    results.append((name, None if data is None else pickle.loads(data), error, body))
    finally:
        _KNOWN_BODIES = {}
    return results
