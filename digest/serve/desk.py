"""The review desk in `digest serve`: forms on the preview's review panel and dashboard.

The preview files on disk never hold a form: the desk is added to article pages and to the
dashboard as they are served (with a per-run CSRF token and the hash of each entry file),
so a public or `--review` build can never carry it. Every POST passes check_request (Host,
Origin, same-site), then the CSRF token, then — served on a non-loopback address — the desk
key given with --allow-edits-from-network. Actions are the library writers of
digest.review.desk; after a change the preview is rebuilt before the answer (a redirect to
the page, which is then current) and other browsers are told to reload.
"""
from __future__ import annotations

import hmac
import html
import ipaddress
import os
import re
import secrets
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.entries import read_entry
from ..core.config import load_config
from ..core.errors import DigestError
from ..core.watch import stamp_of
from ..render.fragments import KeptRows
from ..review.desk import (
    DeskError,
    EntryEdit,
    StaleFile,
    change_state,
    entry_path,
    file_hash,
    plan_batch,
    run_batch,
    save_edit,
    translate_again,
)
from ..review.flags import FLAG_DESCRIPTIONS
from ..review.states import named_file
from ..sitemodel.taxonomy import ARTICLES_PREFIX, entry_url
from ..text.shellquote import visible

DESK_PREFIX = "/_desk"
KEY_COOKIE = "digest_desk_key"
KEY_ENV = "DIGEST_DESK_KEY"
NOTICE_SECONDS = 60.0
ACTION_STATES = {"approve": "approved", "reject": "rejected", "reopen": "draft"}

# A dashboard row as templates/review/dashboard.html writes it; the slug is read from the
# row's <code class="slug"> (shown through the `visible` filter: mapped back to the file).
_ROW_RE = re.compile(
    r'(?P<open><tr data-state="(?P<state>[a-z]+)" data-flags="(?P<flags>[^"]*)">)'
    r'(?P<cells>.*?<code class="slug" dir="auto">(?P<shown>[^<]*)</code>)',  # every row has one
    re.S,
)


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class QueueRow:
    slug: str
    state: str
    flags: tuple[str, ...]


