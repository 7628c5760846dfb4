"""`digest clean`: remove the caches of a site root (and digest serve's preview), never while
a build of that root runs."""
from __future__ import annotations

from ..cache.layer import Removed, clean
from ..core.errors import DigestError
from ..core.layout import SiteLayout
from .sitelock import LockHeld, exclusive_lock

__all__ = ["Removed", "clean_site"]


def clean_site(layout: SiteLayout, *, user_cache: bool = False) -> list[Removed]:
    """What was removed (nothing: an empty list). Never content/, seeds/, templates/, site/
    or the translation memory (digest.cache.layer.clean)."""
    if not layout.state.is_dir() and not user_cache:
        return []  # no .digest/: do not create one just to lock it
    try:
        # Under the build lock: a build running now must not lose its caches half-way.
        with exclusive_lock(layout.build_lock):
            return clean(layout, user_cache=user_cache)
    except LockHeld:
        raise DigestError("a build of this site root is running; try again when it is done", layout.build_lock) from None
    except OSError as exc:
        raise DigestError(f"cannot remove: {exc.strerror or exc}", exc.filename) from None
