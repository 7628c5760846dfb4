"""Front matter: the ONE module that reads, writes and round-trip-edits it.

A content file is a YAML block between '---' lines, then the Markdown body. Everything in
digest that touches front matter goes through here:

- `read(text, path)` → FrontMatter(data, body, body_line, yaml): split and load, refusing
  (with the line) a block over MAX_FRONT_MATTER_BYTES, anchors and aliases, merge keys and
  duplicate keys; `load(yaml, path)` loads an already split block the same way.
- `write(data, body)` → the text of a content file (block style, one scalar per line);
  `add_item` + `write_lines` build the same text item by item.
- `edit(text, path, changes)` (`edit_file` for a file) / `rewrite(text, path, data, body)`: round-trip edits that
  keep an editor's comments, key order and quoting (ruamel.yaml, imported on first use).
- `scan_keys(text, keys)`: a few one-line keys read without loading the YAML (ingest's
  quick index), None at any doubt.

Implementation (not imported from outside this package): `fast` reads the form `emit`
writes without PyYAML, checked against PyYAML by tests/test_frontmatter_fast.py; `safe` is PyYAML's
safe loader under the rules above; `roundtrip` is ruamel; `split` finds the '---' lines.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ...core.errors import ContentError
from ...core.output import atomic_write_text
from .emit import dump_front_matter, emit_item, is_plain_safe
from .safe import MAX_FRONT_MATTER_BYTES, load_front_matter
from .scan import scan_key_leniently, scan_keys
from .split import split_front_matter

__all__ = [
    "MAX_FRONT_MATTER_BYTES",
    "FrontMatter",
    "add_item",
    "dump",
    "edit",
    "edit_file",
    "has_comments",
    "is_plain_safe",
    "load",
    "read",
    "rewrite",
    "scan_key_leniently",
    "scan_keys",
    "split",
    "update_file",
    "write",
    "write_lines",
]


class FrontMatter(NamedTuple):
    data: dict[str, Any]
    body: str
    body_line: int  # the file's line where the body starts (1-based)
    yaml: str  # the block between the '---' lines: for finding a key's line in messages


def split(text: str, path: Path) -> tuple[str, str, int]:
    """(YAML block, body, line where the body starts); ContentError if there is no block."""
    return split_front_matter(text, path)


def load(yaml_text: str, path: Path, fast: bool = True) -> dict[str, Any]:
    """The mapping of a YAML block under digest's rules (ContentError naming the line).
    fast=False skips the fast reader (for the benchmark and the equivalence tests)."""
    return load_front_matter(yaml_text, path, fast)


def read(text: str, path: Path) -> FrontMatter:
    """A content file's front matter and body."""
    yaml_text, body, body_line = split_front_matter(text, path)
    return FrontMatter(load_front_matter(yaml_text, path), body, body_line, yaml_text)


def dump(data: Mapping[str, Any]) -> str:
    """The YAML block of `data` (without the '---' lines)."""
    return dump_front_matter(data)


def write(data: Mapping[str, Any], body: str) -> str:
    """The text of a content file: front matter, a blank line, the body."""
    return f"---\n{dump_front_matter(data)}---\n\n{body.strip()}\n"


def add_item(lines: list[str], key: str, value: Any) -> None:
    """Append the lines `write` writes for the top-level item `key: value` (a caller that
    knows its keys builds the block item by item, without a mapping: see write_lines)."""
    emit_item(lines, key, value)


def write_lines(lines: list[str], body: str) -> str:
    """`write`'s text for the non-empty front matter whose lines add_item appended."""
    return "---\n" + "\n".join(lines) + f"\n---\n\n{body.strip()}\n"


_COMMENT_RE = re.compile(r"(?:^|\s)#", re.M)


def has_comments(yaml_text: str) -> bool:
    """Might the block hold an editor's YAML comments? A cheap test (false positives are
    fine: they only send a write through the slower, comment-keeping path)."""
    return _COMMENT_RE.search(yaml_text) is not None


def edit(text: str, path: Path, changes: Mapping[str, Any], after: str | None = None) -> str:
    """The file's text with `changes` set in its front matter, keeping comments, key order,
    quoting and the body byte for byte. A Mapping value is merged into the mapping at that
    key (created if absent or not a mapping); a new key goes after `after` (else last)."""
    from .roundtrip import edit_text

    return edit_text(text, path, changes, after)


def edit_file(path: Path, changes: Mapping[str, Any], after: str | None = None) -> None:
    """`edit` applied to a content file, replaced atomically (a reader sees old or new)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"cannot read: {exc}", path) from None
    atomic_write_text(path, edit(text, path, changes, after))


def rewrite(text: str, path: Path, data: Mapping[str, Any], body: str) -> str | None:
    """The file's text with its front matter made equal to `data` and its body replaced,
    keeping the editor's comments, key order and quoting; None if it cannot be read so."""
    from .roundtrip import merge_front_matter

    return merge_front_matter(text, data, body, path)


def update_file(
    path: Path, values: Mapping[str, Any], merge: frozenset[str] = frozenset({"translation", "review"})
) -> None:
    """Set top-level keys of a content file (the review desk's corrections). A Mapping value
    replaces an existing mapping key by key (keys it lacks are removed) or, for the keys in
    `merge`, only sets the sub-keys it names. Comments, key order, quoting and the body are
    kept; the file is replaced atomically."""
    from .roundtrip import update_text

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"cannot read: {exc}", path) from None
    atomic_write_text(path, update_text(text, path, values, merge))
