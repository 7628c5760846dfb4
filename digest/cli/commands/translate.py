"""digest translate [--provider NAME] [--provider-url URL] [--retranslate] [--offline]"""
from __future__ import annotations

import sys

import click

from ...content.entries import load_entries
from ...core.layout import SiteLayout
from ..clikit import handle_errors, load_site_config, report_errors, report_warnings, root_option, site_root


@click.command("translate")
@click.option("--provider", metavar="NAME", help="deep-translator provider (default: translate.provider, google).")
@click.option("--provider-url", metavar="URL", help="Server base URL for self-hosted providers (libre).")
@click.option("--retranslate", is_flag=True, help="Ask the provider again, ignoring the translation memory (never editors' text).")
@click.option("--offline", is_flag=True, help="No network: use the glossary and translation memory only.")
@root_option
@handle_errors
def command(provider: str | None, provider_url: str | None, retranslate: bool, offline: bool) -> None:
    """Fill missing or stale English headlines, summaries and tag labels."""
    from ...translate import translate_entries  # here: deep-translator is slow to import

    root = site_root()
    config = load_site_config(root)
    entries, errors = load_entries(SiteLayout(root).content, config.ingest.allow_outside_root)
    report = translate_entries(
        root,
        entries,
        config,
        provider=provider,
        provider_url=provider_url,
        offline=offline,
        retranslate=retranslate,
        progress=True,
    )
    report_errors([*errors, *report.errors])
    report_warnings(report.warnings)
    click.echo(report.summary_line())
    if errors or report.errors:
        sys.exit(1)
