"""Round-trip edits of an entry's front matter that keep what editors wrote.

ruamel.yaml's round-trip mode keeps key order, comments, quoting and flow/block style; only
the front matter goes through it, the Markdown body is copied byte for byte. The caller
writes the result atomically (digest.core.output.atomic_write_text).
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from ...core.errors import ContentError
from .safe import load_front_matter
from .split import split_front_matter


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 10_000  # never re-wrap long Arabic lines
    yaml.allow_unicode = True
    # Sequences at their key's indentation ("tags:\n- x"), as digest writes them.
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.Representer = _NullAsNullRepresenter
    return yaml


class _NullAsNullRepresenter(RoundTripRepresenter):
    """Writes None as "null" (ruamel's default is an empty value), as digest itself does.
    A subclass, so ruamel's shared representer tables are left alone."""

    def represent_none(self, data: None) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:null", "null")


_NullAsNullRepresenter.add_representer(type(None), _NullAsNullRepresenter.represent_none)


def _split(text: str, path: Path) -> tuple[str, str, str]:
    """(text before the YAML incl. the opening '---' line, YAML, the rest from the closing '---')."""
    fm, _body, _ = split_front_matter(text, path)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    head_end = text.index("\n", len(bom)) + 1
    head = text[:head_end]
    return head, fm, text[head_end + len(fm) :]


def _dump(yaml: YAML, data: CommentedMap) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    return text if text.endswith("\n") else text + "\n"


def _load_for_edit(text: str, path: Path) -> tuple[str, YAML, CommentedMap, str]:
    """(text before the YAML, the round-trip loader, the loaded mapping, the rest): the block
    is first checked under the rules of every read (size, anchors, duplicates)."""
    head, fm, rest = _split(text, path)
    load_front_matter(fm, path)
    yaml = _yaml()
    try:
        data = yaml.load(fm)
    except YAMLError as exc:
        raise ContentError(f"invalid YAML in front matter: {exc}".splitlines()[0], path) from None
    if not isinstance(data, CommentedMap):
        raise ContentError("front matter must be a mapping of keys to values", path, 2)
    return head, yaml, data, rest


def edit_text(text: str, path: Path, changes: Mapping[str, Any], after: str | None = None) -> str:
    """`changes` set in the front matter of `text` (see digest.content.frontmatter.edit)."""
    head, yaml, data, rest = _load_for_edit(text, path)
    for key, value in changes.items():
        if not isinstance(value, Mapping):
            _put(data, key, value, after)
            continue
        target = data.get(key)
        if not isinstance(target, CommentedMap):
            # Absent or null (or a non-mapping the content loader will reject anyway): start afresh.
            target = CommentedMap()
            _put(data, key, target, after)
        for name, sub_value in value.items():
            target[name] = sub_value
    return head + _dump(yaml, data) + rest


def _put(data: CommentedMap, key: str, value: Any, after: str | None) -> None:
    if key in data:
        data[key] = value
    else:
        keys = list(data)
        data.insert(keys.index(after) + 1 if after in keys else len(keys), key, value)


def update_text(
    text: str, path: Path, values: Mapping[str, Any], merge: frozenset[str] = frozenset({"translation", "review"})
) -> str:
    """`text` with top-level keys set (see digest.content.frontmatter.update_file); new keys
    go at the end."""
    head, yaml, data, rest = _load_for_edit(text, path)
    for key, value in values.items():
        current = data.get(key)
        if isinstance(value, Mapping) and isinstance(current, CommentedMap):
            if key not in merge:
                for sub in [k for k in current if k not in value]:
                    del current[sub]
            for sub, sub_value in value.items():
                if current.get(sub) != sub_value or sub not in current:
                    current[sub] = sub_value
        elif key not in data or current != value or type(current) is not type(value):
            data[key] = value
    return head + _dump(yaml, data) + rest


def merge_front_matter(existing_text: str, new_values: Mapping[str, Any], body: str, path: Path) -> str | None:
    """The entry text with `new_values` written into the existing front matter, keeping its
    comments, key order and quoting; None if the existing front matter cannot be read that way."""
    try:
        head, fm, _rest = _split(existing_text, path)
        load_front_matter(fm, path)  # never round-trip a block the rules refuse
    except ContentError:
        return None
    yaml = _yaml()
    try:
        data = yaml.load(fm)
    except YAMLError:
        return None
    if not isinstance(data, CommentedMap):
        return None
    for key in [k for k in data if k not in new_values]:
        del data[key]
    for key, value in new_values.items():
        current = data.get(key)
        if isinstance(current, CommentedMap) and isinstance(value, Mapping):
            for sub in [k for k in current if k not in value]:
                del current[sub]
            for sub, sub_value in value.items():
                if current.get(sub) != sub_value:
                    current[sub] = sub_value
        elif key not in data or current != value:
            data[key] = value
    return f"{head}{_dump(yaml, data)}---\n\n{body.strip()}\n"
