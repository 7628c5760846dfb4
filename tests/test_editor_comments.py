"""Editors' YAML comments survive every rewrite the tool makes (re-ingest of a changed seed)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli
from digest.content.entries import read_entry


def _ingest(root: Path) -> None:
    result = CliRunner().invoke(cli, ["-C", str(root), "ingest"])
    assert result.exit_code == 0, result.output


def test_comments_survive_reingest_of_a_changed_seed(site_root: Path) -> None:
    _ingest(site_root)
    (entry_path,) = (site_root / "content").glob("*.md")
    text = entry_path.read_text(encoding="utf-8")
    text = text.replace("---\n", "---\n# Checked against the agency wire — Sam\n", 1)
    text = text.replace("\ntags:\n", "\ntags:   # keep these in this order\n", 1)
    entry_path.write_text(text, encoding="utf-8")
    assert "# keep these in this order" in entry_path.read_text(encoding="utf-8")
    before = read_entry(entry_path)

    seed = next((site_root / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("وكالات\n", "وكالات\n\nفقرة جديدة أضيفت إلى الخبر.\n", 1), encoding="utf-8")
    _ingest(site_root)

    after_text = entry_path.read_text(encoding="utf-8")
    assert "# Checked against the agency wire — Sam" in after_text
    assert "# keep these in this order" in after_text
    after = read_entry(entry_path)
    assert "فقرة جديدة أضيفت إلى الخبر." in after.body  # the seed's change arrived
    assert after.title == before.title and after.tags == before.tags
