"""Every automatic review flag, on crafted entries: raised when it should, silent otherwise."""
from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from digest.core.config import Config
from digest.core.model import Entry, Translation
from digest.review.flags import FLAG_CODES, FLAG_DESCRIPTIONS, Flag, compute_flags, numbers_in, translation_state
from digest.review.shingles import near_duplicates
from digest.translate.glossary import Glossary

GLOSSARY = Glossary(terms={"داعش": "ISIS", "البيشمركة": "Peshmerga", "قوات البيشمركة": "Peshmerga forces", "أربيل": "Erbil"})
BODY = "\n\n".join(
    [
        "قال المتحدث باسم التحالف إن جميع الهجمات تستهدف مواقع القوات العراقية وتتسبب بوقوع ضحايا من صفوفهم.",
        "وأضاف أن التحالف بصدد إنشاء مركز استشاري في #أربيل للتعامل المباشر مع القوات المحلية.",
    ]
)


def make_entry(slug: str = "a", *, english: bool = True, **fields: object) -> Entry:
    """A clean entry (no flags) with a current machine translation; `fields` override."""
    entry = Entry(
        slug=slug,
        title="التحالف ينفي امتلاك قواعد عسكرية في العراق",
        body=BODY,
        date=dt.date(2020, 10, 1),
        date_source="filename",
        tags=["أربيل"],
        summary_ar="قال التحالف إنه لا يملك أي قواعد في العراق، وإن 3 هجمات استهدفت مواقع عراقية.",
    )
    if english:
        entry.title_en = "Coalition denies having military bases in Iraq"
        entry.summary_en = "The coalition said it has no bases in Iraq and that three attacks targeted Iraqi sites."
    for name, value in fields.items():
        setattr(entry, name, value)
    if english and "translation" not in fields:
        entry.translation = Translation(status="machine", provider="google", source_hash=entry.arabic_fingerprint())
    return entry


def flags_of(entry: Entry, *others: Entry, config: Config | None = None, glossary: Glossary = GLOSSARY) -> dict[str, Flag]:
    result = compute_flags([entry, *others], glossary, config or Config.for_test())
    return {f.code: f for f in result[entry.slug]}


def test_a_clean_entry_has_no_flags() -> None:
    assert flags_of(make_entry()) == {}


def test_every_flag_code_is_documented_in_the_readme() -> None:
    from pathlib import Path

    project = Path(__file__).resolve().parent.parent
    # README.md, or a docs/pending/*.md page written for it (a branch's documentation waiting
    # to be merged into the README; README.md is edited in one place only).
    readme = "\n".join(p.read_text(encoding="utf-8") for p in [project / "README.md", *sorted(project.glob("docs/pending/*.md"))])
    for code in FLAG_CODES:
        assert FLAG_DESCRIPTIONS[code]
        assert f"`{code}`" in readme, code


def test_translation_pending() -> None:
    flags = flags_of(make_entry(english=False))
    assert "translation-pending" in flags
    # Checks of the English need English: none of them fire on a pending entry.
    assert not {"glossary-miss", "number-missing", "summary-length"} & set(flags)


def test_translation_stale_when_the_arabic_changed_after_translation() -> None:
    entry = make_entry()
    entry.summary_ar = entry.summary_ar + " وأضاف أن التحقيق مستمر."
    assert translation_state(entry) == "stale"
    assert "translation-stale" in flags_of(entry)


def test_translation_stale_when_the_file_says_so() -> None:
    entry = make_entry(translation=Translation(status="stale", provider="google"))
    assert "translation-stale" in flags_of(entry)


def test_edited_translation_is_never_stale() -> None:
    entry = make_entry(translation=Translation(status="edited", provider="editors"))
    assert flags_of(entry) == {}


