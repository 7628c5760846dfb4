"""`digest serve`: a live-reload preview on livereload's handlers (tornado).

The preview (drafts, review panel and dashboard) is built into `<root>/.digest/preview`,
never into the published site/. Our own debounced watcher (digest.core.watch) polls the inputs;
on a change the preview is rebuilt — incrementally: the body cache lives as long as the
server and the build manifest skips unchanged pages — and connected browsers are told to
reload. livereload's Server is not used, only its handlers and script: its own watcher
would watch the working directory (output included) and drops reloads that come within 3 s
of the previous one; its application answers any Host and any Origin and has /forcereload;
it binds the port only after the preview is built and logs through Tornado. So the port is
bound first (a port in use fails at once; --port 0 prints the real port), then the preview is
built, then served by make_application(), every request checked by check_request().

A failed build keeps the server up: the previous preview stays on disk, HTML requests get
an error page (with the live-reload script, so the fixed page comes back by itself) and
the terminal gets one line per problem.
"""
from __future__ import annotations

import asyncio
import errno
import functools
import gc
import html
import ipaddress
import logging
import os
import signal
import socket
import threading
import time
import urllib.parse
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build.pipeline import BuildReport, build_site
from ..cache.resident import ResidentState
from ..core.config import load_config
from ..core.errors import ContentError, DigestError
from ..core.layout import SiteLayout
from ..core.watch import DebouncedWatcher, Stamp, watch_mode
from ..render.markdown import BodyCache
from ..review.flags import FlagMemo
from ..text.shellquote import visible

POLL_SECONDS = 0.1  # how often the inputs are polled without inotify (a 4,000-entry site: ~20 ms a scan)
QUIET_SECONDS = 0.02  # a batch of changes is built once the inputs were quiet this long (a save is a burst of events within a few ms)
QUICK_TIDY_SECONDS = 0.15  # after a rebuild, quiet inputs this long: collect what it left, freeze the rest
TIDY_SECONDS = 5.0  # ...and this long: a full collection (the frozen objects too), freeze again
FULL_TIDY_EVERY = 20  # a full collection after this many quick ones, however busy the inputs
IDLE_SECONDS = 1.0  # with inotify: how often symlinked inputs (no event for their targets) are checked

Echo = Callable[[str], None]


class ServeError(DigestError):
    """The preview server cannot start (port in use, bad host...)."""


@dataclass
class PreviewState:
    """What the last build left: the problems the browser and the terminal are shown."""

    problems: list[str] = field(default_factory=list)  # non-empty → HTML requests get the error page
    builds: int = 0


class PreviewBuilder:
    """Builds the preview of a site root; never raises for a problem the user can fix."""

    def __init__(self, root: Path, out: Path | None = None, echo: Echo = print, echo_err: Echo = print):
        self.root = root
        self.out = out or SiteLayout(root).preview
        self.echo = echo
        self.echo_err = echo_err
        self.cache = BodyCache()  # rendered bodies survive between rebuilds
        # ...so do review flags of unchanged entries (an entry read again is a new object;
        # build_site tells the memo when a stage edited entries in place)
        self.flag_memo = FlagMemo(same_object_same_entry=True)
        # ...and the parsed entries, the manifest and the search memo: a rebuild parses only
        # the saved file and rewrites only the pages whose recorded inputs changed.
        self.resident = ResidentState()
        self.state = PreviewState()
        self.written_inputs: list[tuple[str, Stamp]] = []  # by the last build (BuildReport)

    def build(self, reason: str = "") -> bool:
        """Rebuild; returns True if the preview is good (else the error page is shown)."""
        start = time.perf_counter()
        problems: list[str] = []
        report: BuildReport | None = None
        try:
            config = load_config(self.root)  # re-read: digest.toml may be what changed
            report = build_site(self.root, config, out=self.out, review=True, offline=True, cache=self.cache, flag_memo=self.flag_memo, preview=True,
                resident=self.resident,
            )
        except DigestError as exc:
            problems.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug must not take the preview down
            problems.append(f"internal error: {type(exc).__name__}: {exc}")
        if report is not None:
            for error in report.errors:
                self.echo_err(f"error: {error}")
                if isinstance(error, ContentError):  # the editor's own file: show it in the browser too
                    problems.append(str(error))
        if report is None:
            for problem in problems:
                self.echo_err(f"error: {problem}")
        self.written_inputs = report.written_inputs if report is not None else []
        self.state = PreviewState(problems=problems, builds=self.state.builds + 1)
        took = time.perf_counter() - start
        what = f"{report.pages} pages rendered" if report is not None else "build failed"
        self.echo(f"{reason}{what} in {took:.2f}s" + ("" if not problems else f"; {len(problems)} problem(s)"))
        return not problems

    def close(self) -> None:
        """Write what was kept in memory (the manifest) so the next start is incremental."""
        self.resident.flush(self.root, self.out)


