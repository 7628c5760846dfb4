"""The data passed between stages. No I/O here."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..text.memo import BoundedMemo

TRANSLATION_STATES = ("pending", "machine", "stale", "edited")
REVIEW_STATES = ("draft", "approved", "rejected")
DATE_SOURCES = ("filename", "header", "ingest", "editor")


def short_hash(value: Any) -> str:
    """A short, stable fingerprint of a field value (to detect editors' changes)."""
    text = "" if value is None else str(value)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _digest_of_body(markdown: str) -> str:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).hexdigest()


# A body's hash is asked for by several stages of one build (the rendered-body cache, its
# save, the fingerprints, the review flags) and by every render worker, which inherits this
# memo: hashing the text once, a hit costs a dict lookup. Bounded for digest serve, where each
# edit brings a new body (the memo keeps the old text alive until it is emptied).
_BODY_HASHES: BoundedMemo[str, str] = BoundedMemo(_digest_of_body, 16_384)


def body_hash(markdown: str) -> str:
    """An entry body's identity: keys the rendered-body cache and the review flags' memo,
    so both stages agree on when a body changed."""
    return _BODY_HASHES[markdown]


def known_body_hash(markdown: str, digest: str) -> None:
    """`digest` is body_hash(markdown), computed elsewhere (a worker that parsed the entry)."""
    _BODY_HASHES[markdown] = digest


@dataclass
class Translation:
    status: str = "pending"
    provider: str | None = None
    at: str | None = None  # ISO date of the machine translation
    source_hash: str | None = None  # short_hash of the Arabic (title + summary) it translated

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "provider": self.provider, "at": self.at, "source_hash": self.source_hash}


@dataclass
class Review:
    state: str = "draft"
    by: str | None = None
    at: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "by": self.by, "at": self.at, "reason": self.reason}


@dataclass
class Entry:
    """One content entry: content/<slug>.md."""

    slug: str
    title: str
    body: str  # Arabic Markdown, hashtags inline
    date: dt.date
    date_source: str = "ingest"
    source: str | None = None
    title_en: str | None = None
    tags: list[str] = field(default_factory=list)  # display names, first-appearance order
    tags_en: dict[str, str] = field(default_factory=dict)  # tag display name → English label
    summary_ar: str = ""
    summary_en: str | None = None
    summary_version: int | None = None
    translation: Translation = field(default_factory=Translation)
    review: Review = field(default_factory=Review)
    seed: str | None = None  # seed path relative to the site root
    seed_sha256: str | None = None
    boilerplate: list[dict[str, str]] = field(default_factory=list)  # [{text, reason}]
    machine: dict[str, str] = field(default_factory=dict)  # field → short_hash the tool wrote
    source_url: str | None = None  # the original article (http/https), from the seed's `url:` header
    extra: dict[str, Any] = field(default_factory=dict)  # a newsroom's own fields, for templates
    # The review desk's provenance of an editor's English: {by, at, machine: {field: text}}
    # (what the machine had said before the first edit); written only when set.
    edited: dict[str, Any] = field(default_factory=dict)
    path: str | None = None  # content file, relative to the site root (not stored)

    def editor_changed(self, name: str) -> bool:
        """True if field `name` differs from what the tool last wrote there."""
        recorded = self.machine.get(name)
        if recorded is None:
            # Never written by the tool: any value present is the editor's.
            return getattr(self, name) not in (None, "", [], {})
        return short_hash(_canonical(getattr(self, name))) != recorded

    def record_machine(self, name: str) -> None:
        if name in _RECORDED_ONLY_WHEN_SET and getattr(self, name) is None:
            # No record while unset: entries of seeds without a `url:` line keep the
            # `machine:` they always had, and a value an editor adds later is theirs.
            self.machine.pop(name, None)
            return
        self.machine[name] = machine_hash(getattr(self, name))

    def arabic_fingerprint(self) -> str:
        """What a translation was made from: headline, summary and tags."""
        return short_hash(_canonical([self.title, self.summary_ar]))


_RECORDED_ONLY_WHEN_SET = frozenset({"source_url"})


def machine_hash(value: Any) -> str:
    """What `machine:` records for a field holding value."""
    return short_hash(_canonical(value))


def machine_record(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, str]:
    """The `machine:` of a new entry whose fields `names` hold `values` (what
    Entry.record_machine records for each, without an Entry)."""
    return {
        name: machine_hash(values[name])
        for name in names
        if not (name in _RECORDED_ONLY_WHEN_SET and values[name] is None)
    }


def _canonical(value: Any) -> str:
    if type(value) is str:  # most fields: nothing to convert (str is no date, dict or list)
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return repr(sorted(value.items()))
    if isinstance(value, list):
        return repr(value)
    return "" if value is None else str(value)
