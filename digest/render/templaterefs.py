"""Which templates a template's source extends, includes or imports, remembered by the
digest of the source.

Finding them means parsing the template, the costly part of a rebuild's fingerprints. So
the table is filled from four places: the manifest of the previous build (another
process), the per-user cache beside the compiled built-in theme (digest.cache.templatecache:
`learn`/`export`), earlier lookups in this process (digest serve), and the theme
environment itself, which reports each template it parses to compile it (`record`), so no
build parses a template twice.
"""
from __future__ import annotations

import hashlib

import jinja2
from jinja2 import meta, nodes

References = frozenset[str] | None  # None: a dynamic reference ({% include var %})

_TABLE: dict[str, References] = {}
_USED: set[str] = set()  # the digests looked up since remember(): what the manifest keeps
_LOADED_WITH: dict[str, frozenset[str]] = {}  # digest → what it extends or imports (parsed here)


def _key(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()


def _of_tree(tree: nodes.Template) -> References:
    found = set(meta.find_referenced_templates(tree))
    return None if None in found else frozenset(str(n) for n in found)


def record(source: str, tree: nodes.Template) -> None:
    """A template was parsed (to be compiled): keep what it references."""
    key = _key(source)
    if key not in _TABLE:
        _TABLE[key] = _of_tree(tree)
    if key not in _LOADED_WITH:
        # What rendering it always loads: the templates it extends or imports by a constant
        # name (an {% include %} may sit in a branch that never runs).
        loaded = {
            node.template.value
            for node in tree.find_all((nodes.Extends, nodes.Import, nodes.FromImport))
            if isinstance(node, (nodes.Extends, nodes.Import, nodes.FromImport)) and isinstance(node.template, nodes.Const)
        }
        _LOADED_WITH[key] = frozenset(str(name) for name in loaded)


def learn(table: dict[str, tuple[References, frozenset[str]]]) -> None:
    """Take in what export() gave another process (by source digest: never stale)."""
    for key, (refs, loaded) in table.items():
        _TABLE.setdefault(key, refs)
        _LOADED_WITH.setdefault(key, loaded)


def export() -> dict[str, tuple[References, frozenset[str]]]:
    """Every template parsed here or learnt: references and what it always loads."""
    return {key: (_TABLE[key], loaded) for key, loaded in _LOADED_WITH.items() if key in _TABLE}


def loaded_with(source: str) -> frozenset[str] | None:
    """The templates that rendering `source` always loads, if it was parsed in this process
    or learnt from the per-user cache (None: not known)."""
    return _LOADED_WITH.get(_key(source))


def known() -> dict[str, References]:
    """The table for the manifest: the entries looked up since remember()."""
    return {key: _TABLE[key] for key in _USED}


def remember(table: dict[str, References]) -> None:
    """Start a build with the previous build's table."""
    _TABLE.update(table)
    _USED.clear()


def references(env: jinja2.Environment, source: str) -> set[str] | None:
    """Templates `source` extends/includes/imports (None: a dynamic reference)."""
    key = _key(source)
    _USED.add(key)
    if key not in _TABLE:
        try:
            tree = env.parse(source)  # a theme environment records it itself
        except jinja2.TemplateSyntaxError:
            _TABLE[key] = frozenset()  # the render reports it; the source hash already differs
        else:
            if key not in _TABLE:
                _TABLE[key] = _of_tree(tree)
    cached = _TABLE[key]
    return None if cached is None else set(cached)
