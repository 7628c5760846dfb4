"""Review states (draft → approved | rejected, reopen → draft) and the publish gate.

A state change rewrites only the `review:` mapping of the entry's front matter (see
digest.content.frontmatter.edit), so editors' comments, key order and the body stay as they are.
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..content import frontmatter
from ..content.entries import load_entries, read_entry
from ..core.config import Config
from ..core.errors import DigestError
from ..core.layout import SiteLayout
from ..core.model import REVIEW_STATES, Entry
from ..translate.glossary import Glossary
from ..translate.state import translation_state
from .flags import FLAG_CODES, FLAG_DESCRIPTIONS, Flag, compute_flags
from .publish import approve_command, is_public

__all__ = [
    "FLAG_CODES",
    "FLAG_DESCRIPTIONS",
    "Flag",
    "ReviewError",
    "approve_command",
    "compute_flags",
    "find_entry",
    "is_public",
    "set_review_state",
    "translation_state",
]


class ReviewError(DigestError):
    """A review action that cannot be done as asked (unknown slug, needs --force, ...)."""


def default_editor() -> str:
    """$DIGEST_EDITOR, else the login name."""
    name = os.environ.get("DIGEST_EDITOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "editor"


def _typed_slug(slug: str) -> str:
    """A slug as typed, as find_entry reads it: the content file's path is accepted too (tab
    completion gives "content/<slug>.md"), and NFC, as macOS terminals may hand over
    decomposed Arabic."""
    slug = unicodedata.normalize("NFC", slug.strip())
    return Path(slug).stem if slug.endswith(".md") else slug


def named_file(root: Path, slug: str) -> Path | None:
    """content/<slug>.md for a slug as typed, the file find_entry takes if it is there
    (without a search); None where the slug has a path separator."""
    slug = _typed_slug(slug)
    return None if "/" in slug or "\\" in slug else SiteLayout(root).content / f"{slug}.md"


def find_entry(root: Path, slug: str) -> Entry:
    """The entry content/<slug>.md; ReviewError naming the slug if there is none."""
    content_dir = SiteLayout(root).content
    path = named_file(root, slug)
    slug = _typed_slug(slug)
    if path is None or not path.is_file():
        # Accept a slug typed in another case, but never guess between several.
        matches = [p for p in content_dir.glob("*.md") if p.stem.casefold() == slug.casefold()] if content_dir.is_dir() else []
        if len(matches) != 1:
            raise ReviewError(f"no entry with slug {slug!r} (see `digest review list`)", content_dir)
        path = matches[0]
    _refuse_outside_root(root, path)
    return read_entry(path)


def _refuse_outside_root(root: Path, path: Path) -> None:
    """An entry file leading outside the site root is neither read nor rewritten (a rewrite
    would copy the file it leads to into content/), unless digest.toml allows it."""
    from ..core.config import load_config
    from ..core.rootguard import real_root, refusal, split_outside

    _inside, refused = split_outside([path], real_root(root))
    if refused and not load_config(root).ingest.allow_outside_root:
        raise ReviewError(refusal(refused[0][1]), path)


@dataclass(frozen=True)
class StateChange:
    slug: str
    path: Path
    old_state: str
    new_state: str
    changed: bool


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def set_review_state(
    root: Path,
    slug: str,
    state: str,
    *,
    by: str | None = None,
    reason: str | None = None,
    force: bool = False,
    at: str | None = None,
) -> StateChange:
    """Move an entry to `state` (approved, rejected or draft) and rewrite its file atomically."""
    if state not in REVIEW_STATES:
        raise ValueError(f"unknown review state {state!r}")
    entry = find_entry(root, slug)
    path = Path(entry.path or SiteLayout(root).entry_file(slug))
    old = entry.review.state
    same_review = state == "draft" or (entry.review.by == by and reason == entry.review.reason)
    if old == state and same_review:  # nothing to record: leave the file untouched
        return StateChange(entry.slug, path, old, state, changed=False)
    if state == "approved" and not force:
        status = translation_state(entry)
        if status in ("pending", "stale"):
            raise ReviewError(
                f"the English translation is {status}; translate or edit it first, or approve anyway with --force",
                path,
            )
    frontmatter.edit_file(
        path,
        {"review": {"state": state, "by": by, "at": at or now_utc(), "reason": reason}},
        after="translation",
    )
    return StateChange(entry.slug, path, old, state, changed=True)


def entries_with_flags(root: Path, config: Config, glossary: Glossary) -> tuple[list[Entry], dict[str, list[Flag]], list[DigestError]]:
    """All entries (newest first), their flags, and the content errors met on the way."""
    entries, errors = load_entries(SiteLayout(root).content, config.ingest.allow_outside_root)
    entries.sort(key=lambda e: (e.date, e.slug), reverse=True)
    return entries, compute_flags(entries, glossary, config), list(errors)
