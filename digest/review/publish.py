"""The publish gate: which entries a public build shows, and the command that lets an entry
through (README "Editorial review")."""
from __future__ import annotations

from ..core.config import Config
from ..core.model import Entry
from ..text.shellquote import review_command
from ..translate.state import translation_state


def is_public(entry: Entry, config: Config) -> bool:
    """Approved entries only, or approved and drafts with publish = "all".
    Rejected entries are never public."""
    state = entry.review.state
    if state == "approved":
        return True
    return state == "draft" and config.site.publish == "all"


def approve_command(entry: Entry, by: str | None = None) -> str:
    """The exact shell command that approves this entry (shown in the review panel): every
    word quoted for the shell, invisible characters of the slug shown as escapes."""
    options: list[str] = []
    if by:
        options += ["--by", by]
    if translation_state(entry) in ("pending", "stale"):
        options.append("--force")
    return review_command("approve", entry.slug, options)
