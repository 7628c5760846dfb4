"""digest serve: the site model of the last build, patched instead of rebuilt.

A rebuild after an edit that leaves the order of the published entries, their tags and
tag labels as they were (a body, a headline, a summary, English, a review state that keeps
the entry published) gets the last build's taxonomy and Story objects for every entry that
is the very object of the last build; only the edited entries get new stories. At 4,000
entries that is a few milliseconds instead of ~0.3 s of grouping tags and making stories,
and it lets the fingerprints reuse each kept story's card digest (digest.cache.fingerprint:
`kept_cards`), which is only sound because a kept Story is the same object, with the same
entry and tags, as the one its card was computed from.

Anything else (an entry added, removed or re-dated, tags changed, other settings or glossary
labels, a stage that edited entries in place) builds the model afresh.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..core.config import Config
from ..core.model import Entry
from ..sitemodel.dashboard import RowMemo
from ..sitemodel.stories import SiteModel, Story, build_site_model, make_story
from ..sitemodel.taxonomy import Taxonomy


@dataclass
class KeptModel:
    settings: tuple[object, ...]  # what every story and the taxonomy also depend on
    published: list[Entry]  # in the model's order
    stories: list[Story]
    taxonomy: Taxonomy


def _same_place(old: Entry, new: Entry) -> bool:
    """`new` takes `old`'s place without changing the taxonomy or the order."""
    return old.slug == new.slug and old.date == new.date and old.tags == new.tags and old.tags_en == new.tags_en


def _in_their_places(olds: list[Entry], news: list[Entry]) -> bool:
    """Each new entry is the old one, or takes its place (`_same_place`)."""
    return all(old is new or _same_place(old, new) for old, new in zip(olds, news, strict=True))


def _stories(
    kept: KeptModel, published: list[Entry], new_at: int | None, label_of: Callable[[Entry], str], remade: set[str]
) -> list[Story]:
    """A story per published entry: the kept Story of an entry that is the very object of the
    last build (so its card digest is kept by identity), its index brought up to date; a new
    one for an edited entry and for the new entry at `new_at` (the kept ones after it are one
    place further down). The slugs of the new ones are added to `remade`."""
    stories: list[Story] = []
    for index, entry in enumerate(published):
        old_index = index if new_at is None or index < new_at else index - 1
        if index != new_at and kept.published[old_index] is entry:
            story = kept.stories[old_index]
            story.index = index
        else:
            story = make_story(entry, index, kept.taxonomy, label_of(entry))
            remade.add(entry.slug)
        stories.append(story)
    return stories


class ModelKeeper:
    """Keeps the last site model of one serving process (see the module doc)."""

    def __init__(self) -> None:
        self.kept: KeptModel | None = None
        self.reused = 0  # builds that patched the last model (for tests and benchmarks)
        self.same_shape = False  # the last call patched: same stories, order, dates and tags
        self.inserted = 0  # builds that patched the last model with one new entry
        self.number = 0  # of the model the last call made (each call makes one: patched or afresh)
        # The last call patched model number `remade[0]`: the slugs whose Story is new (every
        # other story is the very object of that model, with the same entry). None: afresh.
        self.remade: tuple[int, set[str]] | None = None
        self.rows = RowMemo()  # the review dashboard's rows, by entry object (same rule)
        self.new_entry: str | None = None  # the last call took in this new entry (its slug)

    def forget(self) -> None:
        """Entries may have been edited in place: nothing made from them is kept."""
        self.kept = None
        self.rows = RowMemo()

    def site_model(
        self,
        config: Config,
        published: list[Entry],
        labels: Mapping[str, str],
        label_of: Callable[[Entry], str],
        provider_label: str,
        *,
        base_url: str,
        review_mode: bool,
        flags: dict[str, list[object]],
        all_entries: list[Entry],
    ) -> SiteModel:
        settings = (repr(config), sorted(labels.items()), provider_label, base_url, review_mode)
        kept = self.kept
        stories: list[Story] | None = None
        self.same_shape = False
        self.new_entry = None
        remade: set[str] = set()
        if kept is not None and kept.settings == settings:
            if len(kept.published) == len(published) and _in_their_places(kept.published, published):
                self.same_shape = True
                self._swap_members(kept, published)
                self.reused += 1
                stories = _stories(kept, published, None, label_of, remade)
            elif len(published) == len(kept.published) + 1:
                stories = self._with_one_new_entry(kept, published, labels, label_of, remade)
        self.remade = (self.number, remade) if stories is not None else None
        self.number += 1
        if stories is not None and kept is not None:
            site = SiteModel(
                config=config, stories=stories, taxonomy=kept.taxonomy, base_url=base_url, review_mode=review_mode,
                flags=flags, all_entries=all_entries,
            )
        else:
            site = build_site_model(
                config, published, labels, label_of,
                base_url=base_url, review_mode=review_mode, flags=flags, all_entries=all_entries,
            )
        self.kept = KeptModel(settings, list(published), site.stories, site.taxonomy)
        site.row_memo = self.rows
        return site

    def _with_one_new_entry(
        self, kept: KeptModel, published: list[Entry], labels: Mapping[str, str], label_of: Callable[[Entry], str], remade: set[str]
    ) -> list[Story] | None:
        """One entry more than the last build (a new article), the others in their places:
        the kept taxonomy takes it in where that changes no existing tag (Taxonomy.add_entry),
        the kept stories after it move one place down, and it gets a story of its own. So
        the other stories stay the very objects whose card digests the fingerprints keep.
        None (nothing changed) where that does not hold."""
        known = {entry.slug for entry in kept.published}
        new = [index for index, entry in enumerate(published) if entry.slug not in known]
        if len(new) != 1:
            return None
        at = new[0]
        others = published[:at] + published[at + 1 :]
        if not _in_their_places(kept.published, others):
            return None
        if not kept.taxonomy.add_entry(published[at], labels):  # (an edited entry here has the same tags)
            return None
        self.kept = None  # changed from here on: a failure half way makes the next model afresh
        self._swap_members(kept, others)
        self.inserted += 1
        self.new_entry = published[at].slug
        return _stories(kept, published, at, label_of, remade)

    @staticmethod
    def _swap_members(kept: KeptModel, published: list[Entry]) -> None:
        """The kept tags list their member entries: put the edited entries' new objects in."""
        for old, new in zip(kept.published, published):
            if old is new:
                continue
            for tag in kept.taxonomy.tags_of(new):
                tag.entries[:] = [new if member is old else member for member in tag.entries]
