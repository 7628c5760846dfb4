"""A small, fast YAML emitter for front matter (block style, like yaml.safe_dump).

PyYAML's representer is pure Python and cost ~1 ms per entry, the largest single cost of
ingesting an article. Front matter holds only str, None, bool, int, dates, lists and
string-keyed mappings, so a direct emitter is simple: a string is written plain when YAML
would read it back unchanged, otherwise double-quoted with JSON escapes (a subset of YAML's).
tests/test_content.py checks with hypothesis that PyYAML reads back exactly what was written.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

# Characters that may not start a plain scalar (YAML 1.1 indicators, quotes, space).
_PLAIN_FORBIDDEN_START = frozenset("-?:,[]{}#&*!|>'\"%@` \t")
_PLAIN_FORBIDDEN_INSIDE = re.compile(r": |:$| #|\t")
# Characters YAML would read as line breaks or refuses raw: always escaped when quoted.
_ESCAPE_IN_QUOTES = re.compile("[\u0085\u2028\u2029\ufeff\ud800-\udfff]|[^\\S ]|[\x7f-\x9f]")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.2 core schema: numbers, booleans and nulls (PyYAML follows YAML 1.1, which differs).
_YAML_1_2_NON_STRING_RE = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~"
)
_RESOLVER_FIRST_CHARS = frozenset(k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k is not None)
assert None not in yaml.resolver.Resolver.yaml_implicit_resolvers, "a resolver for any first character"


# Lowercase hexadecimal (the hashes in `machine:`, seed_sha256): the only implicit types it
# can spell are a decimal int, a YAML 1.2 float such as "12e5" and a YAML 1.1 binary int
# "0b101" (tests/test_frontmatter_emit.py checks this against the full test below).
_HEX_RE = re.compile(r"[0-9a-f]+")
_HEX_NON_STRING_RE = re.compile(r"[0-9]+(?:e[0-9]+)?|0b[01]+")


def is_plain_safe(text: str) -> bool:
    """True if YAML reads text, written unquoted as a value, back as this very string."""
    if not text or text[0] in _PLAIN_FORBIDDEN_START or text[-1] == " ":
        return False
    if _HEX_RE.fullmatch(text):
        return _HEX_NON_STRING_RE.fullmatch(text) is None
    return _is_plain_safe_text(text)


def _is_plain_safe_text(text: str) -> bool:
    """is_plain_safe for text that is not lowercase hexadecimal."""
    if not text.isprintable() or _PLAIN_FORBIDDEN_INSIDE.search(text):
        return False
    # "null", "yes", "12", "2020-01-01"… would come back as other types. PyYAML picks its
    # implicit resolvers by first character, so most text (Arabic) needs no check at all.
    if text[0] not in _RESOLVER_FIRST_CHARS:
        return True
    if _YAML_1_2_NON_STRING_RE.fullmatch(text):
        return False  # "0E0", "1e5": floats to YAML 1.2 readers (ruamel.yaml, review.py)
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    return tag == _STR_TAG


def _quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return _ESCAPE_IN_QUOTES.sub(lambda m: f"\\u{ord(m.group()):04x}" if m.group() != "\n" else "\\n", quoted)


def scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        text: str = value
        return text if is_plain_safe(text) else _quoted(text)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is dt.date:
        day: dt.date = value
        return day.isoformat()
    if isinstance(value, str):  # str subclasses
        return scalar(str(value))
    raise TypeError(f"front matter cannot hold a {kind.__name__}")


class _KeyHeads(dict[str, str]):
    """Key → its 'key:' head, emitted once per distinct key: an entry's keys are the same
    few dozen names every time, so scalar() would otherwise re-check each of them."""

    def __missing__(self, key: str) -> str:
        if len(self) > 10_000:  # newsrooms' own keys (extra:) are unbounded in principle
            self.clear()
        head = self[key] = f"{scalar(key)}:"
        return head


_key_heads = _KeyHeads()


def _container_lines(value: Any, indent: str, lines: list[str]) -> None:
    """A non-empty mapping or sequence as block lines starting at column `indent`."""
    if type(value) is dict or isinstance(value, Mapping):
        for key, item in value.items():
            if type(key) is not str:
                if not isinstance(key, str):
                    raise TypeError("front-matter keys must be strings")
                key = str(key)  # a str subclass is emitted as its plain string
            _emit(_key_heads[key], item, indent, lines)
    else:
        for item in value:
            _emit("-", item, indent, lines)


def _emit(head: str, value: Any, indent: str, lines: list[str]) -> None:
    """Append `head` ('key:' or '-') and its value, at column `indent`."""
    kind = type(value)
    # The common scalars inline (what scalar() writes for them): ~60 lines per entry.
    if kind is str:
        lines.append(f"{indent}{head} {value}" if is_plain_safe(value) else f"{indent}{head} {_quoted(value)}")
        return
    if value is None:
        lines.append(f"{indent}{head} null")
        return
    if kind is int:
        lines.append(f"{indent}{head} {value:d}")
        return
    is_container = kind is list or kind is dict or isinstance(value, (Mapping, list, tuple))
    if not is_container:
        lines.append(f"{indent}{head} {scalar(value)}")
    elif not value:
        lines.append(f"{indent}{head} {'{}' if kind is dict or isinstance(value, Mapping) else '[]'}")
    elif head == "-":
        # A container inside a sequence item starts on the dash's line: "- key: value".
        nested: list[str] = []
        _container_lines(value, indent + "  ", nested)
        nested[0] = f"{indent}- {nested[0][len(indent) + 2 :]}"
        lines.extend(nested)
    else:
        lines.append(f"{indent}{head}")
        # Sequences under a key stay at the key's column, as PyYAML writes them.
        is_mapping = kind is dict or isinstance(value, Mapping)
        _container_lines(value, indent + "  " if is_mapping else indent, lines)


def emit_item(lines: list[str], key: str, value: Any) -> None:
    """Append the lines dump_front_matter writes for the top-level item `key: value`."""
    _emit(_key_heads[key], value, "", lines)


def dump_front_matter(data: Mapping[str, Any]) -> str:
    """The mapping as block-style YAML text ending with a newline (empty mapping: '{}')."""
    if not data:
        return "{}\n"
    lines: list[str] = []
    _container_lines(data, "", lines)
    return "\n".join(lines) + "\n"
