"""digest review [list] | approve|reject|reopen SLUG... or --state S / --flag CODE / --no-flags [--yes]"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ...core.errors import DigestError
from ...core.model import REVIEW_STATES, Entry
from ...review.flags import FLAG_CODES, Flag
from ...review.states import default_editor, entries_with_flags, set_review_state
from ...sitemodel.taxonomy import build_taxonomy
from ...translate.glossary import load_glossary
from ...translate.state import translation_state
from ..clikit import (
    WholeSummaryGroup,
    handle_errors,
    load_site_config,
    plural,
    relative_to_root,
    report_errors,
    root_option,
    site_root,
)
from ..listing import entry_json


@click.group("review", cls=WholeSummaryGroup, invoke_without_command=True)
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
        click.echo(f"{len(shown)} of {plural(len(entries), 'entry')}", err=True)
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


def _selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """SLUG... or a filter selecting entries, and --yes; shared by approve, reject and reopen."""
    for option in reversed(
        [
            click.argument("slugs", nargs=-1, metavar="[SLUG]..."),
            click.option("--state", "state_filter", type=click.Choice(REVIEW_STATES), help="Act on every entry in this review state."),
            click.option("--flag", "flag_filter", type=click.Choice(FLAG_CODES), metavar="CODE", help="Act on every entry with this flag."),
            click.option("--no-flags", is_flag=True, help="Act on every entry without any flag."),
            click.option("--yes", "-y", is_flag=True, help="Do not ask before acting on the entries a filter selects."),
        ]
    ):
        func = option(func)
    return func


@command.command("approve")
@_selection_options
@_by_option
@click.option("--force", is_flag=True, help="Approve even though the English is pending or stale.")
@root_option
@handle_errors
def approve_command(
    slugs: tuple[str, ...], state_filter: str | None, flag_filter: str | None, no_flags: bool, yes: bool, by: str | None, force: bool
) -> None:
    """Approve entries for the public site: each SLUG, or every entry a filter selects,
    such as `--state draft --no-flags`."""
    _act("approved", slugs, state_filter, flag_filter, no_flags, yes, by=by, force=force)


@command.command("reject")
@_selection_options
@_by_option
@click.option("--reason", metavar="TEXT", help="Why (kept in the entry's review.reason).")
@root_option
@handle_errors
def reject_command(
    slugs: tuple[str, ...], state_filter: str | None, flag_filter: str | None, no_flags: bool, yes: bool, by: str | None, reason: str | None
) -> None:
    """Reject entries (never published): each SLUG, or every entry a filter selects."""
    _act("rejected", slugs, state_filter, flag_filter, no_flags, yes, by=by, reason=reason)


@command.command("reopen")
@_selection_options
@_by_option
@root_option
@handle_errors
def reopen_command(slugs: tuple[str, ...], state_filter: str | None, flag_filter: str | None, no_flags: bool, yes: bool, by: str | None) -> None:
    """Put entries back to draft (unpublished until approved again): each SLUG, or every
    entry a filter selects."""
    _act("draft", slugs, state_filter, flag_filter, no_flags, yes, by=by)


VERBS = {"approved": "approve", "rejected": "reject", "draft": "reopen"}


def _act(
    new_state: str,
    slugs: tuple[str, ...],
    state_filter: str | None,
    flag_filter: str | None,
    no_flags: bool,
    yes: bool,
    *,
    by: str | None,
    force: bool = False,
    reason: str | None = None,
) -> None:
    """Change the review state of the named or selected entries, one line each; a problem
    with one entry (unknown slug, pending English) is reported and the others still go."""
    verb = VERBS[new_state]
    filtering = state_filter is not None or flag_filter is not None or no_flags
    if slugs and filtering:
        raise click.UsageError("give SLUGs or a filter (--state, --flag, --no-flags), not both")
    if flag_filter and no_flags:
        raise click.UsageError("--flag and --no-flags select nothing together")
    if not slugs and not filtering:
        raise click.UsageError(f"give one or more SLUGs, or a filter: e.g. `digest review {verb} --state draft`")
    root = site_root()
    if filtering:
        slugs = _select(root, new_state, state_filter, flag_filter, no_flags)
        if not slugs:
            click.echo(f"{verb}: no entry matches", err=True)
            return
        for slug in slugs:
            click.echo(f"  {slug}", err=True)
        if not yes:
            try:
                confirmed = click.confirm(f"{verb} {plural(len(slugs), 'entry')}?", err=True)
            except click.Abort:  # no answer (end of input in a script, Ctrl-C)
                click.echo(f"\n{verb}: nothing changed (no answer; --yes skips the question)", err=True)
                sys.exit(1)
            if not confirmed:
                click.echo(f"{verb}: nothing changed", err=True)
                sys.exit(1)
    editor = by or default_editor()
    failed = 0
    changed = 0
    for slug in dict.fromkeys(slugs):  # a slug given twice is done once
        try:
            change = set_review_state(root, slug, new_state, by=editor, reason=reason, force=force)
        except DigestError as exc:
            failed += 1
            click.echo(f"error: {relative_to_root(str(exc))}", err=True)
            continue
        changed += change.changed
        _report(change.slug, change.old_state, change.new_state, change.changed)
    if len(slugs) > 1 or filtering:
        line = f"{verb}: {plural(changed, 'entry')} changed"
        if failed:
            line += f", {failed} failed"
        click.echo(line, err=True)
    if failed:
        sys.exit(1)


def _select(root: Path, new_state: str, state_filter: str | None, flag_filter: str | None, no_flags: bool) -> tuple[str, ...]:
    """The slugs a filter selects, newest first, leaving out entries already in `new_state`."""
    config = load_site_config(root)
    entries, flags, errors = entries_with_flags(root, config, load_glossary(root))
    if errors:  # acting on a partial view of content/ would be a surprise: fix first
        report_errors(errors)
        sys.exit(1)
    return tuple(
        e.slug
        for e in entries
        if e.review.state != new_state
        and (state_filter is None or e.review.state == state_filter)
        and (flag_filter is None or any(f.code == flag_filter for f in flags[e.slug]))
        and (not no_flags or not flags[e.slug])
    )


def _report(slug: str, old: str, new: str, changed: bool) -> None:
    if changed:
        click.echo(f"{slug}: {old} → {new}")
    else:
        click.echo(f"{slug}: already {new}")
