"""The ingest Markdown body fast path (digest/ingest/escape.py) gives escape_markdown's
output for every kind of paragraph it might take a short cut on."""
from __future__ import annotations

import pytest

from digest.content.entries import body_from_paragraphs
from digest.ingest.escape import markdown_body

PARAGRAPHS = [
    "أعلنت الحكومة اليوم خطة جديدة.",
    "وقال الوزير إن #الخطة_الجديدة ستبدأ غدا.",  # a hashtag with `_`: the slow path
    "وتابع #المزارعين الخطة.",  # `#` inside a line: unchanged either way
    "# ليس عنوانا",
    "#وسم في أول السطر",
    "1. بند أول",
    "١. بند أول بأرقام عربية",
    "2024 عام الانتخابات",
    "- بند",
    "+ بند",
    "= سطر",
    "> اقتباس",
    "سعر البرميل 80 $ * 2",
    "[رابط](http://example.com)",
    "a_b and c<d> | e ~ f `g` \\h",
    "سطر أول\nسطر ثان",
    " مسافة في أوله",
    "مسافة في آخره ",
    "\u2028فاصل سطر يونيكود",
    "",
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_markdown_body_equals_escape_markdown(paragraph: str) -> None:
    assert markdown_body([paragraph]) == body_from_paragraphs([paragraph])


def test_markdown_body_escapes_what_markdown_would_read() -> None:
    assert markdown_body(["1. بند", "نص عادي", "*تنبيه*"]) == "1\\. بند\n\nنص عادي\n\n\\*تنبيه\\*"


# Issue 16 (h-ingfast2): a paragraph whose only escapable characters are underscores inside
# hashtags takes the short cut too; anything else around them must still be escaped.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["نص", " ", "#وسم", "#وسم_طويل", "_", "__", "#_", "#", "و#كلمة_أخرى", "a_b", "*", "\\", "[", ">", "1.", "١",
     "-", "\n", "\u200f", "ً", "#١٢_٣", "x", "«#وسم_ثان»", "\u2028"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=14).map("".join), max_size=4))
def test_markdown_body_equals_escape_markdown_on_generated_text(paragraphs: list[str]) -> None:
    assert markdown_body(paragraphs) == body_from_paragraphs(paragraphs)


def test_underscores_inside_hashtags_stay_and_others_are_escaped() -> None:
    assert markdown_body(["قال #الخطة_الجديدة و#وسم_آخر اليوم.", "#وسم_طويل a_b"]) == (
        "قال #الخطة_الجديدة و#وسم_آخر اليوم.\n\n#وسم_طويل a\\_b"
    )
