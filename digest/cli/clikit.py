"""Shared CLI pieces: the site-root option, error reporting, progress bars."""
from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.config import Config, load_config
from ..core.errors import DigestError
from ..core.layout import CONFIG_FILE, CONTENT_DIR, SEEDS_DIR
from ..text.wording import plural as plural  # re-exported for the commands

T = TypeVar("T")


class WholeSummaryGroup(click.Group):
    """A group whose --help shows each command's whole first sentence (wrapped), never
    one cut to "render the..."."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _store_root(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        ctx.ensure_object(dict)["root"] = value
    return value


def root_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """-C/--root DIR, accepted before or after the sub-command name."""
    return click.option(
        "-C",
        "--root",
        "root_dir",
        type=click.Path(file_okay=False, exists=True),  # a mistyped root must not become a new site
        callback=_store_root,
        expose_value=False,
        is_eager=True,
        help="Site root (default: the current directory).",
    )(func)


def site_root() -> Path:
    ctx = click.get_current_context()
    root = ctx.find_root().ensure_object(dict).get("root") or ctx.ensure_object(dict).get("root")
    return Path(root) if root else Path.cwd()


def load_site_config(root: Path) -> Config:
    return load_config(root)


def relative_to_root(text: str, root: Path | None = None) -> str:
    """A message with every path inside the site root written relative to it
    ("content/x.md:3"), as the README shows, however the root was given (-C, absolute)."""
    if root is None:
        try:
            root = site_root()
        except RuntimeError:  # no click context (library use): leave the text as it is
            return text
    prefixes = {str(root.absolute()), str(root.resolve()), os.path.abspath(root), str(root)} - {".", ""}
    for prefix in sorted(prefixes, key=len, reverse=True):  # longest first: "/a/b" before "/a"
        # Only where a path starts (line start, after a space, quote or bracket): "s/" must
        # not be cut out of "seeds/" when the root is "s".
        start = r"(?:(?<=^)|(?<=[\s'\"(\[]))"
        text = re.sub(start + re.escape(prefix.rstrip(os.sep) + os.sep), "", text)
        text = re.sub(start + re.escape(prefix.rstrip(os.sep)) + r"(?=:)", ".", text)  # the root itself
    return text


def report_errors(errors: Iterable[DigestError]) -> int:
    """Print one line per problem; return how many."""
    count = 0
    for error in errors:
        click.echo(f"error: {relative_to_root(str(error))}", err=True)
        count += 1
    return count


def report_warnings(warnings: Iterable[str]) -> None:
    for warning in warnings:
        click.echo(f"warning: {relative_to_root(warning)}", err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a DigestError raised by a command into one line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DigestError as exc:
            click.echo(f"error: {relative_to_root(str(exc))}", err=True)
            sys.exit(1)

    return wrapper


SITE_ROOT_MARKERS = (CONFIG_FILE, CONTENT_DIR, SEEDS_DIR)


def require_site_root(root: Path) -> None:
    """Refuse to work in a folder that is not a site root, rather than turn it into one
    (`digest build` in the wrong folder used to create site/ and .digest/ there)."""
    if not any((root / marker).exists() for marker in SITE_ROOT_MARKERS):
        where = "this folder" if root.resolve() == Path.cwd().resolve() else str(root)
        raise DigestError(
            f"{where} is not a site root (no digest.toml, content/ or seeds/); "
            "create one with `digest init DIR`, or give one with -C DIR"
        )


def progress(items: list[T], label: str, min_items: int = 50) -> Iterator[T]:
    """A progress bar on a terminal for large batches; plain iteration otherwise."""
    if len(items) < min_items or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=label, unit="file", file=sys.stderr, leave=False)


def progress_stream(items: Iterable[T], total: int, label: str, min_items: int = 50) -> Iterator[T]:
    """Like progress(), for a stream whose length is known in advance (no list is built)."""
    if total < min_items or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=label, unit="file", file=sys.stderr, leave=False)
