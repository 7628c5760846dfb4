"""A quick index of content/: which entry holds which seed, without parsing every file.

Re-ingesting a large site mostly finds seeds unchanged, and deciding that needs only three
front-matter keys per entry: `seed`, `seed_sha256` and `summary_version`. Reading those three
lines is ~50x cheaper than loading the whole YAML. A value is taken from the quick scan only
when YAML would read it the same way (plain-safe or simply quoted); any doubt, and the
file is loaded in full, with its errors reported as usual.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError
from ..core.model import Entry
from ..core.rootguard import content_paths, refusal
from .entries import read_entry
from .yamlemit import is_plain_safe

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$", re.S | re.M)
_KEYS = ("seed", "seed_sha256", "summary_version")
_KEY_LINE_RE = re.compile(r"^(seed|seed_sha256|summary_version):(.*)$", re.M)
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_DECIMAL_RE = re.compile(r"0|[1-9][0-9]*")
_ESCAPE_RE = re.compile(r"\\(.)")  # each escape, left to right: an escaped backslash then "u" is no \u


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


def _scalar(raw: str) -> str | None:
    """A one-line YAML scalar read exactly as YAML would, or None when unsure."""
    value = raw.strip()
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        if any(m.group(1) in "uUx" for m in _ESCAPE_RE.finditer(value)):
            return None  # escapes where JSON and YAML may disagree (surrogates)
        try:
            decoded = json.loads(value)
        except ValueError:
            return None
        return decoded if isinstance(decoded, str) else None
    if value.startswith("'") and value.endswith("'") and len(value) >= 2:
        inner = value[1:-1]
        return None if "'" in inner.replace("''", "") else inner.replace("''", "'")
    if " #" in value:
        return None  # a comment: leave it to YAML
    return value if is_plain_safe(value) else None


def scan_entry(path: Path) -> IndexedEntry | None:
    """The seed keys of one content file, or None if the quick scan cannot be sure."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = _FRONT_MATTER_RE.match(text.lstrip("\ufeff"))
    if match is None:
        return None
    found: dict[str, str] = {}
    for key, raw in _KEY_LINE_RE.findall(match.group(1)):
        if key in found:
            return None  # a repeated key: YAML decides which wins
        found[key] = raw
    if "seed" not in found:
        return None
    seed = _scalar(found["seed"])
    sha_text = found.get("seed_sha256", "null").strip()
    sha = None if sha_text in ("null", "~", "") else _scalar(sha_text)
    if not seed or (sha_text not in ("null", "~", "") and (sha is None or not _SHA256_RE.fullmatch(sha))):
        return None
    version_text = found.get("summary_version", "null").strip()
    if version_text in ("null", "~", ""):
        version = None
    elif _DECIMAL_RE.fullmatch(version_text):  # not "010": YAML 1.1 reads that as octal
        version = int(version_text)
    else:
        return None
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
