"""seeds → content entries. Idempotent; never overwrites a field an editor changed.

Each entry records, in `machine:`, a hash of every field as the tool last wrote it. On
re-ingest a field is refreshed from the seed only if its current value still has that
hash; otherwise an editor changed it and it is kept.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..content import frontmatter
from ..content.entries import write_entry
from ..content.entryindex import IndexedEntry, index_entries
from ..core.config import Config
from ..core.errors import ContentError, DigestError, FileWriteError, InputError
from ..core.layout import SiteLayout
from ..core.model import Entry
from ..core.output import DurableBatch
from ..core.rootguard import real_root, refusal, split_outside
from ..text.slugs import SlugAllocator
from .prepare import MACHINE_FIELDS, Job, Prepared, prepare_all, worker_count
from .sources import SeedKeys, find_articles
from .summarize import SUMMARIZER_VERSION

# New entries per durable batch (one file-system sync each); a crash redoes at most these.
NEW_ENTRIES_PER_SYNC = 256


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[DigestError] = field(default_factory=list)

    def summary_line(self) -> str:
        return (
            f"ingest: {len(self.new)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.errors)} failed"
        )


def _refresh(entry: Entry, seed_sha256: str, values: dict[str, object]) -> bool:
    """Update machine-made fields an editor has not touched; True if anything changed."""
    fingerprint_before = entry.arabic_fingerprint()
    changed = False
    for name in MACHINE_FIELDS:
        if entry.editor_changed(name):
            continue  # the editor's value wins
        if getattr(entry, name) != values[name]:
            setattr(entry, name, values[name])
            changed = True
        entry.record_machine(name)
    if entry.seed_sha256 != seed_sha256:
        entry.seed_sha256 = seed_sha256
        changed = True
    if entry.summary_version != SUMMARIZER_VERSION and not entry.editor_changed("summary_ar"):
        entry.summary_version = SUMMARIZER_VERSION
        changed = True
    if entry.arabic_fingerprint() != fingerprint_before and entry.translation.status == "machine":
        entry.translation.status = "stale"
    return changed


def _content_files(content_dir: Path) -> list[str]:
    """Names of content/*.md (what glob finds, without a Path per file)."""
    try:
        return [name for name in os.listdir(content_dir) if name.endswith(".md")]
    except OSError:
        return []


def ingest(
    root: Path,
    paths: Iterable[Path],
    config: Config,
    today: dt.date | None = None,
    progress: Callable[[Iterator[Prepared], int], Iterable[Prepared]] = lambda items, _total: items,
    workers: int | None = None,
    existing: Sequence[Entry] | None = None,
    trusted: Sequence[Path] = (),
) -> IngestReport:
    """Ingest seed files (or folders of them) into root/content.

    workers: processes for reading and parsing (default: build.workers, used only for
    batches large enough to pay for the pool).
    existing: the entries of content/ if the caller has loaded them already (digest build
    does); otherwise they are loaded here and bad files are reported.
    trusted: folders outside the site root the user named (`digest ingest /data/feeds`):
    their files are accepted; any other seed whose real path is outside the root is refused
    unless ingest.allow_outside_root.
    """
    today = today or dt.date.today()
    report = IngestReport()
    content_dir = SiteLayout(root).content
    known: list[Entry | IndexedEntry]
    if existing is None:
        # Most entries need only their seed keys (unchanged seeds): a quick scan, not YAML.
        indexed, fully_loaded, content_errors = index_entries(content_dir, config.ingest.allow_outside_root)
        report.errors.extend(content_errors)
        known = sorted([*indexed, *fully_loaded], key=lambda e: str(e.path))
    else:
        known = list(existing)
    by_seed: dict[str, Entry | IndexedEntry | None] = {e.seed: e for e in known if e.seed}  # None: blocked
    on_disk = {name[:-3]: name for name in _content_files(content_dir)}  # stem → file name (a Path only where needed)
    slugs = SlugAllocator({e.slug for e in known} | set(on_disk))
    # An entry that failed to load still owns its seed: re-ingesting that seed would make a
    # second entry, so it waits until the editor fixes the file.
    loaded = {e.slug for e in known}
    unreadable = _seeds_of_files([content_dir / name for stem, name in on_disk.items() if stem not in loaded])
    files, missing = find_articles(list(paths))
    report.errors.extend(missing)
    if not config.ingest.allow_outside_root:
        files, refused = split_outside(files, real_root(root), tuple(real_root(t) for t in trusted))
        report.errors.extend(InputError(refusal(real), path) for path, real in refused)

    # One job per distinct seed (two paths to one file would otherwise make two entries).
    seed_keys = SeedKeys(root.resolve())
    keyed = {seed_keys(path): path for path in files}
    jobs = []
    for key, path in keyed.items():
        item = by_seed.get(key)
        if isinstance(item, IndexedEntry) and item.summary_version != SUMMARIZER_VERSION:
            item = by_seed[key] = _load_or_block(item, key, unreadable, report)
        current = item is not None and (
            item.summary_version == SUMMARIZER_VERSION
            or (isinstance(item, Entry) and item.editor_changed("summary_ar"))
        )
        skip = item.seed_sha256 if current and item is not None else None
        jobs.append(Job(path, skip, seed=key, new=item is None and key not in unreadable))
    n_workers = worker_count(len(jobs), config.build.workers if workers is None else workers)

    results = prepare_all(jobs, config, today, n_workers)

    def written(token: object, error: OSError | None) -> None:
        assert isinstance(token, tuple)
        path, slug = token
        if error is None:
            report.new.append(slug)
        else:
            report.errors.append(InputError(_write_failure(error), path))

    # New entries are written in durable batches: one sync per batch instead of an fsync
    # per file (digest.core.output.DurableBatch explains why a crash loses no entry).
    with DurableBatch(written, NEW_ENTRIES_PER_SYNC) as new_files:
        for key, prepared in zip(keyed, progress(results, len(jobs))):
            found = by_seed.get(key)
            if prepared.unchanged and found is not None:
                report.unchanged.append(found.slug)
                continue
            if (error := prepared.input_error()) is not None:
                report.errors.append(error)
                continue
            entry = _load_or_block(found, key, unreadable, report) if isinstance(found, IndexedEntry) else found
            if entry is None and key in unreadable:
                report.errors.append(
                    InputError(f"not ingested: its entry {unreadable[key]} has errors (fix that file first)", prepared.path)
                )
                continue
            values = prepared.values
            assert values is not None
            if entry is None:
                assert prepared.entry_text is not None and prepared.slug_base
                slug = slugs.claim(prepared.slug_base)
                path = content_dir / f"{slug}.md"
                # The slug is free of every name content/ held: the file is new.
                new_files.write_text(path, prepared.entry_text, (path, slug), new_file=True)
            elif _refresh(entry, prepared.seed_sha256, values):
                _write(entry, content_dir, report, report.updated)
            else:
                report.unchanged.append(entry.slug)
    return report


def _load_or_block(item: IndexedEntry, key: str, unreadable: dict[str, Path], report: IngestReport) -> Entry | None:
    """The full entry behind a quick-index record; if it does not load, its seed is blocked."""
    try:
        return item.load()
    except ContentError as exc:
        report.errors.append(exc)
        unreadable[key] = item.path
        return None


def _seeds_of_files(paths: list[Path]) -> dict[str, Path]:
    """seed → content file, read leniently from files whose front matter did not load."""
    seeds: dict[str, Path] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for value in frontmatter.scan_key_leniently(text, "seed"):
            seeds[value] = path
    return seeds


def _write_failure(exc: OSError) -> str:
    """What went wrong, for the line that names the entry's file."""
    if isinstance(exc, FileWriteError):
        return exc.message  # e.g. "cannot create the folder content/: File exists"
    return f"cannot write entry: {exc.strerror or exc}"


def _write(entry: Entry, content_dir: Path, report: IngestReport, bucket: list[str]) -> None:
    try:
        write_entry(entry, content_dir)
    except OSError as exc:
        report.errors.append(InputError(_write_failure(exc), content_dir / f"{entry.slug}.md"))
        return
    bucket.append(entry.slug)
