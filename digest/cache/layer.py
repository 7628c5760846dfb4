"""The cache layer as the build sees it: one object that opens, uses and saves every cache,
or none of them (`digest build --no-cache`), and `digest clean`.

The stores (all fail soft: missing, corrupt or outdated → ignored, rebuilt, at most a warning):

- `.digest/cache/`      parsed entries and rendered bodies (digest.cache.buildcache), the
                        search-text memo, the site's compiled templates (digest.cache.templatecache);
- `.digest/inputs/`     what the last build of each output folder saw (digest.cache.inputs);
- `.digest/manifest/`   what each output tree was built from (digest.cache.manifest);
- the per-user cache    the built-in theme's compiled templates (`DIGEST_CACHE_DIR=off`: none).

Not a cache: `.digest/tm.sqlite`, the translation memory (translations paid for, and the
record of what an offline build can still fill in). A `--no-cache` build still reads and
writes it, and `digest clean` never removes it.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.layout import SiteLayout
from .buildcache import (
    BuildCache,
    EntrySnapshot,
    load_cache,
    load_search_memo,
    save_bodies,
    save_entry_table,
    save_search_memo,
)
from .inputs import InputCheck, LastBuild, options_key
from .manifest import manifest_path
from .resident import ResidentState

if TYPE_CHECKING:
    import jinja2


@dataclass
class BuildCaches:
    """The caches one build reads and writes. `enabled=False`: a clean build from the inputs
    alone; nothing is read from or written to any store (stale records of the output folder
    it replaces are dropped, so no later build trusts them)."""

    layout: SiteLayout
    out: Path
    enabled: bool = True
    check: InputCheck | None = None
    disk: BuildCache = field(default_factory=BuildCache)
    search_memo: dict[str, str] = field(default_factory=dict)
    resident: ResidentState | None = None  # digest serve: the caches kept in memory between builds

    def start(self, *options: Any) -> LastBuild | None:
        """Stamp the inputs; the last build's record if nothing changed since it (a no-op)."""
        watched = self.resident.watched_inputs(absorb=True) if self.resident is not None else None
        kept = self.resident.record if self.resident is not None and self.enabled else None
        self.check = InputCheck(self.layout.root, self.out, options_key(*options), watched, kept)
        last = self.check.unchanged() if self.enabled else None
        if last is not None and self.resident is not None and self.resident.manifest is None and not manifest_path(self.layout.root, self.out).exists():
            # digest serve's first build after a server that was killed: no manifest describes
            # the preview (it is kept in memory, written when the server stops), so the
            # first edit would render every page. Render them now, at start-up, instead.
            last = None
        if last is None:
            self.check.forget()  # this build replaces the output: its old record must go
        return last

    def open(self) -> None:
        """Read the parsed entries and the bodies' store (on demand)."""
        if not self.enabled:
            return
        if self.resident is not None and self.resident.disk is not None:
            self.disk = self.resident.disk
            return
        self.disk = load_cache(self.layout.root)
        if self.resident is not None:
            self.resident.disk = self.disk

    @property
    def warnings(self) -> list[str]:
        return self.disk.warnings

    def open_search_memo(self) -> dict[str, str]:
        if self.enabled:
            kept = self.resident.search_memo if self.resident is not None else None
            self.search_memo = kept if kept is not None else load_search_memo(self.layout.root)
        return self.search_memo

    def attach_templates(self, env: jinja2.Environment) -> None:
        """Compiled templates from the site's and the per-user cache."""
        if self.enabled:
            from .templatecache import attach_bytecode_cache

            attach_bytecode_cache(env, self.layout.root)

    def save_entry_table(self, snapshot: EntrySnapshot | None) -> None:
        """Keep the parsed entries for the next build."""
        if self.enabled:
            save_entry_table(self.layout.root, snapshot)

    def save_bodies(self, bodies: Mapping[str, str], used_bodies: Callable[[], set[str]], new_base: bool, env: jinja2.Environment) -> None:
        """Keep the rendered bodies for the next build (and what the templates parsed so far
        use). `new_base`: the entries' whole table was rewritten (see save_bodies)."""
        if not self.enabled:
            return
        from .templatecache import save_theme_references

        save_bodies(self.disk.bodies, bodies, used_bodies, new_base)
        save_theme_references(env)

    def save_search(self, normalised: dict[str, str], env: jinja2.Environment) -> None:
        """Keep the search texts normalised, and what the theme's templates use (the
        fingerprints parse templates too: called after them)."""
        if not self.enabled:
            return
        from .templatecache import save_theme_references

        if self.resident is not None:  # written when the server stops
            self.resident.keep_search_memo(normalised)
        else:
            save_search_memo(self.layout.root, normalised, self.search_memo)
        save_theme_references(env)

    def record(self, summary: dict[str, Any]) -> None:
        """Remember this successful build's inputs (a later unchanged build stops early)."""
        if self.enabled and self.check is not None:
            self.check.record(summary)


@dataclass
class Removed:
    path: Path
    files: int
    size: int  # bytes


def clean(layout: SiteLayout, *, user_cache: bool = False) -> list[Removed]:
    """Remove the site's caches and digest serve's preview (and, with `user_cache`, the
    per-user cache); never content/, seeds/, templates/, site/ or the translation memory.
    Returns what was removed."""
    targets = list(layout.disposable())
    if user_cache:
        from .templatecache import user_cache_dir

        user = user_cache_dir()
        if user is not None:
            targets.append(user)
    removed = []
    for path in targets:
        if not path.exists() and not path.is_symlink():
            continue
        files, size = _tally(path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        removed.append(Removed(path, files, size))
    return removed


def _tally(path: Path) -> tuple[int, int]:
    if path.is_symlink() or not path.is_dir():
        return 1, path.lstat().st_size
    files = size = 0
    for folder, _dirs, names in os.walk(path):
        for name in names:
            files += 1
            try:
                size += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                pass
    return files, size
