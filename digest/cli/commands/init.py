"""digest init [DIR]"""
from __future__ import annotations

import shlex
from importlib.resources import files
from pathlib import Path

import click

from ...core.errors import DigestError, FileWriteError
from ...core.layout import SiteLayout
from ...core.output import atomic_write_text
from ..clikit import handle_errors

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
provider = "google"    # google, libre, mymemory, microsoft, qcri, chatgpt, yandex
workers = 4
"""

TEMPLATES_README = """\
Put Jinja2 templates here to override the built-in theme, file by file (same names as
the built-in ones). To extend a built-in template instead of replacing it, start with
{% extends "!builtin/article.html" %}.
"""

# The example's English, as an editor would write it: the quick start works offline, and
# the example can be approved at once (approval needs current English).
EXAMPLE_TITLE_EN = "International Coalition on the shelling of its forces: we have no bases; the militias are targeting Iraqis"
EXAMPLE_SUMMARY_EN = (
    "Answering the continued shelling of Iraqi military bases that host US forces by militias "
    "loyal to Iran and unknown armed groups, the International Coalition said it has no bases in "
    "Iraq. The coalition is an international force fighting ISIS, whose remnants remain in some "
    "border areas between Iraq and Syria and in other provinces."
)


@click.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@handle_errors
def command(directory: Path) -> None:
    """Scaffold a new site root with a working example article."""
    layout = SiteLayout(directory)
    if layout.config_file.exists() or layout.content.exists():
        raise DigestError("already a site root (digest.toml or content/ exists); nothing changed", directory)
    for folder in (layout.seeds, layout.content, layout.templates):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileWriteError(f"create the folder {folder.name}/", folder, exc) from None
    data = files("digest") / "data"
    atomic_write_text(layout.config_file, EXAMPLE_CONFIG)
    seed = layout.seeds / "example.txt"
    atomic_write_text(seed, (data / "example-seed.txt").read_text(encoding="utf-8"))
    glossary = data / "glossary.toml"
    if glossary.is_file():
        atomic_write_text(layout.glossary_files[0], glossary.read_text(encoding="utf-8"))
    atomic_write_text(layout.templates / "README.txt", TEMPLATES_README)
    slug = _example_entry(directory, seed)
    click.echo(f"created a site root in {directory}, with one example article (a draft; its English written by an editor):")
    click.echo(f"  content/{slug}.md")
    steps = ([(f"cd {shlex.quote(str(directory))}", "")] if directory.resolve() != Path.cwd().resolve() else []) + [
        ("digest build --offline", "render site/: drafts are not published yet"),
        ("digest review approve --state draft", "approve the example (asks first)"),
        ("digest build --offline", "the example is now on the public site"),
        ("digest serve", "preview it at the address this prints (Ctrl-C stops)"),
    ]
    click.echo("next:")
    for step, why in steps:
        click.echo(f"  {step:<37}  # {why}" if why else f"  {step}")


def _example_entry(root: Path, seed: Path) -> str:
    """Ingest the example seed into content/ and give it an editor's English, so that it
    can be approved and published offline; returns its slug."""
    from ...content.entries import read_entry, write_entry
    from ...core.config import load_config
    from ...ingest.run import ingest

    report = ingest(root, [seed], load_config(root))
    if report.errors:  # the packaged example is known to ingest: this is a bug
        raise DigestError(f"the example article did not ingest: {report.errors[0]}", seed)
    (path,) = sorted(SiteLayout(root).content.glob("*.md"))
    entry = read_entry(path)
    entry.title_en = EXAMPLE_TITLE_EN
    entry.summary_en = EXAMPLE_SUMMARY_EN
    entry.translation.status = "edited"
    entry.translation.provider = "editors"
    write_entry(entry, SiteLayout(root).content)
    return entry.slug
