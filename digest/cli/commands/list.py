"""digest list [--json]"""
from __future__ import annotations

import json
import sys

import click

from ...content.entries import load_entries
from ...core.layout import SiteLayout
from ...review.states import compute_flags
from ...sitemodel.taxonomy import build_taxonomy
from ...translate.glossary import load_glossary
from ..clikit import handle_errors, load_site_config, plural, report_errors, root_option, site_root
from ..listing import entry_json


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array on stdout (fields: README.md, \"digest list --json\").")
@root_option
@handle_errors
def command(as_json: bool) -> None:
    """List all entries, newest first."""
    root = site_root()
    config = load_site_config(root)
    entries, errors = load_entries(SiteLayout(root).content, config.ingest.allow_outside_root)
    report_errors(errors)
    entries.sort(key=lambda e: (e.date, e.slug), reverse=True)
    taxonomy = build_taxonomy(entries)
    if as_json:
        flags = compute_flags(entries, load_glossary(root), config)
        data = [entry_json(e, taxonomy, root, flags=[f.code for f in flags[e.slug]]) for e in entries]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for e in entries:
            click.echo(f"{e.date.isoformat()}  {e.review.state:<8} {e.translation.status:<8} {e.slug}  {e.title}")
        click.echo(plural(len(entries), "entry"), err=True)
    if errors:
        sys.exit(1)
