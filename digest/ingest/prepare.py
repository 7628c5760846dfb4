"""Seed file → everything ingest derives from it, optionally in worker processes.

Reading, parsing and summarising an article is pure CPU work with no shared state, so a
large batch is spread over processes (`build.workers`, default 2); a worker even builds a new
entry's file text, since the slug (the file name) is not part of it, and the slug its
headline asks for. The results come back
in input order; the parent alone allocates slugs, merges into existing entries and writes,
so the outcome is byte-identical with 1 or n workers.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.entries import untouched_entry_text
from ..core.config import Config
from ..core.errors import InputError
from ..core.forking import die_with_parent
from ..core.model import Entry, Translation, machine_record
from ..text.slugs import make_slug
from .boilerplate import BoilerplateFilter
from .escape import markdown_body
from .parse import ParsedArticle, parse_article
from .sources import read_article
from .summarize import SUMMARIZER_VERSION, summarize

# Below this many files a process pool costs more than it saves.
MIN_FILES_PER_WORKER = 100
CHUNK_SIZE = 32


# Fields ingest derives from the seed (and may refresh when the seed changes).
MACHINE_FIELDS = ("title", "source", "date", "date_source", "tags", "body", "summary_ar", "boilerplate", "source_url")


@dataclass(frozen=True)
class Job:
    path: Path
    skip_if_sha256: str | None  # the seed is unchanged if its bytes still have this hash
    seed: str = ""  # its key in entries (`seed:`)
    new: bool = True  # no entry holds this seed yet: the worker writes the entry's text too


@dataclass(frozen=True)
class Prepared:
    path: Path
    unchanged: bool = False
    # The entry's machine-made fields and its seed's hash: all a worker sends back (the
    # parsed article itself would double what crosses the process boundary).
    values: dict[str, object] | None = None
    seed_sha256: str = ""
    # For a new entry, its whole file text (a slug is not part of it), built in the worker
    # so the parent, which must assign slugs in order, only writes; and the slug its title
    # asks for (the parent makes it unique).
    entry_text: str | None = None
    slug_base: str = ""
    # An InputError as plain data: exceptions with extra fields do not survive pickling.
    error: tuple[str, Path | None, int | None] | None = None

    def input_error(self) -> InputError | None:
        return None if self.error is None else InputError(*self.error)


@dataclass(frozen=True)
class _Settings:
    config: Config
    today: dt.date
    boilerplate: BoilerplateFilter


_worker_settings: _Settings | None = None


def fresh_values(parsed: ParsedArticle, config: Config) -> dict[str, object]:
    """The machine-made fields of an entry, as derived from its seed."""
    return {
        "title": parsed.headline,
        "source": parsed.source,
        "date": parsed.date,
        "date_source": parsed.date_source,
        "tags": [h.name for h in parsed.hashtags],
        "body": markdown_body(parsed.paragraphs),
        "summary_ar": summarize(parsed.paragraphs, config.summary.max_sentences, config.summary.max_chars),
        "boilerplate": [{"text": s.text, "reason": s.reason} for s in parsed.boilerplate],
        "source_url": parsed.source_url,
    }


def _prepare(job: Job, settings: _Settings) -> Prepared:
    config = settings.config
    if job.skip_if_sha256 is not None and _same_bytes(job.path, job.skip_if_sha256):
        return Prepared(job.path, unchanged=True)  # decided without decoding anything
    try:
        raw = read_article(job.path, config.ingest.max_article_bytes)
        parsed = parse_article(raw, settings.boilerplate, settings.today, config.ingest.max_hashtags)
    except InputError as exc:
        return Prepared(job.path, error=(exc.message, exc.path, exc.line))
    values = fresh_values(parsed, config)
    if job.new:
        text = new_entry_text(job.seed, raw.sha256, values)
        slug_base = make_slug(parsed.headline, fallback_seed=job.seed)
        return Prepared(job.path, values={}, seed_sha256=raw.sha256, entry_text=text, slug_base=slug_base)
    return Prepared(job.path, values=values, seed_sha256=raw.sha256)


def new_entry(slug: str, seed: str, seed_sha256: str, values: dict[str, object]) -> Entry:
    """A fresh entry from a seed's machine-made fields, each recorded in `machine:`."""
    entry = Entry(slug=slug, title="", body="", date=values["date"])  # type: ignore[arg-type]
    for name, value in values.items():
        setattr(entry, name, value)
    entry.seed = seed
    entry.seed_sha256 = seed_sha256
    entry.summary_version = SUMMARIZER_VERSION
    entry.translation = Translation(status="pending")
    for name in MACHINE_FIELDS:
        entry.record_machine(name)
    return entry


def new_entry_text(seed: str, seed_sha256: str, values: dict[str, Any]) -> str:
    """entry_to_text(new_entry("", seed, seed_sha256, values)), byte for byte, without the
    Entry (tests/test_ingest_new_entry_text.py compares both)."""
    return untouched_entry_text(
        title=values["title"],
        source=values["source"],
        date=values["date"],
        date_source=values["date_source"],
        tags=values["tags"],
        summary_ar=values["summary_ar"],
        summary_version=SUMMARIZER_VERSION,
        seed=seed,
        seed_sha256=seed_sha256,
        boilerplate=values["boilerplate"],
        machine=machine_record(values, MACHINE_FIELDS),
        source_url=values["source_url"],
        body=values["body"],
    )


def _same_bytes(path: Path, sha256: str) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False  # read_article reports it


def _init_worker(settings: _Settings, parent_pid: int) -> None:
    global _worker_settings
    die_with_parent(parent_pid)  # a killed ingest leaves no worker behind
    _worker_settings = settings


def _prepare_in_worker(job: Job) -> Prepared:
    assert _worker_settings is not None, "worker not initialised"
    return _prepare(job, _worker_settings)


def worker_count(n_files: int, wanted: int) -> int:
    """Processes worth starting for n_files (1 = stay in this process)."""
    usable = min(wanted, os.cpu_count() or 1, n_files // MIN_FILES_PER_WORKER)
    return max(1, usable)


def prepare_all(jobs: list[Job], config: Config, today: dt.date, workers: int) -> Iterator[Prepared]:
    """Prepared results in the order of jobs, computed by `workers` processes (1 = inline)."""
    settings = _Settings(config, today, BoilerplateFilter(config.ingest.boilerplate_patterns))
    if workers <= 1:
        for job in jobs:
            yield _prepare(job, settings)
        return
    # fork is fastest (nothing to re-import); elsewhere the platform default works too.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(settings, os.getpid()),
    ) as pool:
        yield from pool.map(_prepare_in_worker, jobs, chunksize=CHUNK_SIZE)