@dataclass
class Desk:
    """One serve run's desk: who edits, the run's CSRF token, and how to rebuild."""

    root: Path
    out: Path
    editor: str
    host: str
    network_key: str | None = None  # --allow-edits-from-network: required off loopback
    rebuild: Callable[[str, list[str]], None] = lambda reason, written: None  # written: paths relative to the root
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    # page key → (message, when): shown for NOTICE_SECONDS, as the page may be loaded twice
    # (the redirect after the POST, and the reload every open preview is sent).
    notices: dict[str, tuple[str, float]] = field(default_factory=dict)
    _queue: tuple[tuple[int, int], list[QueueRow]] | None = None
    # The dashboard rows the preview builder rendered last (digest.render.fragments.KeptRows):
    # when the dashboard file holds exactly their HTML, the queue is read from them.
    kept_rows: Callable[[], KeptRows | None] = lambda: None
    # slug → (what its page with the desk was made from, that page): an open preview is
    # fetched again and again (a reload, a poll) while nothing changed, and making the panel
    # reads and hashes the entry and walks the whole queue — during a rebuild, CPU taken
    # from the rebuild under the same interpreter lock.
    _entry_pages: dict[str, tuple[tuple[object, ...], bytes]] = field(default_factory=dict)

    def notify(self, key: str, message: str) -> None:
        self.notices[key] = (message, time.monotonic())

    def notice(self, key: str) -> str:
        message, when = self.notices.get(key, ("", 0.0))
        return message if time.monotonic() - when < NOTICE_SECONDS else ""

    # --- who may change files ---------------------------------------------------------

    def edits_refused(self, request: Any) -> str | None:
        """Why this request may not change anything (after Host/Origin checks), or None."""
        if not is_loopback(self.host):
            if self.network_key is None:
                return (
                    f"edits are off: this preview listens on {self.host}, not on a loopback address "
                    "(start `digest serve` with --allow-edits-from-network KEY to allow them)"
                )
            cookie = request.cookies.get(KEY_COOKIE)
            if cookie is None or not hmac.compare_digest(urllib.parse.unquote(cookie.value).encode(), self.network_key.encode()):
                return f"this desk needs its key: open {DESK_PREFIX}/unlock and enter the key given to --allow-edits-from-network"
        return None

    def edits_refused_by_address(self) -> str | None:
        if is_loopback(self.host):
            return None
        if self.network_key is None:
            return f"edits are off: {self.host} is not a loopback address (see --allow-edits-from-network)"
        return "edits from the network need the desk key (--allow-edits-from-network)"

    def token_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.token.encode())  # type: ignore[union-attr]

    # --- the queue (the dashboard's order, as last built) --------------------------------

    def queue(self) -> list[QueueRow]:
        dashboard = self.out / "review" / "index.html"
        try:
            stat = dashboard.stat()
        except OSError:
            return []
        key = (stat.st_mtime_ns, stat.st_size)
        if self._queue is None or self._queue[0] != key:
            text = dashboard.read_text(encoding="utf-8")
            kept = self.kept_rows()
            if kept is not None and kept.shown and kept.shown in text:  # a 4,000-row parse spared
                rows = [QueueRow(row.slug, row.state, tuple(row.flag_codes.split())) for row in kept.rows]
            else:
                slug_of = self._slugs_as_shown()
                rows = [
                    QueueRow(slug_of(html.unescape(m["shown"])), m["state"], tuple(m["flags"].split()))
                    for m in _ROW_RE.finditer(text)
                ]
            self._queue = (key, rows)
        return self._queue[1]

    def _slugs_as_shown(self) -> Callable[[str], str]:
        """The slug of a dashboard row's shown slug: itself nearly always; a name shown with
        escapes (control or invisible characters) is looked up among the content files."""
        content = self.root / "content"
        names = {name[:-3] for name in os.listdir(content) if name.endswith(".md")} if content.is_dir() else set()
        escaped: dict[str, str] | None = None

        def slug_of(shown: str) -> str:
            nonlocal escaped
            if shown in names:
                return shown
            if escaped is None:  # visible() on 4,000 names takes a while: only when needed
                escaped = {visible(name): name for name in names}
            return escaped.get(shown, shown)

        return slug_of

    def neighbours(self, slug: str) -> tuple[str | None, str | None, int, int]:
        """(previous, next) draft around `slug` in the dashboard's order, its place, the drafts."""
        rows = self.queue()
        drafts = [r.slug for r in rows if r.state == "draft"]
        order = [r.slug for r in rows]
        if slug not in order:
            return None, None, 0, len(drafts)
        at = order.index(slug)
        before = [r.slug for r in rows[:at] if r.state == "draft"]
        after = [r.slug for r in rows[at + 1 :] if r.state == "draft"]
        place = len(before) + 1 if rows[at].state == "draft" else 0
        return (before[-1] if before else None), (after[0] if after else None), place, len(drafts)

    # --- pages as served ------------------------------------------------------------------

    def page_filter(self, path: str, body: bytes) -> bytes | None:
        """The served page with the desk added (None: serve the file as it is)."""
        clean = path.removesuffix("index.html").strip("/")
        if clean == "review":
            return self._with_dashboard_desk(body)
        prefix = ARTICLES_PREFIX + "/"
        if clean.startswith(prefix) and "/" not in clean[len(prefix) :]:
            slug = clean[len(prefix) :]
            if (self.root / "content" / f"{slug}.md").is_file():
                return self._with_entry_desk(slug, body)
        return None

    def _entry_file(self, slug: str) -> Path:
        """The entry's file as review.desk.entry_path finds it, without reading the entry
        where the slug names its file (review.states.named_file)."""
        path = named_file(self.root, slug)
        return path if path is not None and path.is_file() else entry_path(self.root, slug)

    def _with_entry_desk(self, slug: str, body: bytes) -> bytes | None:
        try:
            made_from = (body, stamp_of(self._entry_file(slug)), stamp_of(self.out / "review" / "index.html"), self.notice(slug))
        except DigestError:  # no such entry's path: the page is made (it says why), not kept
            made_from = None
        known = self._entry_pages.get(slug)
        if made_from is not None and known is not None and known[0] == made_from:
            return known[1]
        page = self._make_entry_desk(slug, body)
        if made_from is not None and page is not None:
            if len(self._entry_pages) >= 256:
                self._entry_pages.clear()
            self._entry_pages[slug] = (made_from, page)
        return page

    def _make_entry_desk(self, slug: str, body: bytes) -> bytes | None:
        text = body.decode("utf-8")
        anchor = text.find('id="review-panel-title"')
        end = text.find("</h2>", anchor) if anchor != -1 else -1
        if end == -1:
            return None
        try:
            panel = self.entry_panel(slug)
        except (DigestError, OSError) as exc:
            panel = f'<p class="desk-notice" role="alert">Review desk: {html.escape(say(exc, self.root) if isinstance(exc, DigestError) else str(exc))}</p>'
        at = end + len("</h2>")
        text = text[:at] + "\n" + panel + text[at:]
        return _with_desk_assets(text, ENTRY_SCRIPT).encode("utf-8")

    def entry_panel(self, slug: str) -> str:
        path = entry_path(self.root, slug)
        digest = file_hash(path)
        entry = read_entry(path)
        e = html.escape
        refused = self._refused_note()
        hidden = self._hidden(slug=entry.slug, hash=digest, back=entry_url(entry.slug))
        prev, nxt, place, drafts = self.neighbours(entry.slug)
        nav = ['<a id="desk-dashboard" href="/review/">Dashboard</a>']
        nav.insert(0, f'<a id="desk-prev" rel="prev" href="/{e(entry_url(prev))}">← Previous in queue</a>' if prev else '<span class="desk-none">← no previous draft</span>')
        nav.append(f'<a id="desk-next" rel="next" href="/{e(entry_url(nxt))}">Next in queue →</a>' if nxt else '<span class="desk-none">no next draft →</span>')
        where = f"draft {place} of {drafts} in the queue" if place else f"{drafts} drafts in the queue"
        notice = self.notice(entry.slug)
        tags = "".join(
            f'<p><label for="desk-tag-{i}">Tag <bdi lang="ar" dir="rtl">{e(tag)}</bdi> in English</label>'
            f'<input id="desk-tag-{i}" name="tag_en:{e(tag)}" dir="ltr" lang="en" value="{e(entry.tags_en.get(tag, ""))}"></p>'
            for i, tag in enumerate(entry.tags)
        )
        disabled = " disabled" if refused else ""
        return f"""<section class="desk" id="desk" aria-labelledby="desk-title" data-hash="{digest}">
<h3 id="desk-title">Review desk <small>(editing as <bdi id="desk-editor">{e(self.editor)}</bdi>; keys: press <kbd>?</kbd>)</small></h3>
{f'<p class="desk-notice" id="desk-notice" role="status">{e(notice)}</p>' if notice else ''}{refused}
<nav class="desk-queue" aria-label="Review queue">{' · '.join(nav[:1])} · <span>{where}</span> · {' · '.join(nav[1:])}</nav>
<form class="desk-actions" method="post" action="{DESK_PREFIX}/entry">{hidden}
<button type="submit" name="action" value="approve" id="desk-approve"{disabled}>Approve</button>
<button type="submit" name="action" value="reopen" id="desk-reopen"{disabled}>Reopen (back to draft)</button>
<label for="desk-reason">Reason for rejecting</label>
<input id="desk-reason" name="reason" dir="auto" size="30">
<button type="submit" name="action" value="reject" id="desk-reject"{disabled}>Reject</button>
<button type="submit" name="action" value="translate" id="desk-translate"{disabled}>Translate again</button>
</form>
<form class="desk-edit" method="post" action="{DESK_PREFIX}/entry">{hidden}
<input type="hidden" name="action" value="save">
<div class="desk-pair">
<p><label for="desk-title-ar" lang="ar" dir="rtl">العنوان العربي (للمقارنة)</label>
<input id="desk-title-ar" readonly dir="rtl" lang="ar" value="{e(entry.title)}"></p>
<p><label for="desk-title-en">English headline</label>
<input id="desk-title-en" name="title_en" dir="ltr" lang="en" value="{e(entry.title_en or '')}"></p>
<p><label for="desk-summary-ar" lang="ar" dir="rtl">الملخص العربي (للمقارنة)</label>
<textarea id="desk-summary-ar" readonly dir="rtl" lang="ar" rows="6">{e(entry.summary_ar)}</textarea></p>
<p><label for="desk-summary-en">English summary</label>
<textarea id="desk-summary-en" name="summary_en" dir="ltr" lang="en" rows="6">{e(entry.summary_en or '')}</textarea></p>
</div>
{f'<fieldset><legend>Tag labels</legend>{tags}</fieldset>' if tags else ''}
<p><label for="desk-date">Date</label> <input id="desk-date" name="date" type="date" value="{entry.date.isoformat()}">
<label for="desk-source-url">Source URL</label> <input id="desk-source-url" name="source_url" type="url" dir="ltr" size="50" value="{e(entry.source_url or '')}"></p>
<button type="submit" id="desk-save"{disabled}>Save corrections</button>
</form>
{HELP_DIALOG}
</section>"""

    def _refused_note(self) -> str:
        if is_loopback(self.host):
            return ""
        if self.network_key is None:
            return f'<p class="desk-notice" role="note">Edits are off: this preview listens on <code>{html.escape(self.host)}</code>. Start <code>digest serve</code> with <code>--allow-edits-from-network KEY</code> to allow them.</p>'
        return f'<p class="desk-notice" role="note">Changes need the desk key: <a href="{DESK_PREFIX}/unlock">enter it</a> once in this browser.</p>'

    def _hidden(self, **values: str) -> str:
        fields = {"token": self.token, **values}
        return "".join(f'<input type="hidden" name="{k}" value="{html.escape(v)}">' for k, v in fields.items())

    def _with_dashboard_desk(self, body: bytes) -> bytes | None:
        text = body.decode("utf-8")
        table = text.find('<table class="review-table"')
        if table == -1:
            return None
        rows = self.queue()
        e = html.escape
        states: dict[str, int] = {"draft": 0, "approved": 0, "rejected": 0}
        flags: dict[str, int] = {}
        for row in rows:
            states[row.state] = states.get(row.state, 0) + 1
            for code in dict.fromkeys(row.flags):
                flags[code] = flags.get(code, 0) + 1
        totals = "".join(f"<li><span class=\"state state-{s}\">{s}</span> {n}</li>" for s, n in states.items())
        totals += "".join(f'<li><abbr class="flag-code" title="{e(FLAG_DESCRIPTIONS.get(c, c))}">{e(c)}</abbr> {n}</li>' for c, n in sorted(flags.items()))
        notice = self.notice("review")
        disabled = " disabled" if self._refused_note() and self.network_key is None else ""
        toolbar = f"""<section class="desk desk-batch" id="desk" aria-labelledby="desk-title">
<h2 id="desk-title">Review desk <small>(editing as <bdi id="desk-editor">{e(self.editor)}</bdi>; keys: press <kbd>?</kbd>)</small></h2>
{f'<p class="desk-notice" id="desk-notice" role="status">{e(notice)}</p>' if notice else ''}{self._refused_note()}
<h3 id="desk-totals-title">Totals</h3>
<ul class="desk-totals" id="desk-totals" aria-labelledby="desk-totals-title">{totals}</ul>
<form id="desk-batch" method="post" action="{DESK_PREFIX}/batch">{self._hidden()}
<input type="hidden" name="filter_state" id="desk-filter-state" value="">
<input type="hidden" name="filter_flag" id="desk-filter-flag" value="">
<p><label><input type="checkbox" name="scope" value="filter" id="desk-all"> All <output id="desk-matching">{len(rows)}</output> matching this filter</label>
· <output id="desk-selected" aria-live="polite">0 selected</output></p>
<p><label for="desk-batch-reason">Reason (for rejecting)</label> <input id="desk-batch-reason" name="reason" dir="auto" size="30">
<button type="submit" name="action" value="approve" id="desk-batch-approve"{disabled}>Approve selected…</button>
<button type="submit" name="action" value="reject" id="desk-batch-reject"{disabled}>Reject selected…</button>
<small>You confirm on the next page.</small></p>
</form>
{HELP_DIALOG_DASHBOARD}
</section>
"""
        text = text[:table] + toolbar + text[table:]
        text = text.replace(
            '<thead>\n      <tr>', '<thead>\n      <tr><th scope="col"><span class="visually-hidden">Select</span></th>', 1
        )

        slug_of = self._slugs_as_shown()

        def add_box(match: re.Match[str]) -> str:
            shown = html.unescape(match["shown"])
            slug = e(slug_of(shown))
            return (
                match["open"]
                + f'<td><input type="checkbox" class="desk-pick" form="desk-batch" name="slug" value="{slug}" '
                f'aria-label="Select {e(shown)}"></td>'
                + match["cells"]
            )

        text = _ROW_RE.sub(add_box, text)
        return _with_desk_assets(text, DASHBOARD_SCRIPT).encode("utf-8")

    # --- pages of the desk itself ----------------------------------------------------------

    def confirm_page(self, action: str, slugs: list[str], reason: str) -> str:
        plan = plan_batch(self.root, slugs, action)
        e = html.escape
        verb = {"approve": "Approve", "reject": "Reject"}.get(action, action)
        ready = "".join(
            f'<li><input type="hidden" name="h:{e(entry.slug)}" value="{digest}"><bdi lang="ar" dir="rtl">{e(entry.title)}</bdi> <code dir="auto">{e(entry.slug)}</code></li>'
            for entry, digest in plan.ready
        )
        skipped = "".join(f'<li><bdi lang="ar" dir="rtl">{e(entry.title)}</bdi>: {e(why)}</li>' for entry, why in plan.skipped)
        count = len(plan.ready)
        body = f"""<h1 id="desk-confirm-title">{verb} {count} {'entry' if count == 1 else 'entries'}?</h1>
<form method="post" action="{DESK_PREFIX}/batch">{self._hidden(action=action, reason=reason, confirm="1")}
<p>As <bdi>{e(self.editor)}</bdi>{f'; reason: <bdi>{e(reason)}</bdi>' if reason else ''}.</p>
<ul id="desk-confirm-list">{ready}</ul>
{f'<h2>Left as they are ({len(plan.skipped)})</h2><ul id="desk-skipped">{skipped}</ul>' if skipped else ''}
<p><button type="submit" id="desk-confirm"{' disabled' if not count else ''} autofocus>{verb} {count}</button> <a href="/review/">Cancel</a></p>
</form>"""
        return desk_page(f"{verb} {count}?", body)


