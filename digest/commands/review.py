"""digest review [list] | approve SLUG | reject SLUG | reopen SLUG"""
from __future__ import annotations

import json
import sys

import click

from ..clikit import handle_errors, load_site_config, report_errors, root_option, site_root
from ..flags import FLAG_CODES, Flag, translation_state
from ..glossary import load_glossary
from ..listing import entry_json
from ..model import REVIEW_STATES, Entry
from ..review import default_editor, entries_with_flags, set_review_state
from ..taxonomy import build_taxonomy

@click.group("review", invoke_without_command=True)
@root_option
@click.pass_context
def command(ctx: click.Context) -> None:
    """Editorial review: list entries with their flags, approve, reject or reopen them.

    Without a sub-command, the same as `digest review list`.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_command)


@command.command("list")
@click.option("--state", type=click.Choice(REVIEW_STATES), help="Only entries in this review state.")
@click.option("--flag", "flag", type=click.Choice(FLAG_CODES), metavar="CODE", help=f"Only entries with this flag ({', '.join(FLAG_CODES)}).")
@click.option("--json", "as_json", is_flag=True, help="One JSON array on stdout, as `digest list --json`, with review.flags filled in.")
@root_option
@handle_errors
def list_command(state: str | None = None, flag: str | None = None, as_json: bool = False) -> None:
    """Entries newest first with review state, translation status and flags."""
    root = site_root()
    config = load_site_config(root)
    entries, flags, errors = entries_with_flags(root, config, load_glossary(root))
    report_errors(errors)
    taxonomy = build_taxonomy(entries)  # as `digest list --json`, so the objects are the same
    shown = [
        e
        for e in entries
        if (state is None or e.review.state == state) and (flag is None or any(f.code == flag for f in flags[e.slug]))
    ]
    if as_json:
        data = [entry_json(e, taxonomy, root, flags=[f.code for f in flags[e.slug]]) for e in shown]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_table(shown, flags)
        click.echo(f"{len(shown)} of {len(entries)} entries", err=True)
    if errors:
        sys.exit(1)


def _print_table(entries: list[Entry], flags: dict[str, list[Flag]]) -> None:
    """One line per entry; the slug last, as Arabic slugs reorder the columns after them."""
    codes = {e.slug: ",".join(dict.fromkeys(f.code for f in flags[e.slug])) or "-" for e in entries}
    width = min(max((len(c) for c in codes.values()), default=5), 60)
    click.echo(f"{'date':<10}  {'state':<8}  {'english':<7}  {'flags':<{width}}  slug")
    for e in entries:
        click.echo(f"{e.date.isoformat()}  {e.review.state:<8}  {translation_state(e):<7}  {codes[e.slug]:<{width}}  {e.slug}")


_by_option = click.option("--by", metavar="NAME", help="Who reviewed it (default: $DIGEST_EDITOR or the login name).")


@command.command("approve")
@click.argument("slug")
@_by_option
@click.option("--force", is_flag=True, help="Approve even though the English is pending or stale.")
@root_option
@handle_errors
def approve_command(slug: str, by: str | None, force: bool) -> None:
    """Approve SLUG for the public site."""
    change = set_review_state(site_root(), slug, "approved", by=by or default_editor(), force=force)
    _report(change.slug, change.old_state, change.new_state, change.changed)


@command.command("reject")
@click.argument("slug")
@_by_option
@click.option("--reason", metavar="TEXT", help="Why (kept in the entry's review.reason).")
@root_option
@handle_errors
def reject_command(slug: str, by: str | None, reason: str | None) -> None:
    """Reject SLUG: it is never published."""
    change = set_review_state(site_root(), slug, "rejected", by=by or default_editor(), reason=reason)
    _report(change.slug, change.old_state, change.new_state, change.changed)


@command.command("reopen")
@click.argument("slug")
@_by_option
@root_option
@handle_errors
def reopen_command(slug: str, by: str | None) -> None:
    """Put SLUG back to draft (unpublished until approved again)."""
    change = set_review_state(site_root(), slug, "draft", by=by or default_editor())
    _report(change.slug, change.old_state, change.new_state, change.changed)


def _report(slug: str, old: str, new: str, changed: bool) -> None:
    if changed:
        click.echo(f"{slug}: {old} → {new}")
    else:
        click.echo(f"{slug}: already {new}")
