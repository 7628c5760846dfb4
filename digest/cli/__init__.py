"""The `digest` command line: a thin layer over the library.

Each command lives in digest/cli/commands/<name>.py and exposes `command`. Errors the user can
fix are printed one line each (file and line first) with exit status 1; usage errors exit 2;
nothing a user types or feeds in produces a Python traceback.
"""
from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from .. import __version__
from .clikit import WholeSummaryGroup, root_option

COMMAND_MODULES = [
    "init",
    "ingest",
    "list",
    "translate",
    "build",
    "serve",
    "review",
    "check",
    "clean",
]


class LazyGroup(WholeSummaryGroup):
    """Imports a command's module only when that command runs (click's documented pattern
    for lazy sub-commands): `digest build` does not load the parser and summariser, the
    server or the validator."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            module = importlib.import_module(f"digest.cli.commands.{cmd_name}")
            self.add_command(module.command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, but a typo is compared with every command, loaded or not, so
        `digest buidl` suggests `build` as `digest review aprove` suggests `approve`."""
        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            raise click.exceptions.NoSuchCommand(name, possibilities=self.list_commands(ctx), ctx=ctx)
        return super().resolve_command(ctx, args)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="digest")
@root_option
def cli() -> None:
    """digest: Arabic news in, a bilingual static site out."""


def all_commands() -> dict[str, click.Command]:
    """Every command, loaded (for documentation checks)."""
    ctx = click.Context(cli)
    return {name: command for name in cli.list_commands(ctx) if (command := cli.get_command(ctx, name)) is not None}


def main(argv: list[str] | None = None) -> None:
    """The console script: run the command, then exit through the normal interpreter
    shutdown (atexit handlers run, buffers are flushed)."""
    status = run(argv)
    _quiet_closed_pipe()
    # Shutdown runs full garbage collections over every object the command left behind
    # (entries, pages, caches), which cost more than the rest of the teardown for nothing:
    # the process is ending. Frozen objects are skipped by the collector but still freed,
    # and atexit handlers still run. (docs/benchmarks.md has the numbers.)
    gc.freeze()
    sys.exit(status)


def _quiet_closed_pipe() -> None:
    """Flush now; if the reader has gone (`digest list | head`), point stdout at /dev/null
    so the flush at shutdown does not print a BrokenPipeError (as the Python docs advise)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
            except (OSError, ValueError):
                pass
        except (OSError, ValueError):  # a closed or detached stream: nothing to keep
            pass


def run(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit status."""
    try:
        cli.main(args=argv, prog_name="digest", standalone_mode=True)  # never returns: it ends in SystemExit
    except SystemExit as exc:
        return _exit_status(exc.code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except OSError as exc:
        # The system refused a file operation no command turned into its own message (disk
        # full, read-only, a file where a folder belongs): name the file, it is no bug.
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug, not bad input: say so without a wall of text
        if os.environ.get("DIGEST_DEBUG"):
            import traceback  # only here: its import is a cost every command would pay

            traceback.print_exc()
        click.echo(f"digest: internal error: {type(exc).__name__}: {exc} (set DIGEST_DEBUG=1 for details)", err=True)
        return 1


def _exit_status(code: object) -> int:
    """sys.exit()'s argument as a process status (a message is printed, status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    click.echo(str(code), err=True)
    return 1


if __name__ == "__main__":  # pragma: no cover
    main()
