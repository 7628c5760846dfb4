"""Which seed files `digest build` must ingest: those with no entry, or whose bytes or
summariser version differ from their entry's.

Split in two so the costly half overlaps other work: `scan_seeds` lists the seeds and
hashes those that changed since the last build (all of them on a cold build) — it needs no
entries, so it runs while the workers parse content/ — and `SeedScan.changed(entries)`
compares. A seed with an entry and the mtime and size it had at the last build (same tool
and options) was checked then: it is neither resolved nor hashed again (nor made a Path).
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..core.layout import SiteLayout
from ..core.model import Entry
from ..ingest.sources import ARTICLE_SUFFIXES, iter_article_files, seed_key
from ..ingest.summarize import SUMMARIZER_VERSION
from .inputs import InputCheck


@dataclass
class SeedScan:
    root: Path
    check: InputCheck
    files: list[tuple[str, str]] = field(default_factory=list)  # (root-relative path, path as found)
    digests: dict[str, str | None] = field(default_factory=dict)  # path as found → sha256, None if unreadable (changed seeds only)

    def changed(self, entries: list[Entry]) -> list[Path]:
        """Seed files to ingest, sorted as find_articles sorts."""
        by_seed = {e.seed: e for e in entries if e.seed}
        resolved_root = self.root.resolve()
        resolved_dirs: dict[Path, str] = {}
        changed = []
        same = self.check.same_as_last_build()
        for rel, name in self.files:
            known = by_seed.get(rel)
            if known is not None and rel in same and f"content/{known.slug}.md" in same:
                continue
            path = Path(name)
            entry = by_seed.get(_seed_key(path, resolved_root, resolved_dirs))
            if (
                entry is None
                or (entry.summary_version != SUMMARIZER_VERSION and not entry.editor_changed("summary_ar"))
                or entry.seed_sha256 != self._digest(name)
            ):
                changed.append(path)
        return sorted(changed, key=lambda p: p.parts)

    def _digest(self, name: str) -> str | None:
        digest = self.digests.get(name)
        if digest is None:
            digest = self.digests[name] = _sha256(name)
        return digest


@dataclass
class KeptSeedList:
    """digest serve: the seed files the last scan listed, and the stamps of everything under
    seeds/ it was listed with. While no stamp there changed, no file came, went or was
    renamed: the list holds, and a rebuild does not walk the folder again. Where the only
    change is new plain files directly in seeds/ (an article dropped in), they are added."""

    stamps: dict[str, tuple[int, int]] | None = None
    files: list[tuple[str, str]] | None = None

    def listed_now(self, stamps: dict[str, tuple[int, int]], seeds_dir: str) -> list[tuple[str, str]] | None:
        """The list for the inputs' stamps `stamps` (of seeds/), if it can be had without a
        walk (then kept for them); None otherwise."""
        if self.files is None or self.stamps is None:
            return None
        if self.stamps == stamps:
            return list(self.files)
        if not self.stamps.items() <= stamps.items():
            return None  # a file changed or went
        added = []
        for rel in stamps.keys() - self.stamps.keys():
            name = rel[len("seeds/"):]
            if "/" in name or name.startswith(".") or os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                return None  # in a folder, hidden or not an article: the walk decides
            found = os.path.join(seeds_dir, name)
            try:
                if not stat.S_ISREG(os.lstat(found).st_mode):
                    return None  # a link or a folder
            except OSError:
                return None
            added.append((rel, found))
        self.stamps, self.files = stamps, [*self.files, *sorted(added)]
        return list(self.files)


def scan_seeds(root: Path, check: InputCheck, kept: KeptSeedList | None = None) -> SeedScan:
    """The seed files under root/seeds, with the changed ones already hashed."""
    scan = SeedScan(root, check)
    stamps = {rel: stamp for rel, stamp in check.before.items() if rel.startswith("seeds/")} if kept is not None else None
    seeds_dir = str(SiteLayout(root).seeds)
    listed = kept.listed_now(stamps, seeds_dir) if kept is not None and stamps is not None else None
    if listed is not None:
        scan.files = listed
    else:
        prefix = len(seeds_dir) + 1
        # relative_to(root), without pathlib's cost
        scan.files = [("seeds/" + name[prefix:].replace(os.sep, "/"), name) for name in iter_article_files(seeds_dir)]
        if kept is not None:
            kept.stamps, kept.files = stamps, list(scan.files)
    same = check.same_as_last_build()
    for rel, name in scan.files:
        if rel not in same:
            scan.digests[name] = _sha256(name)
    return scan


def _sha256(name: str) -> str | None:
    """None for an unreadable seed: it counts as changed, and ingest reports it."""
    try:
        with open(name, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def _seed_key(path: Path, resolved_root: Path, resolved_dirs: dict[Path, str]) -> str:
    """seed_key(path) without resolving every file: a file that is not a symlink resolves
    to its folder resolved (once per folder, as a key) plus its name."""
    if path.is_symlink():
        return seed_key(path, resolved_root, root_is_resolved=True)
    folder = resolved_dirs.get(path.parent)
    if folder is None:
        folder = resolved_dirs[path.parent] = seed_key(path.parent, resolved_root, root_is_resolved=True)
    return path.name if folder == "." else f"{folder.rstrip('/')}/{path.name}"
