"""digest.content.frontmatter is the one way in and out of front matter, and its rules
(size cap, no anchors/aliases/merge keys, no duplicate keys) hold on every path: full
read, quick key scan, round-trip edit and rewrite."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.content import frontmatter
from digest.core.errors import ContentError

PACKAGE = Path(frontmatter.__file__).resolve().parents[2]
P = Path("content/x.md")
TEXT = "---\ntitle: خبر\n# an editor's note\nreview:\n  state: draft\n  by: null\nseed: seeds/a.txt\nsummary_version: 2\n---\n\nالنص.\n"
KEYS: dict[str, type[str] | type[int]] = {"seed": str, "seed_sha256": str, "summary_version": int}


def test_no_other_module_reads_or_writes_front_matter_itself() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("content/frontmatter/") or relative == "translate/glossary.py":  # a glossary file may be YAML
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(?:import yaml|from yaml|import ruamel|from ruamel)", text, re.M) or re.search(r're\.compile\(r?"\^?seed:', text):
            offenders.append(relative)
    assert offenders == []


def test_read_write_round_trip() -> None:
    data, body, body_line, yaml_text = frontmatter.read(TEXT, P)
    assert data == {"title": "خبر", "review": {"state": "draft", "by": None}, "seed": "seeds/a.txt", "summary_version": 2}
    assert (body, body_line) == ("\nالنص.\n", 10)
    assert yaml_text.startswith("title: خبر\n# an editor's note\n")
    written = frontmatter.write(data, body)
    assert written == "---\ntitle: خبر\nreview:\n  state: draft\n  by: null\nseed: seeds/a.txt\nsummary_version: 2\n---\n\nالنص.\n"
    assert frontmatter.read(written, P).data == data


def test_edit_keeps_comments_order_and_body() -> None:
    edited = frontmatter.edit(TEXT, P, {"review": {"state": "approved", "by": "Ana"}, "source": "وكالات"}, after="title")
    # ruamel keeps a comment with the key above it: the new key goes after both.
    assert edited == (
        "---\ntitle: خبر\n# an editor's note\nsource: وكالات\nreview:\n  state: approved\n  by: Ana\n"
        "seed: seeds/a.txt\nsummary_version: 2\n---\n\nالنص.\n"
    )


@pytest.mark.parametrize(
    ("yaml_text", "message", "line"),
    [
        ("title: &t خبر\nsource: *t\n", "YAML anchor '&t' is not allowed in front matter (write the value out)", 2),
        ("title: خبر\ntitle: آخر\n", "duplicate key 'title' (lines 2 and 3): keep one", 3),
        ("review: {}\nx:\n  <<: {a: 1}\n", "YAML merge key '<<' is not allowed in front matter (write the keys out)", 4),
    ],
)
def test_every_path_refuses_what_a_read_refuses(yaml_text: str, message: str, line: int) -> None:
    text = f"---\n{yaml_text}---\n\nالنص.\n"
    for attempt in (
        lambda: frontmatter.read(text, P),
        lambda: frontmatter.edit(text, P, {"review": {"state": "approved"}}),
    ):
        with pytest.raises(ContentError) as caught:
            attempt()
        assert (caught.value.message, caught.value.line) == (message, line)
    assert frontmatter.rewrite(text, P, {"title": "x"}, "النص.") is None  # the plain writer takes over


def test_the_size_cap_holds_for_read_scan_and_edit() -> None:
    big = "---\nseed: seeds/a.txt\nsummary_ar: " + "ن" * 600_000 + "\n---\n\nالنص.\n"
    with pytest.raises(ContentError, match=r"front matter is 1,200,\d+ bytes, over the limit of 1,000,000"):
        frontmatter.read(big, P)
    with pytest.raises(ContentError, match="over the limit"):
        frontmatter.edit(big, P, {"review": {"state": "approved"}})
    assert frontmatter.scan_keys(big, KEYS) is None  # so ingest loads it in full and reports it


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("seed: seeds/a.txt\nseed_sha256: null\nsummary_version: 3\n", {"seed": "seeds/a.txt", "seed_sha256": None, "summary_version": 3}),
        ("seed: 'it''s.txt'\n", {"seed": "it's.txt"}),
        ('seed: "a\\"b.txt"\nsummary_version: ~\n', {"seed": 'a"b.txt', "summary_version": None}),
        ("title: x\n", {}),
        ("seed: a.txt\nseed: b.txt\n", None),  # repeated: the full load names both lines
        ("seed: a.txt # note\n", None),  # a comment: YAML decides
        ("seed: 2024-01-02\n", None),  # YAML reads a date, not a string
        ("summary_version: 010\n", None),  # YAML 1.1 octal
        ('seed: "\\ud800"\n', None),  # escapes where JSON and YAML differ
    ],
)
def test_scan_keys_reads_only_what_yaml_reads_the_same(yaml_text: str, expected: dict[str, object] | None) -> None:
    assert frontmatter.scan_keys(f"---\n{yaml_text}---\n\nbody\n", KEYS) == expected


def test_reingest_reports_a_duplicate_seed_key_instead_of_trusting_the_scan(site_root: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["-C", str(site_root), "ingest"]).exit_code == 0
    (entry,) = (site_root / "content").glob("*.md")
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("\nseed: ", "\nseed: seeds/other.txt\nseed: ", 1), encoding="utf-8")
    result = runner.invoke(cli, ["-C", str(site_root), "ingest"])
    assert result.exit_code == 1
    assert f"content/{entry.name}:" in result.output and "duplicate key 'seed'" in result.output
    assert "Traceback" not in result.output
