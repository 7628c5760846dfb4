"""Progress of translation: texts translated so far, a bar on a terminal, plain lines otherwise.

It counts texts, not requests (a retry is a second request for the same text; a text the
circuit breaker skipped is never sent and never counted): the summary line gives requests."""
from __future__ import annotations

import sys
import threading
from typing import Any, TextIO


class RequestProgress:
    """Thread-safe: workers call `advance()` as each request finishes."""

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None, label: str = "translate"):
        self._stream = stream or sys.stderr
        self._total = total
        self._done = 0
        self._lock = threading.Lock()
        self._label = label
        self._bar: Any = None
        self._enabled = enabled and total > 0
        self._next_line = 0
        if self._enabled and self._stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit="text", file=self._stream, leave=False)

    def advance(self) -> None:
        if not self._enabled:
            return
        with self._lock:
            self._done += 1
            if self._bar is not None:
                self._bar.update(1)
            elif self._done >= self._next_line or self._done == self._total:
                # About ten lines per run, never one per request.
                print(f"{self._label}: {self._done}/{self._total} texts", file=self._stream, flush=True)
                self._next_line = self._done + max(1, self._total // 10)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
