"""digest clean [--user-cache]"""
from __future__ import annotations

import click

from ...build.clean import clean_site
from ...core.layout import SiteLayout
from ...text.wording import plural
from ..clikit import handle_errors, relative_to_root, require_site_root, root_option, site_root


@click.command("clean")
@click.option("--user-cache", is_flag=True, help="Also remove the per-user cache (compiled built-in theme, shared by every site).")
@root_option
@handle_errors
def command(user_cache: bool) -> None:
    """Remove the build caches and the serve preview (never content/, seeds/, site/ or the translation memory)."""
    root = site_root()
    require_site_root(root)
    removed = clean_site(SiteLayout(root), user_cache=user_cache)
    if not removed:
        click.echo("clean: nothing to remove")
        return
    for item in removed:
        click.echo(relative_to_root(f"removed {item.path} ({plural(item.files, 'file')}, {_size(item.size)})", root))
    total = sum(item.size for item in removed)
    click.echo(f"clean: {plural(len(removed), 'folder')} removed, {_size(total)} freed; the next build is a full one")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
