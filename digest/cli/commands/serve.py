"""digest serve [--host 127.0.0.1] [--port 8000] [--no-browser] [-v]"""
from __future__ import annotations

import click

from ..clikit import handle_errors, root_option, site_root


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
@click.option("-v", "--verbose", is_flag=True, help="Also show the web server's own log (every request).")
@root_option
@handle_errors
def command(host: str, port: int, no_browser: bool, verbose: bool) -> None:
    """Live-reload preview (drafts and review shown) of the site; rebuilds on every change."""
    from ...serve.server import serve

    try:
        serve(
            site_root(),
            host=host,
            port=port,
            open_browser=not no_browser,
            verbose=verbose,
            echo=lambda line: click.echo(line),
            echo_err=lambda line: click.echo(line, err=True),
        )
    except KeyboardInterrupt:  # Ctrl-C before the server was up: still a clean stop
        click.echo("stopped")
