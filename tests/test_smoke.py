from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli


def test_ingest_seed_end_to_end(site_root: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["-C", str(site_root), "ingest"])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output
    assert len(list((site_root / "content").glob("*.md"))) == 1