@functools.lru_cache(maxsize=8)
def _real_folder(folder: str) -> str:
    """The served folder's real path with a trailing separator, once (every page request
    checks that the file it serves lies inside)."""
    return os.path.join(os.path.realpath(folder), "")


def error_page(problems: list[str]) -> bytes:
    """The page every HTML request gets while the preview is broken (escaped; has </head>)."""
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">"
        "<title>Build error — digest preview</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}"
        "h1{color:#a00}code{white-space:pre-wrap;unicode-bidi:plaintext}</style></head>\n"
        "<body><h1>Build error</h1>\n"
        "<p>The preview could not be rebuilt. Fix the file and save: this page reloads by itself.</p>\n"
        f"<ul class=\"build-errors\">\n{items}\n</ul>\n</body></html>\n"
    ).encode()


# --- Who may talk to the preview -------------------------------------------------------
#
# A page on any web site can make the browser send requests to 127.0.0.1:8000. With DNS
# rebinding (evil.example resolving to 127.0.0.1) it can even read the answers, unless the
# server checks the Host header; a cross-origin WebSocket is refused only if the server
# checks Origin. Every request of the preview goes through check_request(): the actions that
# change files (POST, ...) must come with a same-origin Origin as well.

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"", "0.0.0.0", "::"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOLD_AT_MOST = 20  # distinct refusals printed in the terminal


@dataclass(frozen=True)
class AllowedOrigins:
    """The addresses under which browsers may reach this preview (Host and Origin checks).

    Always the loopback names (localhost, 127.0.0.1, [::1]) and the --host given, each with
    the served port. Served on a wildcard address (0.0.0.0, ::), any IP address literal is
    accepted too: the preview is then meant for other machines of the network, and DNS
    rebinding needs a name, never an address."""

    port: int
    names: frozenset[str]
    any_address: bool = False

    @classmethod
    def for_address(cls, host: str, port: int) -> AllowedOrigins:
        name = host.strip("[]").lower()
        wildcard = name in WILDCARD_ADDRESSES
        names = LOOPBACK_NAMES if wildcard else LOOPBACK_NAMES | {name}
        return cls(port=port, names=frozenset(names), any_address=wildcard)

    def _name_allowed(self, name: str) -> bool:
        if name in self.names:
            return True
        if not self.any_address:
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def host_allowed(self, host_header: str) -> bool:
        """A Host header value: `127.0.0.1:8000`, `localhost:8000`, `[::1]:8000`."""
        return self._authority_allowed(host_header)

    def origin_allowed(self, origin: str) -> bool:
        """An Origin header value: `http://127.0.0.1:8000` (the preview is plain HTTP)."""
        scheme, sep, authority = origin.partition("://")
        return bool(sep) and scheme.lower() == "http" and "/" not in authority and self._authority_allowed(authority)

    def _authority_allowed(self, authority: str) -> bool:
        if not authority or any(char in authority for char in "/?#@\\ \t\r\n"):
            return False
        try:
            parts = urllib.parse.urlsplit("//" + authority)
            port = parts.port if parts.port is not None else 80
        except ValueError:  # a port that is no number, an unclosed [
            return False
        name = parts.hostname or ""
        if authority.startswith("[") != (":" in name):  # IPv6 only in brackets
            return False
        return port == self.port and self._name_allowed(name)


def check_request(request: Any, allowed: AllowedOrigins, *, changes_state: bool | None = None) -> str | None:
    """Why the preview must refuse this request (tornado's HTTPServerRequest), or None.

    - the Host header must be an address of this preview (DNS rebinding);
    - an Origin header, when a browser sends one (WebSocket upgrades, fetch, forms), must be
      this preview's own origin;
    - a request that changes something (any method but GET/HEAD/OPTIONS, unless told
      otherwise) must carry that Origin, and must not be marked cross-site by the browser.
    """
    if changes_state is None:
        changes_state = request.method not in SAFE_METHODS
    host = request.headers.get("Host")
    if not host:
        return "no Host header"
    if not allowed.host_allowed(host):
        return f"Host {host!r} is not an address of this preview"
    origin = request.headers.get("Origin")
    if origin is not None and not allowed.origin_allowed(origin):
        return f"Origin {origin!r} is not this preview"
    if changes_state:
        if origin is None:
            return f"{request.method} without an Origin header"
        if request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
            return f"{request.method} from another site (Sec-Fetch-Site: {request.headers['Sec-Fetch-Site']})"
    return None


