"""digest ingest [PATH ...]"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..clikit import handle_errors, load_site_config, progress_stream, report_errors, root_option, site_root
from ..ingest import ingest


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@root_option
@handle_errors
def command(paths: tuple[Path, ...]) -> None:
    """Turn raw articles (files or folders; default seeds/) into entries in content/."""
    root = site_root()
    config = load_site_config(root)
    targets = list(paths) or [root / "seeds"]
    report = ingest(root, targets, config, progress=lambda items, total: progress_stream(items, total, "ingest"))
    report_errors(report.errors)
    click.echo(report.summary_line())
    if report.errors:
        sys.exit(1)
