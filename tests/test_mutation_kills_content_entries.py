"""Tests that kill mutants of digest.content.entries that the other tests let survive (issue 17,
benchmarks/mutation.sh content.entries). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from conftest import SEED_FILE
from libre_stub import LibreStub

from digest.cli import cli

FILES = {
    "bad-url": "source_url: http://[::1\n",
    "ftp": "source_url: ftp://example.org/x\n",
    "bp": "boilerplate:\n- 5\n",
    "more": "date_source: guessed\nsummary_version: 'two'\nboilerplate:\n- text: اشترك\n  reason: 5\nmachine:\n  title: 7\n",
}


def _list_entries(tmp_path: Path, front_matter: dict[str, str]) -> Result:
    """`digest list` on a site whose content files (slug → front matter after the usual
    title, date and summary) are written out here."""
    (tmp_path / "content").mkdir(exist_ok=True)
    for slug, extra in front_matter.items():
        (tmp_path / "content" / f"{slug}.md").write_text(
            f"---\ntitle: خبر\ndate: 2024-05-01\nsummary_ar: ملخص.\n{extra}---\n\nنص.\n", encoding="utf-8"
        )
    return CliRunner().invoke(cli, ["-C", str(tmp_path), "list"])


def test_every_problem_of_a_content_file_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "several.md").write_text(
        "---\ntitle: ''\ndate: 2024-15-01x\nsummary_ar: ملخص.\nreview:\n  state: done\nsource: 5\n---\n\nنص.\n",
        encoding="utf-8",
    )
    result = _list_entries(tmp_path, FILES)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: content/bad-url.md:5: 'source_url' is not a valid URL: 'http://[::1'\n"
        "error: content/bp.md:5: 'boilerplate' must be a list of {text, reason} mappings of strings\n"
        "error: content/ftp.md:5: 'source_url' must start with http:// or https://: 'ftp://example.org/x'\n"
        "error: content/more.md:5: 'date_source' must be one of filename, header, ingest, editor (also line 6: "
        "'summary_version' must be an integer; line 7: 'boilerplate' must be a list of {text, reason} mappings of strings; "
        "line 10: 'machine' must map field names to hashes (strings))\n"
        "error: content/several.md:2: 'title' must be a non-empty string (also line 3: 'date' must be YYYY-MM-DD; "
        "line 6: 'review.state' must be one of draft, approved, rejected; line 7: 'source' must be a string or null)\n"
        "0 entries\n"
    )


def test_a_quoted_date_is_read_as_the_date(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "quoted.md").write_text(
        "---\ntitle: خبر\ndate: '2024-05-01'\nsummary_ar: ملخص.\n---\n\nنص.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "list"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "2024-05-01  draft    pending  quoted  خبر\n"


def test_translation_block_problems_are_named_with_their_lines(tmp_path: Path) -> None:
    blocks = {
        "badkey": "  state: machine\n",
        "nostatus": "  provider: libre\n",  # no status: pending
        "tr-at": "  provider: libre\n  at: [2]\n",
        "tr-provider": "  status: machine\n  provider: 5\n",
        "tr-source-hash": "  provider: libre\n  source_hash: [1]\n",
        "tr-status": "  provider: libre\n  status: done\n",
    }
    result = _list_entries(tmp_path, {slug: "translation:\n" + block for slug, block in blocks.items()})
    assert result.exit_code == 1
    assert result.stdout == "2024-05-01  draft    pending  nostatus  خبر\n"
    assert result.stderr == (
        "error: content/badkey.md:5: 'translation' must be a mapping with keys at, provider, source_hash, status\n"
        "error: content/tr-at.md:7: 'translation.at' must be a date, a time stamp or null\n"
        "error: content/tr-provider.md:7: 'translation.provider' must be a string or null\n"
        "error: content/tr-source-hash.md:7: 'translation.source_hash' must be a string or null\n"
        "error: content/tr-status.md:7: 'translation.status' must be one of pending, machine, stale, edited\n"
        "1 entry\n"
    )


def test_review_block_problems_are_named_with_their_lines(tmp_path: Path) -> None:
    blocks = {
        "review-at": "  state: draft\n  at: [1]\n",
        "review-badkey": "  status: approved\n",
        "review-by": "  state: draft\n  by: 5\n",
        "review-flags": "  state: draft\n  flags: [1]\n",
    }
    result = _list_entries(tmp_path, {slug: "review:\n" + block for slug, block in blocks.items()})
    assert result.exit_code == 1
    assert result.stderr == (
        "error: content/review-at.md:7: 'review.at' must be a date, a time stamp or null\n"
        "error: content/review-badkey.md:5: 'review' must be a mapping with keys at, by, flags, reason, state\n"
        "error: content/review-by.md:7: 'review.by' must be a string or null\n"
        "error: content/review-flags.md:7: 'review.flags' must be a list of strings\n"
        "0 entries\n"
    )


def test_the_time_of_a_translation_survives_a_reingest_of_its_entry(site_root: Path) -> None:
    def ok(*args: str) -> str:
        result = CliRunner().invoke(cli, ["-C", str(site_root), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    ok("ingest")
    with LibreStub() as stub:
        ok("translate", "--provider", "libre", "--provider-url", stub.url)
    (entry,) = (site_root / "content").glob("*.md")
    block = entry.read_text(encoding="utf-8").split("\ntranslation:\n", 1)[1].split("\n", 4)[:4]
    (at_line,) = [line for line in block if line.startswith("  at: ")]
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("\nوكالات\n", "\nرويترز\n", 1), encoding="utf-8")
    assert ok("ingest") == "ingest: 0 new, 1 updated, 0 unchanged, 0 failed\n"
    text = entry.read_text(encoding="utf-8")
    assert "\nsource: رويترز\n" in text
    assert f"\n{at_line}\n" in text


EXTRA_FILES = {
    "list": "extra: [1, 2]\n",
    "intkey": "extra:\n  1: x\n",
    "float": "extra:\n  desk: culture\n  score: 1.5\n",
    "deep": "extra:\n  ok: [1, [2, [3, [4]]]]\n  tooDeep: [1, [2, [3, [4, [5]]]]]\n",
    "deepmap": "extra:\n  m: {a: {b: {c: {d: 1}}}}\n  n: {a: {b: {c: {d: {e: 1}}}}}\n",
    "edited": "edited: [1]\n",
}


def test_extra_and_edited_problems_name_the_file_line_and_field(tmp_path: Path) -> None:
    """`extra:` is a mapping of text keys to text, whole numbers, booleans, dates, null, and
    lists/mappings of these nested at most 4 levels; each refusal names the file and line."""
    result = _list_entries(tmp_path, EXTRA_FILES)
    assert result.exit_code == 1
    allowed = "(allowed: text, whole numbers, true/false, dates, null, lists and mappings of these)"
    assert result.stderr == (
        "error: content/deep.md:7: 'extra.tooDeep' is nested too deeply (at most 4 levels)\n"
        "error: content/deepmap.md:7: 'extra.n' is nested too deeply (at most 4 levels)\n"
        "error: content/edited.md:5: 'edited' must be a mapping (by, at, machine) or null\n"
        f"error: content/float.md:7: 'extra.score' holds a float {allowed}\n"
        "error: content/intkey.md:5: 'extra' keys must be text, not 1\n"
        "error: content/list.md:5: 'extra' must be a mapping of field names to values\n"
        "0 entries\n"
    )


def test_extra_values_four_levels_deep_are_listed(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "deep.md").write_text(
        "---\ntitle: خبر\ndate: 2024-05-01\nsummary_ar: ملخص.\nextra:\n  ok: [1, [2, [3, [4]]]]\n"
        "  m: {a: {b: {c: {d: 1}}}}\n---\n\nنص.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "list", "--json"])
    assert result.exit_code == 0, result.output
    assert '"extra": {\n      "ok": [\n        1,\n        [\n          2,\n          [\n            3,\n            [\n              4\n' in result.stdout
    assert '"m": {\n        "a": {\n          "b": {\n            "c": {\n              "d": 1\n' in result.stdout


def test_windows_and_old_mac_line_ends_read_as_the_same_entry(tmp_path: Path) -> None:
    """A content file saved with CRLF or lone CR line ends is the same entry; a body ending
    in a capital X keeps it (only newlines are trimmed), and the reviewer is kept."""
    (tmp_path / "content").mkdir()
    text = (
        "---\ntitle: خبر\ndate: 2024-05-01\nsummary_ar: ملخص.\nreview:\n  state: approved\n  by: hala\n"
        "  at: '2024-05-02T10:00:00Z'\n---\n\nXinhua: نص الخبر.\n\nSpaceX\n"
    )
    (tmp_path / "content" / "crlf.md").write_bytes(text.replace("\n", "\r\n").encode())
    (tmp_path / "content" / "cr.md").write_bytes(text.replace("\n", "\r").encode())
    (tmp_path / "content" / "lf.md").write_bytes(text.encode())
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "list", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert sorted(item["slug"] for item in listed) == ["cr", "crlf", "lf"]
    for item in listed:
        assert item["path"] == f"content/{item['slug']}.md"
        assert (item["review"]["state"], item["review"]["by"]) == ("approved", "hala")
        assert item["title"] == "خبر"
    build = CliRunner().invoke(cli, ["-C", str(tmp_path), "build", "--offline", "--drafts"])
    assert build.exit_code == 0, build.output
    for slug in ("cr", "crlf", "lf"):
        page = (tmp_path / "site" / "articles" / slug / "index.html").read_text(encoding="utf-8")
        assert '<p><bdi dir="ltr">Xinhua</bdi>: نص الخبر.</p>\n<p><bdi dir="ltr">SpaceX</bdi></p>\n' in page


def test_a_content_file_leading_outside_the_root_is_refused_with_the_reason(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "x.md"
    outside.parent.mkdir()
    outside.write_text("---\ntitle: خبر\ndate: 2024-05-01\nsummary_ar: ملخص.\n---\n\nنص.\n", encoding="utf-8")
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "content" / "x.md").symlink_to(outside)
    result = CliRunner().invoke(cli, ["-C", str(root), "list"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: content/x.md: refused: it leads outside the site root (to {outside}); "
        "set ingest.allow_outside_root = true in digest.toml to allow it\n"
        "0 entries\n"
    )