def test_glossary_miss_names_the_term_and_its_preferred_english() -> None:
    entry = make_entry(
        summary_ar="قالت قوات البيشمركة إن تنظيم داعش هاجم مواقعها قرب أربيل.",
        summary_en="The Kurdish fighters said the Islamic State attacked their positions near Erbil, a city in the north.",
    )
    flag = flags_of(entry)["glossary-miss"]
    assert "Peshmerga forces" in flag.message and "ISIS" in flag.message
    assert "Erbil" not in flag.message  # present in the English
    # The longer term consumed the shorter one: "البيشمركة" → "Peshmerga" is not reported on its own.
    assert "البيشمركة → Peshmerga;" not in flag.message + ";"


def test_glossary_matches_spelling_variants_and_clitics() -> None:
    # "واربيل" = و + اربيل (no hamza): still the glossary term أربيل.
    entry = make_entry(
        summary_ar="وصل الوفد إلى بغداد واربيل أمس بعد جولة في المنطقة الشمالية من البلاد.",
        summary_en="The delegation arrived in Baghdad yesterday after a tour of the northern region of the country.",
    )
    assert "Erbil" in flags_of(entry)["glossary-miss"].message
    entry.summary_en = entry.summary_en.replace("Baghdad", "Baghdad and erbil")
    entry.translation.source_hash = entry.arabic_fingerprint()
    assert "glossary-miss" not in flags_of(entry)


def test_glossary_term_inside_a_longer_word_is_not_a_match() -> None:
    glossary = Glossary(terms={"عراق": "Iraq"})
    entry = make_entry(summary_ar="قالت الحكومة العراقية إن الوضع مستقر في المدن الكبرى كلها اليوم.", summary_en="The government said the situation in all major cities is stable today, officials added.")
    assert "glossary-miss" not in flags_of(entry, glossary=glossary)


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("summary_en", "The coalition said it has no bases in العراق and that three attacks hit.", "Arabic in summary_en"),
        ("title_en", "Coalition denies bases in العراق", "Arabic in title_en"),
        ("tags_en", {"أربيل": "أربيل"}, "Arabic in tags_en"),
    ],
)
def test_script_mix_arabic_left_in_english(field: str, value: object, needle: str) -> None:
    entry = make_entry(**{field: value})
    entry.translation.source_hash = entry.arabic_fingerprint()
    assert needle in flags_of(entry)["script-mix"].message


def test_script_mix_english_left_in_arabic_but_not_for_agency_names() -> None:
    english_sentence = make_entry(summary_ar="The coalition said it has no bases in Iraq. قال التحالف ذلك.")
    assert "English in summary_ar" in flags_of(english_sentence)["script-mix"].message
    agency = make_entry(summary_ar="قال التحالف لشبكة CNN إنه لا يملك أي قواعد في العراق، وإن 3 هجمات استهدفت مواقع.")
    assert "script-mix" not in flags_of(agency)


def test_number_missing_with_eastern_digits_and_thousands() -> None:
    entry = make_entry(
        summary_ar="قُتل ٢٥ شخصاً وأصيب ١٬٥٠٠ آخرون في ٣ هجمات، بنسبة ١٢٫٥ بالمئة.",
        summary_en="Twenty-five people were killed and 1,500 injured in three attacks, a rate of 12.5 percent.",
    )
    flag = flags_of(entry)["number-missing"]
    assert flag.message == "not in the English: 25"  # 1,500 / 3 ("three") / 12.5 are there


def test_numbers_are_canonical() -> None:
    assert numbers_in("١٬٥٠٠ و 1,500 و ١٢٫٥ و 12.5 و 007 و ٢٠٢٠") == ["1500", "1500", "12.5", "12.5", "7", "2020"]


@pytest.mark.parametrize(
    ("summary_en", "expected"),
    [("Too short.", "minimum 60"), ("x" * 700, "maximum 600")],
)
def test_summary_length(summary_en: str, expected: str) -> None:
    entry = make_entry(summary_en=summary_en)
    assert expected in flags_of(entry)["summary-length"].message


