"""`digest serve`: a real server in a subprocess, a real livereload websocket client."""
from __future__ import annotations

import json
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import websocket  # websocket-client

from digest.serve import error_page
from digest.watch import DebouncedWatcher, diff, snapshot

WAIT = 20.0  # generous upper bound for slow CI machines; the checks return as soon as true


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _eventually(check: Callable[[], object], what: str) -> object:
    deadline = time.monotonic() + WAIT
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


class Server:
    def __init__(self, proc: subprocess.Popen[str], port: int):
        self.proc = proc
        self.port = port
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)
            self.lines.put(line)

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{urllib.parse.quote(path)}"

    def wait_for_line(self, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    pytest.fail("server exited early:\n" + "".join(self.output))
                continue
            if text in line:
                return line
        pytest.fail(f"no line containing {text!r}; output:\n" + "".join(self.output))


@pytest.fixture
def server(site_root: Path) -> Iterator[Server]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "-C", str(site_root), "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    srv = Server(proc, port)
    try:
        srv.wait_for_line("serving the preview at")
        yield srv
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _livereload_client(srv: Server) -> websocket.WebSocket:
    """Connects and completes livereload's handshake (hello, then info) so reloads are sent to it."""
    ws = websocket.create_connection(f"ws://127.0.0.1:{srv.port}/livereload", timeout=WAIT)
    ws.send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    assert json.loads(ws.recv())["command"] == "hello"
    ws.send(json.dumps({"command": "info", "url": srv.url(), "plugins": {}}))
    return ws


def _next_reload(ws: websocket.WebSocket) -> dict[str, object]:
    while True:
        message = json.loads(ws.recv())  # raises on timeout: no reload was sent
        if message.get("command") == "reload":
            return message


def test_serve_edit_reload_error_and_recovery(server: Server, site_root: Path) -> None:
    entry = next((site_root / "content").glob("*.md"))
    article = f"articles/{entry.stem}/"
    assert not (site_root / "site").exists(), "the preview must never be built into site/"

    status, page = _fetch(server.url(article))
    assert status == 200
    assert "livereload.js" in page  # the script was injected before </head>
    assert "review-panel" in page or "digest review approve" in page  # review information in the preview
    ws = _livereload_client(server)

    # An edit of the content file is served within seconds, and the browser is told to reload.
    marker = "فقرة-جديدة-للاختبار"
    entry.write_text(entry.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    _eventually(lambda: marker in _fetch(server.url(article))[1], "the edited body")
    assert _next_reload(ws)["command"] == "reload"

    # A broken template: the error page (with the script, so the fix reloads it) and a terminal line.
    (site_root / "templates").mkdir()
    broken = site_root / "templates" / "article.html"
    broken.write_text('{% extends "!builtin/article.html" %}{% block nope %}{% if %}{% endblock %}', encoding="utf-8")
    _eventually(lambda: _fetch(server.url(article))[0] == 500, "the error page")
    status, page = _fetch(server.url(article))
    assert "Build error" in page and "article.html" in page and "livereload.js" in page
    assert _next_reload(ws)["command"] == "reload"  # within 3 s of the previous one: not dropped
    server.wait_for_line("article.html")

    # Fixed: the page is back.
    broken.unlink()
    _eventually(lambda: _fetch(server.url(article))[0] == 200, "the page after the fix")
    assert marker in _fetch(server.url(article))[1]
    assert _next_reload(ws)["command"] == "reload"
    ws.close()

    # Ctrl-C stops it cleanly and promptly.
    server.proc.send_signal(signal.SIGINT)
    assert server.proc.wait(timeout=WAIT) == 0
    assert not (site_root / "site").exists()


def test_published_site_has_no_livereload_and_no_drafts(server: Server, site_root: Path) -> None:
    entry = next((site_root / "content").glob("*.md"))
    assert "state: draft" in entry.read_text(encoding="utf-8")
    server.proc.send_signal(signal.SIGINT)
    assert server.proc.wait(timeout=WAIT) == 0
    subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(site_root), "build", "--offline"], check=True, capture_output=True)
    site = site_root / "site"
    assert not (site / "articles" / entry.stem).exists()  # the draft is not published
    assert not (site / "review").exists()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "livereload" not in text and entry.stem not in text


def test_error_page_escapes_problems() -> None:
    page = error_page(["content/x.md:3: bad <script>alert(1)</script>"]).decode("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "</head>" in page


def test_watcher_debounces_and_ignores_output(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / ".digest").mkdir()
    watcher = DebouncedWatcher(tmp_path, quiet=0.2)
    (tmp_path / "site" / "index.html").write_text("x")
    (tmp_path / ".digest" / "cache").write_text("x")
    (tmp_path / "content" / ".a.md.swp").write_text("x")
    assert watcher.poll(now=1.0) == [] and watcher.poll(now=5.0) == []  # output, caches, scratch files
    (tmp_path / "content" / "a.md").write_text("one")
    assert watcher.poll(now=10.0) == []  # changed: wait for quiet
    (tmp_path / "digest.toml").write_text("")
    assert watcher.poll(now=10.1) == []  # still changing
    assert watcher.poll(now=10.2) == []  # quiet for 0.1 s only
    assert watcher.poll(now=10.35) == ["content/a.md", "digest.toml"]  # one batch
    assert watcher.poll(now=11.0) == []
    before = snapshot(tmp_path)
    (tmp_path / "content" / "a.md").unlink()
    assert diff(before, snapshot(tmp_path)) == ["content/a.md"]
