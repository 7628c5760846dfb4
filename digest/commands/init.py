"""digest init [DIR]"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from ..clikit import handle_errors
from ..errors import DigestError, FileWriteError
from ..output import atomic_write_text

EXAMPLE_CONFIG = """\
# digest.toml: every setting is optional; the values below are the defaults.
# See README.md ("Configuration") for each option.

[site]
title = "الموجز"
title_en = "The Digest"
base_url = "/"
per_page = 20
publish = "approved"   # or "all" to publish drafts too (rejected entries never are)

[translate]
provider = "google"    # google, libre, mymemory, microsoft, deepl, qcri, ...
workers = 4
"""

TEMPLATES_README = """\
Put Jinja2 templates here to override the built-in theme, file by file (same names as
the built-in ones). To extend a built-in template instead of replacing it, start with
{% extends "!builtin/article.html" %}.
"""


@click.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@handle_errors
def command(directory: Path) -> None:
    """Scaffold a new site root with a working example article."""
    if (directory / "digest.toml").exists() or (directory / "content").exists():
        raise DigestError("already a site root (digest.toml or content/ exists); nothing changed", directory)
    for sub in ("seeds", "content", "templates", "site"):
        try:
            (directory / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileWriteError(f"create the folder {sub}/", directory / sub, exc) from None
    data = files("digest") / "data"
    atomic_write_text(directory / "digest.toml", EXAMPLE_CONFIG)
    atomic_write_text(directory / "seeds" / "example.txt", (data / "example-seed.txt").read_text(encoding="utf-8"))
    glossary = data / "glossary.toml"
    if glossary.is_file():
        atomic_write_text(directory / "glossary.toml", glossary.read_text(encoding="utf-8"))
    atomic_write_text(directory / "templates" / "README.txt", TEMPLATES_README)
    click.echo(f"created a site root in {directory}")
    click.echo(f"next: digest -C {directory} build --offline   (then open {directory}/site/index.html)")
