"""Boilerplate that scrapers leave around article text (promos, credits, separators).

First the built-in classes of digest.ingest.boilerclasses (copyright, disclaimers, agency end
markers, "click here", "read also", "follow us", photo and source credits), recorded under
their class name; then two layers, both conservative and both recorded in the entry (`boilerplate:`) so an editor
can see and restore what was removed:
1. A pattern list (regular expressions, extensible with `ingest.boilerplate_patterns` in
   digest.toml) matched against whole *trailing* paragraphs.
2. A heuristic for promo-like trailing paragraphs: short, carrying at least two promo
   cues (subscribe, newsletter, app, notifications, follow us, ...), one of them addressed
   to the reader (an imperative or "you": a story about an app being banned names the
   same things in the third person).
A dashed separator line near the end cuts everything after it only if what follows is
promo-like. Exact repeats of earlier paragraphs (scrapers that capture a page twice) are
dropped as well.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.arabic import normalize_identity
from .boilerclasses import ANYWHERE, classify_line, split_trailing_sentence

# Whole-paragraph patterns; each names the site it was seen on.
DEFAULT_PATTERNS: tuple[str, ...] = (
    # Al-Hal Net newsletter promo (two lines).
    r"هل أعجبك المحتوى.*(?:بريدك|نشرتنا)",
    r"^انضم إلى قائمة من يقدّرون محتوى .*",
    # BBC Arabic app-notification promo.
    r"^يمكنكم تسلم إشعارات .*تطبيق .*",
    # France 24 closing credit: "فرانس24/ أ ف ب", "فرانس 24 / رويترز".
    r"^فرانس ?24 ?/ ?(?:أ ف ب|أ\.ف\.ب|رويترز|أب|د ب أ|أسوشيتد برس)\.?$",
    # Generic "read also" / "follow us" one-liners.
    r"^(?:اقرأ|إقرأ) (?:أيضا|أيضاً|المزيد)\s*[:：].{0,200}$",
    r"^تابعونا على .{0,120}$",
)

# Cues of promotional text; a trailing paragraph needs two of them (identity-normalised).
PROMO_CUES: tuple[str, ...] = tuple(
    normalize_identity(cue)
    for cue in (
        "اشترك", "اشتركوا", "الاشتراك", "نشرتنا", "النشرة البريدية", "بريدك الإلكتروني",
        "تطبيق", "حمل", "حملوا", "إشعارات", "تابعونا", "تابعوا", "صفحتنا", "قناتنا",
        "يوتيوب", "تلغرام", "انضم", "اضغط", "للمزيد", "أعجبك", "newsletter", "subscribe",
        "download", "app",
    )
)
# A promo speaks to the reader: imperatives and second-person words (identity-normalised).
READER_CUES: frozenset[str] = frozenset(
    normalize_identity(cue)
    for cue in (
        "اشترك", "اشتركوا", "حمل", "حملوا", "نزل", "نزلوا", "تابعونا", "تابعوا", "تابعنا", "انضم", "انضموا",
        "اضغط", "اضغطوا", "سجل", "سجلوا", "زوروا", "أعجبك", "بريدك", "يمكنكم", "يمكنك", "لكم", "لك", "هاتفك",
        "هاتفكم", "جهازك", "جهازكم", "يصلك", "تصلك", "ليصلك", "لتصلك", "ليصلكم", "لتصلكم", "subscribe", "download",
        "you", "your", "join", "follow",
    )
)
_SEPARATOR_RE = re.compile(r"^\s*[-–—_=*]{5,}\s*$")
PROMO_MAX_CHARS = 300


@dataclass(frozen=True)
class Stripped:
    text: str
    reason: str  # a class of digest.ingest.boilerclasses, "pattern", "promo", "separator", "duplicate" or "headline"


class BoilerplateFilter:
    def __init__(self, extra_patterns: Sequence[str] = ()):
        self.patterns = [re.compile(p, re.DOTALL) for p in (*DEFAULT_PATTERNS, *extra_patterns)]

    def matches_pattern(self, paragraph: str) -> bool:
        return any(p.search(paragraph) for p in self.patterns)

    @staticmethod
    def looks_like_promo(paragraph: str) -> bool:
        if len(paragraph) > PROMO_MAX_CHARS:
            return False
        norm = normalize_identity(paragraph)
        words = set(norm.split())
        hits = sum(1 for cue in PROMO_CUES if (cue in words if " " not in cue else cue in norm))
        return hits >= 2 and not READER_CUES.isdisjoint(words)

    def split(self, paragraphs: list[str]) -> tuple[list[str], list[Stripped]]:
        """Return (article paragraphs, stripped boilerplate in original order)."""
        body = list(paragraphs)
        stripped: list[Stripped] = []
        # Separator near the end: cut only when all that follows is promo-like.
        for i in range(len(body) - 1, max(len(body) - 4, 0) - 1, -1):
            if _SEPARATOR_RE.match(body[i]):
                tail = body[i + 1 :]
                classes = [classify_line(p, trailing=True) for p in tail]
                if all(c or self.matches_pattern(p) or self.looks_like_promo(p) for c, p in zip(classes, tail)):
                    stripped = [Stripped(body[i], "separator")]
                    stripped += [Stripped(p, c or "promo") for c, p in zip(classes, tail)]
                    body = body[:i]
                break
        # Trailing lines, then trailing sentences (an agency end marker, a credit closing the
        # last paragraph), as long as something is peeled off.
        trailing: list[Stripped] = []
        while body:
            kept_lines, removed_lines = self._split_trailing_lines(body[-1])
            if removed_lines:
                trailing[:0] = [Stripped(line, reason) for line, reason in removed_lines]
                if kept_lines:
                    body[-1] = "\n".join(kept_lines)
                else:
                    body.pop()
                continue
            found = split_trailing_sentence(body[-1])
            if found is None:
                break
            kept, sentence, reason = found
            trailing.insert(0, Stripped(sentence, reason))
            body[-1] = kept
        # Whole lines of a built-in class that may stand anywhere (a "read also" link or a
        # photo credit between paragraphs).
        anywhere: list[Stripped] = []
        kept_paragraphs: list[str] = []
        for paragraph in body:
            if "\n" not in paragraph:  # most paragraphs are one line
                line_class = classify_line(paragraph)
                if line_class is not None and line_class in ANYWHERE:
                    anywhere.append(Stripped(paragraph, line_class))
                else:
                    kept_paragraphs.append(paragraph)
                continue
            lines = paragraph.split("\n")
            kept_here = []
            for line in lines:
                line_class = classify_line(line)
                if line_class is not None and line_class in ANYWHERE:
                    anywhere.append(Stripped(line, line_class))
                else:
                    kept_here.append(line)
            if kept_here:
                kept_paragraphs.append(paragraph if len(kept_here) == len(lines) else "\n".join(kept_here))
        body = kept_paragraphs
        stripped = anywhere + trailing + stripped
        # Exact repeats of earlier paragraphs (a page captured twice).
        seen: set[str] = set()
        unique: list[str] = []
        for p in body:
            key = " ".join(p.split())  # exact repeats, whatever the line wrapping
            if key in seen:
                stripped.append(Stripped(p, "duplicate"))
                continue
            seen.add(key)
            unique.append(p)
        return unique, stripped

    def _split_trailing_lines(self, paragraph: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Peel boilerplate lines off the end of one paragraph."""
        lines = paragraph.split("\n")
        removed: list[tuple[str, str]] = []
        while lines:
            line = lines[-1].strip()
            if (reason := classify_line(line, trailing=True)) is not None:
                removed.insert(0, (lines.pop(), reason))
            elif self.matches_pattern(line):
                removed.insert(0, (lines.pop(), "pattern"))
            elif self.looks_like_promo(line):
                removed.insert(0, (lines.pop(), "promo"))
            else:
                break
        return lines, removed
