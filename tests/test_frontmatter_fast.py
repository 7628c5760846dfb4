"""The fast front-matter reader (digest.content.fmread) against PyYAML: the same mapping, or None."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.content.entries import read_entry
from digest.content.frontmatter import split_front_matter
from digest.content.frontmatter.emit import dump_front_matter
from digest.content.frontmatter.fast import read_simple
from digest.text.charsafe import has_invalid_chars, strip_invalid_chars

PROJECT = Path(__file__).resolve().parent.parent

# Any text that can be written as UTF-8 (no surrogates), including YAML-looking words.
texts = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30) | st.sampled_from(
    ["null", "~", "yes", "No", "on", "TRUE", "12", "-0", "012", "0x1f", "1_000", "1.5", ".inf", "2020-01-05",
     "2020-1-5", "2020-13-45", "<<", "=", "a: b", "a #b", "- x", "'q'", '"q"', "a:b", "…", "داعش"]
)
scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.dates() | texts
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=10,
)


def _pyyaml(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _same(fast: object, slow: object) -> bool:
    """Equal with the same types all the way down (True == 1 and dates would slip through ==)."""
    return repr(fast) == repr(slow) and fast == slow


@given(st.dictionaries(texts, values, min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_emitted_front_matter_reads_as_pyyaml_reads_it(data: dict) -> None:
    text = dump_front_matter(data)
    fast = read_simple(text)
    if fast is not None:
        assert _same(fast, _pyyaml(text))


entry_like = st.fixed_dictionaries(
    {
        "title": texts.filter(str.strip),
        "date": st.dates(),
        "tags": st.lists(texts, max_size=5),
        "tags_en": st.dictionaries(texts, texts, max_size=3),
        "summary_version": st.none() | st.integers(0, 9),
        "review": st.fixed_dictionaries({"state": st.sampled_from(["draft", "approved"]), "at": st.none() | texts}),
        "boilerplate": st.lists(st.fixed_dictionaries({"text": texts, "reason": texts}), max_size=2),
    }
)


@given(entry_like)
@settings(max_examples=50, deadline=None)
def test_entry_shaped_front_matter_mostly_takes_the_fast_path(data: dict) -> None:
    text = dump_front_matter(data)
    fast = read_simple(text)
    if fast is not None:
        assert _same(fast, _pyyaml(text))
    # Everything the emitter writes except unusual keys is in the simple form.
    printable_keys = all(k.isprintable() and len(k) < 200 for k in [*data["tags_en"]])
    if printable_keys:
        assert fast is not None, text


def test_real_entry_files_take_the_fast_path_with_identical_results() -> None:
    files = sorted((PROJECT / "content").glob("*.md"))
    assert files
    for path in files:
        fm_text = split_front_matter(path.read_text(encoding="utf-8"), path)[0]
        fast = read_simple(fm_text)
        assert fast is not None and _same(fast, _pyyaml(fm_text))


HAND_EDITED = [
    "title: a\n# a comment\ndate: 2020-01-05\n",
    "title: a  # trailing comment\n",
    "title: a\n\ndate: 2020-01-05\n",
    "title: a\n  continued on the next line\n",
    "tags: [a, b]\n",
    "tags:\n  - a\n  - b\n",
    "tags:\n- a\n-\n- b\n",
    "title: &x a\nsource: *x\n",
    "title: |\n  block\n",
    "title: >\n  folded\n",
    "title: 'it''s'\n",
    "title: 'a' b\n",
    'title: "a\\x41"\n',
    'title: "a\\/b"\n',
    'title: "\\ud83d\\ude00"\n',
    'title: "a"  \n',
    "title:  two spaces\n",
    "title: a\t\n",
    "title:\ta\n",
    "title: a\r\ndate: 2020-01-05\r\n",
    "title: a\u2028b\n",
    "date: 2020-13-45\n",
    "date: 2020-1-5\n",
    "date: 2020-01-05 10:00:00\n",
    "summary_version: 012\n",
    "summary_version: 0x1f\n",
    "summary_version: +3\n",
    "summary_version: 1.0\n",
    "review: yes\ntranslation: Off\nseed: ~\nsource: Null\n",
    "<<: {a: 1}\n",
    "1: a\n",
    "null: a\n",
    '"quoted key": a\n"x": "y"\n',
    "'single key': a\n",
    "title: a\ntitle: b\n",
    "review:\n  state: approved\n  flags:\n  - a\n  - kind: x\n    note: y\n",
    "review:\n    state: approved\n    by: x\n",
    "review:\nsource: a\n",
    "boilerplate:\n- text: a\n  reason:\n- text: b\n",
    "boilerplate:\n- - a\n",
    "- a\n- b\n",
    "just text\n",
    "title: a\n...\n",
    "title: a:b\nsource: c: d\n",
    "k" * 300 + ": a\n",
    "title: x\n  y: z\n",
    "tags:\n- a\n  b\n",
    "title: a\ufeff\n",
    "title: \x85\n",
]


@pytest.mark.parametrize("text", HAND_EDITED)
def test_hand_edited_forms_read_as_pyyaml_reads_them_or_go_to_pyyaml(text: str) -> None:
    fast = read_simple(text)
    if fast is None:
        return
    assert _same(fast, _pyyaml(text))


def test_common_hand_edits_still_take_the_fast_path() -> None:
    assert read_simple("title: 'it''s'\nreview:\n  at: '2026-11-26T15:02:28Z'\n") == {
        "title": "it's",
        "review": {"at": "2026-11-26T15:02:28Z"},
    }
    assert read_simple("date: 2020-01-05\nsource: ~\nsummary_version: 3\n") == {
        "date": dt.date(2020, 1, 5),
        "source": None,
        "summary_version": 3,
    }
    assert read_simple("tags:\n  - a\n  - b\n") == {"tags": ["a", "b"]}


@pytest.mark.parametrize("text", ["title: a # c\n", "title: a\n  b\n", "date: 2020-13-45\n", "tags: [a]\n"])
def test_what_pyyaml_reads_differently_or_rejects_goes_to_pyyaml(text: str) -> None:
    assert read_simple(text) is None


def test_bad_dates_keep_pyyamls_error_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: a\ndate: 2020-13-45\n---\nbody\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        read_entry(path)
    assert ":3" in str(info.value) or "line 3" in str(info.value)


@given(st.text(max_size=40))
@settings(max_examples=50, deadline=None)
def test_has_invalid_chars_agrees_with_strip(text: str) -> None:
    assert has_invalid_chars(text) == (strip_invalid_chars(text) != text)


def test_escaped_control_characters_are_still_removed(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text('---\ntitle: "a\\u0001b"\ndate: 2020-01-05\ntags:\n- "c\\u007fd"\n---\nbody\n', encoding="utf-8")
    entry = read_entry(path)
    assert (entry.title, entry.tags) == ("ab", ["cd"])
