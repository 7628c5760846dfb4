"""A fast reader for front matter in the form digest itself writes (frontmatter.emit).

PyYAML, even with libyaml's scanner, builds its node graph in Python: ~1 ms per entry, the
largest cost of a cold build. Front matter written by `digest` is block-style YAML with
one scalar per line — plain, JSON-escaped double-quoted or single-quoted — so a line reader
handles it in a fraction of that time.

`read_simple(text)` returns the same mapping `yaml.load(text, CSafeLoader)` would, or None
whenever the text steps outside that simple form (comments, blank lines, flow collections,
anchors, multi-line scalars, tabs, odd escapes, numbers other than plain decimals…); the
caller then asks PyYAML, which also produces the error messages. When in doubt it says None:
a slow correct answer beats a fast different one. tests/test_frontmatter_fast.py compares the two
with hypothesis.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from .emit import _PLAIN_FORBIDDEN_INSIDE, _PLAIN_FORBIDDEN_START, _RESOLVER, _RESOLVER_FIRST_CHARS

# Anything PyYAML treats specially anywhere in the text (control and non-printable
# characters, tabs, CR, Unicode line breaks, BOM) or a document marker: PyYAML decides.
_OUTSIDE_SIMPLE_FORM = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|^(?:---|\\.\\.\\.)",
    re.M,
)
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # libyaml refuses them; JSON pairs them
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MAX_KEY_CHARS = 256  # YAML caps simple keys at 1024 characters (libyaml counts bytes)

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TRUE_WORDS = frozenset(("yes", "true", "on"))  # PyYAML's SafeConstructor.bool_values

# Short plain scalars already read (keys, tags, null, dates: they repeat from file to file).
_known_plain: dict[str, Any] = {}


class _NotSimple(Exception):
    """The text is outside the simple form: let PyYAML read it."""


def read_simple(text: str) -> dict[str, Any] | None:
    """The front-matter mapping, or None when PyYAML must read this text."""
    if not text or _OUTSIDE_SIMPLE_FORM.search(text):
        return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    indents = []
    for line in lines:
        content = line.lstrip(" ")
        if not content:
            return None  # blank line
        indents.append(len(line) - len(content))
    try:
        data, end = _Reader(lines, indents).mapping(0, 0, None)
    except _NotSimple:
        return None
    return data if end == len(lines) and isinstance(data, dict) else None


class _Reader:
    def __init__(self, lines: list[str], indents: list[int]):
        self.lines = lines
        self.indents = indents
        self.n = len(lines)

    def mapping(self, i: int, indent: int, first: str | None) -> tuple[dict[Any, Any], int]:
        """Entries at column `indent` from line i; `first` is an entry that shares its line
        with a sequence dash ("- key: value")."""
        result: dict[Any, Any] = {}
        lines, indents = self.lines, self.indents
        while True:
            if first is not None:
                text, first = first, None
            elif i < self.n and indents[i] == indent:
                text = lines[i][indent:]
                i += 1
            elif i < self.n and indents[i] > indent:
                raise _NotSimple  # a continuation line or odd indentation
            else:
                return result, i
            key, rest = _split_entry(text)
            if key in result:
                raise _NotSimple  # a repeated key: PyYAML's path names both lines as an error
            if rest:
                result[key] = _scalar(rest)
            else:
                result[key], i = self.block_under_key(i, indent)

    def block_under_key(self, i: int, indent: int) -> tuple[Any, int]:
        """The value of a 'key:' line with nothing after the colon."""
        if i >= self.n or self.indents[i] < indent:
            return None, i
        at = self.indents[i]
        text = self.lines[i][at:]
        if text == "-" or text.startswith("- "):
            return self.sequence(i, at)
        if at == indent:
            return None, i
        return self.mapping(i, at, None)

    def sequence(self, i: int, indent: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        lines, indents = self.lines, self.indents
        while i < self.n and indents[i] == indent and lines[i].startswith("- ", indent):
            text = lines[i][indent + 2 :]
            i += 1
            if _is_entry(text):
                item, i = self.mapping(i, indent + 2, text)
            else:
                item = _scalar(text)
            items.append(item)
        if i < self.n and (indents[i] > indent or (indents[i] == indent and lines[i][indent] == "-")):
            raise _NotSimple  # "-" alone, a continuation line, odd indentation
        return items, i


def _is_entry(text: str) -> bool:
    """Does a sequence item's text start a mapping ("key: value" / "key:")?"""
    if text[:1] in ("\"", "'"):
        match = (_DOUBLE_QUOTED if text[0] == '"' else _SINGLE_QUOTED).match(text)
        return match is not None and text.startswith(":", match.end())
    return ": " in text or text.endswith(":")


def _split_entry(text: str) -> tuple[Any, str]:
    """'key: value' → (key, 'value'); 'key:' → (key, '')."""
    if text[:1] in ("\"", "'"):
        match = (_DOUBLE_QUOTED if text[0] == '"' else _SINGLE_QUOTED).match(text)
        if match is None:
            raise _NotSimple
        end = match.end()
        key = _scalar(text[:end])
    else:
        end = text.find(": ")
        if end < 0:
            if not text.endswith(":"):
                raise _NotSimple
            end = len(text) - 1
        key = _plain(text[:end])
    if type(key) is not str or len(key) > _MAX_KEY_CHARS:
        raise _NotSimple
    rest = text[end:]
    if rest == ":":
        return key, ""
    if not rest.startswith(": ") or len(rest) == 2:
        raise _NotSimple
    return key, rest[2:]


def _scalar(text: str) -> Any:
    first = text[0]
    if first == '"':
        if not text.endswith('"') or len(text) < 2 or ("\\" in text and _SURROGATE_ESCAPE.search(text)):
            raise _NotSimple
        try:
            return json.loads(text)  # raises on trailing text, raw controls, YAML-only escapes
        except ValueError:
            raise _NotSimple from None
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or not text.endswith("'") or "'" in inner.replace("''", ""):
            raise _NotSimple
        return inner.replace("''", "'")
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return _plain(text)


def _plain(text: str) -> Any:
    try:
        return _known_plain[text]
    except KeyError:
        pass
    if not text or text[0] in _PLAIN_FORBIDDEN_START or text[-1] == " ":
        raise _NotSimple
    if not text.isprintable() or _PLAIN_FORBIDDEN_INSIDE.search(text):
        raise _NotSimple
    value = text if text[0] not in _RESOLVER_FIRST_CHARS else _resolve(text)
    if len(text) <= 64 and len(_known_plain) < 20_000:
        _known_plain[text] = value
    return value


def _resolve(text: str) -> Any:
    """A plain scalar as PyYAML's implicit resolvers and SafeConstructor read it (the
    forms digest writes; anything else is left to PyYAML)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR:
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return text.lower() in _TRUE_WORDS
    if tag == _INT and _DECIMAL.fullmatch(text):
        return int(text)
    if tag == _TIMESTAMP and (match := _ISO_DATE.fullmatch(text)):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise _NotSimple from None  # PyYAML's message names the bad date
    raise _NotSimple
