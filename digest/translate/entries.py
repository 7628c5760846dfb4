"""translate_entries: fill missing or stale English in content entries.

Per entry: headline, summary and tag labels. Tag labels the glossary covers cost no
request. Every text is glossary-protected, chunked, looked up in the translation memory
and only then sent to the provider; unique chunks across all entries are sent once,
concurrently. An entry becomes `machine` only when both its headline and summary are
translated; otherwise it stays `pending` (or `stale`) and its work so far waits in the
translation memory. An editor's English is never overwritten.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..content.entries import write_entry
from ..core.config import Config
from ..core.errors import DigestError, FileWriteError
from ..core.layout import SiteLayout
from ..core.model import Entry
from ..text.wording import plural
from .chunking import chunk_text
from .client import ProviderClient, Result, needs_translation
from .failures import first_unpublishable
from .glossary import load_glossary
from .memory import TranslationMemory
from .progress import RequestProgress
from .providers import PROVIDERS, ProviderError, ProviderSpec, call_kwargs, resolve_provider, translator_factory
from .resilience import RetryPolicy
from .state import translation_state
from .terms import Protected, TermProtector

EDITORS = "editors"  # provider recorded when English is found to be an editor's


@dataclass
class TranslateReport:
    translated: list[str] = field(default_factory=list)  # slugs translated with provider requests
    cached: list[str] = field(default_factory=list)  # completed from the translation memory alone
    pending: list[str] = field(default_factory=list)  # left pending/stale: offline, unreachable, breaker
    failed: list[str] = field(default_factory=list)  # the provider answered but could not translate
    failed_tags: list[tuple[str, str]] = field(default_factory=list)  # (slug, tag) whose label was refused
    edited_kept: list[str] = field(default_factory=list)  # an editor's English, left as is
    unchanged: list[str] = field(default_factory=list)  # already current
    warnings: list[str] = field(default_factory=list)
    unsaved: list[str] = field(default_factory=list)  # changed, but the file could not be written
    errors: list[DigestError] = field(default_factory=list)  # one per entry not saved, naming its file
    requests: int = 0  # provider requests made (attempts, retries included)
    provider: str | None = None

    def counts(self) -> dict[str, int]:
        return {
            "translated": len(self.translated),
            "cached": len(self.cached),
            "pending": len(self.pending),
            "failed": len(self.failed),
            "edited_kept": len(self.edited_kept),
            "unchanged": len(self.unchanged),
        }

    def summary_line(self) -> str:
        return (
            f"translate: {len(self.translated)} translated, {len(self.cached)} from memory, "
            f"{len(self.pending)} pending, {len(self.failed)} failed, {len(self.edited_kept)} edited kept, "
            f"{len(self.unchanged)} current"
            + (f", {len(self.unsaved)} not saved" if self.unsaved else "")
            + f" ({plural(self.requests, 'request')})"
        )


@dataclass
class _Text:
    """One text to translate: its protected form and the chunks that are sent."""

    protected: Protected
    chunks: list[str]

    def assemble(self, done: dict[str, str]) -> str | None:
        if any(c not in done for c in self.chunks):
            return None
        return TermProtector.restore(" ".join(done[c] for c in self.chunks), self.protected.terms)


@dataclass
class _Plan:
    entry: Entry
    fields: dict[str, _Text]  # title_en / summary_en → text (empty when only tags are missing)
    tags: dict[str, _Text]  # tag name → text, for tags without a label
    before: tuple[object, ...]  # what translate may change, to write only entries that changed


def _prepare(text: str, protector: TermProtector, limit: int) -> _Text:
    protected = protector.protect(text)
    return _Text(protected=protected, chunks=chunk_text(protected.text, limit))


def _apply_glossary_labels(entry: Entry, protector: TermProtector) -> None:
    labels_are_ours = not entry.editor_changed("tags_en")
    for name in entry.tags:
        label = protector.label(name)
        if label and (name not in entry.tags_en or (labels_are_ours and entry.tags_en[name] != label)):
            entry.tags_en[name] = label


def _mark_editors(entry: Entry) -> None:
    """An editor wrote English: say so, keep who made the rest."""
    entry.translation.status = "edited"
    entry.translation.provider = entry.translation.provider or EDITORS


def translate_entries(
    root: Path,
    entries: list[Entry],
    config: Config,
    *,
    provider: str | None = None,
    provider_url: str | None = None,
    offline: bool = False,
    retranslate: bool = False,
    progress: bool = False,
    policy: RetryPolicy | None = None,
    memory: TranslationMemory | None = None,
    today: dt.date | None = None,
) -> TranslateReport:
    """Fill missing/stale English of `entries` and write changed entries back (atomically).

    Never raises for network trouble: those entries stay pending and one warning says so.
    Raises digest.core.errors.DigestError for a provider that cannot be used (unknown, no
    Arabic → English, missing key or URL).
    """
    name = (provider or config.translate.provider).strip().lower()
    url = provider_url or config.translate.provider_url or None
    # Offline, the provider only names the translation memory to read: no key or URL needed.
    try:
        spec: ProviderSpec = (PROVIDERS.get(name) if offline else None) or resolve_provider(name, url)
    except ProviderError as exc:
        if provider is None and config.path is not None:  # the choice came from digest.toml
            raise ProviderError(exc.message, config.path) from None
        raise
    report = TranslateReport(provider=spec.name)
    protector = TermProtector(load_glossary(root))
    pair = f"{spec.source}>{spec.target}"
    today_iso = (today or dt.date.today()).isoformat()

    plans = _plan(entries, protector, spec, retranslate, report)
    wanted = [c for p in plans for t in [*p.fields.values(), *p.tags.values()] for c in t.chunks]
    # Nothing to translate: the memory is not even opened (a build with nothing changed
    # must leave .digest/ as it was).
    tm = memory or (TranslationMemory.for_root(root) if wanted else TranslationMemory.in_memory())
    done, missing = _from_memory(wanted, tm, spec, pair, retranslate)
    results: dict[str, Result] = {}
    client: ProviderClient | None = None
    if missing and not offline:
        client = ProviderClient(
            translator_factory(spec, url), policy or RetryPolicy.from_config(config.translate), call_kwargs(spec)
        )
        results = _ask_provider(client, missing, tm, spec, pair, progress)
        report.requests = client.requests
        done.update({c: r.text for c, r in results.items() if r.text is not None})
    if memory is None:
        tm.close()
    report.warnings.extend(w for w in tm.warnings if w not in report.warnings)

    fresh = {c for c, r in results.items() if r.ok}
    errors: dict[str, str] = {}
    for plan in plans:
        _finish(plan, done, fresh, results, spec, today_iso, report, errors)
        _write_if_changed(plan, root, report)
    _warn(report, offline, client, errors)
    return report


def _from_memory(
    chunks: list[str], tm: TranslationMemory, spec: ProviderSpec, pair: str, retranslate: bool
) -> tuple[dict[str, str], list[str]]:
    """Translations already known (or not needed), and the unique chunks still missing."""
    done: dict[str, str] = {}
    missing: list[str] = []
    for chunk in dict.fromkeys(chunks):
        if not needs_translation(chunk):  # e.g. a headline made only of glossary terms
            done[chunk] = chunk
            continue
        hit = None if retranslate else tm.get(spec.name, pair, chunk)
        if hit is not None and first_unpublishable(hit) is None:  # stored by an older digest: ask again
            done[chunk] = hit
        else:
            missing.append(chunk)
    return done, missing


def _ask_provider(
    client: ProviderClient, chunks: list[str], tm: TranslationMemory, spec: ProviderSpec, pair: str, progress: bool
) -> dict[str, Result]:
    """Send the chunks concurrently; store each translation the moment it arrives."""
    bar = RequestProgress(len(chunks), progress)

    def store(chunk: str, result: Result) -> None:
        if result.ok:
            tm.put(spec.name, pair, chunk, result.text or "")
        if not result.skipped:  # never sent (breaker open): not progress
            bar.advance()

    try:
        return client.translate_many(chunks, on_done=store)
    finally:
        bar.close()


def _plan(
    entries: list[Entry], protector: TermProtector, spec: ProviderSpec, retranslate: bool, report: TranslateReport
) -> list[_Plan]:
    plans: list[_Plan] = []
    for entry in entries:
        before = _snapshot(entry)
        state = translation_state(entry)
        if state == "edited":
            if entry.translation.status != "edited":
                _mark_editors(entry)
            report.edited_kept.append(entry.slug)
            plans.append(_Plan(entry, {}, {}, before))
            continue
        if state != entry.translation.status:
            entry.translation.status = state  # e.g. the Arabic changed since: machine → stale
        _apply_glossary_labels(entry, protector)
        fields: dict[str, _Text] = {}
        if state != "machine" or retranslate or not (entry.title_en and entry.summary_en is not None):
            fields = {
                "title_en": _prepare(entry.title, protector, spec.max_chars),
                "summary_en": _prepare(entry.summary_ar, protector, spec.max_chars),
            }
        tags = {
            name: _prepare(name, protector, spec.max_chars)
            for name in entry.tags
            if name not in entry.tags_en or (retranslate and not entry.editor_changed("tags_en"))
        }
        plans.append(_Plan(entry, fields, tags, before))
    return plans


def _finish(
    plan: _Plan,
    done: dict[str, str],
    fresh: set[str],
    results: dict[str, Result],
    spec: ProviderSpec,
    today_iso: str,
    report: TranslateReport,
    errors: dict[str, str],
) -> None:
    entry = plan.entry
    if entry.slug in report.edited_kept:
        return
    labels_are_ours = not entry.editor_changed("tags_en")
    for name, text in plan.tags.items():
        label = text.assemble(done)
        if label:
            entry.tags_en[name] = label
            continue
        refused = next((results[c] for c in text.chunks if c in results and not results[c].ok and not results[c].transient), None)
        if refused is not None:  # the entry is written with its other labels; this one waits
            report.failed_tags.append((entry.slug, name))
            errors.setdefault(f"tag {name!r}: {refused.error or 'unknown error'}", entry.slug)
    if labels_are_ours:
        entry.record_machine("tags_en")
    if not plan.fields:
        report.unchanged.append(entry.slug)
        return
    english = {name: text.assemble(done) for name, text in plan.fields.items()}
    if all(value is not None for value in english.values()):
        entry.title_en = english["title_en"]
        entry.summary_en = english["summary_en"]
        entry.record_machine("title_en")
        entry.record_machine("summary_en")
        entry.translation.status = "machine"
        entry.translation.provider = spec.name
        entry.translation.at = today_iso
        entry.translation.source_hash = entry.arabic_fingerprint()
        used = {c for t in plan.fields.values() for c in t.chunks}
        (report.translated if used & fresh else report.cached).append(entry.slug)
        return
    chunk_errors = [
        results[c] for t in plan.fields.values() for c in t.chunks if c in results and not results[c].ok
    ]
    hard = [r for r in chunk_errors if not r.transient]
    if hard:  # the provider answered, but could not translate this text
        report.failed.append(entry.slug)
        errors.setdefault(hard[0].error or "unknown error", entry.slug)
    else:  # offline, unreachable, timeouts, 5xx, breaker open: try again next run
        report.pending.append(entry.slug)


def _snapshot(entry: Entry) -> tuple[object, ...]:
    """Every field translate_entries may change (cheaper than rendering the file)."""
    return (
        entry.title_en,
        entry.summary_en,
        sorted(entry.tags_en.items()),
        entry.translation.to_dict(),
        sorted(entry.machine.items()),
    )


def _write_if_changed(plan: _Plan, root: Path, report: TranslateReport) -> None:
    entry = plan.entry
    if _snapshot(entry) == plan.before:
        return
    content_dir = Path(entry.path).parent if entry.path else SiteLayout(root).content
    try:
        write_entry(entry, content_dir)
    except OSError as exc:
        # Not counted as translated: what is not in the file is not done (the translations
        # wait in the translation memory for the next run).
        path = content_dir / f"{entry.slug}.md"
        what = exc.message if isinstance(exc, FileWriteError) else f"cannot write entry: {exc.strerror or exc}"
        report.errors.append(DigestError(what, path))
        for bucket in (report.translated, report.cached, report.unchanged):
            if entry.slug in bucket:
                bucket.remove(entry.slug)
        report.unsaved.append(entry.slug)


def _warn(report: TranslateReport, offline: bool, client: ProviderClient | None, errors: dict[str, str]) -> None:
    """At most one warning per kind of trouble, each with its count."""
    left = len(report.pending)
    if left and offline:
        report.warnings.append(
            f"translate: {plural(left, 'entry')} left pending (offline); "
            "run `digest translate` when online"
        )
    elif left and client is not None:
        why = client.breaker.reason or "provider unreachable"
        stopped = " — stopped calling it for this run" if client.breaker.open else ""
        report.warnings.append(
            f"translate: {plural(left, 'entry')} left pending: {report.provider}: {why}{stopped}"
        )
    if report.failed:
        first = next(((why, slug) for why, slug in errors.items() if slug in report.failed), ("unknown error", report.failed[0]))
        report.warnings.append(
            f"translate: {plural(len(report.failed), 'entry')} failed "
            f"(e.g. {first[1]}: {first[0]}); they stay pending"
        )
    if report.failed_tags:
        slug, tag = report.failed_tags[0]
        why = next((why for why, where in errors.items() if where == slug and why.startswith(f"tag {tag!r}: ")), "")
        report.warnings.append(
            f"translate: {plural(len(report.failed_tags), 'tag label')} failed "
            f"(e.g. {slug}: {why or f'tag {tag!r}'}); left untranslated"
        )
