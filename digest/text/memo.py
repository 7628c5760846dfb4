"""A memo for pure functions of short texts that a run meets again and again (a word's
folded form, a byline's identity form): each distinct key is computed once."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """`memo[key]` is `function(key)`, computed on the first use of `key`. Emptied when it
    holds more than `limit` keys: a long-running process (digest serve) meets an unbounded
    number of distinct texts. A hit is a plain dict lookup, in C."""

    def __init__(self, function: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) > self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value
