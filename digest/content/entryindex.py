"""A quick index of content/: which entry holds which seed, without parsing every file.

Re-ingesting a large site mostly finds seeds unchanged, and deciding that needs only three
front-matter keys per entry: `seed`, `seed_sha256` and `summary_version`, read by the
front-matter module's quick key scan (frontmatter.scan_keys). At any doubt the file is
loaded in full, with its errors reported as usual.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError
from ..core.model import Entry
from ..core.rootguard import content_paths, refusal
from .entries import read_entry
from .frontmatter import scan_keys

_KEYS: dict[str, type[str] | type[int]] = {"seed": str, "seed_sha256": str, "summary_version": int}
_SHA256_RE = re.compile(r"[0-9a-f]{64}")


@dataclass
class IndexedEntry:
    """What the quick scan knows of an entry; `load()` gives the full Entry when needed."""

    path: Path
    seed: str
    seed_sha256: str | None
    summary_version: int | None

    @property
    def slug(self) -> str:
        return self.path.stem

    def load(self) -> Entry:
        return read_entry(self.path)


def scan_entry(path: Path) -> IndexedEntry | None:
    """The seed keys of one content file, or None if the quick scan cannot be sure."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = scan_keys(text, _KEYS)
    if found is None:
        return None
    seed, sha, version = found.get("seed"), found.get("seed_sha256"), found.get("summary_version")
    if not isinstance(seed, str) or not seed:
        return None
    if sha is not None and not (isinstance(sha, str) and _SHA256_RE.fullmatch(sha)):
        return None
    assert version is None or isinstance(version, int)
    return IndexedEntry(path=path, seed=seed, seed_sha256=sha, summary_version=version)


def index_entries(content_dir: Path, allow_outside_root: bool = False) -> tuple[list[IndexedEntry], list[Entry], list[ContentError]]:
    """(quickly indexed entries, fully loaded entries, errors) for every file of content_dir;
    a file whose real path is outside the site root is an error (digest.core.rootguard)."""
    indexed: list[IndexedEntry] = []
    loaded: list[Entry] = []
    errors: list[ContentError] = []
    if not content_dir.is_dir():
        return indexed, loaded, errors
    paths, refused = content_paths(content_dir, allow_outside_root)
    errors.extend(ContentError(refusal(real), path) for path, real in refused)
    for path in paths:
        quick = scan_entry(path)
        if quick is not None:
            indexed.append(quick)
            continue
        try:
            loaded.append(read_entry(path))
        except ContentError as exc:
            errors.append(exc)
    return indexed, loaded, errors
