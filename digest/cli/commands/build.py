"""digest build [--out DIR] [--base-url URL] [--drafts] [--review] [--offline] [--provider NAME] [--provider-url URL] [--no-cache] [-v]"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ...build.pipeline import build_site
from ...core.config import check_base_url, is_absolute_base_url, relative_urls_warning
from ..clikit import (
    handle_errors,
    load_site_config,
    relative_to_root,
    report_errors,
    report_warnings,
    require_site_root,
    root_option,
    site_root,
)


@click.command("build")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output directory (default: site/ in the site root).")
@click.option("--base-url", help="Absolute URL or path prefix the site is published under (overrides site.base_url).")
@click.option("--drafts", is_flag=True, help="Also publish draft entries (never rejected ones).")
@click.option("--review", is_flag=True, help="Add the review panel and dashboard (implies --drafts; never for publishing).")
@click.option("--offline", is_flag=True, help="Do not call a translation provider: missing English stays 'Translation pending'.")
@click.option("--provider", help="Translation provider (default: translate.provider).")
@click.option("--provider-url", help="Base URL of a self-hosted provider (libre).")
@click.option("--no-cache", is_flag=True, help="Read and write no cache: a clean build from the inputs (same output).")
@click.option("-v", "--verbose", is_flag=True, help="Print the time of each stage.")
@root_option
@handle_errors
def command(
    out: Path | None,
    base_url: str | None,
    drafts: bool,
    review: bool,
    offline: bool,
    provider: str | None,
    provider_url: str | None,
    no_cache: bool,
    verbose: bool,
) -> None:
    """Ingest new seeds, translate what is missing, and render the site into site/."""
    root = site_root()
    require_site_root(root)
    if base_url is not None:
        check_base_url(base_url, "--base-url")
    config = load_site_config(root)
    log = (lambda message: click.echo(message, err=True)) if verbose else (lambda _message: None)
    report = build_site(
        root,
        config,
        out=out,
        base_url=base_url,
        drafts=drafts,
        review=review,
        offline=offline,
        provider=provider,
        provider_url=provider_url,
        log=log,
        use_cache=not no_cache,
    )
    report_errors(report.errors)
    report_warnings(report.warnings)
    effective_base_url = base_url if base_url is not None else config.site.base_url
    if not review and not is_absolute_base_url(effective_base_url):
        # Said on every public build (a no-op one too): the sitemap is invalid until it is set.
        click.echo(f"warning: {relative_urls_warning(effective_base_url)}", err=True)
    for line in (report.ingest_line, report.translate_line):
        if line:
            click.echo(line, err=True)
    click.echo(relative_to_root(report.summary_line()))
    if report.errors:
        sys.exit(1)
