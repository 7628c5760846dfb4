"""A request timeout for deep-translator, which sets none (a stalled server hangs forever).

deep-translator calls `requests.get/post(...)` without `timeout=`. Rather than fork its
provider code, we wrap `requests.adapters.HTTPAdapter.send` once: inside
`request_timeout(seconds)` a request *of this thread* that has no timeout gets one.
Other threads and other code are unaffected. The same hook records the HTTP status of the
thread's last response, because deep-translator's exceptions lose it (a 429 can surface as
ServerException("ERR_TOO_MANY_REQUESTS") or as a bare RequestError).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests.adapters

_local = threading.local()
_install_lock = threading.Lock()
_installed = False


def _install() -> None:
    global _installed
    with _install_lock:
        if _installed:
            return
        original = requests.adapters.HTTPAdapter.send

        def send(self: requests.adapters.HTTPAdapter, request: Any, *args: Any, **kwargs: Any) -> Any:
            default = getattr(_local, "timeout", None)
            if default is not None and kwargs.get("timeout") is None:
                kwargs["timeout"] = default
            response = original(self, request, *args, **kwargs)
            if default is not None:
                _local.last_status = response.status_code
            return response

        send.__wrapped__ = original  # type: ignore[attr-defined]
        requests.adapters.HTTPAdapter.send = send  # type: ignore[method-assign]
        _installed = True


@contextmanager
def request_timeout(seconds: float) -> Iterator[None]:
    """Impose `seconds` (connect and read) on this thread's requests that set no timeout."""
    _install()
    previous = getattr(_local, "timeout", None)
    _local.timeout = seconds
    _local.last_status = None
    try:
        yield
    finally:
        _local.timeout = previous


def last_status() -> int | None:
    """HTTP status of this thread's last response inside `request_timeout` (None if none)."""
    return getattr(_local, "last_status", None)


def reset_last_status() -> None:
    _local.last_status = None
