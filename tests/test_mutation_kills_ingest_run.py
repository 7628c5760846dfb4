"""Tests that kill mutants of digest.ingest.run that the other tests let survive (issue 17,
benchmarks/mutation.sh ingest.run). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from conftest import SEED_FILE

from digest.cli import cli

SLUG = "التحالف-الدولي-عن-قصف-قواتها-ليس-لدينا-قواعد-الميليشيات-تستهدف-العراقيين"
REFUSAL = "refused: it leads outside the site root (to {}); set ingest.allow_outside_root = true in digest.toml to allow it"


def ingest(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["-C", str(root), "ingest", *args])
    assert "Traceback" not in result.output
    return result


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (old, text[:600])
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_entry_from_before_summary_versions_is_brought_up_to_date(site_root: Path) -> None:
    ingest(site_root)
    entry = site_root / "content" / f"{SLUG}.md"
    replace_in(entry, "\nsummary_version: 1\n", "\nsummary_version: null\n")
    assert ingest(site_root).stdout == "ingest: 0 new, 1 updated, 0 unchanged, 0 failed\n"
    assert "\nsummary_version: 1\n" in entry.read_text(encoding="utf-8")


def test_a_second_seed_with_the_same_headline_never_replaces_the_first_entry(site_root: Path) -> None:
    ingest(site_root)
    (site_root / "seeds" / "again.txt").write_bytes(SEED_FILE.read_bytes().replace("وكالات".encode(), "رويترز".encode()))
    assert ingest(site_root).stdout == "ingest: 1 new, 0 updated, 1 unchanged, 0 failed\n"
    assert "\nsource: وكالات\n" in (site_root / "content" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "\nsource: رويترز\n" in (site_root / "content" / f"{SLUG}-2.md").read_text(encoding="utf-8")
    # Both entries are read back (and sorted) on the next run.
    assert ingest(site_root).stdout == "ingest: 0 new, 0 updated, 2 unchanged, 0 failed\n"


def test_a_broken_entry_keeps_its_changed_seed_and_is_never_overwritten(site_root: Path) -> None:
    ingest(site_root)
    entry = site_root / "content" / f"{SLUG}.md"
    text = entry.read_text(encoding="utf-8")
    text = text[: text.index("\ndate: ")] + "\ndate: 2024-13-45" + text[text.index("\n", text.index("\ndate: ") + 1):]
    entry.write_text(text, encoding="utf-8")
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    result = ingest(site_root)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: content/{SLUG}.md:5: invalid value in front matter: month must be in 1..12\n"
        f"error: seeds/{SEED_FILE.name}: not ingested: its entry content/{SLUG}.md has errors (fix that file first)\n"
    )
    assert sorted(p.name for p in (site_root / "content").iterdir()) == [f"{SLUG}.md"]
    assert entry.read_text(encoding="utf-8") == text


def test_an_entry_that_no_longer_validates_blocks_its_seed(site_root: Path) -> None:
    ingest(site_root)
    entry = site_root / "content" / f"{SLUG}.md"
    # An entry from before summary versions is loaded in full, and then fails to validate.
    replace_in(entry, "\nsummary_version: 1\n", "\nsummary_version: null\ntags_en: [1]\n")
    result = ingest(site_root)
    assert result.exit_code == 1
    assert result.stderr.split("\n")[-2] == (
        f"error: seeds/{SEED_FILE.name}: not ingested: its entry content/{SLUG}.md has errors (fix that file first)"
    )


def test_an_entry_file_that_cannot_be_written_is_named(site_root: Path) -> None:
    (site_root / "content").write_text("not a folder", encoding="utf-8")
    result = ingest(site_root)
    assert result.exit_code == 1
    assert result.stdout == "ingest: 0 new, 0 updated, 0 unchanged, 1 failed\n"
    assert result.stderr == f"error: content/{SLUG}.md: cannot create the folder content/: File exists\n"


def test_seeds_outside_the_root_only_from_a_folder_the_user_named(site_root: Path, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "wire.txt").write_bytes(SEED_FILE.read_bytes())
    (site_root / "seeds" / SEED_FILE.name).unlink()
    (site_root / "seeds" / "linked.txt").symlink_to(feeds / "wire.txt")
    refused = ingest(site_root)
    assert refused.exit_code == 1
    assert refused.stderr == f"error: seeds/linked.txt: {REFUSAL.format(feeds / 'wire.txt')}\n"
    named = ingest(site_root, str(feeds))
    assert named.exit_code == 0, named.output
    assert named.stdout == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed\n"


def test_content_outside_the_root_is_read_when_digest_toml_allows_it(site_root: Path, tmp_path: Path) -> None:
    ingest(site_root)
    shared = tmp_path / "shared-content"
    shared.mkdir()
    entry = site_root / "content" / f"{SLUG}.md"
    entry.rename(shared / entry.name)
    entry.symlink_to(shared / entry.name)
    (site_root / "digest.toml").write_text("[ingest]\nallow_outside_root = true\n", encoding="utf-8")
    assert ingest(site_root).stdout == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed\n"


def test_an_entry_file_broken_beyond_reading_still_blocks_its_seed(site_root: Path) -> None:
    ingest(site_root)
    entry = site_root / "content" / f"{SLUG}.md"
    broken = entry.read_bytes().replace(b"\nsummary_ar: ", b"\nsummary_ar: \xff", 1)  # not UTF-8: nothing parses it
    entry.write_bytes(broken)
    # Another seed with the same headline must not take the broken file's name either.
    (site_root / "seeds" / "again.txt").write_bytes(SEED_FILE.read_bytes().replace("وكالات".encode(), "رويترز".encode()))
    result = ingest(site_root)
    assert result.exit_code == 1
    assert result.stdout == "ingest: 1 new, 0 updated, 0 unchanged, 2 failed\n"
    (read_error, blocked) = result.stderr.strip().split("\n")
    assert read_error.startswith(f"error: content/{SLUG}.md: not valid UTF-8 (byte ")
    assert blocked == f"error: seeds/{SEED_FILE.name}: not ingested: its entry content/{SLUG}.md has errors (fix that file first)"
    assert sorted(p.name for p in (site_root / "content").iterdir()) == [f"{SLUG}-2.md", f"{SLUG}.md"]
    assert entry.read_bytes() == broken
