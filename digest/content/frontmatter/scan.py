"""Quick reads of a few top-level keys, without loading the whole front matter.

Re-ingesting a large site mostly finds seeds unchanged, and deciding that needs only three
keys per entry (`seed`, `seed_sha256`, `summary_version`): reading those lines is ~50x
cheaper than loading the YAML. `scan_keys` takes a value only when YAML would read it the
same way (plain-safe or simply quoted) and says None at any doubt, so the caller loads the
file in full and its errors are reported as usual. `scan_keys_leniently` is for files that
did not load at all: it reads what it can, for messages and seed bookkeeping only.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from .emit import is_plain_safe
from .safe import MAX_FRONT_MATTER_BYTES
from .split import front_matter_block

_ESCAPE_RE = re.compile(r"\\(.)")  # each escape, left to right: an escaped backslash then "u" is no \u
_NULLS = frozenset(("null", "~", ""))
_DECIMAL_RE = re.compile(r"0|[1-9][0-9]*")


def _key_line_re(keys: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"^({'|'.join(map(re.escape, keys))}):(.*)$", re.M)


_key_line_res: dict[tuple[str, ...], re.Pattern[str]] = {}


def _one_line_scalar(raw: str) -> str | None:
    """A one-line YAML string read exactly as YAML would, or None when unsure."""
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


def scan_keys(text: str, keys: Mapping[str, type[str] | type[int]]) -> dict[str, str | int | None] | None:
    """The one-line values of `keys` (name → str or int) in a content file's front matter,
    or None for a YAML null (`null`, `~`, nothing); keys absent are left out. None when a
    quick read cannot be sure (no front matter, a repeated key, a value YAML might read
    otherwise, a block over the size cap): the caller must then load the file in full."""
    block = front_matter_block(text)
    if block is None or len(block) * 4 > MAX_FRONT_MATTER_BYTES:
        return None  # (the cap counts bytes: the full load measures and names it)
    names = tuple(keys)
    pattern = _key_line_res.get(names)
    if pattern is None:
        pattern = _key_line_res[names] = _key_line_re(names)
    found: dict[str, str | int | None] = {}
    for key, raw in pattern.findall(block):
        if key in found:
            return None  # a repeated key: the full load names both lines
        stripped = raw.strip()
        if stripped in _NULLS:
            found[key] = None
            continue
        value: str | int | None
        if keys[key] is int:  # a plain decimal; not "010": YAML 1.1 reads that as octal
            value = int(stripped) if _DECIMAL_RE.fullmatch(stripped) else None
        else:
            value = _one_line_scalar(stripped)
        if value is None:
            return None
        found[key] = value
    return found


_LENIENT_LINE_RE: dict[str, re.Pattern[str]] = {}


def scan_key_leniently(text: str, key: str) -> list[str]:
    """Every non-null value written on a `key:` line anywhere in text, quotes stripped: for
    files whose front matter does not load, so they can still be named by that key."""
    pattern = _LENIENT_LINE_RE.get(key)
    if pattern is None:
        pattern = _LENIENT_LINE_RE[key] = re.compile(rf"^{re.escape(key)}:[ \t]*(?P<value>[^\n]*?)[ \t]*$", re.M)
    values = []
    for match in pattern.finditer(text):
        value = match["value"].strip("'\"")
        if value and value != "null":
            values.append(value)
    return values