# --- The Tornado application ----------------------------------------------------------


def _charset(content_type: str) -> str:
    """Every text file of the preview is UTF-8: say so (else a browser may guess Latin-1)."""
    textual = content_type.startswith("text/") or content_type in (
        "application/javascript", "application/json", "application/xml", "application/atom+xml",
        "application/rss+xml", "application/manifest+json", "image/svg+xml",
    )
    return f"{content_type}; charset=utf-8" if textual and "charset=" not in content_type else content_type


def make_application(
    out: Path,
    allowed: AllowedOrigins,
    state_of: Callable[[], PreviewState],
    refused: Echo,
    routes: Callable[[type], list[tuple[str, type]]] | None = None,
    page_filter: Callable[[str, bytes], bytes | None] | None = None,
) -> Any:
    """The preview's Tornado application: livereload's handlers (its WebSocket and script,
    its static-file handler) behind check_request(), the theme's 404 page, UTF-8 text, the
    live-reload script injected into HTML. livereload's /forcereload is left out: any web
    page could GET it to reload the connected browsers; the preview reloads them itself."""
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
    from livereload.server import LiveScriptInjector
    from tornado import web

    told: set[str] = set()

    def refuse(handler: Any, reason: str) -> None:
        # One terminal line per distinct reason, not one per request; a flood of made-up Host
        # names stops being printed (and remembered) after TOLD_AT_MOST.
        if reason not in told and len(told) <= TOLD_AT_MOST:
            told.add(reason)
            if len(told) > TOLD_AT_MOST:
                refused("more requests refused; not shown")
            else:  # the path as escapes where it holds control characters (a terminal would obey them)
                refused(f"refused a request for {visible(handler.request.path)}: {reason}")
        handler.clear()
        handler.set_status(403)
        handler.set_header("Content-Type", "text/plain; charset=utf-8")
        handler.set_header("X-Content-Type-Options", "nosniff")
        handler.finish(f"403 Forbidden: digest serve refused this request: {reason}\n")

    class Guarded:
        """Checks Host and Origin before any handler runs (the same check for every route)."""

        def prepare(self) -> None:
            reason = check_request(self.request, allowed)  # type: ignore[attr-defined]
            if reason is not None:
                refuse(self, reason)

    class PreviewSocket(Guarded, LiveReloadHandler):  # type: ignore[misc]
        def check_origin(self, origin: str) -> bool:
            return allowed.origin_allowed(origin)

    class PreviewScript(Guarded, LiveReloadJSHandler):  # type: ignore[misc]
        pass

    class PreviewFiles(Guarded, StaticFileHandler):  # type: ignore[misc]
        """Static files of the preview; the error page instead of HTML while a build is broken."""

        def set_default_headers(self) -> None:
            super().set_default_headers()
            self.set_header("Cache-Control", "no-store")  # the preview changes under the browser

        def get_content_type(self) -> str:
            return _charset(super().get_content_type())

        def compute_etag(self) -> str | None:
            return None if getattr(self, "desk_page", False) else super().compute_etag()

        async def get(self, path: str, include_body: bool = True) -> None:
            problems = state_of().problems
            if problems and _is_html_request(path):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(error_page(problems))
                return
            if page_filter is not None and _is_html_request(path):
                # The review desk: forms added to the page as it is served, never on disk.
                absolute = Path(self.get_absolute_path(self.root, self.parse_url_path(path)))
                if absolute.is_dir():
                    absolute = absolute / "index.html"
                if absolute.is_file() and os.path.realpath(absolute).startswith(_real_folder(self.root)):
                    changed = page_filter(path, absolute.read_bytes())
                    if changed is not None:
                        self.desk_page = True  # no ETag: the forms change while the file does not
                        self.set_header("Content-Type", "text/html; charset=utf-8")
                        self.finish(changed)
                        return
            await super().get(path, include_body)

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            not_found = out / "404.html"
            if status_code == 404 and not_found.is_file():  # the theme's page, not Tornado's bare text
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(not_found.read_bytes())
                return
            super().write_error(status_code, **kwargs)

    class Injector(LiveScriptInjector):  # type: ignore[misc]
        script = LIVE_SCRIPT

        def __init__(self, request: Any) -> None:
            super().__init__(request)
            # Never into the answer to a POST (the review desk's pages): reloading it would
            # send the form again.
            self.posted = request.method == "POST"

        def transform_first_chunk(self, status_code: int, headers: Any, chunk: bytes, finishing: bool) -> Any:
            if self.posted:
                return status_code, headers, chunk
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    return web.Application(
        [
            (r"/livereload", PreviewSocket),
            (r"/livereload\.js", PreviewScript),
            *(routes(Guarded) if routes is not None else []),
            (r"/(.*)", PreviewFiles, {"path": str(out), "default_filename": "index.html"}),
        ],
        transforms=[Injector],
    )


