"""seeds → content entries. Idempotent; never overwrites a field an editor changed.

Each entry records, in `machine:`, a hash of every field as the tool last wrote it. On
re-ingest a field is refreshed from the seed only if its current value still has that
hash; otherwise an editor changed it and it is kept.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .boilerplate import BoilerplateFilter
from .config import Config
from .content import body_from_paragraphs, load_entries, write_entry
from .errors import DigestError, InputError
from .model import Entry, Translation
from .parse import ParsedArticle, parse_article
from .slugs import SlugAllocator, make_slug
from .sources import find_articles, read_article
from .summarize import SUMMARIZER_VERSION, summarize

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


def seed_key(path: Path, root: Path) -> str:
    """How an entry remembers its seed: relative to the site root when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _fresh_values(parsed: ParsedArticle, config: Config) -> dict[str, object]:
    return {
        "title": parsed.headline,
        "source": parsed.source,
        "date": parsed.date,
        "date_source": parsed.date_source,
        "tags": [h.name for h in parsed.hashtags],
        "body": body_from_paragraphs(parsed.paragraphs),
        "summary_ar": summarize(parsed.paragraphs, config.summary.max_sentences, config.summary.max_chars),
        "boilerplate": [{"text": s.text, "reason": s.reason} for s in parsed.boilerplate],
    }


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
    progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda it: it,
) -> IngestReport:
    today = today or dt.date.today()
    report = IngestReport()
    content_dir = root / "content"
    existing, content_errors = load_entries(content_dir)
    report.errors.extend(content_errors)
    by_seed = {e.seed: e for e in existing if e.seed}
    slugs = SlugAllocator({e.slug for e in existing} | {p.stem for p in content_dir.glob("*.md")})
    files, missing = find_articles(list(paths))
    report.errors.extend(missing)
    boilerplate = BoilerplateFilter(config.ingest.boilerplate_patterns)

    for path in progress(files):
        key = seed_key(path, root)
        entry = by_seed.get(key)
        try:
            raw = read_article(path, config.ingest.max_article_bytes)
            if (
                entry is not None
                and entry.seed_sha256 == raw.sha256
                and (entry.summary_version == SUMMARIZER_VERSION or entry.editor_changed("summary_ar"))
            ):
                report.unchanged.append(entry.slug)
                continue
            parsed = parse_article(raw, boilerplate, today, config.ingest.max_hashtags)
        except InputError as exc:
            report.errors.append(exc)
            continue
        values = _fresh_values(parsed, config)
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
