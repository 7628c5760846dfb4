"""Entry → Arabic extractive summary.

Sentences come from sentencex (it understands ؟ ، ؛, keeps decimals whole); a sentence that
ends inside an open quotation is joined with the next, so a summary is never cut inside
quotes. Sentences are scored by position (news leads first) and centrality (word overlap
with the rest of the article), then the best are returned in article order, whole
sentences only, within max_sentences and max_chars.

SUMMARIZER_VERSION is stored in each entry; raising it makes ingest re-summarise entries
whose summary the tool wrote (an editor's summary_ar is never replaced).
"""
from __future__ import annotations

import re
from collections import Counter

import sentencex

from .arabic import normalize_identity

SUMMARIZER_VERSION = 1
_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")"}
_WORD_RE = re.compile(r"\w+")
_HASHTAG_MARK_RE = re.compile(r"#(?=\w)")
# Very common Arabic function words that say nothing about centrality.
_STOPWORDS = frozenset(
    normalize_identity(w)
    for w in "في من على إلى عن أن إن ما لا لم هذا هذه التي الذي الذين كان كانت قد مع بين ذلك تلك وقال قال أو ثم كما بعد قبل حتى عند و".split()
)


def _quotes_balanced(text: str) -> bool:
    for opening, closing in _OPEN_CLOSE.items():
        if text.count(opening) > text.count(closing):
            return False
    return text.count('"') % 2 == 0


def split_sentences(paragraph: str) -> list[str]:
    """Arabic-aware sentences, never splitting inside a quotation."""
    parts = [s.strip() for s in sentencex.segment("ar", paragraph) if s.strip()]
    merged: list[str] = []
    buffer = ""
    for part in parts:
        buffer = f"{buffer} {part}".strip() if buffer else part
        if _quotes_balanced(buffer):
            merged.append(buffer)
            buffer = ""
    if buffer:
        merged.append(buffer)
    return merged


def _words(sentence: str) -> list[str]:
    return [w for w in _WORD_RE.findall(normalize_identity(sentence)) if w not in _STOPWORDS and len(w) > 1]


def plain_text(markdown_paragraph: str) -> str:
    """Markdown paragraph → text: drop escapes and the `#` of hashtags (underscores → spaces)."""
    text = re.sub(r"\\(.)", r"\1", markdown_paragraph)
    text = re.sub(r"#([\w\u064b-\u065f\u0670]+)", lambda m: m.group(1).replace("_", " "), text)
    return " ".join(text.split())


def summarize(paragraphs: list[str], max_sentences: int = 3, max_chars: int = 400) -> str:
    sentences: list[tuple[int, int, str]] = []  # (paragraph index, order, sentence)
    for p_index, paragraph in enumerate(paragraphs):
        for sentence in split_sentences(plain_text(paragraph)):
            sentences.append((p_index, len(sentences), sentence))
    if not sentences:
        return ""
    bags = [Counter(_words(s)) for _, _, s in sentences]
    document = Counter()
    for bag in bags:
        document.update(set(bag))
    scored = []
    for (p_index, order, sentence), bag in zip(sentences, bags):
        centrality = sum(document[w] - 1 for w in bag) / (len(bag) + 4)
        position = 1.0 / (1 + p_index)  # the lead carries the news
        length_penalty = 0.5 if len(sentence) > max_chars else 1.0
        scored.append((position * 2 + centrality * 0.15) * length_penalty)
    ranking = sorted(range(len(sentences)), key=lambda i: (-scored[i], i))
    chosen: list[int] = []
    total = 0
    for i in ranking:
        text = sentences[i][2]
        extra = len(text) + (1 if chosen else 0)
        if total + extra > max_chars:
            continue
        chosen.append(i)
        total += extra
        if len(chosen) >= max_sentences:
            break
    if not chosen:
        # Even the shortest sentence is too long: take the lead, cut at a word boundary.
        lead = sentences[0][2]
        cut = lead[: max_chars - 1].rsplit(" ", 1)[0]
        return cut + "…"
    return " ".join(sentences[i][2] for i in sorted(chosen))
