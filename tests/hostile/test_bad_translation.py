"""One bad provider answer never blocks the others (issue 13, point 4): an answer that is
not well-formed text (a lone surrogate, a control character), empty, or absurdly longer
than its source is rejected with a warning naming the entry; every other translation of
the run is written to its entry and the site is built."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from libre_stub import LibreStub, fake_translate

from digest.cli import cli
from digest.content.entries import load_entries, read_entry, write_entry
from digest.core.config import Config
from digest.core.model import Entry, Review
from digest.translate import RetryPolicy, translate_entries

FAST = RetryPolicy(workers=2, timeout=2, retries=1, backoff_base=0.01, backoff_max=0.02, breaker_threshold=4)
TITLES = {"good": "خبر جيد عن الاقتصاد", "bad": "خبر سيئ عن السياسة", "other": "خبر آخر عن الرياضة"}
SUMMARY = "ملخص قصير للخبر."
TAG = "السياسة"


def _pending(slug: str, tags: list[str]) -> Entry:
    entry = Entry(slug=slug, title=TITLES[slug], body="نص الخبر.", date=dt.date(2024, 3, 1), summary_ar=SUMMARY,
                  tags=tags, review=Review(state="approved", by="tests"))
    for name in ("title", "summary_ar", "tags", "body"):
        entry.record_machine(name)
    return entry


@pytest.fixture
def stub():
    with LibreStub() as server:
        yield server


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "root"
    (site / "content").mkdir(parents=True)
    write_entry(_pending("good", []), site / "content")
    write_entry(_pending("bad", [TAG]), site / "content")
    write_entry(_pending("other", []), site / "content")
    (site / "digest.toml").write_text('[build]\nworkers = 1\n[translate]\nretries = 1\ntimeout = 5\n', encoding="utf-8")
    return site


def _entry(root: Path, slug: str) -> Entry:
    return read_entry(root / "content" / f"{slug}.md")


def _build(root: Path, stub: LibreStub) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--provider", "libre", "--provider-url", stub.url])
    return result.exit_code, result.stdout, result.stderr


def test_a_lone_surrogate_in_a_title_rejects_that_entry_only(root: Path, stub: LibreStub) -> None:
    stub.answers[TITLES["bad"]] = "Label \ud800"  # JSON "Label \ud800": decodes to a lone surrogate
    for _run in range(2):  # the next run is no different: nothing poisoned is stored
        code, stdout, stderr = _build(root, stub)
        assert code == 0, stderr
        assert "Traceback" not in stderr and "internal error" not in stderr
        assert "warning: translate: 1 entry failed (e.g. bad: answer rejected: the answer holds U+D800 (lone surrogate)); they stay pending" in stderr.splitlines()
        assert "build: " in stdout
    for slug in ("good", "other"):
        done = _entry(root, slug)
        assert done.translation.status == "machine"
        assert done.title_en == fake_translate(TITLES[slug]) and done.summary_en == fake_translate(SUMMARY)
    bad = _entry(root, "bad")
    assert bad.translation.status == "pending" and bad.title_en is None
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert fake_translate(TITLES["good"]) in page and fake_translate(TITLES["other"]) in page


def test_a_bad_tag_label_leaves_that_label_out_and_writes_the_rest(root: Path, stub: LibreStub) -> None:
    stub.answers[TAG] = "Label \ud800"
    code, _stdout, stderr = _build(root, stub)
    assert code == 0, stderr
    assert (
        "warning: translate: 1 tag label failed (e.g. bad: tag 'السياسة': answer rejected: the answer holds "
        "U+D800 (lone surrogate)); left untranslated"
    ) in stderr.splitlines()
    bad = _entry(root, "bad")
    assert bad.translation.status == "machine" and bad.title_en == fake_translate(TITLES["bad"])
    assert bad.tags_en == {}
    assert _entry(root, "good").translation.status == "machine"
    assert (root / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("Headline \x00 with a NUL", "the answer holds U+0000 (control character)"),
        ("Headline \x1b[31m red", "the answer holds U+001B (control character)"),
        ("Headline \x85 NEL", "the answer holds U+0085 (control character)"),
        ("word " * 100, "the answer is 499 characters long for a 18-character text"),
    ],
    ids=["nul", "escape", "c1", "too-long"],
)
def test_malformed_answers_are_rejected_one_by_one(root: Path, stub: LibreStub, answer: str, why: str) -> None:
    stub.answers[TITLES["bad"]] = answer
    entries, errors = load_entries(root / "content")
    assert errors == []
    report = translate_entries(root, entries, Config.for_test(), provider="libre", provider_url=stub.url, policy=FAST)
    assert report.failed == ["bad"] and sorted(report.translated) == ["good", "other"]
    assert report.warnings == [f"translate: 1 entry failed (e.g. bad: answer rejected: {why}); they stay pending"]
    assert _entry(root, "bad").translation.status == "pending"
    assert _entry(root, "good").title_en == fake_translate(TITLES["good"])


def test_an_empty_answer_is_rejected_and_tabs_newlines_are_fine(root: Path, stub: LibreStub) -> None:
    stub.answers[TITLES["bad"]] = "   "
    stub.answers[TITLES["other"]] = "Other\tnews"
    entries, _errors = load_entries(root / "content")
    report = translate_entries(root, entries, Config.for_test(), provider="libre", provider_url=stub.url, policy=FAST)
    assert report.failed == ["bad"]
    assert "empty translation" in report.warnings[0] and "bad" in report.warnings[0]
    assert _entry(root, "other").title_en == "Other\tnews"


def test_a_bad_translation_already_in_the_memory_is_asked_again(root: Path, stub: LibreStub) -> None:
    """Stored by an older digest, which did not check answers: not used, sent again."""
    from digest.translate.memory import TranslationMemory

    memory = TranslationMemory.for_root(root)
    memory.put("libre", "ar>en", TITLES["bad"], "Headline \x1b[31m")
    memory.close()
    entries, _errors = load_entries(root / "content")
    report = translate_entries(root, entries, Config.for_test(), provider="libre", provider_url=stub.url, policy=FAST)
    assert sorted(report.translated) == ["bad", "good", "other"] and report.warnings == []
    assert TITLES["bad"] in stub.texts
    assert _entry(root, "bad").title_en == fake_translate(TITLES["bad"])
