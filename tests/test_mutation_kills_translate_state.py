"""Tests that kill mutants of digest.translate.state that the other tests let survive (issue 17,
benchmarks/mutation.sh translate.state). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from libre_stub import LibreStub

from digest.cli import cli


def ok(root: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["-C", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def listed(root: Path) -> dict:
    (item,) = json.loads(ok(root, "list", "--json"))
    return item


def only_entry(root: Path) -> Path:
    (path,) = (root / "content").glob("*.md")
    return path


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (old, text[:800])
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def translated(site_root: Path) -> Path:
    """The seed ingested and machine-translated through the loopback LibreTranslate stub."""
    ok(site_root, "ingest")
    with LibreStub() as stub:
        ok(site_root, "translate", "--provider", "libre", "--provider-url", stub.url)
    assert listed(site_root)["translation"] == {"status": "machine", "provider": "libre"}
    return site_root


def hand_written(tmp_path: Path, english: str) -> Path:
    root = tmp_path / "hand"
    (root / "content").mkdir(parents=True)
    (root / "content" / "khabar.md").write_text(
        f"---\ntitle: خبر عاجل\ndate: 2024-05-01\nsummary_ar: ملخص الخبر.\n{english}---\n\nنص الخبر.\n", encoding="utf-8"
    )
    return root


def test_english_summary_an_editor_wrote_under_an_arabic_only_headline_is_edited(tmp_path: Path) -> None:
    # No title_en at all: the summary must still be seen as the editor's English.
    root = hand_written(tmp_path, "summary_en: Written by the editor.\n")
    item = listed(root)
    assert item["translation"] == {"status": "edited", "provider": None}
    assert (item["title_en"], item["summary_en"]) == (None, "Written by the editor.")


def test_english_marked_edited_is_listed_as_the_current_translation(tmp_path: Path) -> None:
    root = hand_written(tmp_path, "title_en: Breaking news\nsummary_en: The summary.\ntranslation:\n  status: edited\n")
    item = listed(root)
    assert item["translation"] == {"status": "edited", "provider": None}
    assert (item["title_en"], item["summary_en"]) == ("Breaking news", "The summary.")


def test_machine_english_an_editor_marked_edited_stays_edited(translated: Path) -> None:
    # The editor accepted the machine text as it is and said so: the text still has its hash.
    replace_in(only_entry(translated), "\n  status: machine\n", "\n  status: edited\n")
    item = listed(translated)
    assert item["translation"] == {"status": "edited", "provider": "libre"}
    assert item["title_en"] is not None and item["summary_en"] is not None


def test_english_labelled_stale_stays_stale_though_the_arabic_matches_its_hash(translated: Path) -> None:
    replace_in(only_entry(translated), "\n  status: machine\n", "\n  status: stale\n")
    item = listed(translated)
    assert item["translation"] == {"status": "stale", "provider": "libre"}
    assert (item["title_en"], item["summary_en"]) == (None, None)


def test_a_machine_headline_without_an_english_summary_is_a_current_translation(translated: Path) -> None:
    entry = only_entry(translated)
    (summary_line,) = [line for line in entry.read_text(encoding="utf-8").split("\n") if line.startswith("summary_en:")]
    replace_in(entry, summary_line + "\n", "summary_en: null\n")
    item = listed(translated)
    assert item["translation"] == {"status": "machine", "provider": "libre"}
    assert item["title_en"] is not None and item["summary_en"] is None