def say(exc: DigestError, root: Path) -> str:
    """The error's one line, its file named relative to the site root."""
    if exc.path is not None:
        try:
            relative = exc.path.resolve().relative_to(root.resolve())
        except ValueError:
            return str(exc)
        return str(DigestError(exc.message, relative, exc.line))
    return str(exc)


def stale_page(exc: StaleFile, submitted: dict[str, str], back: str, root: Path) -> str:
    """409: both versions, the editor's and the file's, so nothing typed is lost."""
    e = html.escape
    mine = "".join(
        f"<dt>{e(k)}</dt><dd><pre dir=\"auto\">{e(v)}</pre></dd>" for k, v in submitted.items() if k not in ("token", "hash", "back")
    )
    body = f"""<h1>Not saved: the file changed</h1>
<p role="alert" id="desk-error">{e(say(exc, root))}.</p>
<div class="desk-versions">
<section aria-labelledby="mine"><h2 id="mine">Your version (not written)</h2><dl id="desk-yours">{mine}</dl></section>
<section aria-labelledby="theirs"><h2 id="theirs">The file now</h2><pre id="desk-current" dir="auto">{e(exc.current_text)}</pre></section>
</div>
<p><a href="{e(local_url(back))}">Back to the page</a> (it shows the file as it is now); copy what you need from your version.</p>"""
    return desk_page("Not saved: the file changed", body)


