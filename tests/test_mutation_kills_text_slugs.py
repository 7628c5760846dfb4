"""Tests that kill mutants of digest.text.slugs that the other tests let survive (issue 17,
benchmarks/mutation.sh text.slugs). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import SEED_FILE

from digest.cli import cli

SLUG_ERROR = "file name is not a safe slug (letters, digits and '-' only)"
ARABIC_100 = "ب" * 100  # 200 bytes of UTF-8: the longest name a slug may have


def test_content_file_names_that_cannot_be_slugs_are_named_and_the_others_listed(tmp_path: Path) -> None:
    names = ["con", "my_story", "news@home", "Xinjiang-news", ARABIC_100, ARABIC_100 + "a", "ok-1"]
    (tmp_path / "content").mkdir()
    for name in names:
        (tmp_path / "content" / f"{name}.md").write_text(
            "---\ntitle: خبر\ndate: 2024-05-01\nsummary_ar: ملخص.\n---\n\nنص.\n", encoding="utf-8"
        )
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "list", "--json"])
    assert result.exit_code == 1
    assert sorted(item["slug"] for item in json.loads(result.stdout)) == sorted([ARABIC_100, "Xinjiang-news", "ok-1"])
    assert sorted(result.stderr.strip().split("\n")) == sorted([
        f"error: content/con.md:2: {SLUG_ERROR}",  # a name Windows reserves
        f"error: content/my_story.md:2: {SLUG_ERROR}",  # '_' is no slug character
        f"error: content/news@home.md:2: {SLUG_ERROR}",  # nor is '@'
        f"error: content/{ARABIC_100}a.md:2: {SLUG_ERROR}",  # 201 bytes: one too many
    ])


SEED_TITLE = "التحالف الدولي عن قصف قواتها: ليس لدينا قواعد.. الميليشيات تستهدف العراقيين"
LONG_TITLE = " ".join(["كلمة"] * 15 + ["استراتيجيات", "في"])  # 74 characters, then a word that does not fit


def test_slugs_of_ingested_headlines_are_cut_at_a_word_and_hold_only_slug_characters(site_root: Path) -> None:
    seed_text = SEED_FILE.read_text(encoding="utf-8")
    (site_root / "seeds" / SEED_FILE.name).unlink()
    # python-slugify keeps some numerals (here U+2182 ROMAN NUMERAL TEN THOUSAND) that no URL should hold.
    for name, title in [("long.txt", LONG_TITLE), ("numerals.txt", "ↂ جائزة ↂↂ بغدادↂالموصل ↂ")]:
        assert seed_text.count(SEED_TITLE) == 2
        (site_root / "seeds" / name).write_text(seed_text.replace(SEED_TITLE, title), encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(site_root), "ingest"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (site_root / "content").glob("*.md")) == sorted([
        "-".join(["كلمة"] * 15) + ".md",  # neither cut inside «استراتيجيات» nor skipping it for «في»
        "جائزة-بغداد-الموصل.md",
    ])
