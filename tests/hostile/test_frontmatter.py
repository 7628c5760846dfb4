"""Front-matter errors: invalid YAML, wrong types, unknown keys. Each bad file is one line
`error: <file>:<line>: <problem>`; the build leaves that entry out, publishes the rest as
one complete tree (never half of one) and exits 1. `digest check` reports the same lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.build.pipeline import build_site

from .sites import hostile_config, html_problems, make_entry, run_digest, site_with_entries, snapshot

GOOD = """---
title: خبر سليم
date: 2024-03-01
date_source: editor
tags: [العراق]
review: {state: approved, by: tests}
---

نص الخبر.
"""

# file stem → (text, expected line, words the message must contain)
BAD: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "unclosed-list": ("---\ntitle: خبر\ndate: 2024-03-01\ntags: [أ, ب\nreview: {state: approved}\n---\nنص\n", 5, ("invalid YAML",)),
    "bad-indent": ("---\ntitle: خبر\ndate: 2024-03-01\n  source: x\n---\nنص\n", 4, ("invalid YAML",)),
    "tab-indent": ("---\ntitle: خبر\ndate: 2024-03-01\ntranslation:\n\tstatus: edited\n---\nنص\n", 5, ("invalid YAML",)),
    "tags-number": ("---\ntitle: خبر\ndate: 2024-03-01\ntags: 5\n---\nنص\n", 4, ("'tags'",)),
    "title-list": ("---\ntitle: [خبر]\ndate: 2024-03-01\n---\nنص\n", 2, ("'title'",)),
    "date-impossible": ("---\ntitle: خبر\nsource: وكالات\ndate: 2024-13-45\n---\nنص\n", 4, ("date",)),
    "date-text": ("---\ntitle: خبر\ndate: أمس\n---\nنص\n", 3, ("'date'",)),
    "unknown-key": ("---\ntitle: خبر\ndate: 2024-03-01\nauthor: فلان\n---\nنص\n", 4, ("unknown", "'author'")),
    "state-wrong": ("---\ntitle: خبر\ndate: 2024-03-01\nreview: {state: published}\n---\nنص\n", 4, ("review.state",)),
    "tags-en-list": ("---\ntitle: خبر\ndate: 2024-03-01\ntags_en: [a, b]\n---\nنص\n", 4, ("'tags_en'",)),
    "not-a-mapping": ("---\n- title\n- date\n---\nنص\n", 2, ("mapping",)),
    "no-front-matter": ("title: خبر\n\nنص\n", 1, ("front matter",)),
    "unclosed-front-matter": ("---\ntitle: خبر\ndate: 2024-03-01\n\nنص\n", 1, ("not closed",)),
    "control-char": ("---\ntitle: خبر\ndate: 2024-03-01\nsource: a\x01b\n---\nنص\n", 4, ("invalid YAML", "x0001")),
    "python-tag": ("---\ntitle: !!python/object/apply:os.system [echo pwned]\ndate: 2024-03-01\n---\nنص\n", 2, ("invalid YAML",)),
    "summary-number": ("---\ntitle: خبر\ndate: 2024-03-01\nsummary_version: نسخة\n---\nنص\n", 4, ("summary_version",)),
}


def _root_with_bad_files(tmp_path: Path) -> Path:
    root = site_with_entries(tmp_path / "root", [make_entry("good-one", "خبر أول", tags=["العراق"])])
    (root / "content" / "good-two.md").write_text(GOOD, encoding="utf-8")
    for stem, (text, _line, _words) in BAD.items():
        (root / "content" / f"{stem}.md").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("stem", sorted(BAD))
def test_each_problem_is_one_line_with_file_and_line(tmp_path: Path, stem: str) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("good-one", "خبر أول")])
    text, line, words = BAD[stem]
    (root / "content" / f"{stem}.md").write_text(text, encoding="utf-8")
    report = build_site(root, hostile_config(), offline=True)
    assert len(report.errors) == 1
    message = str(report.errors[0])
    assert message.startswith(f"{root / 'content' / stem}.md:{line}: "), message
    assert "\n" not in message and all(word in message for word in words), message
    assert report.entries == 1


def test_build_leaves_bad_entries_out_publishes_the_rest_whole_and_exits_1(tmp_path: Path) -> None:
    root = _root_with_bad_files(tmp_path)
    result = run_digest("build", "--offline", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "pwned" not in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD)  # one line per bad file, and nothing else is an error
    for stem, (_text, line, _words) in BAD.items():
        assert any(e.startswith((f"error: {Path('content') / stem}.md:{line}: ", f"error: {root / 'content' / stem}.md:{line}: "))
                   for e in errors), stem
    assert result.stdout.startswith("build: ") and " 2 entries," in result.stdout
    site = root / "site"
    assert (site / "articles" / "good-one" / "index.html").is_file()
    assert (site / "articles" / "good-two" / "index.html").is_file()
    assert not any((site / "articles" / stem).exists() for stem in BAD)
    assert html_problems(site) == []

    checked = run_digest("check", cwd=root)
    assert checked.returncode == 1
    for stem, (_text, line, _words) in BAD.items():
        assert f"{stem}.md:{line}: " in checked.stderr, stem


def test_an_entry_broken_by_an_editor_disappears_whole_never_half(tmp_path: Path) -> None:
    """The documented choice: the rest of the site is published; the broken entry's page
    (and every link to it) goes with it, in one swap; fixing the file brings it back."""
    root = site_with_entries(tmp_path / "root", [make_entry("kept", "خبر باق", tags=["العراق"]),
                                                 make_entry("broken", "خبر سيكسر", tags=["العراق"])])
    config = hostile_config()
    build_site(root, config, offline=True)
    whole = snapshot(root / "site")
    path = root / "content" / "broken.md"
    good_text = path.read_text(encoding="utf-8")
    path.write_text(good_text.replace("date: ", "date: [", 1), encoding="utf-8")

    report = build_site(root, config, offline=True)
    assert [e.path for e in report.errors] == [path]
    site = root / "site"
    assert not (site / "articles" / "broken").exists() and (site / "articles" / "kept" / "index.html").is_file()
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".json"):
            assert "articles/broken/" not in page.read_text(encoding="utf-8"), page
    assert html_problems(site) == []

    path.write_text(good_text, encoding="utf-8")
    assert build_site(root, config, offline=True).errors == []
    assert snapshot(root / "site") == whole


def test_every_problem_of_one_file_is_named_with_its_line(tmp_path: Path) -> None:
    """One run shows them all (not one per run): the first by line, then `(also line N: …)`."""
    text = "---\ntitle: خبر\nauthor: فلان\ndate: أمس\ntags: 5\nreview: {state: published}\ntranslation: {status: nope}\n---\nنص\n"
    root = site_with_entries(tmp_path / "root", [make_entry("good-one", "خبر أول")])
    path = root / "content" / "many.md"
    path.write_text(text, encoding="utf-8")
    report = build_site(root, hostile_config(), offline=True)
    assert len(report.errors) == 1 and report.entries == 1
    message = str(report.errors[0])
    assert message.startswith(f"{path}:3: unknown front-matter key 'author'") and "\n" not in message
    for line, words in ((4, "'date'"), (5, "'tags'"), (6, "'review.state'"), (7, "'translation.status'")):
        assert f"line {line}: {words}" in message, message