def local_url(path: str) -> str:
    """A path of this preview as a redirect target (never another site: no scheme, no //)."""
    path = path.replace("\\", "/").lstrip("/")
    return "/" + urllib.parse.quote(path, safe="/#-._~")


def desk_page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta name="robots" content="noindex, nofollow"><link rel="icon" href="data:,"><title>{html.escape(title)} — digest review desk</title>'
        f"<style>{DESK_CSS}body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}}"
        ".desk-versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}"
        "pre{white-space:pre-wrap;unicode-bidi:plaintext;background:#f6f6f6;padding:.5rem}</style></head>\n"
        f"<body>{body}</body></html>\n"
    )


def _with_desk_assets(text: str, script: str) -> str:
    head = text.find("</head>")
    if head != -1:
        text = text[:head] + f"<style>{DESK_CSS}</style>" + text[head:]
    end = text.rfind("</body>")
    if end != -1:
        text = text[:end] + f"<script>{script}</script>" + text[end:]
    return text


def form_values(handler: Any) -> dict[str, str]:
    """The POSTed form as text (the last value of a repeated name). Tornado hands field
    names over as Latin-1: names holding a slug or a tag (h:<slug>, tag_en:<tag>) are
    Arabic, so they are decoded again as the UTF-8 the page was sent in."""
    values = {}
    for name in handler.request.body_arguments:
        try:
            real = name.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            real = name
        values[real] = handler.get_body_argument(name, strip=False)
    return values


