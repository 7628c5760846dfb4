"""The seed and the 15 shared articles: headline, byline, tags and boilerplate pinned.

The expected values are what a careful human reader says is right for each article.
The shared articles are read where they are (../shared/seeds-extra), never copied here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SEED_FILE

from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import ParsedArticle, parse_article
from digest.ingest.sources import read_article

TODAY = dt.date(2026, 1, 2)


def parse_file(path: Path) -> ParsedArticle:
    return parse_article(read_article(path, 20_000_000), BoilerplateFilter(), TODAY, 200)


# --- the seed ---------------------------------------------------------------------------

SEED_HEADLINE = "التحالف الدولي عن قصف قواتها: ليس لدينا قواعد.. الميليشيات تستهدف العراقيين"
SEED_TAGS = [
    "داعش", "أربيل", "قوات البيشمركة", "التحالف الدولي", "سوريا", "إقليم كردستان",
    "الحكومة العراقية", "بغداد", "مصطفى الكاظمي", "العراق", "قيس الخزعلي", "الولايات المتحدة",
]
SEED_PROMO = [
    "هل أعجبك المحتوى وتريد المزيد منه يصل إلى صندوق بريدك الإلكتروني بشكلٍ دوري؟",
    "انضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية.",
]


def test_seed_headline_once_byline_and_date() -> None:
    parsed = parse_file(SEED_FILE)
    assert parsed.headline == SEED_HEADLINE
    assert parsed.source == "وكالات"
    assert all(SEED_HEADLINE not in p for p in parsed.paragraphs)
    assert "وكالات" not in parsed.paragraphs
    # The file name has no date: the ingest date is used and recorded as such.
    assert (parsed.date, parsed.date_source) == (TODAY, "ingest")


def test_seed_all_fifteen_paragraphs_verbatim() -> None:
    parsed = parse_file(SEED_FILE)
    blocks = SEED_FILE.read_text(encoding="utf-8").split("\n\n")
    expected = [b.strip() for b in blocks[3:18]]
    assert len(parsed.paragraphs) == 15
    assert parsed.paragraphs == expected
    assert parsed.paragraphs[0].startswith("في ردٍ من التحالف الدولي")
    assert parsed.paragraphs[-1].startswith("وتتهم #الولايات_المتحدة")


def test_seed_twelve_tags_in_first_appearance_order() -> None:
    parsed = parse_file(SEED_FILE)
    assert [h.name for h in parsed.hashtags] == SEED_TAGS
    assert [h.raw for h in parsed.hashtags][2] == "قوات_البيشمركة"


def test_seed_promo_lines_gone_and_recorded() -> None:
    parsed = parse_file(SEED_FILE)
    body = "\n".join(parsed.paragraphs)
    assert "أعجبك المحتوى" not in body and "نشرتنا البريدية" not in body
    assert [(s.text, s.reason) for s in parsed.boilerplate] == [(t, "pattern") for t in SEED_PROMO]


def test_seed_entry_on_disk(site_root: Path) -> None:
    """The written entry carries the same facts (the file an editor opens)."""
    from digest.content.entries import load_entries
    from digest.core.config import Config
    from digest.ingest.run import ingest

    report = ingest(site_root, [site_root / "seeds"], Config.for_test(), today=TODAY)
    assert report.summary_line() == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed"
    (entry,), errors = load_entries(site_root / "content")
    assert errors == []
    assert entry.title == SEED_HEADLINE and entry.source == "وكالات" and entry.tags == SEED_TAGS
    assert [b["text"] for b in entry.boilerplate] == SEED_PROMO
    assert entry.body.count("\n\n") == 14  # 15 paragraphs
    assert "#قوات_البيشمركة" in entry.body  # hashtags stay inline
    assert entry.seed == "seeds/000_645458abd9460e4c.txt" and entry.date_source == "ingest"


# --- the 15 shared articles ---------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    headline: str
    source: str | None
    tags: list[str]
    boilerplate: list[tuple[str, str]]  # (reason, text)
    paragraphs: int
    first_words: str  # how the article text begins (after headline and byline)


EXTRA: dict[str, Expected] = {
    "2015-03-25-037_jawharafm.txt": Expected(
        "ماجدة الرومي في تونس", None, [], [], 2, "حلّت الفنانة العربية"),
    "2017-03-09-035_jawharafm.txt": Expected(
        "العرض الايطالي Fiesta في تظاهرة 24 ساعة مسرح دون انقطاع بالكاف", None, [], [], 2,
        "في إطار تظاهرة 24 ساعة"),
    "2018-02-03-008_alarabiya.txt": Expected(
        'بالصور.. هنا وُلدت أم كلثوم وهذه "أطلال" منزلها', "القاهرة - أشرف عبدالحميد", [], [], 9,
        "في مثل هذا اليوم"),
    "2018-02-18-009_alarabiya.txt": Expected(
        'هكذا تحالفت أحلام وإليسا ضد عاصي وحماقي بـ"ذا فويس"', "القاهرة - أحمد الريدي",
        ["عاصي الحلاني", "إليسا", "أحلام", "حماقي"], [], 6, "يبدو أن الصراع"),
    "2018-03-12-005_alarabiya.txt": Expected(
        "نيبال.. تحطم طائرة ركاب بنغالية واشتعال النيران فيها", "كاتماندو – وكالات",
        ["كاتماندو", "النيبال"], [], 10, "تحطمت طائرة ركاب بنغالية"),
    "2018-03-15-001_alarabiya.txt": Expected(
        "قطر وإيران والإرهاب.. وقصة 23 حقيبة سوداء", "العربية.نت",
        ["الحرس الثوري الإيراني", "حزب الله", "جبهة النصرة", "قطر", "سوريا", "الميليشيات الشيعية",
         "داعش", "إيران", "القاعدة", "قاسم سليماني"], [], 24, "أعادت صحيفة"),
    "2018-04-13-025_france24.txt": Expected(
        "سوريا تتوعد الدول الغربية بالرد في حال تعرضت لهجوم", "فرانس 24", [],
        [("pattern", "فرانس24/ أ ف ب")], 9, "توعدت سوريا الجمعة"),
    "2018-04-14-002_alarabiya.txt": Expected(
        "ضحية جديدة في مذبحة الحوثيين ضد الصحافة اليمنية", "اليمن - إسلام سيف",
        ["ميليشيا الحوثي", "البيضاء", "اليمن", "عبدالله القادري", "ذياب الشاطر", "وليد الجعوري",
         "الجيش اليمني", "تحالف دعم الشرعية", "داعش", "تعز"], [], 9, "انضم صحافي يمني جديد"),
    "2018-04-15-010_alarabiya.txt": Expected(
        '"امسح حسابك".. حملة تتزايد لمقاطعة فيسبوك وإيجاد بدائل', "دبي - قناة العربية",
        ["فضيحة اختراق بيانات المستخدمين", "فيسبوك", "DeleteFacebook", "واتساب", "كامبريدج أناليتيكا"],
        [], 7, "أثارت #فضيحة_اختراق_بيانات_المستخدمين"),
    "2018-04-20-016_bbcarabic.txt": Expected(
        "ما هو مستقبل كوبا بعد حقبة كاسترو؟", None, [], [], 127, "بالكاد كان الزورق"),
    "2018-05-04-027_france24.txt": Expected(
        "الأكاديمية السويدية تعلن تأجيل منح جائزة نوبل للآداب للعام 2018", "فرانس 24",
        ["أنا أيضا"], [], 6, "أعلنت الأكاديمية السويدية"),
    "2018-06-01-003_alarabiya.txt": Expected(
        "التحالف الدولي يقر بقتل 892 مدنياً في سوريا والعراق", "واشنطن - فرانس برس",
        ["سوريا", "العراق", "الموصل", "داعش"], [], 9, "أقر التحالف الدولي"),
    "2018-08-11-033_skynewsarabia.txt": Expected(
        'إيران تستنزف دولارات العراق بأسلوب "خبيث" لمواجهة أزمتها', "أبوظبي - سكاي نيوز عربية",
        [], [], 12, "حذر خبراء عراقيون"),
    "2018-08-30-015_bbcarabic.txt": Expected(
        'الممثل الفرنسي الشهير جيرار ديبارديو "متهم" باغتصاب ممثلة شابة', None, [],
        [("separator", "---------------------------------------"),
         ("promo", "يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.")],
        9, "قالت مصادر قضائية"),
    "2018-10-12-020_cnnarabic.txt": Expected(
        "عائض القرني: السعودية ستبقى صامدة منتصرة أمام كيد الكائدين", "دبي، الإمارات العربية المتحدة (CNN)",
        ["الوطن غالي فلاحياد", "الامارات والسعوديه معا ابدا", "كلنا مع السعوديه ايد واحده"], [], 9,
        # An inline dateline is the source, and stays in the text it opens.
        "دبي، الإمارات العربية المتحدة (CNN)-- شارك الداعية"),
}


def test_every_shared_article_is_pinned(extra_dir: Path) -> None:
    assert sorted(p.name for p in extra_dir.glob("*.txt")) == sorted(EXTRA)


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_shared_article(extra_dir: Path, name: str) -> None:
    expected = EXTRA[name]
    parsed = parse_file(extra_dir / name)
    assert parsed.headline == expected.headline
    assert parsed.source == expected.source
    assert [h.name for h in parsed.hashtags] == expected.tags
    assert [(s.reason, s.text) for s in parsed.boilerplate] == expected.boilerplate
    assert len(parsed.paragraphs) == expected.paragraphs
    assert parsed.paragraphs[0].startswith(expected.first_words)
    # The date comes from the file name; the headline is not repeated in the text.
    assert parsed.date == dt.date.fromisoformat(name[:10]) and parsed.date_source == "filename"
    assert all(p != expected.headline for p in parsed.paragraphs)
    body = "\n".join(parsed.paragraphs)
    for _reason, text in expected.boilerplate:
        assert text not in body


def test_all_sixteen_ingest_without_errors(all_seeds_root: Path) -> None:
    from digest.content.entries import load_entries
    from digest.core.config import Config
    from digest.ingest.run import ingest

    report = ingest(all_seeds_root, [all_seeds_root / "seeds"], Config.for_test(), today=TODAY)
    assert report.errors == [] and len(report.new) == 16
    entries, errors = load_entries(all_seeds_root / "content")
    assert errors == [] and len(entries) == 16
    by_seed = {Path(e.seed or "").name: e for e in entries}
    for name, expected in EXTRA.items():
        assert by_seed[name].title == expected.headline
        assert by_seed[name].tags == expected.tags
