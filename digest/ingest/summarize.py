"""Entry → Arabic extractive summary.

Sentences come from sentencex (it understands ؟ ، ؛, keeps decimals whole); a sentence that
ends inside an open quotation is joined with the next, so a summary is never cut inside
quotes, and so is one that ends in an Arabic abbreviation sentencex does not know
(«د.» doctor, «أ.د.» professor, «م.» engineer or AD, «ق.م.» BC: a lone letter and a dot).
Sentences are scored by position (news leads first) and centrality (word overlap with the
rest of the article), then the best are returned in article order, whole sentences only,
within max_sentences and max_chars.

SUMMARIZER_VERSION is stored in each entry; raising it makes ingest re-summarise entries
whose summary the tool wrote (an editor's summary_ar is never replaced).
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import chain

import sentencex

from ..text.arabic import ARABIC_BASIC_LETTERS, ARABIC_INDIC_DIGITS, ARABIC_MARKS, ARABIC_SCRIPT, normalize_identity
from ..text.hashtags import TAG_CHARS

SUMMARIZER_VERSION = 1  # raise with any change to the output once entries exist in the wild
_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")"}
_WORD_RE = re.compile(r"\w+")
# Very common Arabic function words that say nothing about centrality.
_STOPWORDS = frozenset(
    normalize_identity(w)
    for w in "في من على إلى عن أن إن ما لا لم هذا هذه التي الذي الذين كان كانت قد مع بين ذلك تلك وقال قال أو ثم كما بعد قبل حتى عند و".split()
)


_QUOTE_CHARS_RE = re.compile('[«»“”()"]')


def _quotes_balanced(text: str) -> bool:
    # Most sentences hold no quotation mark at all: one regex scan instead of seven counts.
    if _QUOTE_CHARS_RE.search(text) is None:
        return True
    for opening, closing in _OPEN_CLOSE.items():
        if text.count(opening) > text.count(closing):
            return False
    return text.count('"') % 2 == 0


# A piece ending in one Arabic letter and a dot (or a run of them: «أ.د.», «ق.م.») ends in
# an abbreviation, not a sentence: what the pattern
#     (?:^|[\s(«“"])(?:[ARABIC_BASIC_LETTERS]\.)+$
# finds, read from the end instead of searched for in the whole sentence.
_FIRST_BASIC_LETTER, _LAST_BASIC_LETTER = ARABIC_BASIC_LETTERS.split("-")
_ABBREVIATION_OPENERS = frozenset('(«“"')


def _ends_in_abbreviation(candidate: str) -> bool:
    end = i = len(candidate)
    while i >= 2 and candidate[i - 1] == "." and _FIRST_BASIC_LETTER <= candidate[i - 2] <= _LAST_BASIC_LETTER:
        i -= 2
    # Inside the run a pair follows the previous pair's dot, so only where the run
    # starts can the opening condition hold.
    return i < end and (i == 0 or candidate[i - 1].isspace() or candidate[i - 1] in _ABBREVIATION_OPENERS)


def _found_spans(paragraph: str, pieces: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, cursor = [], 0
    for piece in pieces:
        start = paragraph.find(piece, cursor)
        if start < 0:
            joined = " ".join(pieces)
            offsets = [0]
            for p in pieces[:-1]:
                offsets.append(offsets[-1] + len(p) + 1)
            return joined, [(o, o + len(p)) for o, p in zip(offsets, pieces)]
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return paragraph, spans


def _contiguous_spans(paragraph: str, segments: list[str]) -> list[tuple[int, int]]:
    """The stripped pieces' spans when the segments tile the paragraph exactly (what
    sentencex returns): each piece sits after its segment's leading whitespace, which is
    where searching for it from the previous piece's end finds it, since whitespace only
    lies in between and a piece starts with a non-space."""
    spans, offset = [], 0
    for segment in segments:
        begin, offset = offset, offset + len(segment)
        piece_start = offset - len(segment.lstrip())
        piece_end = begin + len(segment.rstrip())
        if piece_end > piece_start:
            spans.append((piece_start, piece_end))
    return spans


# Text sentencex always returns whole, as one segment: Arabic letters and marks, Latin
# letters, digits, spaces, the Arabic comma, quotation marks, brackets, dashes, slash, colon
# and percent sign, with at most one sentence end, the last character (most news
# paragraphs). Recognising it costs a third of the call.
# tests/test_summarize_equivalence.py checks the claim against sentencex itself.
_ONE_SENTENCE_RE = re.compile(
    f"[{ARABIC_BASIC_LETTERS}{ARABIC_MARKS}A-Za-z0-9{ARABIC_INDIC_DIGITS} ،«»“”\"'()/:%–—\\-]*[.؟!]?"
)


def split_sentences(paragraph: str) -> list[str]:
    """Arabic-aware sentences, never splitting inside a quotation or after an abbreviation."""
    if paragraph[:1] not in ("", " ") and paragraph[-1] != " " and _ONE_SENTENCE_RE.fullmatch(paragraph):
        return [paragraph]  # what sentencex's one segment gives below
    segments = sentencex.segment("ar", paragraph)
    if len(segments) == 1:
        # Most news paragraphs are one sentence: nothing to merge, and whether its one piece
        # is found in the paragraph or stands for it, the sentence is that piece.
        piece = segments[0].strip()
        return [piece] if piece else []
    if "".join(segments) == paragraph:
        text, spans = paragraph, _contiguous_spans(paragraph, segments)
    else:
        text, spans = _found_spans(paragraph, [s.strip() for s in segments if s.strip()])
    # Without a quotation mark anywhere every candidate is balanced: skip the test.
    quoted = _QUOTE_CHARS_RE.search(text) is not None
    merged: list[str] = []
    start = None
    for begin, end in spans:
        start = begin if start is None else start
        candidate = text[start:end]  # starts and ends with a non-space: nothing to strip
        if (not quoted or _quotes_balanced(candidate)) and not (
            candidate[-1] == "." and _ends_in_abbreviation(candidate)
        ):
            merged.append(candidate)
            start = None
    if start is not None:
        merged.append(text[start : spans[-1][1]].strip())
    return merged


def _cut_outside_quotes(text: str, limit: int) -> str:
    """The longest prefix within `limit` that ends at a clause mark or a word boundary
    outside any quotation, with an ellipsis; the lead sentence is too long to use whole."""
    budget = limit - 1  # room for the ellipsis
    for boundary in (re.compile(r"[،؛:,;](?=\s)"), re.compile(r"\s")):
        ends = [m.start() + (1 if m.group().strip() else 0) for m in boundary.finditer(text, 0, budget + 1)]
        for end in reversed(ends):
            prefix = text[:end].rstrip(" ،؛:,;")
            if prefix and _quotes_balanced(prefix):
                return prefix + "…"
    return text[:budget].rstrip() + "…"  # one unbroken run: nothing better is possible


class _ChunkWords(dict[str, frozenset[str]]):
    """Space-free chunk of text → the set of its scoring words, computed once per distinct chunk.

    Identity normalisation never joins or splits text across whitespace (it removes marks
    and folds letters inside a chunk), so normalising chunk by chunk gives the words that
    normalising the whole sentence gives; news reuses most of its words, so the memo hits."""

    def __missing__(self, chunk: str) -> frozenset[str]:
        if len(self) > _CHUNK_MEMO_LIMIT:
            self.clear()
        value = self[chunk] = frozenset(
            w for w in _WORD_RE.findall(normalize_identity(chunk)) if w not in _STOPWORDS and len(w) > 1
        )
        return value


_CHUNK_MEMO_LIMIT = 200_000
_chunk_words = _ChunkWords()
_NO_WORDS: frozenset[str] = frozenset()


# A chunk of several scoring words (rare: «العربية.نت»); NUL is never part of a word.
_SEVERAL = "\x00"


class _ChunkWord(dict[str, str]):
    """Space-free chunk → its only scoring word, "" if it has none, _SEVERAL if it has more.

    Most chunks hold exactly one word, so a sentence's words are one C-level set of these
    strings, cheaper than a union of one frozenset per chunk."""

    def __missing__(self, chunk: str) -> str:
        if len(self) > _CHUNK_MEMO_LIMIT:
            self.clear()
        words = _chunk_words[chunk]
        value = self[chunk] = "" if not words else next(iter(words)) if len(words) == 1 else _SEVERAL
        return value


_chunk_word = _ChunkWord()


def _word_set(sentence: str) -> set[str]:
    """The scoring words of a sentence of plain_text's output (what the reference's set of
    its words holds). There every space is a single " " between chunks, so split(" ")
    gives split()'s chunks without testing each character for whitespace."""
    chunks = sentence.split(" ")
    words = set(map(_chunk_word.__getitem__, chunks))
    if _SEVERAL in words:
        return set(_NO_WORDS.union(*map(_chunk_words.__getitem__, chunks)))
    words.discard("")
    return words


