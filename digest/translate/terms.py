"""Glossary enforcement in machine translation: protect-and-restore.

Before a text goes to the provider, every glossary term in it (any spelling variant,
with a leading conjunction/preposition clitic such as و ف ب ل ك) is replaced by its
preferred English, which then travels through the translation as a Latin-script name:
providers copy such names unchanged. After translation the preferred English is
restored in its exact form (a provider that changed its case, e.g. "isis", is corrected).
The English term itself is the placeholder, so even a provider that garbles
placeholders cannot leak one into the output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.arabic import ARABIC_MARKS, TATWEEL, normalize_identity
from .glossary import Glossary

_VARIANTS = {"ا": "اأإآٱ", "ي": "يىئ", "ه": "هة", "و": "وؤ"}
_MARKS = f"[{ARABIC_MARKS}{TATWEEL}]*"  # diacritics and tatweel between letters
_LETTER = rf"[^\W\d_]|[{ARABIC_MARKS}{TATWEEL}]"


def _letters(term: str) -> str:
    parts = []
    for ch in term:
        if ch == " ":
            parts.append(r"[\s_]+")
        elif ch in _VARIANTS:
            parts.append(f"[{_VARIANTS[ch]}]{_MARKS}")
        else:
            parts.append(f"{re.escape(ch)}{_MARKS}")
    return "".join(parts)


def _needles(term: str) -> tuple[str, ...]:
    """Substrings of the identity-normalised text that any match must contain: a cheap
    test that skips the term's regular expression for the many texts without it."""
    key = normalize_identity(term)
    return (key[2:],) if key.startswith("ال") and len(key) > 3 else (key,)


def _term_regex(term: str) -> re.Pattern[str]:
    key = normalize_identity(term)
    body = _letters(key)
    alternatives = [f"(?P<pre>[وف]?[بكل]?){body}"]
    if key.startswith("ال") and len(key) > 3:
        # ل + ال → لل: «للعراق» is ل + «العراق».
        alternatives.append(f"(?P<pre2>[وف]?ل)ل{_MARKS}{_letters(key[2:])}")
    return re.compile(f"(?<!{_LETTER})(?:{'|'.join(alternatives)})(?!{_LETTER})", re.IGNORECASE)


@dataclass
class Protected:
    text: str  # what is sent to the provider
    terms: list[str] = field(default_factory=list)  # preferred English forms it carries


class TermProtector:
    def __init__(self, glossary: Glossary):
        # Longest terms first, so «قوات البيشمركة» wins over «البيشمركة».
        ordered = sorted(glossary.terms.items(), key=lambda kv: -len(normalize_identity(kv[0])))
        self._rules = [(_needles(ar), _term_regex(ar), en) for ar, en in ordered]
        self._glossary = glossary

    def label(self, arabic: str) -> str | None:
        """The glossary's English for a whole term (tag labels): no provider call."""
        return self._glossary.lookup(arabic)

    def protect(self, text: str) -> Protected:
        used: list[str] = []
        normalised = normalize_identity(text)
        for needles, pattern, english in self._rules:
            if not any(needle in normalised for needle in needles):
                continue
            def substitute(m: re.Match[str], english: str = english) -> str:
                prefix = m.group("pre") or m.groupdict().get("pre2") or ""
                if english not in used:
                    used.append(english)
                return f"{prefix} {english}" if prefix else english

            text = pattern.sub(substitute, text)
        return Protected(text=text, terms=used)

    @staticmethod
    def restore(translated: str, terms: list[str]) -> str:
        """Put each protected term back in its exact preferred form."""
        for english in sorted(terms, key=len, reverse=True):
            pattern = re.compile(rf"(?<!\w){re.escape(english)}(?!\w)", re.IGNORECASE)

            def preferred(_match: re.Match[str], english: str = english) -> str:
                return english  # a function, not a template: backslashes in the term stay as they are

            translated = pattern.sub(preferred, translated)
        return translated
