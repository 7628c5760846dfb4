"""Translation status of an entry, as shown to readers and editors."""
from __future__ import annotations

from ..core.model import Entry

ENGLISH_FIELDS = ("title_en", "summary_en")


def editor_wrote_english(entry: Entry) -> bool:
    """True if title_en/summary_en holds text the tool did not write.

    With a recorded machine hash, a different value is the editor's. Without one, English
    in an entry the tool never translated (status pending) is the editor's; for a file that
    says machine/stale but has no hash (written by hand or an older version) the status is
    trusted.
    """
    status = entry.translation.status
    for name in ENGLISH_FIELDS:
        if not getattr(entry, name):
            continue
        if name in entry.machine:
            if entry.editor_changed(name):
                return True
        elif status not in ("machine", "stale"):
            return True
    return False


def translation_state(entry: Entry) -> str:
    """pending | machine | stale | edited, judged from the entry's content, not just its label.

    - edited: an editor's English is present (a changed machine text counts as the editor's);
    - stale: a machine translation of Arabic that has since changed;
    - pending: no usable English yet.
    """
    status = entry.translation.status
    has_english = bool(entry.title_en or entry.summary_en)
    if (status == "edited" and has_english) or editor_wrote_english(entry):
        return "edited"
    if status in ("machine", "stale") and has_english:
        if status == "stale" or entry.translation.source_hash != entry.arabic_fingerprint():
            return "stale"
        return "machine"
    return "pending"


def is_current(entry: Entry) -> bool:
    """May the English be shown as the translation of the current Arabic?"""
    return translation_state(entry) in ("machine", "edited")