_ESCAPE_RE = re.compile(r"\\(.)")
_HASHTAG_RE = re.compile(f"#({TAG_CHARS}+)")
# Without an underscore, a hashtag's text is its tag as written: only the `#` goes.
_HASH_BEFORE_TAG_RE = re.compile(f"#(?={TAG_CHARS})")


def plain_text(markdown_paragraph: str) -> str:
    """Markdown paragraph → text: drop escapes and the `#` of hashtags (underscores → spaces)."""
    text = markdown_paragraph
    if "\\" in text:
        text = _ESCAPE_RE.sub(r"\1", text)
    if "#" in text:
        if "_" in text:
            text = _HASHTAG_RE.sub(lambda m: m.group(1).replace("_", " "), text)
        else:
            text = _HASH_BEFORE_TAG_RE.sub("", text)
    return _single_spaced(text)


def _single_spaced(text: str) -> str:
    """What `" ".join(text.split())` gives, without splitting text that is single-spaced
    already (most paragraphs): every whitespace character but the space is unprintable (so
    says the Unicode database; tests/test_summarize_equivalence.py checks all code points)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


# «دبي، الإمارات العربية المتحدة (CNN)--»: an agency dateline opening the lead is not news.
_DATELINE_RE = re.compile(rf"^[^.؟!«»“”\"]{{0,60}}\((?:[A-Za-z][A-Za-z .]{{0,20}}|[{ARABIC_SCRIPT} ]{{2,20}})\)\s*[-–—]+\s*")


def summarize(paragraphs: list[str], max_sentences: int = 3, max_chars: int = 400) -> str:
    sentences: list[str] = []
    leads: list[float] = []  # each sentence's position score: the lead carries the news
    for p_index, paragraph in enumerate(paragraphs):
        text = plain_text(paragraph)
        if p_index == 0:
            text = _DATELINE_RE.sub("", text)
        found = split_sentences(text)
        sentences += found
        leads += [1.0 / (1 + p_index)] * len(found)
    if not sentences:
        return ""
    # Only which words a sentence holds counts (not how often), so sets do.
    bags = [_word_set(s) for s in sentences]
    document = Counter(chain.from_iterable(bags))
    count_of = document.__getitem__
    scored = []
    for sentence, bag, position in zip(sentences, bags, leads):
        # Integer sums, so the same float as summing document[w] - 1 word by word.
        size = len(bag)
        centrality = (sum(map(count_of, bag)) - size) / (size + 4)
        length_penalty = 0.5 if len(sentence) > max_chars else 1.0
        scored.append((position * 2 + centrality * 0.15) * length_penalty)
    ranking = sorted(range(len(sentences)), key=scored.__getitem__, reverse=True)
    chosen: list[int] = []
    total = 0
    for i in ranking:
        text = sentences[i]
        extra = len(text) + (1 if chosen else 0)
        if total + extra > max_chars:
            continue
        chosen.append(i)
        total += extra
        if len(chosen) >= max_sentences:
            break
    if not chosen:
        # Even the shortest sentence is too long: the lead, cut outside any quotation.
        return _cut_outside_quotes(sentences[0], max_chars)
    return " ".join([sentences[i] for i in sorted(chosen)])