def desk_routes(desk: Desk, guard: type, config_of: Callable[[], Any] | None = None) -> list[tuple[str, type]]:
    """Tornado routes of the desk; `guard` is serve's Host/Origin check (a prepare() mixin)."""
    from tornado import web

    class DeskHandler(guard, web.RequestHandler):  # type: ignore[misc]
        def refuse(self, status: int, reason: str) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.set_header("X-Content-Type-Options", "nosniff")
            self.finish(f"{status} {'Forbidden' if status == 403 else 'Bad Request'}: the review desk refused this request: {reason}\n")

        def set_default_headers(self) -> None:
            self.set_header("Cache-Control", "no-store")

        def checked(self) -> dict[str, str] | None:
            """The form, if this POST may change files; else the answer is sent."""
            values = form_values(self)
            if not desk.token_ok(values.get("token")):
                self.refuse(403, "the form's token is missing or wrong (reload the page to get a fresh form)")
                return None
            reason = desk.edits_refused(self.request)
            if reason is not None:
                self.refuse(403, reason)
                return None
            return values

        def html_page(self, status: int, page: str) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page)

    class EntryAction(DeskHandler):
        def post(self) -> None:
            values = self.checked()
            if values is None:
                return
            slug, action = values.get("slug", ""), values.get("action", "")
            back = values.get("back") or entry_url(slug)
            tags = {name.removeprefix("tag_en:"): value for name, value in values.items() if name.startswith("tag_en:")}
            try:
                if action in ACTION_STATES:
                    reason = values.get("reason", "").strip() or None
                    if action == "reject" and reason is None:
                        raise DeskError("give a reason for rejecting")
                    changed = change_state(desk.root, slug, ACTION_STATES[action], values.get("hash", ""), by=desk.editor, reason=reason if action == "reject" else None)
                    message = f"{ACTION_STATES[action]} by {desk.editor}" if changed else f"already {ACTION_STATES[action]}: nothing written"
                elif action == "save":
                    edit = EntryEdit(
                        title_en=values.get("title_en"),
                        summary_en=values.get("summary_en"),
                        tags_en=tags,
                        date=values.get("date"),
                        source_url=values.get("source_url"),
                    )
                    fields = save_edit(desk.root, slug, values.get("hash", ""), edit, by=desk.editor)
                    changed = bool(fields)
                    message = f"saved {', '.join(fields)} (English marked edited by {desk.editor})" if changed else "no change: nothing written"
                elif action == "translate":
                    outcome = translate_again(desk.root, slug, values.get("hash", ""), config_of() if config_of else load_config(desk.root))
                    changed, message = outcome.changed, outcome.message
                else:
                    raise DeskError(f"unknown action {action!r}")
            except StaleFile as exc:
                self.html_page(409, stale_page(exc, values, back, desk.root))
                return
            except DigestError as exc:
                self.html_page(400, desk_page("Not done", f'<h1>Not done</h1><p role="alert">{html.escape(say(exc, desk.root))}</p><p><a href="{html.escape(local_url(back))}">Back</a></p>'))
                return
            if changed:
                desk.rebuild(f"desk: {slug} {action}: ", [f"content/{slug}.md"])
            if action == "reject" and changed:
                # A rejected entry has no preview page: on to the next draft, or the dashboard.
                _prev, nxt, _place, _drafts = desk.neighbours(slug)
                key, back = (nxt, entry_url(nxt)) if nxt else ("review", "review/")
                desk.notify(key, f"rejected {slug} ({message})")
            else:
                desk.notify(slug, message)
            self.redirect(local_url(back), status=303)

    class BatchAction(DeskHandler):
        def post(self) -> None:
            values = self.checked()
            if values is None:
                return
            action = values.get("action", "")
            reason = values.get("reason", "").strip()
            try:
                if action == "reject" and not reason:
                    raise DeskError("give a reason for rejecting")
                if values.get("confirm") == "1":
                    hashes = {name[2:]: value for name, value in values.items() if name.startswith("h:")}
                    changed = run_batch(desk.root, action, hashes, by=desk.editor, reason=reason or None)
                    desk.notify("review", f"{action}: {len(changed)} {'entry' if len(changed) == 1 else 'entries'} changed by {desk.editor}")
                    if changed:
                        desk.rebuild(f"desk: {action} {len(changed)} entries: ", [f"content/{s}.md" for s in changed])
                    self.redirect("/review/", status=303)
                    return
                if values.get("scope") == "filter":
                    state, flag = values.get("filter_state", ""), values.get("filter_flag", "")
                    slugs = [
                        r.slug for r in desk.queue()
                        if (not state or r.state == state) and (not flag or (flag == "-" and not r.flags) or flag in r.flags)
                    ]
                else:
                    slugs = self.get_body_arguments("slug")
                if not slugs:
                    raise DeskError("select at least one entry")
                self.html_page(200, desk.confirm_page(action, slugs, reason))
            except StaleFile as exc:
                self.html_page(409, stale_page(exc, {"action": action, "reason": reason}, "review/", desk.root))
            except DigestError as exc:
                self.html_page(400, desk_page("Not done", f'<h1>Not done</h1><p role="alert">{html.escape(say(exc, desk.root))}</p><p><a href="/review/">Back to the dashboard</a></p>'))

    class Unlock(DeskHandler):
        def get(self) -> None:
            self.html_page(200, desk_page("Desk key", f"""<h1>Review desk key</h1>
<form method="post" action="{DESK_PREFIX}/unlock"><input type="hidden" name="token" value="{desk.token}">
<p><label for="desk-key">The key given to <code>--allow-edits-from-network</code></label> <input id="desk-key" name="key" type="password" autocomplete="off"></p>
<button type="submit">Unlock</button></form>"""))

        def post(self) -> None:
            values = form_values(self)
            if not desk.token_ok(values.get("token")):
                self.refuse(403, "the form's token is missing or wrong")
                return
            if desk.network_key is None or not hmac.compare_digest(values.get("key", "").encode(), desk.network_key.encode()):
                self.refuse(403, "wrong desk key")
                return
            self.set_cookie(KEY_COOKIE, urllib.parse.quote(desk.network_key), httponly=True, samesite="Strict")
            self.redirect("/review/", status=303)

    return [
        (f"{DESK_PREFIX}/entry", EntryAction),
        (f"{DESK_PREFIX}/batch", BatchAction),
        (f"{DESK_PREFIX}/unlock", Unlock),
    ]


