"""Property test (issue 13): front matter with well-typed and ill-typed values for every
known key. `digest build` never shows a traceback; an entry with any ill-typed value is one
line naming its file (and line), exit 1, and the site it leaves is exactly the previous one
(the bad entry left out, every other page byte for byte); a well-typed one builds, exit 0."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from digest.cli import cli
from digest.content.entries import FRONT_MATTER_KEYS
from digest.core.model import DATE_SOURCES, REVIEW_STATES, TRANSLATION_STATES

from .sites import make_entry, site_with_entries, snapshot

WORDS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ", min_size=1, max_size=12).map(lambda s: s.strip() or "خبر")
TEXT = st.one_of(WORDS, st.sampled_from(["AT&T", "<b>x</b>", "{{ 7*7 }}", "a: b", "# not a comment", "null", "yes", "12"]))
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
NOT_TEXT = st.one_of(st.integers(-5, 5), st.lists(WORDS, max_size=2), st.dictionaries(WORDS, WORDS, max_size=2), st.floats(allow_nan=False, allow_infinity=False))
OPTIONAL_TEXT = (st.one_of(st.none(), TEXT), NOT_TEXT)
WHEN = st.one_of(st.none(), DATES, TEXT)

# Sub-key → (well-typed, ill-typed) strategies of the `translation` and `review` mappings.
TRANSLATION = {
    "status": (st.sampled_from(TRANSLATION_STATES), st.one_of(st.just("published"), NOT_TEXT)),
    "provider": OPTIONAL_TEXT,
    "at": (WHEN, st.one_of(st.lists(WORDS, min_size=1, max_size=2), st.dictionaries(WORDS, WORDS, min_size=1, max_size=1))),
    # A hash of digits only reads as a number: accepted (as its digits); not a list or a float.
    "source_hash": (st.one_of(st.none(), TEXT, st.integers(0, 10**6)), st.one_of(st.lists(WORDS, max_size=2), st.dictionaries(WORDS, WORDS, max_size=2), st.floats(allow_nan=False, allow_infinity=False), st.booleans())),
}
REVIEW = {
    "state": (st.sampled_from(REVIEW_STATES), st.one_of(st.just("published"), NOT_TEXT)),
    "by": OPTIONAL_TEXT,
    "at": (WHEN, st.one_of(st.lists(WORDS, min_size=1, max_size=2), st.dictionaries(WORDS, WORDS, min_size=1, max_size=1))),
    "reason": OPTIONAL_TEXT,
    "flags": (st.one_of(st.none(), st.lists(TEXT, max_size=3)), st.one_of(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=1, max_size=2))),
}
EXTRA_VALUES = st.one_of(st.none(), TEXT, st.integers(-100, 100), st.booleans(), DATES, st.lists(TEXT, max_size=3))


@st.composite
def _sub_mapping(draw: st.DrawFn, subkeys: dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]) -> tuple[dict[str, Any], bool]:
    result: dict[str, Any] = {}
    good = True
    for name, (well, ill) in subkeys.items():
        choice = draw(st.sampled_from(["absent", "good", "good", "bad"]))
        if choice == "absent":
            continue
        result[name] = draw(well if choice == "good" else ill)
        good = good and choice == "good"
    return result, good


def _key_strategies() -> dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]:
    text_or_null = OPTIONAL_TEXT
    return {
        "title": (WORDS, st.one_of(st.just(""), st.just("   "), st.none(), NOT_TEXT)),
        "title_en": text_or_null,
        "source": text_or_null,
        "date": (DATES, st.one_of(st.just("أمس"), st.integers(0, 9), st.lists(DATES, min_size=1, max_size=1))),
        "date_source": (st.sampled_from(DATE_SOURCES), st.one_of(st.just("robot"), st.integers(0, 3))),
        "tags": (st.lists(WORDS, max_size=3), st.one_of(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=1, max_size=2), st.just([""]))),
        "tags_en": (st.dictionaries(WORDS, TEXT, max_size=2), st.one_of(st.lists(WORDS, min_size=1, max_size=2), st.dictionaries(WORDS, st.integers(0, 3), min_size=1, max_size=2))),
        "summary_ar": (st.one_of(st.none(), TEXT), st.one_of(st.integers(1, 3), st.lists(WORDS, min_size=1, max_size=2))),
        "summary_en": text_or_null,
        "summary_version": (st.one_of(st.none(), st.integers(0, 9)), st.one_of(WORDS, st.booleans(), st.lists(st.integers(0, 3), min_size=1, max_size=2))),
        "translation": (_sub_mapping(TRANSLATION).filter(lambda m: m[1]).map(lambda m: m[0]), st.one_of(_sub_mapping(TRANSLATION).filter(lambda m: not m[1]).map(lambda m: m[0]), st.just(["machine"]), st.just({"status": "edited", "by": "x"}))),
        "review": (_sub_mapping(REVIEW).filter(lambda m: m[1]).map(lambda m: m[0]), st.one_of(_sub_mapping(REVIEW).filter(lambda m: not m[1]).map(lambda m: m[0]), st.just("approved"))),
        "seed": text_or_null,
        "seed_sha256": text_or_null,
        "boilerplate": (
            st.lists(st.fixed_dictionaries({"text": TEXT, "reason": st.one_of(st.none(), TEXT)}), max_size=2),
            st.one_of(st.just("footer"), st.just([{"text": 1}]), st.just([{"text": "x", "reason": [1]}]), st.just([{"text": "x", "why": "y"}])),
        ),
        "machine": (st.dictionaries(st.sampled_from(["title", "body", "tags"]), st.text("0123456789abcdef", min_size=1, max_size=16), max_size=2), st.one_of(st.just([1]), st.just({"title": 5}))),
        "source_url": (
            st.one_of(st.none(), st.sampled_from(["https://example.com/a?b=1&c=<2>", "http://example.org/", "HTTPS://EXAMPLE.COM/x#y"])),
            st.one_of(st.sampled_from(["javascript:alert(1)", "ftp://example.com/", "https://", "//example.com/a", "data:text/html,x"]), st.integers(0, 3), st.lists(WORDS, min_size=1, max_size=1)),
        ),
        "extra": (
            st.dictionaries(st.sampled_from(["author", "section", "desk", "pages"]), EXTRA_VALUES, max_size=3),
            st.one_of(st.lists(WORDS, min_size=1, max_size=2), st.just({"rating": 4.5}), st.just({"when": dt.datetime(2024, 1, 1, 10, 0)}), st.just({"a": {"b": {"c": {"d": {"e": 1}}}}})),
        ),
        # The review desk's provenance of an editor's English (who, when, the machine's text).
        "edited": (
            st.one_of(st.none(), st.fixed_dictionaries({"by": TEXT, "at": WHEN, "machine": st.dictionaries(st.sampled_from(["title_en", "summary_en"]), TEXT, max_size=2)})),
            st.one_of(st.lists(WORDS, min_size=1, max_size=2), WORDS, st.integers(0, 3)),
        ),
    }


KEYS = _key_strategies()
assert set(KEYS) == set(FRONT_MATTER_KEYS), "every known key has a strategy"


@st.composite
def front_matter(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """(the mapping, whether every value is well typed). Required keys are present unless
    an ill-typed case leaves one out."""
    data: dict[str, Any] = {}
    good = True
    for key, (well, ill) in KEYS.items():
        required = key in ("title", "date")
        choice = draw(st.sampled_from(["good", "good", "bad"] if required else ["absent", "good", "good", "bad"]))
        if choice == "absent":
            continue
        data[key] = draw(well if choice == "good" else ill)
        good = good and choice == "good"
    if draw(st.integers(0, 9)) == 0:
        data["author"] = "فلان"  # an unknown key is an error too (extra: is the place for it)
        good = False
    return data, good


@pytest.fixture(scope="module")
def base_root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = site_with_entries(tmp_path_factory.mktemp("props") / "root", [make_entry("good-one", "خبر سليم", tags=["العراق"])])
    (root / "digest.toml").write_text("[build]\nworkers = 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"])
    assert result.exit_code == 0, result.output
    return root, snapshot(root / "site")


_ERROR_LINE = re.compile(r"error: (?:/.*/)?content/prop\.md:\d+: \S")


@settings(max_examples=40, derandomize=True, database=None, deadline=dt.timedelta(seconds=120), suppress_health_check=list(HealthCheck))
@given(case=front_matter())
def test_any_front_matter_builds_or_is_one_line_and_the_site_stays_whole(base_root: tuple[Path, dict[str, str]], case: tuple[dict[str, Any], bool]) -> None:
    root, base_site = base_root
    data, well_typed = case
    event("well typed" if well_typed else "ill typed")
    path = root / "content" / "prop.md"
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\nنص الخبر.\n", encoding="utf-8")
    try:
        result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"])
        output = result.stdout + result.stderr
        assert "Traceback" not in output and "internal error" not in output, output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        if well_typed:
            assert result.exit_code == 0 and errors == [], (data, result.stderr)
            assert (root / "site" / "articles" / "good-one" / "index.html").read_bytes()
        else:
            assert result.exit_code == 1, (data, result.output)
            assert len(errors) == 1 and _ERROR_LINE.match(errors[0]), (data, errors)
            assert snapshot(root / "site") == base_site  # the previous site, byte for byte
    finally:
        path.unlink()
        if well_typed:  # put the base site back for the next example
            CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"])
