"""digest ingest [PATH ...]"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ...core.layout import SiteLayout
from ...ingest.run import ingest
from ..clikit import handle_errors, load_site_config, progress_stream, report_errors, root_option, site_root


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@root_option
@handle_errors
def command(paths: tuple[Path, ...]) -> None:
    """Turn raw articles (files or folders; default seeds/) into entries in content/."""
    root = site_root()
    config = load_site_config(root)
    targets = [_resolve(path, root) for path in paths] or [SiteLayout(root).seeds]
    # A folder or file named here that is outside the site root was asked for: trusted.
    # Links inside the root leading out are not (checked through their real paths).
    inside = os.path.abspath(root) + os.sep
    trusted = [t for t in targets if not (os.path.abspath(t) + os.sep).startswith(inside)]
    report = ingest(root, targets, config, progress=lambda items, total: progress_stream(items, total, "ingest"), trusted=trusted)
    report_errors(report.errors)
    click.echo(report.summary_line())
    if report.errors:
        sys.exit(1)


def _resolve(path: Path, root: Path) -> Path:
    """A relative PATH is taken from the current directory, else from the site root
    (so `digest -C mysite ingest seeds/new.txt` works as it would inside mysite)."""
    if path.is_absolute() or path.exists():
        return path
    in_root = root / path
    return in_root if in_root.exists() else path
