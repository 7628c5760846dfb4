"""digest serve [--host 127.0.0.1] [--port 8000] [--no-browser] [--by NAME] [--allow-edits-from-network KEY] [-v]"""
from __future__ import annotations

import os

import click

from ..clikit import handle_errors, root_option, site_root

KEY_ENV = "DIGEST_DESK_KEY"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
@click.option("--by", "editor", metavar="NAME", help="Editor name the review desk records (default: $DIGEST_EDITOR, else the login name).")
@click.option(
    "--allow-edits-from-network",
    "network_key",
    metavar="KEY",
    help=f"Served on a non-loopback --host, let browsers that enter KEY change files through the review desk (or set ${KEY_ENV}).",
)
@click.option("-v", "--verbose", is_flag=True, help="Also show the web server's own log (every request).")
@root_option
@handle_errors
def command(host: str, port: int, no_browser: bool, editor: str | None, network_key: str | None, verbose: bool) -> None:
    """Live-reload preview (drafts and review shown) of the site, with the review desk; rebuilds on every change."""
    from ...serve.server import serve

    network_key = network_key or os.environ.get(KEY_ENV) or None
    if network_key is not None and len(network_key) < 12:
        raise click.UsageError("--allow-edits-from-network KEY: the key must be at least 12 characters (it guards writes to content/)")
    try:
        serve(
            site_root(),
            host=host,
            port=port,
            open_browser=not no_browser,
            verbose=verbose,
            editor=(editor or "").strip() or None,
            network_key=network_key,
            echo=lambda line: click.echo(line),
            echo_err=lambda line: click.echo(line, err=True),
        )
    except KeyboardInterrupt:  # Ctrl-C before the server was up: still a clean stop
        click.echo("stopped")
