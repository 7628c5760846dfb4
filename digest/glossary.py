"""The glossary: Arabic term → preferred English, in `glossary.toml` beside digest.toml.

    # glossary.toml
    [terms]
    "داعش" = "ISIS"
    "البيشمركة" = "Peshmerga"

Terms match by Arabic identity normalisation (أ/إ/آ, ى/ي, ة/ه, diacritics, tatweel), so
one spelling covers its variants. Used for tag labels (no provider call) and enforced in
machine translations (see digest/translate).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .arabic import normalize_identity
from .errors import ConfigError

GLOSSARY_FILE = "glossary.toml"


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, str] = field(default_factory=dict)  # Arabic (as written) → English
    path: Path | None = None

    def by_key(self) -> dict[str, str]:
        """Identity-normalised Arabic → English (for tag labels and matching)."""
        return {normalize_identity(ar): en for ar, en in self.terms.items()}

    def lookup(self, arabic: str) -> str | None:
        return self.by_key().get(normalize_identity(arabic))


def load_glossary(root: Path) -> Glossary:
    path = root / GLOSSARY_FILE
    if not path.exists():
        return Glossary()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path) from None
    unknown = set(data) - {"terms"}
    if unknown:
        raise ConfigError(f"unknown section(s) {', '.join(sorted(unknown))}: only [terms] is allowed", path)
    terms = data.get("terms", {})
    if not isinstance(terms, dict) or not all(isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in terms.items()):
        raise ConfigError('[terms] must map Arabic strings to English strings, e.g. "داعش" = "ISIS"', path)
    return Glossary(terms={k.strip(): v.strip() for k, v in terms.items()}, path=path)
