"""The parser never crashes: arbitrary text or bytes give an article or an InputError."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from digest.core.errors import InputError
from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import parse_article
from digest.ingest.sources import RawArticle, decode_bytes, normalize_text

PATH = Path("seeds/2020-02-03-prop.txt")
FILTER = BoilerplateFilter()
_LINES = st.sampled_from(
    ["عنوان الخبر", "وكالات", "", "", "\n", "نص الفقرة الأولى #وسم_جديد.", "date: 2020-01-02", "التاريخ: 2021-13-40",
     "-----", "اشترك في نشرتنا البريدية وحمل التطبيق", "فرانس24/ أ ف ب", "#", "###", "دبي (CNN)-- خبر", " ",
     "\u200f", "\ufeff", "\r", "*", "[رابط](http://x)", "1. بند", "> اقتباس"]
)
structured = st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=25).map("\n".join)


def check_parse(text: str) -> None:
    raw = RawArticle(path=PATH, text=normalize_text(text), encoding="utf-8", sha256="0" * 64)
    try:
        parsed = parse_article(raw, FILTER, dt.date(2026, 1, 2), max_hashtags=50)
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and str(PATH) in message
        return
    assert parsed.headline and "\n" not in parsed.headline
    assert parsed.paragraphs and all(p.strip() for p in parsed.paragraphs)
    assert len(parsed.hashtags) <= 50


@given(structured)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("date: 2020-01-01")
@example("التاريخ: 2020-02-30\nعنوان\n\nنص")
@example("عنوان\n\n-----\n\nاشترك في نشرتنا البريدية وحمل التطبيق")
@example("!!!\n\nنص")
@example("عنوان\n\nعنوان\n\nعنوان")
@example("x" * 500 + "\n\nنص")
def test_parser_never_crashes_on_article_like_text(text: str) -> None:
    check_parse(text)


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_parser_never_crashes_on_arbitrary_text(text: str) -> None:
    check_parse(text)


@given(st.binary(max_size=300) | st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff\x00", b"\xff\xfe\x00\xd8", b"\x00" * 4]))
@settings(max_examples=150, deadline=None)
def test_decoding_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        text, _encoding = decode_bytes(data, PATH)
    except InputError as exc:
        assert "\n" not in str(exc) and str(PATH) in str(exc)
        return
    check_parse(text)
