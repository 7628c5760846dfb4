"""Tests that kill mutants of digest.review.states that the other tests let survive (issue 17,
benchmarks/mutation.sh review.states). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

import getpass
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli import cli
from digest.review import desk

ENTRY = (
    "---\ntitle: خبر عاجل\ndate: 2024-05-01\ntitle_en: Breaking news\nsummary_ar: ملخص الخبر.\n"
    "summary_en: The summary.\ntranslation:\n  status: edited\n---\n\nنص الخبر.\n"
)


def test_approval_without_by_or_digest_editor_records_the_login_name(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "khabar.md").write_text(ENTRY, encoding="utf-8")
    env = {"DIGEST_EDITOR": None, "LOGNAME": "layla", "USER": "layla", "LNAME": None, "USERNAME": None}
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "review", "approve", "khabar"], env=env)
    assert result.exit_code == 0, result.output
    (item,) = json.loads(CliRunner().invoke(cli, ["-C", str(tmp_path), "review", "list", "--json"]).stdout)
    assert item["review"]["state"] == "approved"
    assert item["review"]["by"] == "layla"



def _site_linking_outside(tmp_path: Path, folder: str, slug: str) -> Path:
    """A site root (tmp_path/site) whose content/<slug>.md is a link to ENTRY in tmp_path/<folder>."""
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (tmp_path / folder).mkdir()
    (tmp_path / folder / f"{slug}.md").write_text(ENTRY, encoding="utf-8")
    (root / "content" / f"{slug}.md").symlink_to(tmp_path / folder / f"{slug}.md")
    return root
def test_review_list_shows_an_entry_outside_the_root_when_digest_toml_allows_it(tmp_path: Path) -> None:
    root = _site_linking_outside(tmp_path, "shared-desk", "khabar")
    (root / "digest.toml").write_text("[ingest]\nallow_outside_root = true\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "review", "list", "--json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert (item["slug"], item["title"], item["review"]["state"]) == ("khabar", "خبر عاجل", "draft")


PENDING = "---\ntitle: خبر\ndate: 2024-05-01\nsummary_ar: ملخص.\n---\n\nنص.\n"


def review(root: Path, *args: str, editor: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["-C", str(root), "review", *args], env={"DIGEST_EDITOR": editor})


def site_with(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "content").mkdir(exist_ok=True)
    for slug, text in files.items():
        (tmp_path / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
    return tmp_path


def review_block(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("review:\n", 1)[1].split("\n---\n", 1)[0]


def test_an_entry_leading_outside_the_root_is_refused_by_name_unless_allowed(tmp_path: Path) -> None:
    root = _site_linking_outside(tmp_path, "desk", "out")
    refused = review(root, "approve", "out", "--by", "Ana")
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"error: content/out.md: refused: it leads outside the site root (to {tmp_path / 'desk' / 'out.md'}); "
        "set ingest.allow_outside_root = true in digest.toml to allow it\n"
    )
    assert "review:" not in (tmp_path / "desk" / "out.md").read_text(encoding="utf-8")
    (root / "digest.toml").write_text("[ingest]\nallow_outside_root = true\n", encoding="utf-8")
    assert review(root, "approve", "out", "--by", "Ana").exit_code == 0
    assert review_block(root / "content" / "out.md").startswith("  state: approved\n  by: Ana\n")


def test_approval_records_editor_when_the_system_has_no_login_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login_name() -> str:
        raise KeyError("getpwuid(): uid not found: 1000")  # a container user without a passwd entry

    monkeypatch.setattr(getpass, "getuser", no_login_name)
    root = site_with(tmp_path, khabar=ENTRY)
    assert review(root, "approve", "khabar").exit_code == 0
    assert review_block(root / "content" / "khabar.md").startswith("  state: approved\n  by: editor\n")


def test_a_slug_typed_in_another_case_finds_its_entry_but_never_guesses_between_two(tmp_path: Path) -> None:
    root = site_with(tmp_path, khabar=ENTRY, **{"Xinjiang-news": ENTRY, "xinjiang-news": ENTRY})
    assert review(root, "approve", "KHABAR", "--by", "Ana").output == "khabar: draft → approved\n"
    assert review(root, "approve", "Xinjiang-news", "--by", "Ana").output == "Xinjiang-news: draft → approved\n"
    assert "review:" not in (root / "content" / "xinjiang-news.md").read_text(encoding="utf-8")  # still a draft
    ambiguous = review(root, "approve", "XINJIANG-NEWS", "--by", "Ana")
    assert ambiguous.exit_code == 1
    assert ambiguous.stderr == "error: content: no entry with slug 'XINJIANG-NEWS' (see `digest review list`)\n"


def test_approval_time_is_recorded_to_the_second_in_utc(tmp_path: Path) -> None:
    root = site_with(tmp_path, khabar=ENTRY)
    review(root, "approve", "khabar", "--by", "Ana")
    assert re.fullmatch(
        r"  state: approved\n  by: Ana\n  at: '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'\n  reason: null",
        review_block(root / "content" / "khabar.md"),
    )


def test_a_second_approval_by_another_editor_is_recorded(tmp_path: Path) -> None:
    root = site_with(tmp_path, khabar=ENTRY)
    review(root, "approve", "khabar", "--by", "Ana")
    assert review(root, "approve", "khabar", "--by", "Omar").exit_code == 0
    assert review_block(root / "content" / "khabar.md").startswith("  state: approved\n  by: Omar\n")
    review(root, "reject", "khabar", "--by", "Omar", "--reason", "مصدر واحد")
    review(root, "reject", "khabar", "--by", "Omar", "--reason", "مصدر مجهول")
    assert "  reason: مصدر مجهول" in review_block(root / "content" / "khabar.md")


def test_reopening_a_draft_again_leaves_its_file_untouched(tmp_path: Path) -> None:
    root = site_with(tmp_path, khabar=ENTRY)
    review(root, "reject", "khabar", "--by", "Ana", "--reason", "مصدر واحد")
    review(root, "reopen", "khabar", editor="Omar")
    before = (root / "content" / "khabar.md").read_bytes()
    assert review(root, "reopen", "khabar", editor="Layla").exit_code == 0
    assert (root / "content" / "khabar.md").read_bytes() == before


def test_approving_pending_english_names_the_file(tmp_path: Path) -> None:
    root = site_with(tmp_path, khabar=PENDING)
    refused = review(root, "approve", "khabar", "--by", "Ana")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "error: content/khabar.md: the English translation is pending; "
        "translate or edit it first, or approve anyway with --force\n"
    )


def test_the_review_desk_cannot_approve_pending_english(tmp_path: Path) -> None:
    # The desk's approve button calls desk.change_state, which never forces.
    root = site_with(tmp_path, khabar=PENDING)
    path = root / "content" / "khabar.md"
    with pytest.raises(Exception, match="the English translation is pending"):
        desk.change_state(root, "khabar", "approved", hashlib.sha256(path.read_bytes()).hexdigest(), by="Ana")
    assert path.read_text(encoding="utf-8") == PENDING
