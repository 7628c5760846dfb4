"""Hashtag extraction: the README rules, by example and as hypothesis properties."""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from digest.text.arabic import normalize_identity
from digest.text.hashtags import extract_hashtags, tag_key


def names(text: str) -> list[str]:
    return [h.name for h in extract_hashtags(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("زار #أربيل اليوم", ["أربيل"]),
        ("#قوات_البيشمركة في المقدمة", ["قوات البيشمركة"]),
        ("حملة #شكرًا_سلمان انتشرت", ["شكرًا سلمان"]),  # diacritics are part of the tag
        ("وسم #2018_عام_التحدي", ["2018 عام التحدي"]),
        ("Latin #DeleteFacebook and #Brexit2019", ["DeleteFacebook", "Brexit2019"]),
        ("العراق و#بغداد", ["بغداد"]),  # glued clitic
        ("مرورا بـ#الموصل", ["الموصل"]),  # clitic with tatweel
        ("وبـ#تعز", ["تعز"]),
        ("هاشتاغ «#الوطن_غالي» و“#قطر” و\"#اليمن\" و(#سوريا)", ["الوطن غالي", "قطر", "اليمن", "سوريا"]),
        ("في #بغداد، و#البصرة. ثم #الموصل: و#تعز؛ هل #صنعاء؟ نعم #عدن!", ["بغداد", "البصرة", "الموصل", "تعز", "صنعاء", "عدن"]),
        ("الوسم #تحالف_دعم_الشرعية_ نهاية", ["تحالف دعم الشرعية"]),  # trailing _ dropped
        ("###عنوان ليس وسما", []),
        ("لغة C# ليست وسما", []),
        ("الرابط https://example.com/page#section و http://x.org/#/route", []),
        ("www.site.com/#الخبر", []),
        ("الرقم #123 ليس وسما و#_ كذلك و#__", []),
        ("مكرر #أربيل ثم #اربيل ثم #أربيل", ["أربيل"]),  # identity: أ/ا are one tag
        ("#الحكومة_العراقية و#الحكومة_العراقيه", ["الحكومة العراقية"]),  # ة/ه
        ("#Erbil و#erbil", ["Erbil"]),  # Latin case
        ("\u200f#العراق\u200e اليوم", ["العراق"]),  # direction marks around the tag
        ("#العر\u200fاق", ["العراق"]),  # …and inside it
        ("# ليس_وسما", []),
    ],
)
def test_hashtag_examples(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_first_appearance_order_and_keys() -> None:
    tags = extract_hashtags("#ج ثم #ب ثم #أ ثم #ب ثم #ا")
    assert [t.name for t in tags] == ["ج", "ب", "أ"]
    assert tags[2].key == tag_key("ا") == "ا"


def test_limit_keeps_the_first_tags() -> None:
    text = " ".join(f"#وسم{i}" for i in range(300))
    assert names(text)[:3] == ["وسم0", "وسم1", "وسم2"]
    assert len(extract_hashtags(text, limit=200)) == 200


# --- properties ----------------------------------------------------------------------------

_ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىؤئ"
_PIECES = st.sampled_from(
    [*_ARABIC, "a", "Z", "5", "٣", "_", "#", "##", " ", "\n", "و", "بـ", "«", "»", "“", "”", '"', "(", ")",
     "،", ".", ":", "؛", "؟", "!", "/", "http://x.y/", "C", "\u064b", "\u0651", "\u200f", "\u0640", "-"]
)
def _visible(text: str) -> str:
    return re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]", "", text)


texts = st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=80)


