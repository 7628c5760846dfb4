"""Translation status of an entry, as shown to readers and editors."""
from __future__ import annotations

from ..model import Entry

ENGLISH_FIELDS = ("title_en", "summary_en")


def editor_wrote_english(entry: Entry) -> bool:
    """True if an editor wrote or changed title_en/summary_en (what the tool did not write)."""
    return any(getattr(entry, name) and entry.editor_changed(name) for name in ENGLISH_FIELDS)


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
