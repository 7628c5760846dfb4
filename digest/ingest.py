"""seeds → content entries. Idempotent; never overwrites a field an editor changed.

Each entry records, in `machine:`, a hash of every field as the tool last wrote it. On
re-ingest a field is refreshed from the seed only if its current value still has that
hash; otherwise an editor changed it and it is kept.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .content import load_entries, write_entry
from .errors import DigestError, InputError
from .model import Entry, Translation
from .parse import ParsedArticle
from .prepare import Job, Prepared, prepare_all, worker_count
from .slugs import SlugAllocator, make_slug
from .sources import find_articles
from .summarize import SUMMARIZER_VERSION

# Fields ingest derives from the seed (and may refresh when the seed changes).
MACHINE_FIELDS = ("title", "source", "date", "date_source", "tags", "body", "summary_ar", "boilerplate")


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


def seed_key(path: Path, root: Path, root_is_resolved: bool = False) -> str:
    """How an entry remembers its seed: relative to the site root when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root if root_is_resolved else root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _new_entry(slug: str, key: str, parsed: ParsedArticle, values: dict[str, object]) -> Entry:
    entry = Entry(slug=slug, title="", body="", date=parsed.date)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.seed = key
    entry.seed_sha256 = parsed.raw_sha256
    entry.summary_version = SUMMARIZER_VERSION
    entry.translation = Translation(status="pending")
    for name in MACHINE_FIELDS:
        entry.record_machine(name)
    return entry


def _refresh(entry: Entry, parsed: ParsedArticle, values: dict[str, object]) -> bool:
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
    if entry.seed_sha256 != parsed.raw_sha256:
        entry.seed_sha256 = parsed.raw_sha256
        changed = True
    if entry.summary_version != SUMMARIZER_VERSION and not entry.editor_changed("summary_ar"):
        entry.summary_version = SUMMARIZER_VERSION
        changed = True
    if entry.arabic_fingerprint() != fingerprint_before and entry.translation.status == "machine":
        entry.translation.status = "stale"
    return changed


def ingest(
    root: Path,
    paths: Iterable[Path],
    config: Config,
    today: dt.date | None = None,
    progress: Callable[[Iterator[Prepared], int], Iterable[Prepared]] = lambda items, _total: items,
    workers: int | None = None,
) -> IngestReport:
    """Ingest seed files (or folders of them) into root/content.

    workers: processes for reading and parsing (default: build.workers, used only for
    batches large enough to pay for the pool).
    """
    today = today or dt.date.today()
    report = IngestReport()
    content_dir = root / "content"
    existing, content_errors = load_entries(content_dir)
    report.errors.extend(content_errors)
    by_seed = {e.seed: e for e in existing if e.seed}
    slugs = SlugAllocator({e.slug for e in existing} | {p.stem for p in content_dir.glob("*.md")})
    files, missing = find_articles(list(paths))
    report.errors.extend(missing)

    # One job per distinct seed (two paths to one file would otherwise make two entries).
    resolved_root = root.resolve()
    keyed = {seed_key(path, resolved_root, root_is_resolved=True): path for path in files}
    jobs = []
    for key, path in keyed.items():
        entry = by_seed.get(key)
        current = entry is not None and (
            entry.summary_version == SUMMARIZER_VERSION or entry.editor_changed("summary_ar")
        )
        jobs.append(Job(path, entry.seed_sha256 if current and entry is not None else None))
    n_workers = worker_count(len(jobs), config.build.workers if workers is None else workers)

    results = prepare_all(jobs, config, today, n_workers)
    for key, prepared in zip(keyed, progress(results, len(jobs))):
        entry = by_seed.get(key)
        if (error := prepared.input_error()) is not None:
            report.errors.append(error)
            continue
        if prepared.unchanged and entry is not None:
            report.unchanged.append(entry.slug)
            continue
        parsed, values = prepared.parsed, prepared.values
        assert parsed is not None and values is not None
        if entry is None:
            slug = slugs.claim(make_slug(parsed.headline, fallback_seed=key))
            entry = _new_entry(slug, key, parsed, values)
            _write(entry, content_dir, report, report.new)
            by_seed[key] = entry
        elif _refresh(entry, parsed, values):
            _write(entry, content_dir, report, report.updated)
        else:
            report.unchanged.append(entry.slug)
    return report


def _write(entry: Entry, content_dir: Path, report: IngestReport, bucket: list[str]) -> None:
    try:
        write_entry(entry, content_dir)
    except OSError as exc:
        report.errors.append(InputError(f"cannot write entry: {exc.strerror or exc}", content_dir / f"{entry.slug}.md"))
        return
    bucket.append(entry.slug)