# livereload's own snippet (livereload.server.Server.application): loads its script from
# the host and port the page came from.
LIVE_SCRIPT = (
    b'<script type="text/javascript">(function(){'
    b'var s=document.createElement("script");'
    b"var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
    b's.src="//"+window.location.hostname+":"+port'
    b'+ "/livereload.js?port=" + port;'
    b"document.head.appendChild(s);"
    b"})();</script>"
)


def reload_browsers() -> None:
    """Tell every connected browser to reload (directly: livereload throttles to one per 3 s)."""
    from livereload.handlers import LiveReloadHandler

    message = {"command": "reload", "path": "*", "liveCSS": True, "liveImg": True}
    for waiter in list(LiveReloadHandler.waiters):
        try:
            waiter.write_message(message)
        except Exception:  # noqa: BLE001 - a browser that went away
            LiveReloadHandler.waiters.discard(waiter)


def _is_html_request(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return path == "" or path.endswith("/") or name.endswith(".html") or "." not in name


def _quiet_logs(verbose: bool) -> None:
    """Tornado's and livereload's log lines ([I 261204 …] 200 GET /) only with -v."""
    from tornado.log import LogFormatter

    for name in ("tornado", "livereload"):
        logger = logging.getLogger(name)
        logger.propagate = False  # never Python's last-resort handler on stderr
        logger.handlers.clear()
        if verbose:
            handler = logging.StreamHandler()
            handler.setFormatter(LogFormatter())
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
        else:
            logger.addHandler(logging.NullHandler())


def listen(host: str, port: int) -> list[socket.socket]:
    """Bind the port first, before any build: a port in use is one line, at once."""
    from tornado.netutil import bind_sockets

    try:
        return bind_sockets(port, address=host or None)
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host}:{port}: unknown address ({exc.strerror or exc})") from None
    except OSError as exc:
        hint = "; is another `digest serve` running? --port 0 picks a free port" if exc.errno == errno.EADDRINUSE else ""
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = True,
    echo: Echo = print,
    echo_err: Echo = print,
    verbose: bool = False,
    editor: str | None = None,
    network_key: str | None = None,
) -> None:
    """Build the preview, serve it and rebuild on every change until Ctrl-C (or SIGTERM)."""
    from tornado.httpserver import HTTPServer

    sockets = listen(host, port)
    port = sockets[0].getsockname()[1]  # the real one, also for --port 0
    _quiet_logs(verbose)
    builder = PreviewBuilder(root, echo=echo, echo_err=echo_err)
    try:
        builder.build("preview: ")
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    watcher = DebouncedWatcher(root, quiet=QUIET_SECONDS)
    if watcher.event_driven:  # the watcher's stamps are current: a rebuild need not scan the inputs
        builder.resident.watch = watcher.current
        echo("watching the inputs with inotify")
    else:
        why = " (DIGEST_WATCH=poll)" if watch_mode() == "poll" else ""
        echo(f"watching the inputs by polling them{why}")
    url = f"http://{_url_host(host)}:{port}/"
    allowed = AllowedOrigins.for_address(host, port)
    from ..review.states import default_editor
    from .desk import Desk, desk_routes

    def rebuild_after_desk(reason: str, written: list[str]) -> None:
        builder.build(reason)
        watcher.absorb_unchanged(builder.written_inputs)
        watcher.absorb(written)  # the desk's own writes: no second rebuild and reload from the watcher
        reload_browsers()

    desk = Desk(root, builder.out, editor or default_editor(), host, network_key=network_key, rebuild=rebuild_after_desk,
                kept_rows=lambda: builder.resident.rows)
    app = make_application(
        builder.out, allowed, lambda: builder.state, lambda line: echo_err(f"warning: {line}"),
        routes=lambda guard: desk_routes(desk, guard), page_filter=desk.page_filter,
    )

    async def run() -> None:
        loop = asyncio.get_running_loop()
        timer: list[asyncio.TimerHandle] = []
        tidy_timer: list[asyncio.TimerHandle] = []

        def schedule(delay: float) -> None:
            for handle in timer:
                handle.cancel()
            timer[:] = [loop.call_later(delay, tick)]

        quick_tidies = [0]

        def tidy() -> None:
            # The resident state is large (4,000 entries: ~10^6 objects); a full collection
            # walking it costs ~0.15-0.3 s, and one falling inside a rebuild delays the page
            # by that much. So once the inputs are quiet after a rebuild, the garbage is
            # collected and what survives is frozen (gc.freeze): later collections, during a
            # rebuild or here, see only the objects made since. Frozen objects that become
            # garbage later are found by the full collection, after a longer quiet or every
            # FULL_TIDY_EVERY quick ones.
            if watcher.waiting:
                tidy_timer[:] = [loop.call_later(TIDY_SECONDS, tidy)]
                return
            quick_tidies[0] = 0
            gc.unfreeze()
            gc.collect()
            gc.freeze()

        def quick_tidy() -> None:
            if watcher.waiting:  # the next rebuild schedules another
                return
            quick_tidies[0] += 1
            if quick_tidies[0] >= FULL_TIDY_EVERY:
                tidy()
                return
            gc.collect()  # the objects made since the last freeze: ~0.01-0.04 s
            gc.freeze()

        def after_build() -> None:
            reload_browsers()
            for handle in tidy_timer:
                handle.cancel()
            tidy_timer[:] = [loop.call_later(QUICK_TIDY_SECONDS, quick_tidy), loop.call_later(TIDY_SECONDS, tidy)]

        def tick() -> None:
            started = time.perf_counter()
            changed = watcher.poll()
            scan = time.perf_counter() - started
            if watcher.waiting:  # a change waits for the inputs to be quiet
                schedule(max(watcher.quiet_left(), scan, 0.005))
            elif watcher.event_driven:  # the kernel wakes us (on_event); this only checks symlinked files
                schedule(IDLE_SECONDS)
            else:
                # Polling 20,000 files takes a while: never spend more than a fifth of the time on it.
                schedule(max(POLL_SECONDS, 5 * scan))
            if not changed:
                return
            shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
            builder.build(f"changed {shown}: ")
            watcher.absorb_unchanged(builder.written_inputs)  # ingest's entries: built already, not a new change
            after_build()

        def on_event() -> None:
            # inotify: something changed. Read the events now; the batch is built once the
            # inputs have been quiet for QUIET_SECONDS (tick, scheduled by the poll).
            watcher.poll()
            if watcher.waiting:
                schedule(max(watcher.quiet_left(), 0.005))

        server = HTTPServer(app)
        server.add_sockets(sockets)
        echo(f"serving the preview at {url} (drafts and review shown; Ctrl-C stops)")
        echo(f"review desk: editing as {desk.editor}" + ("" if desk.edits_refused_by_address() is None else f"; {desk.edits_refused_by_address()}"))
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        schedule(POLL_SECONDS)
        tidy_timer[:] = [loop.call_later(TIDY_SECONDS, tidy)]  # after the first build too
        if watcher.event_driven:
            loop.add_reader(watcher.fileno(), on_event)
        stop = asyncio.Event()
        try:
            # Ctrl-C and SIGTERM end the loop between two callbacks, never inside a rebuild
            # or a request (an exception raised from a signal handler could land anywhere).
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):  # no loop signal handlers (Windows)
            pass
        try:
            await stop.wait()
        finally:
            if watcher.event_driven:
                loop.remove_reader(watcher.fileno())
            server.stop()

    previous_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        for sock in sockets:
            sock.close()
        builder.close()
        watcher.close()
    echo("stopped")


def _raise_interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def _url_host(host: str) -> str:
    if host in WILDCARD_ADDRESSES:
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host
