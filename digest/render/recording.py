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

import operator
from collections.abc import Iterable
from typing import Any

import jinja2

from ..core.model import Entry
from ..sitemodel.stories import SiteModel, Story
from ..sitemodel.taxonomy import Tag
from ..text.memo import BoundedMemo

Key = tuple[str, str]

# SiteModel members that follow from the settings alone (which every page depends on anyway).
SETTINGS_ONLY = frozenset({"absolute", "feed_id", "site", "config", "base_url", "base_path", "is_absolute", "review_mode"})

_current: set[Key] | None = None  # the keys of the page being rendered (one page at a time per process)
# Beside it, while a page renders: the slugs whose card it read and the tags it read, as
# plain strings (a read costs a set add, no tuple); made keys once, when the page is done.
_cards: set[str] = set()
_tags: set[str] = set()
_slug_of = operator.attrgetter("slug")
_key_of = operator.attrgetter("key")


# One key object per name (`("card", slug)`): every page of a process shares it, so the keys
# a worker sends back pickle once each and the parent's sets share them. (Emptied past the
# limit in a long-running server: a key made again is equal, only not the same object.)
def _key_table(kind: str) -> BoundedMemo[str, Key]:
    return BoundedMemo(lambda name: (kind, name), 200_000)


KEYS = {kind: _key_table(kind) for kind in ("card", "tag", "body", "hashtag", "template", "model")}  # `KEYS[kind][name]`
_CARD_KEYS, _TAG_KEYS, _BODY_KEYS, _MODEL_KEYS = KEYS["card"], KEYS["tag"], KEYS["body"], KEYS["model"]


class Recording:
    """Collects the dependency keys noted while it is active into `keys` (complete when it
    ends). A class, not a generator context manager: it runs once per page."""

    __slots__ = ("_cards", "_outer", "_tags", "keys")

    def __init__(self) -> None:
        self.keys = set[Key]()
        self._cards, self._tags = set[str](), set[str]()
        self._outer: tuple[set[Key] | None, set[str], set[str]] | None = None

    def __enter__(self) -> set[Key]:
        global _current, _cards, _tags
        self._outer = _current, _cards, _tags
        _current, _cards, _tags = self.keys, self._cards, self._tags
        return self.keys

    def __exit__(self, *exc: object) -> None:
        global _current, _cards, _tags
        assert self._outer is not None
        _current, _cards, _tags = self._outer
        self.keys.update(map(_CARD_KEYS.__getitem__, self._cards))
        self.keys.update(map(_TAG_KEYS.__getitem__, self._tags))


class FragmentRecording(Recording):
    """A recording for one fragment (digest.render.fragments): what it read *besides* what
    every use of it notes anyway (`beyond`), usually nothing — found on the plain slugs and
    tag keys, before any key tuple is made."""

    __slots__ = ()

    def __exit__(self, *exc: object) -> None:
        global _current, _cards, _tags
        assert self._outer is not None
        _current, _cards, _tags = self._outer

    def beyond(self, cards_shown: Iterable[str], tags_shown: Iterable[str], noted: Key) -> frozenset[Key]:
        """The keys read less the cards and tags shown and `noted` (noted by every use)."""
        self.keys.discard(noted)
        self.keys.update(map(_CARD_KEYS.__getitem__, self._cards.difference(cards_shown)))
        self.keys.update(map(_TAG_KEYS.__getitem__, self._tags.difference(tags_shown)))
        return frozenset(self.keys)


def recording() -> Recording:
    """`with recording() as keys:` — the keys noted inside the block, in that set."""
    return Recording()


def note(key: Key) -> None:
    if _current is not None:
        _current.add(key)


def note_all(keys: frozenset[Key]) -> None:
    """Keys another recording collected (a fragment reused on this page)."""
    if _current is not None:
        _current.update(keys)


def note_stories(stories: Iterable[Any]) -> None:
    if _current is not None:
        _cards.update(map(_slug_of, stories))


def note_tags(tags: Iterable[Any]) -> None:
    if _current is not None:
        _tags.update(map(_key_of, tags))


def note_read(obj: Any, attribute: Any) -> None:
    """A template read `obj.attribute` (or `obj[attribute]`): note what it depends on."""
    keys = _current
    if keys is None:
        return
    kind = type(obj)
    if kind is Story:
        _cards.add(obj.slug)
    elif kind is Entry:
        if attribute == "body":
            keys.add(_BODY_KEYS[obj.slug])
        else:
            _cards.add(obj.slug)
    elif kind is Tag:
        _tags.add(obj.key)
    elif kind is SiteModel and attribute not in SETTINGS_ONLY:
        # Anything else (stories, by_slug, related(), neighbours()…) opens the whole site.
        keys.add(_MODEL_KEYS[str(attribute)])


def recorded_getattr(env: jinja2.Environment, obj: Any, attribute: str) -> Any:
    """`env.getattr` with the read noted (`note_read`). Jinja calls this for every `a.b` of
    every page: the attribute is looked up directly, without a call to Jinja's `getattr`; one
    the object lacks takes Jinja's own way (an item of that name, else undefined), so
    templates see exactly what Jinja would give them."""
    if _current is not None:
        note_read(obj, attribute)
    try:
        return getattr(obj, attribute)
    except AttributeError:
        return jinja2.Environment.getattr(env, obj, attribute)