DESK_CSS = (
    ".desk{border:1px solid #888;border-radius:.5rem;padding:.75rem 1rem;margin-block:1rem;background:rgba(127,127,127,.06)}"
    ".desk form{margin-block:.75rem}.desk label{font-weight:600}"
    ".desk input,.desk textarea,.desk button{font:inherit}.desk textarea,.desk-pair input{width:100%;box-sizing:border-box}"
    ".desk-pair{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}"
    "@media (max-width:40rem){.desk-pair{grid-template-columns:1fr}}"
    ".desk input[readonly],.desk textarea[readonly]{background:transparent;border-style:dashed}"
    ".desk :focus-visible,.desk-pick:focus-visible,#desk-confirm:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}"
    ".desk-notice{font-weight:600;border-inline-start:4px solid #1a5fb4;padding-inline-start:.5rem}"
    ".desk-totals{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0}"
    "dialog.desk-help kbd{font-family:ui-monospace,monospace;border:1px solid #888;border-radius:.25rem;padding:0 .3rem}"
)

HELP_DIALOG = """<dialog class="desk-help" id="desk-help" aria-labelledby="desk-help-title">
<h2 id="desk-help-title">Keyboard shortcuts</h2>
<dl><dt><kbd>n</kbd> or <kbd>j</kbd></dt><dd>next in the queue</dd>
<dt><kbd>p</kbd> or <kbd>k</kbd></dt><dd>previous in the queue</dd>
<dt><kbd>a</kbd></dt><dd>approve</dd>
<dt><kbd>e</kbd></dt><dd>edit: go to the English headline</dd>
<dt><kbd>g</kbd></dt><dd>the dashboard</dd>
<dt><kbd>?</kbd></dt><dd>this help; <kbd>Esc</kbd> closes it</dd></dl>
<form method="dialog"><button>Close</button></form>
</dialog>"""

