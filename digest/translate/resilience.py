"""Retry policy, rate limiter and circuit breaker shared by the translation workers."""
from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..core.config import TranslateConfig


@dataclass(frozen=True)
class RetryPolicy:
    workers: int = 4
    timeout: float = 15.0  # seconds per request (deep-translator sets none)
    retries: int = 3  # extra attempts after a retryable failure
    backoff_base: float = 0.5  # first backoff in seconds; doubles each attempt
    backoff_max: float = 8.0
    rate_limit: float = 0.0  # requests per second (0 = unlimited)
    breaker_threshold: int = 5  # consecutive failed attempts that stop the run's calls

    @classmethod
    def from_config(cls, config: TranslateConfig, **overrides: float) -> RetryPolicy:
        values = {
            "workers": config.workers,
            "timeout": config.timeout,
            "retries": config.retries,
            "rate_limit": config.rate_limit,
            "breaker_threshold": config.breaker_threshold,
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter (spreads retries of parallel workers)."""
        ceiling = min(self.backoff_max, self.backoff_base * (2**attempt))
        return random.uniform(ceiling / 2, ceiling)


class RateLimiter:
    """At most `rate` request starts per second across all threads (0 = no limit).

    Each caller reserves the next free slot under the lock, then sleeps outside it.
    """

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def wait(self) -> None:
        if not self._interval:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            self._sleep(start - now)


class CircuitBreaker:
    """Opens after `threshold` consecutive failures; stays open for the rest of the run."""

    def __init__(self, threshold: int):
        self._threshold = max(1, threshold)
        self._consecutive = 0
        self._lock = threading.Lock()
        self.open = False
        self.reason: str | None = None  # the failure that opened it

    def success(self) -> None:
        with self._lock:
            self._consecutive = 0

    def failure(self, reason: str) -> None:
        with self._lock:
            self._consecutive += 1
            if self._consecutive >= self._threshold and not self.open:
                self.open, self.reason = True, reason

    def trip(self, reason: str) -> None:
        """A failure no retry can fix (bad key, refused access): stop at once."""
        with self._lock:
            if not self.open:
                self.open, self.reason = True, reason
