"""The review desk's actions: what `digest serve` does when an editor clicks in the preview.

Every change goes through the writers the CLI uses (set_review_state, the round-trip
front-matter editor, translate_entries), so comments, key order and the body are kept and
files are replaced atomically. Each action names the hash of the file the editor's form was
made from: if the file changed since, StaleFile is raised and nothing is written.
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..content.entries import read_entry, source_url_problem
from ..core.config import Config
from ..core.errors import DigestError
from ..core.model import Entry
from ..translate.state import translation_state
from .states import ReviewError, find_entry, now_utc, set_review_state

ENGLISH_FIELDS = ("title_en", "summary_en")


class DeskError(DigestError):
    """A desk action that cannot be done as asked (bad date, unknown slug...)."""


class StaleFile(DigestError):
    """The entry's file changed since the form was made: nothing was written."""

    def __init__(self, message: str, path: Path, current_text: str):
        super().__init__(message, path)
        self.current_text = current_text


def file_hash(path: Path) -> str:
    """The identity of an entry file as a form carries it (sha256 of its bytes)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entry_path(root: Path, slug: str) -> Path:
    try:
        entry = find_entry(root, slug)
    except OSError as exc:  # a made-up slug: too long a name, ...
        raise DeskError(f"no entry with slug {slug[:80]!r} ({exc.strerror or exc})") from None
    return Path(entry.path) if entry.path and Path(entry.path).is_absolute() else root / "content" / f"{entry.slug}.md"


def check_fresh(path: Path, expected_hash: str) -> None:
    """StaleFile unless the file is byte for byte the one the form was made from."""
    try:
        data = path.read_bytes()
    except OSError:
        raise StaleFile("the file is gone since the form was made", path, "") from None
    if hashlib.sha256(data).hexdigest() != expected_hash:
        raise StaleFile(
            "the file changed since this form was made (another editor, a text editor or a re-ingest); nothing was written",
            path,
            data.decode("utf-8", "replace"),
        )


def change_state(root: Path, slug: str, state: str, expected_hash: str, *, by: str, reason: str | None = None) -> bool:
    """Approve, reject or reopen one entry; True if the file changed."""
    path = entry_path(root, slug)
    check_fresh(path, expected_hash)
    return set_review_state(root, slug, state, by=by if state != "draft" else None, reason=reason).changed


@dataclass
class EntryEdit:
    """The corrections of one desk form (None: the field was not on the form)."""

    title_en: str | None = None
    summary_en: str | None = None
    tags_en: dict[str, str] = field(default_factory=dict)
    date: str | None = None
    source_url: str | None = None


def _clean(text: str) -> str:
    # Browsers send CRLF from a textarea; entries use LF.
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def save_edit(root: Path, slug: str, expected_hash: str, edit: EntryEdit, *, by: str, at: str | None = None) -> list[str]:
    """Write the corrections; returns the names of the fields that changed ([] → file untouched).

    Changed English (headline, summary, tag labels) becomes `translation.status: edited`;
    `edited:` records who, when, and what the machine had said before the first edit."""
    path = entry_path(root, slug)
    check_fresh(path, expected_hash)
    entry = read_entry(path)
    values: dict[str, object] = {}
    english_changed: list[str] = []
    for name in ENGLISH_FIELDS:
        new = getattr(edit, name)
        if new is None:
            continue
        new_value = _clean(new) or None
        if new_value != getattr(entry, name):
            values[name] = new_value
            english_changed.append(name)
    labels = dict(entry.tags_en)
    for tag, label in edit.tags_en.items():
        if tag not in entry.tags:
            raise DeskError(f"no tag {tag!r} in this entry", path)
        label = _clean(label)
        if label and labels.get(tag) != label:
            labels[tag] = label
        elif not label and tag in labels:
            del labels[tag]
    if labels != entry.tags_en:
        values["tags_en"] = labels
        english_changed.append("tags_en")
    if edit.date is not None and _clean(edit.date) != entry.date.isoformat():
        try:
            values["date"] = dt.date.fromisoformat(_clean(edit.date))
        except ValueError:
            raise DeskError(f"the date must be YYYY-MM-DD, not {edit.date[:40]!r}", path) from None
        values["date_source"] = "editor"
    if edit.source_url is not None:
        url = _clean(edit.source_url) or None
        if url is not None and (problem := source_url_problem(url)) is not None:
            raise DeskError(f"the source URL {problem}", path)
        if url != entry.source_url:
            values["source_url"] = url
    if english_changed:
        values["translation"] = {"status": "edited"}
        values["edited"] = _provenance(entry, english_changed, by, at or now_utc())
    if not values:
        return []
    from ..content.frontmatter import update_file  # ruamel.yaml is imported only when editing

    update_file(path, values)
    read_entry(path)  # what was written must load (it always should: the values were checked)
    return [k for k in values if k not in ("translation", "edited", "date_source")]


def _provenance(entry: Entry, changed: list[str], by: str, at: str) -> dict[str, object]:
    """{by, at, machine}: machine keeps the machine's text of each field from its first edit on."""
    machine = dict(entry.edited.get("machine") or {}) if isinstance(entry.edited.get("machine"), Mapping) else {}
    for name in changed:
        if name in machine or entry.editor_changed(name):
            continue  # already recorded, or the text was never the machine's
        value = getattr(entry, name)
        if value:
            machine[name] = dict(value) if isinstance(value, dict) else value
    return {"by": by, "at": at, "machine": machine}


