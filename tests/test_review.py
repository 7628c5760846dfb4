"""Review states and the publish gate: every state change through the CLI, files keep their
front-matter order and comments, and only approved (or, with publish = "all", draft) entries
are public."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli import cli
from digest.content.entries import read_entry
from digest.core.config import Config
from digest.core.model import Entry, Review
from digest.review.states import approve_command, is_public

SLUG = "خبر-تجريبي"
# A hand-edited entry: comments, a flow mapping, quoted strings, an editor's key order.
ENTRY_TEXT = """\
---
# Checked against the agency wire — Sam
title: 'خبر تجريبي: عنوان للتجربة'
date: 2020-10-01   # from the dateline
date_source: editor
source: وكالات
tags: [أربيل, بغداد]
summary_ar: قال التحالف إنه لا يملك أي قواعد في العراق.
title_en: "Coalition: no bases in Iraq"
summary_en: The coalition said it has no bases in Iraq.
translation: {status: edited, provider: editors}
review:
  state: draft   # new
  by: null
  at: null
  reason: null
---

قال التحالف إنه لا يملك أي قواعد في #العراق.\x20\x20
سطر ثانٍ بعد فاصل سطر **مهم**.

\\* نجمة حرفية
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / f"{SLUG}.md").write_text(ENTRY_TEXT, encoding="utf-8")
    return tmp_path


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["-C", str(root), "review", *args], env=env)


def entry_file(root: Path, slug: str = SLUG) -> Path:
    return root / "content" / f"{slug}.md"


def test_approve_records_who_and_when_and_keeps_everything_else(root: Path) -> None:
    result = run(root, "approve", SLUG, "--by", "Digest editors")
    assert result.exit_code == 0, result.output
    assert f"{SLUG}: draft → approved" in result.output
    text = entry_file(root).read_text(encoding="utf-8")
    entry = read_entry(entry_file(root))
    assert entry.review.state == "approved" and entry.review.by == "Digest editors"
    at = dt.datetime.fromisoformat(entry.review.at.replace("Z", "+00:00"))  # type: ignore[union-attr]
    assert at.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(days=1)
    # Only the review mapping changed: every other line, comment and the body are intact.
    before, after = ENTRY_TEXT.split("\n"), text.split("\n")
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(before) == len(after)
    # (ruamel keeps the comment; only its spacing follows the longer value)
    assert [a for _, a in changed] == ["  state: approved # new", "  by: Digest editors", f"  at: '{entry.review.at}'"]
    assert text.endswith(ENTRY_TEXT.split("---\n", 2)[2])


def test_reject_with_reason_then_reopen(root: Path) -> None:
    assert run(root, "reject", SLUG, "--by", "Ana", "--reason", "duplicate story").exit_code == 0
    review = read_entry(entry_file(root)).review
    assert (review.state, review.by, review.reason) == ("rejected", "Ana", "duplicate story")
    result = run(root, "reopen", SLUG, "--by", "Ana")
    assert result.exit_code == 0 and "rejected → draft" in result.output
    review = read_entry(entry_file(root)).review
    assert (review.state, review.reason) == ("draft", None)
    assert "# Checked against the agency wire — Sam" in entry_file(root).read_text(encoding="utf-8")


def test_by_defaults_to_digest_editor(root: Path) -> None:
    assert run(root, "approve", SLUG, env={"DIGEST_EDITOR": "Night desk"}).exit_code == 0
    assert read_entry(entry_file(root)).review.by == "Night desk"


def test_repeating_a_change_leaves_the_file_untouched(root: Path) -> None:
    run(root, "approve", SLUG, "--by", "Ana")
    before = entry_file(root).read_bytes()
    result = run(root, "approve", SLUG, "--by", "Ana")
    assert result.exit_code == 0 and "already approved" in result.output
    assert entry_file(root).read_bytes() == before


@pytest.mark.parametrize("status", ["pending", "stale"])
def test_approving_pending_or_stale_english_needs_force(root: Path, status: str) -> None:
    path = entry_file(root)
    # A machine translation gone stale (its hash recorded), or no English at all.
    text = ENTRY_TEXT.replace("{status: edited, provider: editors}", f"{{status: {status}}}")
    if status == "pending":
        text = text.replace('title_en: "Coalition: no bases in Iraq"\n', "").replace(
            "summary_en: The coalition said it has no bases in Iraq.\n", ""
        )
    path.write_text(text, encoding="utf-8")
    result = run(root, "approve", SLUG, "--by", "Ana")
    assert result.exit_code == 1
    assert f"translation is {status}" in result.output and "--force" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert read_entry(path).review.state == "draft"
    assert run(root, "approve", SLUG, "--by", "Ana", "--force").exit_code == 0
    assert read_entry(path).review.state == "approved"


