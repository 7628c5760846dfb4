"""The glossary: Arabic term → preferred English, in `glossary.toml` (or `glossary.yaml`)
beside digest.toml.

    # glossary.toml
    [terms]            # enforced in machine translations, and used as tag labels
    "داعش" = "ISIS"
    "البيشمركة" = "Peshmerga"

    [labels]           # tag labels only: words too ambiguous to force into running text
    "القاعدة" = "al-Qaeda"    # also the everyday word "the base"

The YAML form has the same two mappings (`terms:` and `labels:`). Terms match by Arabic
identity normalisation (أ/إ/آ, ى/ي, ة/ه, diacritics, tatweel), so one spelling covers its
variants; two spellings of one term with different English are an error. Tag labels come
from here with no provider call; enforcement in translations: digest/translate/terms.py.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import ConfigError
from ..core.layout import SiteLayout
from ..text.arabic import normalize_identity

_SECTIONS = ("terms", "labels")


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, str] = field(default_factory=dict)  # Arabic (as written) → English; enforced
    path: Path | None = None
    labels: dict[str, str] = field(default_factory=dict)  # tag labels only (ambiguous words)

    def by_key(self) -> dict[str, str]:
        """Identity-normalised Arabic → English (for tag labels and matching)."""
        return dict(self._keyed)

    @functools.cached_property
    def _keyed(self) -> dict[str, str]:
        # Computed once per glossary: lookups run for every tag of every entry.
        keyed = {normalize_identity(ar): en for ar, en in self.labels.items()}
        keyed.update({normalize_identity(ar): en for ar, en in self.terms.items()})
        return keyed

    def lookup(self, arabic: str) -> str | None:
        return self._keyed.get(normalize_identity(arabic))


def _parse(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path) from None
    try:
        return yaml.safe_load(text) or {}
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(f"invalid YAML: {exc.problem or exc}", path, line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", path) from None


def _section(data: dict[str, Any], name: str, path: Path) -> dict[str, str]:
    mapping = data.get(name) or {}
    if not isinstance(mapping, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in mapping.items()
    ):
        raise ConfigError(f'[{name}] must map Arabic strings to English strings, e.g. "داعش" = "ISIS"', path)
    return {k.strip(): v.strip() for k, v in mapping.items()}


def _check_conflicts(sections: list[dict[str, str]], path: Path) -> None:
    seen: dict[str, tuple[str, str]] = {}
    for mapping in sections:
        for arabic, english in mapping.items():
            key = normalize_identity(arabic)
            if key in seen and seen[key][1] != english:
                raise ConfigError(
                    f"{arabic!r} and {seen[key][0]!r} are one term but have different English "
                    f"({english!r}, {seen[key][1]!r})",
                    path,
                )
            seen[key] = (arabic, english)


def find_glossary(root: Path) -> Path | None:
    found = [path for path in SiteLayout(root).glossary_files if path.is_file()]
    if len(found) > 1:
        raise ConfigError(f"two glossaries: keep one of {', '.join(p.name for p in found)}", found[1])
    return found[0] if found else None


def load_glossary(root: Path) -> Glossary:
    path = find_glossary(root)
    if path is None:
        return Glossary()
    try:
        data = _parse(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path) from None
    if not isinstance(data, dict):
        raise ConfigError("a glossary is a mapping with [terms] (and optionally [labels])", path)
    unknown = set(data) - set(_SECTIONS)
    if unknown:
        raise ConfigError(f"unknown section(s) {', '.join(sorted(map(str, unknown)))}: only [terms] and [labels] are allowed", path)
    terms, labels = _section(data, "terms", path), _section(data, "labels", path)
    _check_conflicts([terms, labels], path)
    return Glossary(terms=terms, path=path, labels=labels)
