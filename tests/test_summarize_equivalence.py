"""Issue 16: the faster summariser writes exactly the summaries the old one wrote.

The old implementation is kept verbatim in tests/ingest_eval/summarize_reference.py and both
run on the same paragraphs: a fixed 1,500-article generated corpus (benchmarks/corpus.py),
the project's seed and the 15 shared articles, under several length limits; and, with
hypothesis, generated text made of what the shortcuts look at.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
import sentencex
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import parse_article
from digest.ingest.sources import read_article
from digest.ingest.summarize import _ONE_SENTENCE_RE, plain_text, split_sentences, summarize

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
from ingest_eval.summarize_reference import plain_text as reference_plain_text  # noqa: E402
from ingest_eval.summarize_reference import split_sentences as reference_split_sentences  # noqa: E402
from ingest_eval.summarize_reference import summarize as reference_summarize  # noqa: E402

LIMITS = [(3, 400), (1, 120), (5, 1000), (2, 60)]


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", PROJECT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _paragraph_lists(paths: list[Path]) -> list[list[str]]:
    boilerplate = BoilerplateFilter()
    return [
        parse_article(read_article(p, 10_000_000), boilerplate, dt.date(2026, 1, 1), 200).paragraphs for p in paths
    ]


def _assert_same_summaries(articles: list[list[str]]) -> int:
    compared = 0
    for paragraphs in articles:
        for max_sentences, max_chars in LIMITS:
            assert summarize(paragraphs, max_sentences, max_chars) == reference_summarize(
                paragraphs, max_sentences, max_chars
            ), paragraphs[0][:80]
            compared += 1
    return compared


@pytest.mark.slow
def test_generated_corpus_summaries_unchanged(tmp_path: Path) -> None:
    paths = _load_corpus_module().generate_corpus(tmp_path / "seeds", 1500)
    assert _assert_same_summaries(_paragraph_lists(paths)) == 1500 * len(LIMITS)


def test_real_articles_summaries_unchanged(extra_dir: Path) -> None:
    paths = [PROJECT / "seeds" / "000_645458abd9460e4c.txt", *sorted(extra_dir.glob("*.txt"))]
    assert _assert_same_summaries(_paragraph_lists(paths)) == 16 * len(LIMITS)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["قال د. أحمد إن «الأمر انتهى.» ثم غادر."],
        ["نص فيه \\*نجمة\\* و#وسم_طويل و#كلمة في الفقرة. ثانية؟ نعم!"],
        ["Latin CASE folding, ﻻ ligatures and ٣ digits. أُحِبُّ العَرَبِيَّة‎ جدا."],
        ["دبي، الإمارات (CNN)-- جملة أولى عن الحدث. جملة ثانية (مع قوس."],
        ["word_with_underscore and\u00a0nbsp\u200f marks. ق.م. سنة 300 ق.م. وانتهى."],
        [""],
    ],
)
def test_edge_cases_unchanged(paragraphs: list[str]) -> None:
    assert _assert_same_summaries([paragraphs]) == len(LIMITS)


# Text made of what the summariser's shortcuts look at: sentence ends, quotation marks,
# lone letters with dots (abbreviations), hashtags with and without underscores, escapes,
# odd spaces, a dateline, Latin and Arabic words.
_PIECES = st.sampled_from(
    ["قال", " ", "  ", ".", "؟", "!", "،", "«", "»", "“", "”", "(", ")", '"', "د.", " أ.د.", "ق.م.", "م.",
     "#وسم", "#وسم_طويل", "_", "\\*", "\\#", "\u00a0", "\n", "\u200f", "العراق", "بغداد", "CNN", "(CNN)--",
     "دبي، الإمارات (رويترز) - ", "word", "3.5", "٣", "ﻻ", "أُحِبُّ", "e.g.", "x.y", "...", "…"]
)
_PARAGRAPH = st.lists(_PIECES, min_size=0, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=0, max_size=6), st.integers(1, 5), st.integers(1, 500))
def test_summaries_of_generated_text_unchanged(paragraphs: list[str], max_sentences: int, max_chars: int) -> None:
    assert summarize(paragraphs, max_sentences, max_chars) == reference_summarize(paragraphs, max_sentences, max_chars)


@settings(max_examples=1500, deadline=None)
@given(_PARAGRAPH | st.text(max_size=60))
def test_sentences_of_generated_text_unchanged(paragraph: str) -> None:
    """split_sentences also serves translation chunking, on text that is not plain."""
    assert split_sentences(paragraph) == reference_split_sentences(paragraph)


def test_every_whitespace_character_but_the_space_is_unprintable() -> None:
    """What plain_text's single-spacing shortcut relies on, for the Unicode database of this
    Python (str.isspace and str.isprintable both come from it)."""
    printable_spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()]
    assert printable_spaces == [" "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u2028", "\u200f", "\x1c", "\x85",
                                 "نص", "a", "#وسم_طويل", "#_", "_", "\\ ", "\\"]), max_size=20).map("".join))
def test_plain_text_equals_the_reference_on_any_spacing(paragraph: str) -> None:
    assert plain_text(paragraph) == reference_plain_text(paragraph)


# Issue 16 (h-ingfast2): split_sentences skips sentencex for text it always returns whole.
# Every character the shortcut accepts (Arabic letters and marks, digits, punctuation), spaces
# weighted up so that there are words.
_ONE_SENTENCE_ALPHABET = st.sampled_from(
    [c for c in map(chr, range(0x10000)) if _ONE_SENTENCE_RE.fullmatch(c) and c not in ".؟!"] + [" "] * 10
)
_WHOLE_CANDIDATES = st.tuples(
    st.lists(_ONE_SENTENCE_ALPHABET, min_size=1, max_size=300).map("".join),
    st.sampled_from(["", ".", "؟", "!"]),
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_WHOLE_CANDIDATES)
def test_sentencex_returns_the_shortcut_text_whole(text: str) -> None:
    """The claim split_sentences' shortcut rests on, checked against sentencex itself."""
    text = text.strip()
    if text:
        assert _ONE_SENTENCE_RE.fullmatch(text)
        assert sentencex.segment("ar", text) == [text]


@settings(max_examples=1500, deadline=None)
@given(st.tuples(_WHOLE_CANDIDATES, st.sampled_from(["", " ", ".", "..", "؟!", " ق.م.", "\n", "a", "…", ":", "\u00a0"]),
                 _WHOLE_CANDIDATES).map("".join))
def test_sentences_near_the_shortcut_unchanged(paragraph: str) -> None:
    assert split_sentences(paragraph) == reference_split_sentences(paragraph)
