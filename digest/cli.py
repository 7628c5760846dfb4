"""The `digest` command line: a thin layer over the library.

Each command lives in digest/commands/<name>.py and exposes `command`. Errors the user can
fix are printed one line each (file and line first) with exit status 1; usage errors exit 2;
nothing a user types or feeds in produces a Python traceback.
"""
from __future__ import annotations

import importlib
import os
import sys
import traceback

import click

from . import __version__
from .clikit import root_option

COMMAND_MODULES = [
    "init",
    "ingest",
    "list",
    "translate",
    "build",
    "serve",
    "review",
    "check",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="digest")
@root_option
def cli() -> None:
    """digest: Arabic news in, a bilingual static site out."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"digest.commands.{_name}")
    except ModuleNotFoundError as _exc:  # a command still being written
        if _exc.name != f"digest.commands.{_name}":
            raise
        continue
    cli.add_command(_module.command)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="digest", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so without a wall of text
        if os.environ.get("DIGEST_DEBUG"):
            traceback.print_exc()
        click.echo(f"digest: internal error: {type(exc).__name__}: {exc} (set DIGEST_DEBUG=1 for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
