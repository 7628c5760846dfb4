"""content/*.md: the front-matter emitter round-trips, bad files are reported as file:line,
article text stays text in Markdown."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from digest.content.entries import body_from_paragraphs, entry_to_text, escape_markdown, load_entries, read_entry
from digest.content.frontmatter.emit import dump_front_matter
from digest.core.errors import ContentError
from digest.core.model import Entry

# Strings as they occur in entries: any text that can be written as UTF-8 (no surrogates).
texts = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.dates() | texts
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=8,
)


@given(st.dictionaries(texts, values, max_size=6))
@settings(max_examples=80, deadline=None)
def test_emitter_round_trips_through_pyyaml(data: dict) -> None:
    text = dump_front_matter(data)
    assert yaml.load(text, Loader=yaml.CSafeLoader) == (data or {})


@given(st.dictionaries(st.sampled_from(["title", "summary_ar", "source"]), texts, min_size=1))
@settings(max_examples=100, deadline=None)
@example({"title": "0E0", "source": "1e5", "summary_ar": "0o17"})  # floats/ints in YAML 1.2 only
@example({"title": "True", "source": ".NaN", "summary_ar": "0x1F"})
def test_emitter_output_is_read_by_ruamel_too(data: dict) -> None:
    """review.py edits front matter with ruamel.yaml (round-trip mode)."""
    loaded = YAML(typ="rt").load(dump_front_matter(data))
    assert {k: str(v) for k, v in loaded.items()} == data


def test_emitter_writes_arabic_plainly_and_quotes_what_yaml_would_misread() -> None:
    text = dump_front_matter(
        {"title": "خبر: عاجل", "source": "وكالات", "date": dt.date(2020, 1, 2), "tags": ["داعش", "yes", "2020"],
         "summary_en": None, "tags_en": {}, "boilerplate": [{"text": "نص", "reason": "pattern"}], "n": 1}
    )
    assert text == (
        'title: "خبر: عاجل"\nsource: وكالات\ndate: 2020-01-02\ntags:\n- داعش\n- "yes"\n- "2020"\n'
        "summary_en: null\ntags_en: {}\nboilerplate:\n- text: نص\n  reason: pattern\nn: 1\n"
    )


def _entry(**fields) -> Entry:
    entry = Entry(slug="خبر", title="عنوان", body="نص #وسم", date=dt.date(2020, 1, 2))
    for name, value in fields.items():
        setattr(entry, name, value)
    return entry


def test_entry_round_trips_through_its_file(tmp_path: Path) -> None:
    entry = _entry(source="كاتماندو – وكالات", tags=["وسم"], summary_ar="ملخص: قصير #1", machine={"title": "00ff"},
                   boilerplate=[{"text": "اشترك الآن", "reason": "promo"}])
    path = tmp_path / "خبر.md"
    path.write_text(entry_to_text(entry), encoding="utf-8")
    back = read_entry(path)
    for name in ("title", "source", "tags", "summary_ar", "machine", "boilerplate", "date", "body"):
        assert getattr(back, name) == getattr(entry, name), name


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: x\n", 1, "missing front matter"),
        ("---\ntitle: x\n", 1, "not closed"),
        ("---\ntitle: x\ndate: 2020-01-02\ntitel: y\n---\n", 4, "unknown front-matter key 'titel'"),
        ("---\ntitle: [x\ndate: 2020-01-02\n---\n", None, "invalid YAML"),
        ("---\ntitle: x\ndate: 2020-13-45\n---\n", 3, "invalid value in front matter: month must be in 1..12"),
        ("---\ntitle: x\ndate: 20200102\n---\n", 3, "'date' must be YYYY-MM-DD"),
        ("---\ntitle: x\ndate: 2020-01-02\ntags: وسم\n---\n", 4, "'tags' must be a list"),
        ("---\ntitle: ''\ndate: 2020-01-02\n---\n", 2, "'title' must be a non-empty string"),
        ("---\ntitle: x\ndate: 2020-01-02\nreview: {state: maybe}\n---\n", 4, "'review.state' must be one of"),
    ],
)
def test_bad_content_files_name_file_and_line(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        read_entry(path)
    error = info.value
    assert message in str(error) and str(error).startswith(str(path))
    if line is not None:
        assert error.line == line


def test_load_entries_collects_errors_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(entry_to_text(_entry()), encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"---\ntitle: \xff\n---\n")
    entries, errors = load_entries(tmp_path)
    assert [e.slug for e in entries] == ["good"]
    assert len(errors) == 1 and "not valid UTF-8" in str(errors[0])


@pytest.mark.parametrize(
    ("paragraph", "markdown"),
    [
        ("نص *ليس* تأكيدا و[ليس](رابطا) و`كود`", "نص \\*ليس\\* تأكيدا و\\[ليس\\](رابطا) و\\`كود\\`"),
        ("# ليس عنوانا", "\\# ليس عنوانا"),
        ("- ليس قائمة\n1. ولا هذه\n> ولا اقتباس", "\\- ليس قائمة\n1\\. ولا هذه\n\\> ولا اقتباس"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("الوسم #قوات_البيشمركة يبقى", "الوسم #قوات_البيشمركة يبقى"),
        ("snake_case و a_b", "snake\\_case و a\\_b"),
    ],
)
def test_article_text_stays_text_in_markdown(paragraph: str, markdown: str) -> None:
    assert escape_markdown(paragraph) == markdown


def test_body_paragraphs_are_blank_line_separated() -> None:
    assert body_from_paragraphs(["أ", "ب\nج"]) == "أ\n\nب\nج"


# --- the quick index of content/ (digest.content.entryindex) -----------------------------------------

from digest.content.entryindex import index_entries, scan_entry  # noqa: E402

_SEED_VALUES = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)


@given(_SEED_VALUES, st.none() | st.text("0123456789abcdef", min_size=64, max_size=64), st.none() | st.integers(0, 99))
@settings(max_examples=80, deadline=None)
@example("a\\u: x", None, 1)  # a backslash before "u" in a quoted value is not a \u escape
def test_quick_scan_agrees_with_yaml_or_declines(tmp_path_factory: pytest.TempPathFactory, seed: str,
                                                 sha: str | None, version: int | None) -> None:
    path = tmp_path_factory.mktemp("idx") / "e.md"
    fm = dump_front_matter({"title": "عنوان", "date": dt.date(2020, 1, 2), "summary_version": version,
                            "seed": seed, "seed_sha256": sha})
    path.write_text(f"---\n{fm}---\n\nنص\n", encoding="utf-8")
    quick = scan_entry(path)
    data = yaml.load(fm, Loader=yaml.CSafeLoader)
    if quick is not None:  # when it answers, it answers what YAML says
        assert (quick.seed, quick.seed_sha256, quick.summary_version) == (data["seed"], data["seed_sha256"], data["summary_version"])
    if seed.isprintable() and seed == seed.strip() and seed[0].isalpha():
        assert quick is not None  # ordinary seed paths are always indexed quickly


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("seed: seeds/a.txt\nseed_sha256: null\n", "seeds/a.txt"),
        ("seed: 'seeds/it''s.txt'\n", "seeds/it's.txt"),  # ruamel's single quotes
        ('seed: "seeds/\\u0627.txt"\n', None),  # escapes: leave it to YAML
        ("seed: seeds/a.txt # moved\n", None),  # a comment
        ("seed: seeds/a.txt\nseed: seeds/b.txt\n", None),  # repeated key
        ("seed: null\n", None),
        ("seed: seeds/a.txt\nsummary_version: 010\n", None),  # octal in YAML 1.1
        ("seed: seeds/a.txt\nseed_sha256: abc\n", None),
        ("seed: >-\n  seeds/a.txt\n", None),
    ],
)
def test_quick_scan_declines_whatever_it_is_not_sure_of(tmp_path: Path, lines: str, expected: str | None) -> None:
    path = tmp_path / "e.md"
    path.write_text(f"---\ntitle: عنوان\ndate: 2020-01-02\n{lines}---\n\nنص\n", encoding="utf-8")
    quick = scan_entry(path)
    assert (quick.seed if quick else None) == expected


def test_index_loads_in_full_what_it_cannot_scan(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(entry_to_text(_entry(seed="seeds/a.txt", seed_sha256="0" * 64)), encoding="utf-8")
    (tmp_path / "b.md").write_text(entry_to_text(_entry(seed=None)), encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    indexed, loaded, errors = index_entries(tmp_path)
    assert [(e.slug, e.seed) for e in indexed] == [("a", "seeds/a.txt")]
    assert [e.slug for e in loaded] == ["b"] and len(errors) == 1 and "c.md" in str(errors[0])
    assert indexed[0].load().seed_sha256 == "0" * 64
