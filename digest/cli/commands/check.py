"""digest check [--site DIR] [--no-site]"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ...content.validate import check_content, check_site, relative_url_warnings
from ...core.config import check_base_url, load_config
from ...core.errors import DigestError
from ...core.layout import SiteLayout
from ...translate.glossary import load_glossary
from ..clikit import handle_errors, plural, report_errors, report_warnings, root_option, site_root


@click.command("check")
@click.option("--site", "site_dir", type=click.Path(file_okay=False), help="The built site to check (default: site/ in the site root).")
@click.option("--no-site", is_flag=True, help="Check the content only.")
@click.option("--base-url", metavar="URL", help="The base URL the site was built with, if not site.base_url (as `digest build --base-url`).")
@click.option("--strict", is_flag=True, help="Count warnings (such as a sitemap without absolute URLs) as problems: exit 1. For CI before publishing.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes parsing HTML (default: the number of CPUs).")
@root_option
@handle_errors
def command(site_dir: str | None, no_site: bool, base_url: str | None, strict: bool, jobs: int | None) -> None:
    """Validate content (front matter, duplicate slugs, tag slug collisions) and the built
    site (HTML parses, internal links resolve, feeds are XML). One line per problem; exit 1
    if there is any."""
    root = site_root()
    if base_url is not None:
        check_base_url(base_url, "--base-url")
    problems: list[DigestError] = []
    warnings: list[DigestError] = []
    try:
        config = load_config(root)
    except DigestError as exc:
        problems.append(exc)
        config = None
    try:
        load_glossary(root)
    except DigestError as exc:
        problems.append(exc)
    problems += check_content(root, config.ingest.allow_outside_root if config is not None else False)
    if not no_site and config is not None:
        built = Path(site_dir) if site_dir else SiteLayout(root).site
        problems += check_site(built, config, jobs=jobs or os.cpu_count() or 1, base_url=base_url)
        warnings += relative_url_warnings(built)
    if strict:
        problems, warnings = problems + warnings, []
    report_warnings(str(warning) for warning in warnings)
    noted = f", {plural(len(warnings), 'warning')}" if warnings else ""
    count = report_errors(problems)
    if count:
        click.echo(f"check: {plural(count, 'problem')}{noted}", err=True)
        sys.exit(1)
    click.echo("check: no problems" + noted + (" (content only)" if no_site else ""))
