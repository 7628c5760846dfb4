"""Stable pagination: numbered pages are fixed blocks counted from the *oldest* item.

With the usual newest-first numbering, one new article shifts every item of every page, so
every listing page would be rebuilt each day. Here page 1 (`page/1/`) holds the oldest
`per_page` items, page 2 the next block, and so on; a new article changes the front page
only (and, once per `per_page` new articles, adds one numbered page and the link to it).

The front page shows the newest block together with the partial block above it, so it
always holds between `per_page` and `2 * per_page - 1` items (all of them on a small site)
and no item is shown on two pages.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
FRONT = 0  # the page number of the front page (`index.html` of a listing)


@dataclass(frozen=True)
class Paging:
    """The pages of a newest-first listing of `count` items, `per_page` to a page."""

    count: int
    per_page: int

    @property
    def numbered(self) -> int:
        """How many numbered pages there are besides the front page."""
        full, _partial = divmod(self.count, self.per_page)
        return max(0, full - 1)  # the newest full block is on the front page (with any partial one)

    def numbers(self) -> list[int]:
        """FRONT, then 1 … numbered (oldest first)."""
        return [FRONT, *range(1, self.numbered + 1)]

    def items(self, items: Sequence[T], number: int) -> Sequence[T]:
        """The newest-first slice of `items` shown on page `number`."""
        end = len(items) - self.numbered * self.per_page
        if number == FRONT:
            return items[:end]
        return items[len(items) - number * self.per_page : len(items) - (number - 1) * self.per_page]

    def pager(self, prefix: str, number: int) -> dict[str, Any]:
        """Links to the neighbouring pages (site-relative URLs), for the pager macro."""
        last = self.numbered
        if number == FRONT:
            newer, older = None, (page_url(prefix, last) if last else None)
        else:
            newer = page_url(prefix, number + 1 if number < last else FRONT)
            older = page_url(prefix, number - 1) if number > 1 else None
        return {"number": number, "paged": last > 0, "newer": newer, "older": older}


def page_path(prefix: str, number: int) -> str:
    return f"{prefix}index.html" if number == FRONT else f"{prefix}page/{number}/index.html"


def page_url(prefix: str, number: int) -> str:
    return page_path(prefix, number)[: -len("index.html")]