@dataclass(frozen=True)
class TranslateOutcome:
    changed: bool
    message: str


def translate_again(root: Path, slug: str, expected_hash: str, config: Config, *, provider_url: str | None = None) -> TranslateOutcome:
    """Ask the configured provider again for one entry (its English headline, summary and
    tag labels), replacing an editor's English only if the provider answers."""
    from ..translate.entries import translate_entries  # deep-translator is slow to import

    path = entry_path(root, slug)
    check_fresh(path, expected_hash)
    entry = read_entry(path)
    fresh = copy.deepcopy(entry)
    # In memory only: the file keeps the editor's English unless a translation arrives.
    # Tag labels count as the machine's (so they are asked again); a failed request then
    # changes nothing and nothing is written.
    fresh.title_en = fresh.summary_en = None
    fresh.record_machine("tags_en")
    fresh.translation.status = "pending"
    fresh.path = entry.path
    report = translate_entries(root, [fresh], config, provider_url=provider_url, retranslate=True)
    if report.errors:
        raise DeskError(str(report.errors[0]), path)
    if fresh.slug in report.translated or fresh.slug in report.cached:
        return TranslateOutcome(True, f"translated again with {report.provider}")
    why = "; ".join(report.warnings) or "the provider gave no translation"
    return TranslateOutcome(False, f"not translated ({why}); the file was left as it was")


@dataclass
class BatchPlan:
    """What a batch action would do: the entries it changes and those it skips (why)."""

    action: str
    ready: list[tuple[Entry, str]] = field(default_factory=list)  # (entry, file hash)
    skipped: list[tuple[Entry, str]] = field(default_factory=list)  # (entry, reason)


STATE_OF_ACTION = {"approve": "approved", "reject": "rejected", "reopen": "draft"}


def plan_batch(root: Path, slugs: list[str], action: str) -> BatchPlan:
    if action not in STATE_OF_ACTION:
        raise DeskError(f"unknown batch action {action!r}")
    plan = BatchPlan(action)
    target = STATE_OF_ACTION[action]
    for slug in dict.fromkeys(slugs):
        try:
            path = entry_path(root, slug)
            entry = read_entry(path)
        except DigestError as exc:
            raise DeskError(str(exc)) from None
        if entry.review.state == target:
            plan.skipped.append((entry, f"already {target}"))
        elif target == "approved" and translation_state(entry) in ("pending", "stale"):
            plan.skipped.append((entry, f"the English translation is {translation_state(entry)}"))
        else:
            plan.ready.append((entry, file_hash(path)))
    return plan


def run_batch(root: Path, action: str, hashes: Mapping[str, str], *, by: str, reason: str | None = None) -> list[str]:
    """Apply `action` to every slug of `hashes`; all files are checked first, so a stale one
    means nothing is written. Returns the slugs changed."""
    if action not in STATE_OF_ACTION:
        raise DeskError(f"unknown batch action {action!r}")
    paths = {slug: entry_path(root, slug) for slug in hashes}
    for slug, expected in hashes.items():
        check_fresh(paths[slug], expected)
    changed = []
    for slug in hashes:
        try:
            if set_review_state(root, slug, STATE_OF_ACTION[action], by=by if action != "reopen" else None, reason=reason).changed:
                changed.append(slug)
        except ReviewError as exc:
            raise DeskError(f"{exc} ({len(changed)} changed before this one)") from None
    return changed
