"""Many texts through one provider: bounded worker threads, each with its own translator.

Each text is tried up to 1 + retries times (backoff with jitter on 429/5xx/timeouts),
behind a shared rate limiter and circuit breaker. One text's failure never affects the
others; when the breaker opens, texts not yet sent are skipped (they stay pending).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..text.arabic import has_arabic
from .failures import FAIL, RETRY, STOP, check_answer, classify
from .http import last_status, request_timeout, reset_last_status
from .resilience import CircuitBreaker, RateLimiter, RetryPolicy


@dataclass(frozen=True)
class Result:
    text: str | None = None  # the translation, when it succeeded
    error: str | None = None  # why it failed
    skipped: bool = False  # not sent: the breaker was open
    transient: bool = False  # network or provider trouble (not this text's fault): retry next run

    @property
    def ok(self) -> bool:
        return self.text is not None


def needs_translation(text: str) -> bool:
    """Only text with Arabic letters: digits, punctuation and Latin names (glossary terms
    already in English) pass through unchanged. Google would even answer None for them."""
    return has_arabic(text)


class ProviderClient:
    def __init__(
        self,
        factory: Callable[[], Any],
        policy: RetryPolicy,
        call_kwargs: dict[str, Any] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._factory = factory
        self.policy = policy
        self._call_kwargs = call_kwargs or {}
        self._sleep = sleep
        self._local = threading.local()
        self.limiter = RateLimiter(policy.rate_limit)
        self.breaker = CircuitBreaker(policy.breaker_threshold)
        self._count_lock = threading.Lock()
        self.requests = 0  # attempts made (for reports and benchmarks)

    def _translator(self) -> Any:
        # deep-translator instances keep per-request state in attributes: one per thread.
        translator = getattr(self._local, "translator", None)
        if translator is None:
            translator = self._local.translator = self._factory()
        return translator

    def translate_one(self, text: str) -> Result:
        if not needs_translation(text):
            return Result(text=text)
        attempt = 0
        while True:
            if self.breaker.open:
                return Result(skipped=True, error=self.breaker.reason, transient=True)
            self.limiter.wait()
            with self._count_lock:
                self.requests += 1
            try:
                with request_timeout(self.policy.timeout):
                    reset_last_status()
                    translated = self._translator().translate(text, **self._call_kwargs)
                    status = last_status()
                if not isinstance(translated, str) or not translated.strip():
                    raise ValueError(f"empty translation (HTTP {status})")
                check_answer(translated, text)
            except Exception as exc:  # noqa: BLE001 - classified below: deep-translator raises anything
                failure = classify(exc, last_status(), self.policy.timeout)
                if failure.action == STOP:
                    self.breaker.trip(failure.reason)
                    return Result(error=failure.reason, transient=True)
                if failure.action == FAIL:
                    return Result(error=failure.reason)
                assert failure.action == RETRY
                self.breaker.failure(failure.reason)
                if attempt >= self.policy.retries:
                    return Result(error=failure.reason, transient=True)
                self._sleep(self.policy.backoff(attempt))
                attempt += 1
                continue
            self.breaker.success()
            return Result(text=translated.strip())

    def translate_many(
        self, texts: Iterable[str], on_done: Callable[[str, Result], None] | None = None
    ) -> dict[str, Result]:
        """Translate unique texts concurrently; `on_done` runs (on a worker) as each finishes."""
        unique = list(dict.fromkeys(texts))
        results: dict[str, Result] = {}

        def work(text: str) -> None:
            try:
                result = self.translate_one(text)
                results[text] = result
                if on_done is not None:
                    on_done(text, result)
            except BaseException:
                # Stop the other workers now, not when the main thread gets to this future.
                self.breaker.trip("interrupted")
                raise

        if self.policy.workers <= 1 or len(unique) <= 1:
            for text in unique:
                work(text)
            return results
        with ThreadPoolExecutor(max_workers=self.policy.workers, thread_name_prefix="translate") as pool:
            futures = [pool.submit(work, text) for text in unique]
            try:
                for future in futures:
                    future.result()
            except BaseException:
                # Ctrl-C (or a bug): send nothing more; requests in flight end within the timeout.
                self.breaker.trip("interrupted")
                for future in futures:
                    future.cancel()
                raise
        return results
