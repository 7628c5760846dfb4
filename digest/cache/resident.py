"""What a long-running process (`digest serve`) keeps in memory between builds of one
output folder, instead of reading it back from `.digest/` on every rebuild:

- the build cache (digest.cache.buildcache): the parsed entries, by path and (size, mtime);
  an edited file's stamp changes, so only it is parsed again;
- the manifest (digest.cache.manifest): what each page of the output read when it was
  rendered; with it the output is updated in place, page by page (digest.cache.incremental);
- the search-text memo, and the record of the last build's inputs (digest.cache.inputs);
- `model` and `digests`: the last site model, patched rather than rebuilt after an edit that
  keeps the order and the tags (digest.cache.keptmodel), and the card, flag and related
  digests of its stories (digest.cache.fingerprint.KeptDigests);
- `seeds`: the seed files as last listed, while nothing under seeds/ changed (digest.cache.seedscan);
- `rows`: the review dashboard's rows as rendered, by row value (digest.render.fragments);
- `plan`: the last build's pages and sitemap, reused while the site model is patched (same
  stories, order, dates, tags and settings: the pages and their URLs are the same), and
  the pages planned from it after a new article (digest.sitemodel.pages.plan_with_new_story);
- `watch`: the server's file watcher, which knows the stamps of the inputs without
  scanning them (digest.core.watch), so a rebuild does not stat every input again.

The manifest on disk is dropped before the first in-place write and written back by
`flush()` (when the server stops), with the inputs' record and the search memo: a process
killed in between leaves no manifest and no record, so the next build renders everything —
slower, never wrong.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.entries import read_entry
from ..core.errors import ContentError
from .buildcache import BuildCache, EntrySnapshot, save_search_memo
from .inputs import KeptRecord
from .manifest import Manifest, forget_manifest, save_manifest, tree_identity
from .seedscan import KeptSeedList

if TYPE_CHECKING:
    from ..core.watch import Snapshot
    from ..render.fragments import KeptRows
    from ..sitemodel.pages import Page
    from .fingerprint import KeptDigests
    from .inputs import InputCheck, LastBuild
    from .keptmodel import ModelKeeper
    from .loading import Loaded


@dataclass
class ResidentState:
    disk: BuildCache | None = None  # the build cache as the last build left it
    manifest: Manifest | None = None  # describes the output folder as it is now
    manifest_saved: bool = True  # False: the in-memory manifest is newer than the one on disk
    search_memo: dict[str, str] | None = None
    search_memo_saved: bool = True  # False: the one in memory is newer than the one on disk
    record: KeptRecord = field(default_factory=KeptRecord)  # the last build's inputs
    loaded: Loaded | None = None  # content/ as the last build loaded it
    search_rows: dict[str, tuple[Any, Any, str, str, bytes]] = field(default_factory=dict)  # sitemodel.search rows, by story and by what each is made of
    seeds: KeptSeedList = field(default_factory=KeptSeedList)  # the seed files as last listed
    in_place: int = 0  # builds that updated the output folder page by page
    watch: Callable[[bool], Snapshot] | None = None  # the inputs' current stamps (DebouncedWatcher.current)
    # The last build's planned pages and its sitemap.xml; None after a build whose site model
    # was made afresh, until its plan is kept.
    plan: tuple[list[Page], bytes] | None = None
    plan_model: int | None = None  # the number of the site model (ModelKeeper.number) it was made for
    plan_before: tuple[list[Page], str] | None = None  # this build: the last plan, and the new article to add to it
    # The last site model, patched after an edit, and the card, flag and related digests
    # kept with it; made on first use (their modules import the rendering side).
    _model: ModelKeeper | None = None
    _digests: KeptDigests | None = None
    _rows: KeptRows | None = None

    @property
    def model(self) -> ModelKeeper:
        if self._model is None:
            from .keptmodel import ModelKeeper

            self._model = ModelKeeper()
        return self._model

    @property
    def digests(self) -> KeptDigests:
        if self._digests is None:
            from .fingerprint import KeptDigests

            self._digests = KeptDigests()
        return self._digests

    @property
    def rows(self) -> KeptRows:
        """The review dashboard's rows as rendered by earlier builds (digest.render.fragments)."""
        if self._rows is None:
            from ..render.fragments import KeptRows

            self._rows = KeptRows()
        return self._rows

    def watched_inputs(self, absorb: bool) -> Snapshot | None:
        """The stamps of the watched inputs as they are now, if a watcher keeps them.
        `absorb`: the build reads its inputs after this (its start), so the changes found
        need no rebuild of their own; else (later in the build) they still get one."""
        return self.watch(absorb) if self.watch is not None else None

    def keep_manifest(self, root: Path, out: Path, manifest: Manifest) -> None:
        """Hold the manifest in memory; the copy on disk no longer describes `out`."""
        if self.manifest_saved:
            forget_manifest(root, out)
            self.manifest_saved = False
        self.manifest = manifest

    def drop_manifest(self, root: Path, out: Path) -> None:
        """The output folder is in an unknown state (a render failed half way): the next
        build renders everything."""
        forget_manifest(root, out)
        self.manifest = None
        self.manifest_saved = True

    def keep_entries(self, loaded: Loaded, snapshot: EntrySnapshot | None) -> None:
        """Make the in-memory build cache what this build's loading found (and what it saved);
        the next build's loading starts from `loaded` (digest.cache.loading.with_changed_files)."""
        self.loaded = loaded
        cache = self.disk
        if cache is None:
            return
        rows = {}
        for entry in loaded.entries:
            path = entry.path or ""
            stamp = loaded.stats.get(path)
            if stamp is None:
                continue
            hit = cache.entries.get(path)
            if hit is None or hit[2] is not entry:
                cache.pickled.pop(path, None)  # its stored bytes are of the old entry
            rows[path] = (*stamp, entry)
        for path in [p for p in cache.pickled if p not in rows]:
            del cache.pickled[path]
        cache.entries = rows
        if snapshot is not None and snapshot.base is not None:
            cache.has_base, cache.overlay = True, {}
            cache.pickled.update((path, row[2]) for path, row in snapshot.base.items())
        elif snapshot is not None and snapshot.overlay is not None:
            cache.overlay = snapshot.overlay
            cache.pickled.update((path, row[2]) for path, row in snapshot.overlay.items())
        cache.warnings.clear()  # reported by the build that met them

    def only_touched(self, check: InputCheck) -> LastBuild | None:
        """The last build's record if the only inputs with a new stamp are content files
        that parse to the very entries the last build used (a save without a change, a
        touch): then nothing can render differently, and the build stops as a no-op. The
        kept rows get the new stamps. None: build."""
        last, cache = check.last, self.disk
        if last is None or cache is None or last.tree is None or last.tree != tree_identity(check.out):
            return None
        before = check.before
        changed = [rel for rel in before.keys() | last.files.keys() if before.get(rel) != last.files.get(rel)]
        if not changed or len(changed) > 20:
            return None
        rows = {}
        for rel in changed:
            if not (rel.startswith("content/") and rel.endswith(".md")) or rel not in before or rel not in last.files:
                return None  # another kind of input, or a file added or deleted
            path = os.path.join(str(check.root), rel)
            row = cache.entries.get(path)
            if row is None or (row[1], row[0]) != last.files[rel]:
                return None  # not the file the last build parsed
            try:
                stat = os.stat(path)
                entry = read_entry(path)
            except (OSError, ContentError):
                return None
            if (stat.st_mtime_ns, stat.st_size) != before[rel] or entry != row[2]:
                return None
            rows[path] = (stat.st_size, stat.st_mtime_ns, row[2])
        cache.entries.update(rows)
        return last

    def keep_search_memo(self, memo: dict[str, str]) -> None:
        if self.search_memo is None or memo.keys() != self.search_memo.keys():
            self.search_memo_saved = False
        self.search_memo = memo

    def flush(self, root: Path, out: Path) -> None:
        """Write what is kept in memory to disk (best effort), so that the next process
        starts incremental: the search memo, the manifest and the inputs' record."""
        if self.search_memo is not None and not self.search_memo_saved:
            try:
                save_search_memo(root, self.search_memo, {})
            except OSError:
                pass
            self.search_memo_saved = True
        if self.manifest is None or self.manifest_saved:
            return
        if self.manifest.tree != tree_identity(out):
            return
        try:
            save_manifest(root, out, self.manifest)
        except OSError:
            return
        self.manifest_saved = True
        self.record.save(root, out)  # after the manifest: a record without one is refused (BuildCaches.start)