HELP_DIALOG_DASHBOARD = """<dialog class="desk-help" id="desk-help" aria-labelledby="desk-help-title">
<h2 id="desk-help-title">Keyboard shortcuts</h2>
<dl><dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous row</dd>
<dt><kbd>x</kbd></dt><dd>select the row</dd>
<dt><kbd>a</kbd></dt><dd>approve the selected entries (you confirm on the next page)</dd>
<dt><kbd>Enter</kbd></dt><dd>open the row's entry</dd>
<dt><kbd>?</kbd></dt><dd>this help; <kbd>Esc</kbd> closes it</dd></dl>
<form method="dialog"><button>Close</button></form>
</dialog>"""

_KEYS_COMMON = """
function typing(t){return t&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName));}
var help=document.getElementById("desk-help");
function showHelp(){if(help&&!help.open){help.showModal();}}
"""

ENTRY_SCRIPT = """(function(){""" + _KEYS_COMMON + """
function go(id){var a=document.getElementById(id);if(a&&a.href){location.href=a.href;}}
document.addEventListener("keydown",function(ev){
if(ev.ctrlKey||ev.metaKey||ev.altKey||typing(ev.target)||(help&&help.open))return;
var k=ev.key;
if(k==="n"||k==="j"){go("desk-next");}
else if(k==="p"||k==="k"){go("desk-prev");}
else if(k==="g"){go("desk-dashboard");}
else if(k==="a"){var b=document.getElementById("desk-approve");if(b&&!b.disabled){b.click();}}
else if(k==="e"){var f=document.getElementById("desk-title-en");if(f){f.scrollIntoView({block:"center"});f.focus();}}
else if(k==="?"){showHelp();}
else{return;}
ev.preventDefault();});
var n=document.getElementById("desk-notice");if(n){document.getElementById("desk").scrollIntoView({block:"start"});}
})();"""

