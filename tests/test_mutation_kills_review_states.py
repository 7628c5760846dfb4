"""Tests that kill mutants of digest.review.states that the other tests let survive (issue 17,
benchmarks/mutation.sh review.states). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli

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


def test_review_list_shows_an_entry_outside_the_root_when_digest_toml_allows_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (tmp_path / "shared-desk").mkdir()
    (tmp_path / "shared-desk" / "khabar.md").write_text(ENTRY, encoding="utf-8")
    (root / "content" / "khabar.md").symlink_to(tmp_path / "shared-desk" / "khabar.md")
    (root / "digest.toml").write_text("[ingest]\nallow_outside_root = true\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "review", "list", "--json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert (item["slug"], item["title"], item["review"]["state"]) == ("khabar", "خبر عاجل", "draft")