def test_machine_translation_of_changed_arabic_counts_as_stale(root: Path) -> None:
    path = entry_file(root)
    path.write_text(ENTRY_TEXT.replace("{status: edited, provider: editors}", "{status: machine, provider: google, source_hash: 0000}"), encoding="utf-8")
    result = run(root, "approve", SLUG)
    assert result.exit_code == 1 and "translation is stale" in result.output


def test_unknown_slug_is_one_line_and_exit_1(root: Path) -> None:
    for action in ("approve", "reject", "reopen"):
        result = run(root, action, "no-such-entry")
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == ["error: content: no entry with slug 'no-such-entry' (see `digest review list`)"]


def test_review_key_is_added_after_translation_when_missing(root: Path) -> None:
    path = entry_file(root)
    text = ENTRY_TEXT.split("review:\n")[0] + "seed: null\n---\n\nنص.\n"
    path.write_text(text, encoding="utf-8")
    assert run(root, "approve", SLUG, "--by", "Ana").exit_code == 0
    lines = path.read_text(encoding="utf-8").split("\n")
    i = lines.index("translation: {status: edited, provider: editors}")
    assert lines[i + 1] == "review:" and lines[i + 2] == "  state: approved" and lines[-5] == "seed: null"


def test_a_file_written_by_digest_round_trips_byte_for_byte(tmp_path: Path) -> None:
    project_content = Path(__file__).resolve().parent.parent / "content"
    source = sorted(project_content.glob("*.md"))[0]
    (tmp_path / "content").mkdir()
    copy = tmp_path / "content" / source.name
    copy.write_bytes(source.read_bytes())
    from digest.content import frontmatter

    current = read_entry(copy).review.to_dict()
    frontmatter.edit_file(copy, {"review": current})
    assert copy.read_bytes() == source.read_bytes()


def test_list_filters_by_state_and_flag_and_prints_contract_json(root: Path) -> None:
    second = ENTRY_TEXT.replace("date_source: editor", "date_source: ingest").replace("خبر تجريبي", "خبر آخر")
    (root / "content" / "خبر-آخر.md").write_text(second, encoding="utf-8")
    run(root, "approve", SLUG, "--by", "Ana")
    table = run(root)
    assert table.exit_code == 0 and SLUG in table.output and "خبر-آخر" in table.output
    drafts = json.loads(run(root, "list", "--state", "draft", "--json").stdout)
    assert [d["slug"] for d in drafts] == ["خبر-آخر"]
    assert drafts[0]["review"]["state"] == "draft" and drafts[0]["review"]["by"] is None
    assert "date-unknown" in drafts[0]["review"]["flags"]
    flagged = json.loads(run(root, "list", "--flag", "date-unknown", "--json").stdout)
    assert [d["slug"] for d in flagged] == ["خبر-آخر"]
    approved = json.loads(run(root, "list", "--state", "approved", "--json").stdout)
    assert approved[0]["review"]["state"] == "approved" and approved[0]["review"]["by"] == "Ana"
    # `digest list --json` prints the same objects.
    everything = json.loads(CliRunner().invoke(cli, ["-C", str(root), "list", "--json"]).stdout)
    assert sorted(everything, key=lambda d: d["slug"]) == sorted(json.loads(run(root, "list", "--json").stdout), key=lambda d: d["slug"])
    assert run(root, "list", "--flag", "no-such-flag").exit_code == 2


def _entry(state: str) -> Entry:
    return Entry(slug="x", title="عنوان", body="نص", date=dt.date(2020, 1, 1), review=Review(state=state))


@pytest.mark.parametrize(
    ("publish", "state", "public"),
    [
        ("approved", "approved", True),
        ("approved", "draft", False),
        ("approved", "rejected", False),
        ("all", "approved", True),
        ("all", "draft", True),
        ("all", "rejected", False),
    ],
)
def test_publish_gate(publish: str, state: str, public: bool) -> None:
    assert is_public(_entry(state), Config.for_test(site={"publish": publish})) is public


def test_default_publish_is_approved_only() -> None:
    assert not is_public(_entry("draft"), Config())


def test_approve_command_shown_to_editors_is_exact() -> None:
    entry = _entry("draft")
    assert approve_command(entry, "Digest editors") == "digest review approve x --by 'Digest editors' --force"


def test_approve_command_without_force_when_the_english_is_current() -> None:
    from digest.core.model import Translation

    entry = _entry("draft")
    entry.title_en, entry.summary_en = "A headline", "A summary."
    entry.translation = Translation(status="edited", provider="editors")
    assert approve_command(entry) == "digest review approve x"


def test_slug_may_be_given_as_the_content_path(root: Path) -> None:
    result = run(root, "approve", f"content/{SLUG}.md", "--by", "Ana")
    assert result.exit_code == 0 and read_entry(entry_file(root)).review.state == "approved"
