"""Boilerplate: the pattern list, site patterns from digest.toml, the promo heuristic, and
what must never be cut."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.content.entries import load_entries
from digest.core.config import Config
from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import parse_article
from digest.ingest.run import ingest
from digest.ingest.sources import RawArticle

BODY = "نص الخبر الأول عن الاجتماع.\n\nنص الفقرة الثانية عن النتائج."


def parse(text: str, patterns: tuple[str, ...] = ()):
    raw = RawArticle(Path("seeds/a.txt"), text, "utf-8", "0" * 64)
    return parse_article(raw, BoilerplateFilter(patterns), dt.date(2026, 1, 2), 200)


def test_promo_heuristic_needs_two_cues_and_a_short_trailing_paragraph() -> None:
    promo = "حملوا تطبيقنا الجديد وسجلوا في النشرة البريدية"  # no listed pattern: the heuristic
    parsed = parse(f"عنوان\n\n{BODY}\n\n{promo}")
    assert [(s.reason, s.text) for s in parsed.boilerplate] == [("promo", promo)]
    # One cue is not enough: a sentence about an app is news, not a promo.
    news = "وأطلقت الوزارة تطبيق للهواتف يتيح للمواطنين متابعة الطلبات."
    assert parse(f"عنوان\n\n{BODY}\n\n{news}").paragraphs[-1] == news


def test_promo_inside_the_article_is_kept() -> None:
    # The cue-counting heuristic applies to the end only. (A line of a built-in class, such
    # as «تابعونا على قناتنا في يوتيوب», is removed wherever it stands: tests/test_boilerplate_classes.py.)
    promo = "حملوا تطبيقنا الجديد مجانا وسجلوا في النشرة البريدية"
    parsed = parse(f"عنوان\n\n{promo}\n\n{BODY}")
    assert parsed.paragraphs[0] == promo and parsed.boilerplate == []


def test_separator_is_cut_only_before_promo() -> None:
    kept = parse(f"عنوان\n\n{BODY}\n\n-----\n\nملحق: جدول النتائج الكاملة للمباريات.")
    assert kept.boilerplate == [] and kept.paragraphs[-2] == "-----"


def test_site_patterns_from_digest_toml(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(f"عنوان\n\n{BODY}\n\nنشرة الموقع الصباحية تصلكم يوميا 2024", encoding="utf-8")
    # Not a built-in class (those are recorded under their own name): a newsroom's own line.
    config = Config.for_test(ingest={"boilerplate_patterns": [r"^نشرة الموقع الصباحية"]})
    assert ingest(root, [root / "seeds"], config).errors == []
    (entry,), _ = load_entries(root / "content")
    assert entry.boilerplate == [{"text": "نشرة الموقع الصباحية تصلكم يوميا 2024", "reason": "pattern"}]
    assert "الصباحية" not in entry.body


def test_page_captured_twice_keeps_one_copy() -> None:
    parsed = parse(f"عنوان\n\nعنوان\n\n{BODY}\n\nعنوان\n\n{BODY}")
    assert parsed.paragraphs == BODY.split("\n\n")
    assert [s.reason for s in parsed.boilerplate] == ["headline", "duplicate", "duplicate"]