DASHBOARD_SCRIPT = """(function(){""" + _KEYS_COMMON + """
var form=document.getElementById("desk-batch");
var all=document.getElementById("desk-all");
var selected=document.getElementById("desk-selected");
var matching=document.getElementById("desk-matching");
var fs=document.getElementById("filter-state"),ff=document.getElementById("filter-flag");
function rows(){return Array.prototype.slice.call(document.querySelectorAll("#review-table tbody tr"));}
function update(){
var shown=rows().filter(function(r){return !r.hidden;});
matching.textContent=shown.length;
var n=all.checked?shown.length:document.querySelectorAll(".desk-pick:checked").length;
selected.textContent=n+" selected";
document.getElementById("desk-filter-state").value=fs?fs.value:"";
document.getElementById("desk-filter-flag").value=ff?ff.value:"";}
document.addEventListener("change",update);
form.addEventListener("submit",function(){update();});
var cur=-1;
function focusRow(i){var r=rows().filter(function(r){return !r.hidden;});if(!r.length)return;cur=Math.max(0,Math.min(r.length-1,i));r[cur].querySelector(".desk-pick").focus();}
document.addEventListener("keydown",function(ev){
if(ev.ctrlKey||ev.metaKey||ev.altKey||(help&&help.open))return;
var t=ev.target,k=ev.key,onPick=t&&t.classList&&t.classList.contains("desk-pick");
if(typing(t)&&!onPick)return;
if(k==="j"){focusRow(cur+1);}
else if(k==="k"){focusRow(cur-1);}
else if(k==="x"&&onPick){t.click();}
else if(k==="Enter"&&onPick){var a=t.closest("tr").querySelector("a");if(a){location.href=a.href;}}
else if(k==="a"){document.getElementById("desk-batch-approve").click();}
else if(k==="?"){showHelp();}
else{return;}
ev.preventDefault();});
update();
})();"""