def test_summary_length_limits_come_from_config() -> None:
    config = Config.for_test(review={"summary_min_chars": 10, "summary_max_chars": 20})
    assert "summary-length" in flags_of(make_entry(), config=config)


def test_empty_arabic_summary_is_flagged() -> None:
    assert "summary-length" in flags_of(make_entry(english=False, summary_ar=""))


def test_arabic_summary_length_is_checked_even_without_english() -> None:
    flag = flags_of(make_entry(english=False, summary_ar="خبر قصير."))["summary-length"]
    assert flag.message == "Arabic summary is 9 characters (minimum 60)"


def test_tag_unlabelled_unless_entry_or_glossary_labels_it() -> None:
    entry = make_entry(tags=["أربيل", "سد الموصل", "كركوك"], tags_en={"كركوك": "Kirkuk"})
    flag = flags_of(entry)["tag-unlabelled"]
    assert flag.message == "no English label: سد الموصل"


def test_date_unknown_when_the_ingest_date_was_used() -> None:
    assert "date-unknown" in flags_of(make_entry(date_source="ingest"))
    assert "date-unknown" not in flags_of(make_entry(date_source="header"))


@pytest.mark.parametrize(
    "leftover",
    [
        "هل أعجبك المحتوى وتريد المزيد منه يصل إلى صندوق بريدك الإلكتروني بشكلٍ دوري؟",
        "اشترك في نشرتنا البريدية وحمل تطبيق الموقع",
        "للمزيد من التفاصيل زوروا https://example.com/news",
    ],
)
def test_boilerplate_suspect(leftover: str) -> None:
    entry = make_entry(body=BODY + "\n\n" + leftover)
    assert "boilerplate-suspect" in flags_of(entry)


def test_near_duplicate_names_the_other_entry() -> None:
    text = " ".join(f"الجملة رقم {i} في خبر طويل عن الهجمات الصاروخية على القواعد" for i in range(30))
    a = make_entry("a", body=text)
    b = make_entry("b", body=text + " وأضاف المتحدث أن التحقيق مستمر")
    c = make_entry("c", body=BODY)
    result = compute_flags([a, b, c], GLOSSARY, Config.for_test())
    assert [f.code for f in result["a"]] == ["near-duplicate"]
    assert "similar to b" in result["a"][0].message and "similar to a" in result["b"][0].message
    assert result["c"] == []


def test_near_duplicate_threshold_from_config() -> None:
    base = [f"كلمة{i}" for i in range(100)]
    a = " ".join(base)
    b = " ".join(base[:70] + [f"أخرى{i}" for i in range(30)])  # shingle Jaccard ≈ 0.5
    found = near_duplicates({"a": a, "b": b}, 0.4)
    assert 0.4 < found["a"][0][1] < 0.6
    assert near_duplicates({"a": a, "b": b}, 0.6) == {}


def test_near_duplicates_scale_to_thousands_of_entries() -> None:
    # 2,000 distinct texts plus one planted copy: found, without comparing 2 million pairs.
    rng = random.Random(6)
    texts = {f"e{i}": " ".join(f"w{rng.randrange(20000)}" for _ in range(100)) for i in range(2000)}
    texts["copy"] = texts["e1234"] + " ذيل"
    started = time.perf_counter()
    found = near_duplicates(texts, 0.6)
    elapsed = time.perf_counter() - started
    assert set(found) == {"e1234", "copy"}
    print(f"near_duplicates on {len(texts)} texts: {elapsed:.2f}s")


def test_hashtag_in_body_that_is_not_a_tag() -> None:
    entry = make_entry()
    entry.body = BODY + "\n\nوناقش الوفد ملف #تونس و#ليبيا مع #أربيل و#اربيل."
    flag = flags_of(entry)["hashtag-not-tag"]
    assert flag.message == "in the body but not in tags: #تونس, #ليبيا (add to tags: to make a tag, or remove the #)"
    entry.tags = ["أربيل", "تونس", "ليبيا"]
    assert "hashtag-not-tag" not in flags_of(entry)
    entry.body = BODY + "\n\nC# و page/#frag و ###"  # not hashtags, as the renderer sees them
    assert "hashtag-not-tag" not in flags_of(entry)


