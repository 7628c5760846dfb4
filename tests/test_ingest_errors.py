"""Bad input: one line per bad file naming it, the rest still ingested, exit 1, no traceback,
and never a half-written entry."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_FILE

from digest.cli import cli
from digest.core import output
from digest.core.config import Config
from digest.ingest.run import ingest

BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.txt": b"  \n\n\t \r\n",
    "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4,
    "undecodable.txt": b"\x81\x8d\x8e\x90\x9d\x9e" * 20,
    "no-letters.txt": "123 456\n\n--- !!! ٣٤٥ ...\n".encode(),
    "headline-only.txt": "عنوان فقط بلا نص\n".encode(),
    "headline-twice.txt": "عنوان الخبر\n\nعنوان الخبر\n".encode(),
    "promo-only.txt": "عنوان\n\nهل أعجبك المحتوى وتريد المزيد منه يصل إلى صندوق بريدك الإلكتروني؟\n".encode(),
}


@pytest.fixture
def mixed_root(site_root: Path) -> Path:
    for name, data in BAD_FILES.items():
        (site_root / "seeds" / name).write_bytes(data)
    (site_root / "seeds" / "2020-05-06-good.txt").write_text("خبر ثان\n\nنص الخبر الثاني #وسم.\n", encoding="utf-8")
    return site_root


def test_every_bad_file_one_line_others_ingested_exit_1(mixed_root: Path) -> None:
    """Run as a real process: exit status, stderr lines, and no traceback anywhere."""
    missing = mixed_root / "seeds" / "does-not-exist.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "digest.cli", "-C", str(mixed_root), "ingest", str(mixed_root / "seeds"), str(missing)],
        capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout.strip() == "ingest: 2 new, 0 updated, 0 unchanged, 9 failed"
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == len(BAD_FILES) + 1
    for name in [*BAD_FILES, "does-not-exist.txt"]:
        (line,) = [row for row in lines if f"{os.sep}{name}:" in row]
        assert line.startswith("error: ")
    # Only the two good articles have entries, and nothing else was left in content/.
    assert sorted(p.suffix for p in (mixed_root / "content").iterdir()) == [".md", ".md"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("undecodable.txt", "cannot decode"),
        ("no-letters.txt", "no letters"),
        ("headline-only.txt", "no article text"),
        ("headline-twice.txt", "no article text"),
        ("promo-only.txt", "no article text"),
    ],
)
def test_reason_for_each_bad_file(mixed_root: Path, name: str, reason: str) -> None:
    report = ingest(mixed_root, [mixed_root / "seeds" / name], Config.for_test())
    (error,) = report.errors
    assert str(error).startswith(str(mixed_root / "seeds" / name) + ":")
    assert reason in str(error) and "\n" not in str(error)
    assert not (mixed_root / "content").exists() or not any((mixed_root / "content").iterdir())


def test_missing_path_from_the_cli(site_root: Path) -> None:
    result = CliRunner().invoke(cli, ["-C", str(site_root), "ingest", "nope.txt", str(site_root / "seeds")])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.stderr
    assert "1 new" in result.stdout


def test_bad_content_file_is_reported_and_ingest_goes_on(site_root: Path) -> None:
    (site_root / "content").mkdir()
    (site_root / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\nنص\n", encoding="utf-8")
    report = ingest(site_root, [site_root / "seeds"], Config.for_test())
    assert len(report.new) == 1
    (error,) = report.errors
    assert "broken.md:" in str(error) and "invalid YAML" in str(error)


def test_a_failed_write_leaves_no_half_written_entry(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file is removed; an existing entry keeps its old bytes."""
    ingest(site_root, [site_root / "seeds"], Config.for_test())
    (entry_path,) = (site_root / "content").glob("*.md")
    before = entry_path.read_bytes()
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("وكالات", "رويترز"), encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    report = ingest(site_root, [site_root / "seeds"], Config.for_test())
    (error,) = report.errors
    assert "No space left on device" in str(error) and entry_path.name in str(error)
    assert entry_path.read_bytes() == before
    assert [p.name for p in (site_root / "content").iterdir()] == [entry_path.name]


def test_unreadable_seed_is_one_line(site_root: Path) -> None:
    """A seed that cannot be read, even by root (CI runs as root, so chmod 0 is no test): a
    link whose target was moved away. It is reported, never silently skipped; the other
    seeds are ingested."""
    (site_root / "seeds" / "wire.txt").symlink_to("moved-away.txt")
    (site_root / "seeds" / "folder.txt").mkdir()  # a folder named like an article: walked, not read
    result = CliRunner().invoke(cli, ["-C", str(site_root), "ingest"])
    assert result.exit_code == 1
    assert result.output == (
        "error: seeds/wire.txt: cannot read: broken link (its target moved-away.txt does not exist)\n"
        "ingest: 1 new, 0 updated, 0 unchanged, 1 failed\n"
    )
    assert len(list((site_root / "content").glob("*.md"))) == 1
    named = CliRunner().invoke(cli, ["-C", str(site_root), "ingest", str(site_root / "seeds" / "wire.txt")])
    assert named.exit_code == 1
    assert named.output.startswith("error: seeds/wire.txt: cannot read: broken link (its target moved-away.txt does not exist)\n")
    built = CliRunner().invoke(cli, ["-C", str(site_root), "build", "--offline"])
    assert built.exit_code == 1 and "Traceback" not in built.output
    assert "error: seeds/wire.txt: cannot read: broken link (its target moved-away.txt does not exist)\n" in built.output


def test_seed_folder_given_twice_is_one_entry(site_root: Path) -> None:
    shutil.copy(SEED_FILE, site_root / "seeds" / "copy.txt")  # same text, another seed
    report = ingest(site_root, [site_root / "seeds", site_root / "seeds" / SEED_FILE.name], Config.for_test())
    assert len(report.new) == 2 and report.errors == []
    slugs = sorted(report.new)
    assert slugs[1] == slugs[0] + "-2"  # same headline, collision-free slugs


def test_broken_entry_keeps_its_seed_no_duplicate_is_made(site_root: Path) -> None:
    ingest(site_root, [site_root / "seeds"], Config.for_test())
    (entry_path,) = (site_root / "content").glob("*.md")
    text = entry_path.read_text(encoding="utf-8")
    entry_path.write_text(text.replace("title: ", "title: [unclosed ", 1), encoding="utf-8")  # an editor's typo
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    report = ingest(site_root, [site_root / "seeds"], Config.for_test())
    assert report.new == [] and report.updated == []
    messages = [str(e) for e in report.errors]
    assert any(entry_path.name in m and "invalid YAML" in m for m in messages)
    assert any(m.startswith(str(seed)) and "fix that file first" in m for m in messages)
    assert [p.name for p in (site_root / "content").glob("*.md")] == [entry_path.name]
    # Once fixed, the seed's change comes through to the same entry.
    entry_path.write_text(text, encoding="utf-8")
    assert ingest(site_root, [site_root / "seeds"], Config.for_test()).updated == [entry_path.stem]


def test_entries_passed_in_are_used_instead_of_loading(site_root: Path) -> None:
    from digest.content.entries import load_entries

    ingest(site_root, [site_root / "seeds"], Config.for_test())
    entries, _ = load_entries(site_root / "content")
    report = ingest(site_root, [site_root / "seeds"], Config.for_test(), existing=entries)
    assert report.summary_line() == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"
