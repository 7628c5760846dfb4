"""A LibreTranslate-compatible server on 127.0.0.1 for tests and benchmarks.

`POST /translate` with query (or form) parameters q, source, target, format, api_key →
`{"translatedText": ...}`, like LibreTranslate. The "translation" is deterministic and
checkable: known Arabic words become English (WORDS), other Arabic words become
`w<hash>`, Latin text is copied unchanged (as real providers do with names).

Behaviour is injectable while it runs: `latency` (seconds per request), `mode`
("ok", "400", "403", "429", "500", "slow", "malformed"), `fail_next(n, mode)` for the next n
requests only, `slow_seconds`, `answers` (q → the answer to send instead); `requests`
counts every request, `texts` records each q.

    with LibreStub(latency=0.05) as stub:
        LibreTranslator(source="ar", target="en", api_key="x", custom_url=stub.url).translate("...")
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

WORDS = {
    "قال": "said",
    "التحالف": "coalition",
    "الدولي": "international",
    "في": "in",
    "العراق": "Iraq",
    "قواعد": "bases",
    "ليس": "not",
    "لدينا": "we have",
}
_WORD_RE = re.compile(r"[\u0600-\u06ff]+|[^\u0600-\u06ff]+")


_PUNCTUATION = str.maketrans({"،": ",", "؛": ";", "؟": "?"})


def fake_translate(text: str, lowercase_latin: bool = False) -> str:
    text = text.translate(_PUNCTUATION)
    out = []
    for piece in _WORD_RE.findall(text):
        if "\u0600" <= piece[0] <= "\u06ff":
            out.append(WORDS.get(piece) or "w" + hashlib.sha1(piece.encode()).hexdigest()[:6])
        else:
            out.append(piece.lower() if lowercase_latin else piece)
    return "".join(out)


class LibreStub:
    def __init__(self, latency: float = 0.0, mode: str = "ok", slow_seconds: float = 2.0):
        self.latency = latency
        self.mode = mode
        self.slow_seconds = slow_seconds
        self.lowercase_latin = False
        self.requests = 0
        self.texts: list[str] = []
        self.max_query_chars = 0  # longest q seen (chunking tests)
        self._scripted: list[str] = []
        self.answers: dict[str, str] = {}  # q → translatedText sent as is (e.g. "Label \ud800")
        self._lock = threading.Lock()
        self._stop = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                stub._handle(self)

            def do_GET(self) -> None:
                stub._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.request_queue_size = 128
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    # -- control -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def fail_next(self, count: int, mode: str) -> None:
        """The next `count` requests behave as `mode`, then back to the standing mode."""
        with self._lock:
            self._scripted.extend([mode] * count)

    def reset_counts(self) -> None:
        with self._lock:
            self.requests = 0
            self.texts.clear()

    def start(self) -> LibreStub:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LibreStub:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- serving -------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length).decode("utf-8") if length else ""
        path = urlsplit(handler.path).path
        if path in ("/_stats", "/_reset"):  # control of a stub running in another process
            if path == "/_reset":
                self.reset_counts()
            return self._send(handler, 200, {"requests": self.requests})
        params = parse_qs(urlsplit(handler.path).query)
        params.update(parse_qs(body))
        text = (params.get("q") or [""])[0]
        with self._lock:
            self.requests += 1
            self.texts.append(text)
            self.max_query_chars = max(self.max_query_chars, len(text))
            mode = self._scripted.pop(0) if self._scripted else self.mode
        if self.latency:
            time.sleep(self.latency)
        if path != "/translate":
            return self._send(handler, 404, {"error": "Not Found"})
        if mode == "slow":
            # Slower than the client's timeout; give up early if the stub is stopping.
            self._stop.wait(self.slow_seconds)
            mode = "ok"
        if mode == "429":
            return self._send(handler, 429, {"error": "Slowdown: too many requests"})
        if mode == "500":
            return self._send(handler, 500, {"error": "internal error"})
        if mode == "400":
            return self._send(handler, 400, {"error": "Invalid request"})
        if mode == "403":
            return self._send(handler, 403, {"error": "Invalid API key"})
        if mode == "malformed":
            return self._send_raw(handler, 200, b"<html>not json", "text/html")
        if not text or params.get("source", [""])[0] != "ar" or params.get("target", [""])[0] != "en":
            return self._send(handler, 400, {"error": "Invalid request"})
        answer = self.answers.get(text)
        self._send(handler, 200, {"translatedText": fake_translate(text, self.lowercase_latin) if answer is None else answer})

    def _send(self, handler: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]) -> None:
        self._send_raw(handler, status, json.dumps(payload).encode("utf-8"), "application/json")

    @staticmethod
    def _send_raw(handler: BaseHTTPRequestHandler, status: int, data: bytes, content_type: str) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout): fine


def main() -> None:
    """Run the stub in its own process (benchmarks: the server must not share our GIL).

    Prints its URL on stdout, serves until stdin closes. GET /_stats → {"requests": n};
    POST /_reset zeroes the count.
    """
    import argparse

    parser = argparse.ArgumentParser(description="LibreTranslate-compatible stub on 127.0.0.1")
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    with LibreStub(latency=args.latency) as stub:
        print(stub.url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    import sys

    main()