def test_headline_in_body() -> None:
    entry = make_entry()
    entry.body = entry.title + "\n\n" + BODY
    assert "headline-in-body" in flags_of(entry)


def test_flags_come_in_documented_order() -> None:
    entry = make_entry(english=False, date_source="ingest", tags=["كركوك"])
    entry.body = entry.title + "\n\n" + BODY
    codes = [f.code for f in compute_flags([entry], GLOSSARY, Config.for_test())["a"]]
    assert codes == ["translation-pending", "tag-unlabelled", "hashtag-not-tag", "date-unknown", "headline-in-body"]  # #أربيل in the body is not a tag
    assert codes == sorted(codes, key=FLAG_CODES.index)


def test_near_duplicate_short_texts_are_compared_too() -> None:
    # Fewer shingles than the sketch size: the whole set is the sketch.
    text = "قال مسؤولون إن اثني عشر شخصاً أصيبوا في الحادث الذي وقع صباح اليوم في وسط المدينة القديمة"
    found = near_duplicates({"a": "تقرير أول. " + text, "b": "تقرير ثان. " + text, "c": "خبر مختلف تماماً عن الطقس الحار في الصيف هذا العام"}, 0.6)
    assert set(found) == {"a", "b"}


def test_many_copies_of_one_text_are_all_flagged_in_one_flag_each() -> None:
    text = " ".join(f"الجملة رقم {i} في خبر منقول عن الوكالات" for i in range(40))
    copies = [make_entry(f"copy{i:02d}", body=text) for i in range(60)]  # more than any bucket
    result = compute_flags(copies, GLOSSARY, Config.for_test())
    assert all([f.code for f in flags] == ["near-duplicate"] for flags in result.values())
    assert result["copy00"][0].message == "100% similar to copy01; 100% similar to copy02; 100% similar to copy03; and 56 more"
    assert result["copy59"][0].message == "100% similar to copy00"


def test_a_memo_gives_the_flags_of_a_fresh_computation_after_every_edit() -> None:
    """digest serve keeps a FlagMemo between review builds: each build must give exactly
    what compute_flags without it gives, whatever changed (bodies becoming or ceasing to be
    near-duplicates, English, glossary, configuration, entries removed)."""
    from digest.review.flags import FlagMemo

    rng = random.Random(7)
    sentences = [s for s in BODY.replace("\n\n", " ").split(".") if s.strip()] + [
        "وأكد مسؤول محلي أن الوضع الأمني مستقر في المدينة منذ أسابيع",
        "وأشار التقرير إلى أن عدد النازحين تجاوز الألف خلال الشهر الماضي",
        "ودعت المنظمات الدولية إلى فتح ممرات آمنة لإيصال المساعدات",
    ]

    def body(n: int) -> str:
        return ". ".join(rng.choice(sentences) for _ in range(n)) + "."

    entries = [make_entry(f"e{i}", body=body(6), english=i % 3 != 0) for i in range(12)]
    entries[1].body = entries[0].body  # a near-duplicate pair to begin with
    memo = FlagMemo()
    glossary, config = GLOSSARY, Config.for_test()

    def check() -> None:
        assert compute_flags(entries, glossary, config, memo) == compute_flags(entries, glossary, config)

    check()
    entries[1].body = body(8)  # the pair is no longer one
    check()
    entries[5].body = entries[7].body  # a new pair
    entries[2].title_en = None  # translation now pending
    check()
    del entries[7]  # one of the new pair is gone
    check()
    glossary = Glossary(terms={**GLOSSARY.terms, "التحالف": "the coalition"})
    check()
    config = Config.for_test(review={"near_duplicate": 0.3})
    check()
    assert memo.own and memo.sketches  # it was used, not just cleared
