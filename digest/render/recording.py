"""Dependencies recorded while a page renders (as Lektor records them): what the page
actually read, not what a model of the page predicts it reads.

While `recording()` is active, every read of site data is noted as a dependency key:

- a template reading a story or entry field (`story.title`, `entry.extra`) notes that
  story's card (`("card", slug)`), reading `entry.body` its body (`("body", slug)`);
- a tag's field: `("tag", key)`; a field of the site model other than the settings-only
  helpers (`model.stories`, `model.by_slug`…): `("model", name)` — the whole site;
- a template loaded by the page (its own, extends, includes, imports): `("template", name)`;
- a fragment handed out from the fragment cache (digest.render.fragments) and a body or a
  hashtag link handed out by the page renderer note the same keys as a fresh read would.

Reads go through the theme environment's `getattr`/`getitem` (Jinja's public hooks for
attribute access, the ones its sandbox overrides), so a template override or a new context
key is recorded without anyone declaring it. digest.cache.fingerprint turns each key back
into a digest of the current site, and the next build re-renders the pages whose recorded
keys changed value.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..core.model import Entry
from ..sitemodel.stories import SiteModel, Story
from ..sitemodel.taxonomy import Tag

Key = tuple[str, str]

# SiteModel members that follow from the settings alone (which every page depends on anyway).
SETTINGS_ONLY = frozenset({"absolute", "feed_id", "site", "config", "base_url", "base_path", "is_absolute", "review_mode"})

_current: set[Key] | None = None  # the keys of the page being rendered (one page at a time per process)


@contextmanager
def recording() -> Iterator[set[Key]]:
    """Collect the dependency keys noted inside the block into the yielded set."""
    global _current
    outer, keys = _current, set[Key]()
    _current = keys
    try:
        yield keys
    finally:
        _current = outer


def note(key: Key) -> None:
    if _current is not None:
        _current.add(key)


def note_stories(stories: Iterable[Any]) -> None:
    if _current is not None:
        _current.update(("card", s.slug) for s in stories)


def note_tags(tags: Iterable[Any]) -> None:
    if _current is not None:
        _current.update(("tag", t.key) for t in tags)


def note_read(obj: Any, attribute: Any) -> None:
    """A template read `obj.attribute` (or `obj[attribute]`): note what it depends on."""
    keys = _current
    if keys is None:
        return
    kind = type(obj)
    if kind is Story:
        keys.add(("card", obj.slug))
    elif kind is Entry:
        keys.add(("body" if attribute == "body" else "card", obj.slug))
    elif kind is Tag:
        keys.add(("tag", obj.key))
    elif kind is SiteModel and attribute not in SETTINGS_ONLY:
        # Anything else (stories, by_slug, related(), neighbours()…) opens the whole site.
        keys.add(("model", str(attribute)))
