"""`digest serve`: a real server in a subprocess, a real livereload websocket client."""
from __future__ import annotations

import http.client
import json
import queue
import re
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

from digest.core.watch import DebouncedWatcher, diff, snapshot
from digest.serve.server import LIVE_SCRIPT, error_page

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


# --- issue 13.9: only this preview's own Host and Origin -------------------------------


def _raw_get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], str]:
    """A GET with exactly these headers (urllib would set Host itself)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8")
    finally:
        connection.close()


def test_serve_answers_only_its_own_host_and_origin(server: Server) -> None:
    port = server.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}"):
        status, _headers, page = _raw_get(port, "/", {"Host": host})
        assert status == 200 and "livereload.js" in page, host
    # DNS rebinding: a name that resolves to 127.0.0.1 but is not ours; and wrong ports.
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.nip.io:{port}", "127.0.0.1", f"127.0.0.1:{port + 1}"):
        status, headers, body = _raw_get(port, "/", {"Host": host})
        assert status == 403, host
        assert body == f"403 Forbidden: digest serve refused this request: Host {host!r} is not an address of this preview\n"
        assert headers["Content-Type"] == "text/plain; charset=utf-8"
    status, _headers, body = _raw_get(port, "/", {"Host": f"127.0.0.1:{port}", "Origin": "http://evil.example"})
    assert status == 403 and "Origin 'http://evil.example' is not this preview" in body
    status, _headers, _body = _raw_get(port, "/livereload.js", {"Host": f"evil.example:{port}"})
    assert status == 403  # the script too: every route goes through the same check
    server.wait_for_line("warning: refused a request for /: Host 'evil.example' is not an address of this preview")

    # WebSockets: same origin only (and our Host only).
    ws = _livereload_client(server)  # websocket-client sends Origin http://127.0.0.1:port
    for origin in ("http://evil.example", "null", f"https://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"):
        with pytest.raises(websocket.WebSocketBadStatusException) as refused:
            websocket.create_connection(f"ws://127.0.0.1:{port}/livereload", timeout=WAIT, origin=origin)
        assert refused.value.status_code == 403, origin
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(f"ws://127.0.0.1:{port}/livereload", timeout=WAIT, host=f"evil.example:{port}", origin=f"http://evil.example:{port}")
    assert refused.value.status_code == 403
    same = websocket.create_connection(f"ws://localhost:{port}/livereload", timeout=WAIT, origin=f"http://localhost:{port}")
    same.close()

    # /forcereload is gone: any web page could GET it (an <img>, no Origin) to reload the browsers.
    status, _headers, page = _raw_get(port, "/forcereload", {"Host": f"127.0.0.1:{port}"})
    assert status == 404 and "livereload.js" in page
    ws.settimeout(1.0)
    with pytest.raises(websocket.WebSocketTimeoutException):
        _next_reload(ws)  # nothing was sent
    ws.close()

    # A flood of made-up names: refused, but the terminal shows 20 distinct lines, then one notice.
    for number in range(30):
        assert _raw_get(port, "/", {"Host": f"n{number}.evil.example:{port}"})[0] == 403
    server.wait_for_line("warning: more requests refused; not shown")
    assert _raw_get(port, "/", {"Host": f"127.0.0.1:{port}"})[0] == 200  # still serving
    assert sum("warning: refused a request" in line for line in server.output) == 20


# --- issue 12.8: serve edges ---------------------------------------------------------


def _start(site_root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "-C", str(site_root), "serve", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_serve_port_in_use_fails_at_once_without_building(site_root: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "digest.cli", "-C", str(site_root), "serve", "--no-browser", "--port", str(port)],
            capture_output=True, text=True, timeout=120,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use; "
        "is another `digest serve` running? --port 0 picks a free port\n"
    )
    assert not (site_root / ".digest" / "preview").exists()  # nothing was built first
    assert not (site_root / "content").exists()


def test_serve_port_0_prints_the_real_port_and_serves_the_theme_404(site_root: Path) -> None:
    proc = _start(site_root, "--port", "0")
    srv = Server(proc, 0)
    try:
        line = srv.wait_for_line("serving the preview at")
        match = re.search(r"serving the preview at http://127\.0\.0\.1:(\d+)/ \(", line)
        assert match and int(match.group(1)) != 0, line
        srv.port = int(match.group(1))
        with urllib.request.urlopen(srv.url(), timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            assert response.headers["Cache-Control"] == "no-store"
        with urllib.request.urlopen(srv.url("feed.xml"), timeout=10) as response:
            assert response.headers["Content-Type"] == "application/xml; charset=utf-8"
        with urllib.request.urlopen(srv.url("assets/search.js"), timeout=10) as response:
            assert response.headers["Content-Type"] == "text/javascript; charset=utf-8"

        theme_404 = (site_root / ".digest" / "preview" / "404.html").read_text(encoding="utf-8")
        for missing in ("no-such-page/", "articles/nothing-here/", "missing.css"):
            with pytest.raises(urllib.error.HTTPError) as error:
                urllib.request.urlopen(srv.url(missing), timeout=10)
            assert error.value.code == 404
            assert error.value.headers["Content-Type"] == "text/html; charset=utf-8"
            page = error.value.read().decode("utf-8")
            assert page.replace(LIVE_SCRIPT.decode(), "") == theme_404  # the theme's page, plus the live-reload script
            assert "404: Not Found" not in page
        proc.send_signal(signal.SIGTERM)  # as a service manager stops it: a clean stop too
        assert proc.wait(timeout=WAIT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    time.sleep(0.2)  # let the pump thread read the last lines
    output = "".join(srv.output)
    assert "[I " not in output and "[W " not in output and "404 GET" not in output  # Tornado's log: only with -v
    assert "site/index.html" not in output and "file://" not in output  # the served URL is the way to look
    assert output.rstrip().endswith("stopped")


def test_serve_verbose_shows_the_servers_log(site_root: Path) -> None:
    port = _free_port()
    proc = _start(site_root, "--port", str(port), "-v")
    srv = Server(proc, port)
    try:
        srv.wait_for_line("serving the preview at")
        assert _fetch(srv.url("no-such-page/"))[0] == 404
        assert "GET /no-such-page/" in srv.wait_for_line("404 GET /no-such-page/")
        assert _fetch(srv.url())[0] == 200
        assert srv.wait_for_line("200 GET / ").startswith("[I ")
    finally:
        proc.kill()
        proc.wait()


def test_chromium_reloads_through_the_checked_server(server: Server, site_root: Path, tmp_path: Path) -> None:
    """A real browser: livereload's script loads and its same-origin WebSocket is accepted
    (under 127.0.0.1 and under localhost), and an edit reloads the open page by itself."""
    from chromium import chromium_driver

    driver_gen = chromium_driver(tmp_path / "profile", {"browser": "ALL"})
    driver = next(driver_gen)
    try:
        entry = next((site_root / "content").glob("*.md"))
        for base in (f"http://127.0.0.1:{server.port}/", f"http://localhost:{server.port}/"):
            driver.get(base + urllib.parse.quote(f"articles/{entry.stem}/"))
            _eventually(lambda: driver.execute_script("return !!(window.LiveReload && window.LiveReload.connector && window.LiveReload.connector._isSocketConnected())"), "livereload's WebSocket")
            driver.execute_script("window.notReloadedYet = true;")
            marker = f"سطر-جديد-{len(base)}"
            entry.write_text(entry.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            _eventually(lambda marker=marker: driver.execute_script("return !window.notReloadedYet && document.body.textContent.includes(arguments[0])", marker), "the reloaded page")
        severe = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == []
    finally:
        driver_gen.close()
