"""Front matter read with PyYAML's safe loader, under digest's rules.

Refused, each with its line: a block over MAX_FRONT_MATTER_BYTES, YAML anchors and aliases
(a 500-byte "billion laughs" expands to gigabytes), merge keys and duplicate keys (YAML
would silently take the last). The fast reader (frontmatter.fast) answers first for the
form digest writes; it declines anything it is not sure of, and then this module reads it.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ...core.errors import ContentError
from .fast import read_simple

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

# The block between the '---' lines: a hand-edited entry is a few kilobytes; anything near
# this is no news entry, and would only cost the YAML parser time and memory.
MAX_FRONT_MATTER_BYTES = 1_000_000
_DATE_VALUE_RE = re.compile(r":\s*(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _line_of_bad_date(fm_text: str) -> int | None:
    """The front-matter line holding a date-shaped value that is no real date."""
    for i, line in enumerate(fm_text.split("\n")):
        if (m := _DATE_VALUE_RE.search(line)) is not None:
            try:
                dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return i + 2
    return None


def load_front_matter(fm_text: str, path: Path, fast: bool = True) -> dict[str, Any]:
    """The front-matter mapping. Refused, with the line: a block over MAX_FRONT_MATTER_BYTES,
    YAML anchors and aliases (a 500-byte "billion laughs" expands to gigabytes), merge keys
    and duplicate keys (YAML would silently take the last). Every command that loads
    entries comes through here (build, check, list, review, translate, serve); ingest's quick
    index (frontmatter.scan_keys) reads three plain keys and loads the file here when in doubt."""
    if len(fm_text) * 4 > MAX_FRONT_MATTER_BYTES and (size := len(fm_text.encode("utf-8", "surrogatepass"))) > MAX_FRONT_MATTER_BYTES:
        raise ContentError(f"front matter is {size:,} bytes, over the limit of {MAX_FRONT_MATTER_BYTES:,}", path, 1)
    simple = read_simple(fm_text) if fast else None  # the form digest writes, without PyYAML
    if simple is not None:
        return simple
    try:
        data = _load_plain_yaml(fm_text, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(f"invalid YAML in front matter: {problem}", path, line) from None
    except yaml.reader.ReaderError as exc:  # a control character; PyYAML's message spans lines
        at = fm_text.find(chr(exc.character))  # (the C loader's position counts bytes)
        line = fm_text.count("\n", 0, at) + 2 if at >= 0 else None
        raise ContentError(f"invalid YAML in front matter: character #x{exc.character:04x} is not allowed", path, line) from None
    except yaml.YAMLError as exc:
        raise ContentError(f"invalid YAML in front matter: {' '.join(str(exc).split())}", path) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates while parsing: "2020-13-45" fails here, not in validation.
        raise ContentError(f"invalid value in front matter: {exc}", path, _line_of_bad_date(fm_text)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError("front matter must be a mapping of keys to values", path, 2)
    return data


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _load_plain_yaml(fm_text: str, path: Path) -> Any:
    """yaml.load with the safe loader, after refusing anchors, aliases, merge keys and
    duplicate keys (ContentError naming the line; YAML errors propagate to the caller)."""
    if "&" in fm_text or "*" in fm_text:  # else no anchor or alias can be in the text
        scanner = _Loader(fm_text)
        try:
            while (token := scanner.get_token()) is not None:
                if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                    sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                    kind = "anchor" if sign == "&" else "alias"
                    raise ContentError(
                        f"YAML {kind} '{sign}{token.value}' is not allowed in front matter (write the value out)",
                        path, token.start_mark.line + 2,
                    )
        finally:
            scanner.dispose()
    loader = _Loader(fm_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_repeated_keys(node, loader, path)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _refuse_repeated_keys(root: yaml.Node, loader: Any, path: Path) -> None:
    """Walk the node tree (no aliases: a tree) for merge keys and keys given twice."""
    stack: list[tuple[yaml.Node, str]] = [(root, "")]  # (node, dotted name of its key)
    while stack:
        node, where = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, where) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 2
                if key_node.tag == _MERGE_TAG:
                    raise ContentError("YAML merge key '<<' is not allowed in front matter (write the keys out)", path, line)
                name = where
                if isinstance(key_node, yaml.ScalarNode):
                    key = loader.construct_object(key_node)  # "yes" and "true" are one key
                    name = f"{where}.{key}" if where else str(key)
                    if key in seen:
                        lines = f"twice on line {line}" if seen[key] == line else f"lines {seen[key]} and {line}"
                        raise ContentError(f"duplicate key {name!r} ({lines}): keep one", path, line)
                    seen[key] = line
                else:
                    stack.append((key_node, where))
                stack.append((value_node, name))
