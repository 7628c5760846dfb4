"""What `digest build` tells a new user whose site publishes nothing yet."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli


def test_a_new_site_says_its_drafts_are_held_back_and_how_to_publish(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "s")]).exit_code == 0
    result = runner.invoke(cli, ["-C", str(tmp_path / "s"), "build", "--offline"])
    assert result.exit_code == 0, result.output
    assert "1 draft not published" in result.output
    assert "digest review approve SLUG" in result.output and "`digest review approve --state draft`" in result.output
    published = runner.invoke(cli, ["-C", str(tmp_path / "s"), "build", "--offline", "--drafts"])
    assert "not published" not in published.output