@given(texts)
@settings(max_examples=150, deadline=None)
@example("#a#b ##c #_x_ و#د_")
def test_hashtag_rules_hold(text: str) -> None:
    tags = extract_hashtags(text)
    keys = [t.key for t in tags]
    assert len(keys) == len(set(keys)), "unique by identity"
    for tag in tags:
        assert "#" not in tag.raw and "#" not in tag.name
        assert not tag.raw.endswith("_") and not tag.raw.startswith("_")
        assert tag.name == " ".join(tag.raw.replace("_", " ").split())
        assert any(ch.isalpha() for ch in tag.raw), "a tag needs a letter"
        assert tag.key == normalize_identity(tag.raw)
        # The tag was written in the text after a '#' (modulo direction marks, leading '_').
        assert re.search("#_*" + re.escape(tag.raw), _visible(text))


_WORD = st.text(alphabet=_ARABIC + "\u064b\u0640", min_size=1, max_size=6).filter(lambda s: s[0] != "\u0640" and any(c.isalpha() for c in s))
_SEP = st.sampled_from([" ", " و", " بـ", "، ", ". ", "\n", " «", "» ", " (", ") ", "؟ ", " نص "])


@given(st.lists(st.tuples(st.lists(_WORD, min_size=1, max_size=3), _SEP), max_size=12))
@settings(max_examples=60, deadline=None)
def test_unique_in_first_appearance_order(written: list[tuple[list[str], str]]) -> None:
    text = "".join(f"{sep}#{'_'.join(words)}" for words, sep in written)
    expected: dict[str, str] = {}
    for words, _sep in written:
        expected.setdefault(normalize_identity(" ".join(words)), " ".join(words))
    assert [t.name for t in extract_hashtags(text)] == list(expected.values())


_URL_TAIL = st.text(alphabet=_ARABIC + "abc_123", min_size=1, max_size=10)


@given(_URL_TAIL, st.sampled_from(["https://news.example/a", "http://x.org/", "www.site.com/path", "C", "F", "###", "##", "x"]))
@settings(max_examples=150, deadline=None)
def test_no_tags_from_urls_headings_or_languages(fragment: str, prefix: str) -> None:
    assert extract_hashtags(f"نص {prefix}#{fragment} نص") == []


@given(st.text(alphabet=_ARABIC + "_0123456789", min_size=1, max_size=15).filter(lambda s: any(c.isalpha() for c in s)))
@settings(max_examples=150, deadline=None)
def test_a_written_tag_is_found_whatever_surrounds_it(tag: str) -> None:
    clean = tag.strip("_")
    for text in (f"#{tag}", f"قال «#{tag}»، ثم", f"و#{tag}.", f"(#{tag})", f"سطر\n#{tag}؟"):
        found = extract_hashtags(text)
        assert [t.raw for t in found] == [clean], text


# --- fast paths agree with their plain definitions ----------------------------------------

_CONTEXT = st.lists(
    st.sampled_from([*"وفبلكـ#ab_ \n«“\"'‘([{<>*،.ا1", "\u064b", "\u00a0", "\u2009", "http://x/", "C#", "##"]),
    max_size=20,
).map("".join)


@given(_CONTEXT)
@settings(max_examples=200, deadline=None)
@example("و#أ بـ#ب ـ#ج xو#د «وب#هـ» ووو#ز")
def test_fast_tag_scan_equals_the_documented_regex(text: str) -> None:
    from digest.text.hashtags import iter_hashtag_matches, iter_raw_tags

    assert list(iter_raw_tags(text)) == [raw for _match, raw in iter_hashtag_matches(text)]


def _reference_identity(text: str) -> str:
    """normalize_identity as documented, written the slow and obvious way."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]", "", text)
    table = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
    table |= dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    text = "".join(table.get(ch, ch) for ch in text).casefold()
    return " ".join(text.replace("_", " ").split())


@given(st.lists(st.sampled_from([*"أإآٱىةؤئـابت٠١۹3aBßİ_ \n", "\u200e", "\u202b", "\u061c", "e\u0301", "\u0650",
                                  "\u0651", "\u0654", "\u06d6"]), max_size=16).map("".join) | st.text(max_size=20))
@settings(max_examples=200, deadline=None)
def test_normalize_identity_matches_its_definition(text: str) -> None:
    assert normalize_identity(text) == _reference_identity(text)
