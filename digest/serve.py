"""`digest serve`: a live-reload preview on livereload (tornado).

The preview (drafts, review panel and dashboard) is built into `<root>/.digest/preview`,
never into the published site/. Our own debounced watcher (digest.watch) polls the inputs;
on a change the preview is rebuilt — incrementally: the body cache lives as long as the
server and the build manifest skips unchanged pages — and connected browsers are told to
reload. livereload's own watcher is switched off: it would watch the working directory
(output included) and it drops reloads that come within 3 s of the previous one.

A failed build keeps the server up: the previous preview stays on disk, HTML requests get
an error page (with the live-reload script, so the fixed page comes back by itself) and
the terminal gets one line per problem.
"""
from __future__ import annotations

import html
import signal
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import BuildReport, build_site
from .config import load_config
from .errors import ContentError, DigestError
from .flags import FlagMemo
from .markdown import BodyCache
from .watch import DebouncedWatcher

PREVIEW_DIR = Path(".digest") / "preview"
POLL_SECONDS = 0.25  # how often the inputs are polled
QUIET_SECONDS = 0.2  # a batch of changes is built once the inputs were quiet this long

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
        self.out = out or root / PREVIEW_DIR
        self.echo = echo
        self.echo_err = echo_err
        self.cache = BodyCache()  # rendered bodies survive between rebuilds
        self.flag_memo = FlagMemo()  # so do review flags of unchanged entries
        self.state = PreviewState()

    def build(self, reason: str = "") -> bool:
        """Rebuild; returns True if the preview is good (else the error page is shown)."""
        start = time.perf_counter()
        problems: list[str] = []
        report: BuildReport | None = None
        try:
            config = load_config(self.root)  # re-read: digest.toml may be what changed
            report = build_site(self.root, config, out=self.out, review=True, offline=True, cache=self.cache, flag_memo=self.flag_memo, preview=True)
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
        self.state = PreviewState(problems=problems, builds=self.state.builds + 1)
        took = time.perf_counter() - start
        what = f"{report.pages} pages rendered" if report is not None else "build failed"
        self.echo(f"{reason}{what} in {took:.2f}s" + ("" if not problems else f"; {len(problems)} problem(s)"))
        return not problems


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
    ).encode("utf-8")


def _make_handler(state_of: Callable[[], PreviewState]) -> type:
    from livereload.handlers import StaticFileHandler

    class PreviewFileHandler(StaticFileHandler):  # type: ignore[misc]
        """Static files of the preview; the error page instead of HTML while a build is broken."""

        def set_default_headers(self) -> None:
            super().set_default_headers()
            self.set_header("Cache-Control", "no-store")  # the preview changes under the browser

        async def get(self, path: str, include_body: bool = True) -> None:
            problems = state_of().problems
            if problems and _is_html_request(path):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(error_page(problems))
                return
            await super().get(path, include_body)

    return PreviewFileHandler


def _is_html_request(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return path == "" or path.endswith("/") or name.endswith(".html") or "." not in name


def _quiet_watcher() -> Any:
    """A livereload Watcher that never reports anything: our own watcher does the work."""
    from livereload.watcher import Watcher

    class QuietWatcher(Watcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self._tasks = {"digest": {}}  # non-empty: livereload would otherwise watch the cwd

        def examine(self) -> tuple[None, None]:
            self._changes.clear()  # includes livereload's own "reload 2 s after start"
            return None, None

    return QuietWatcher()


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = True,
    echo: Echo = print,
    echo_err: Echo = print,
) -> None:
    """Build the preview, serve it and rebuild on every change until Ctrl-C (or SIGTERM)."""
    import logging

    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado import ioloop

    builder = PreviewBuilder(root, echo=echo, echo_err=echo_err)
    builder.build("preview: ")
    watcher = DebouncedWatcher(root, quiet=QUIET_SECONDS)

    def tick() -> None:
        started = time.perf_counter()
        changed = watcher.poll()
        # Polling 20,000 files takes a while: never spend more than a fifth of the time on it.
        loop.call_later(max(POLL_SECONDS, 5 * (time.perf_counter() - started)), tick)
        if not changed:
            return
        shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        builder.build(f"changed {shown}: ")
        LiveReloadHandler.reload_waiters()  # directly: no 3-second throttle

    server = Server(watcher=_quiet_watcher())
    server.SFH = _make_handler(lambda: builder.state)
    url = f"http://{_url_host(host)}:{port}/"

    def started() -> None:
        echo(f"serving the preview at {url} (drafts and review shown; Ctrl-C stops)")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    loop = ioloop.IOLoop.current()
    loop.add_callback(started)  # runs once the port is bound
    loop.call_later(POLL_SECONDS, tick)
    previous_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    logging.getLogger("livereload").propagate = False
    try:
        server.serve(port=port, host=host, root=str(builder.out), open_url_delay=None)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    finally:
        signal.signal(signal.SIGTERM, previous_term)
    echo("stopped")


def _raise_interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def _url_host(host: str) -> str:
    if host in ("", "0.0.0.0", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host
