"""What the theme shows for each entry: a `Story` (English only when current, provenance,
tags, neighbours) and the `SiteModel` every page is rendered from. No I/O here."""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.config import Config, SiteConfig
from ..core.model import Entry
from ..translate.state import translation_state  # judged from the content, as translate does
from .taxonomy import Tag, Taxonomy, build_taxonomy, entry_url

RELATED_LIMIT = 5
RELATED_SCAN = 30  # entries nearest in time looked at per shared tag: bounded work for huge tags


@dataclass
class Story:
    entry: Entry
    index: int  # position in the newest-first order
    tags: list[Tag]
    state: str  # translation state (see translation_state)
    title_en: str | None  # shown only when the translation is current
    summary_en: str | None
    provenance: str
    machine_notice: bool  # approved entry whose English is still machine output
    # Copied from the entry once: templates read them thousands of times.
    slug: str = ""
    url: str = ""
    date: dt.date = dt.date.min
    month: str = ""  # "YYYY-MM"

    def __post_init__(self) -> None:
        self.slug = self.entry.slug
        self.url = entry_url(self.entry.slug)
        self.date = self.entry.date
        self.month = f"{self.date.year:04d}-{self.date.month:02d}"

    @property
    def has_english(self) -> bool:
        return self.title_en is not None or self.summary_en is not None


def provenance_line(entry: Entry, state: str, provider_label: str) -> str:
    if state == "edited":
        return "Translated by the editors"
    if state == "machine":
        if entry.review.state == "approved":
            return f"Machine translation ({provider_label})"
        return f"Machine translation ({provider_label}), not reviewed"
    return "Translation pending"


def make_story(entry: Entry, index: int, taxonomy: Taxonomy, provider_label: str) -> Story:
    state = translation_state(entry)
    current = state in ("machine", "edited")
    return Story(
        entry=entry,
        index=index,
        tags=taxonomy.tags_of(entry),
        state=state,
        title_en=(entry.title_en or None) if current else None,
        summary_en=(entry.summary_en or None) if current else None,
        provenance=provenance_line(entry, state, provider_label),
        machine_notice=current and state == "machine" and entry.review.state == "approved",
    )


@dataclass
class SiteModel:
    """Everything pages are rendered from; built once per build, read-only afterwards."""

    config: Config
    stories: list[Story]  # newest first
    taxonomy: Taxonomy
    base_url: str  # ends with "/"
    review_mode: bool = False
    flags: dict[str, list[Any]] = field(default_factory=dict)
    all_entries: list[Entry] = field(default_factory=list)  # review dashboard: every entry
    row_memo: Any = None  # digest serve: the last dashboard's rows (sitemodel.dashboard.RowMemo)
    by_slug: dict[str, Story] = field(default_factory=dict)
    stories_by_tag: dict[str, list[Story]] = field(default_factory=dict)  # tag key → newest first
    stories_by_month: dict[str, list[Story]] = field(default_factory=dict)  # "YYYY-MM" → newest first
    _indices: dict[str, list[int]] = field(default_factory=dict)  # tag key → member indices (lazy)
    _related: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (index, limit) → related indices (lazy)

    def __post_init__(self) -> None:
        self.by_slug = {s.slug: s for s in self.stories}
        self.stories_by_tag = {
            tag.key: [self.by_slug[e.slug] for e in tag.entries if e.slug in self.by_slug] for tag in self.taxonomy
        }
        for story in self.stories:
            self.stories_by_month.setdefault(story.month, []).append(story)

    @property
    def site(self) -> SiteConfig:
        return self.config.site

    @property
    def is_absolute(self) -> bool:
        return self.base_url.startswith(("http://", "https://"))

    @property
    def base_path(self) -> str:
        """The path part of the base URL ("/digest/"), for pages served at any depth (404)."""
        if self.is_absolute:
            rest = self.base_url.split("://", 1)[1]
            return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return self.base_url

    def absolute(self, path: str) -> str:
        """The public URL of a site-relative path (absolute when base_url is)."""
        return self.base_url + path

    def feed_id(self, kind: str, key: str) -> str:
        """An Atom id: the absolute URL when known, else a stable URN."""
        if self.is_absolute:
            return self.absolute(key)
        return f"urn:digest:{kind}:{key}"

    def neighbours(self, story: Story) -> tuple[Story | None, Story | None]:
        """(newer, older) in the newest-first order."""
        newer = self.stories[story.index - 1] if story.index > 0 else None
        older = self.stories[story.index + 1] if story.index + 1 < len(self.stories) else None
        return newer, older

    def related(self, story: Story, limit: int = RELATED_LIMIT) -> list[Story]:
        """Entries sharing the most (and the rarest) tags; nearest in time on ties.

        Looks only at the RELATED_SCAN entries of each tag nearest in time to this one, so
        a tag holding thousands of entries costs no more than a small one. Remembered: the
        fingerprints and the article page both ask (and forked renderers inherit the answers).
        """
        known = self._related.get((story.index, limit))
        if known is None:
            known = self._related[(story.index, limit)] = self._related_indices(story, limit)
        return [self.stories[index] for index in known]

    def _related_indices(self, story: Story, limit: int) -> list[int]:
        scores: dict[int, float] = {}
        score_of = scores.get
        half = RELATED_SCAN // 2
        here = story.index
        for tag in story.tags:
            if tag.key not in self.stories_by_tag:
                continue
            indices = self._member_indices(tag.key)
            if len(indices) < 2:
                continue
            weight = tag_weight(len(indices))  # shared tags first; rarer tags break ties
            # members are newest first, i.e. by ascending index: find this story's place.
            at = bisect.bisect_left(indices, here)
            for other in indices[max(0, at - half) : at + half + 1]:
                scores[other] = score_of(other, 0.0) + weight
        scores.pop(here, None)
        if len(scores) > limit > 0:
            # Only stories scoring at least the limit-th best score can be chosen: the
            # ordering tuples below are built for those, not for every candidate. (A sort of
            # a few dozen floats in C beats heapq's Python-level selection.)
            floor = sorted(scores.values(), reverse=True)[limit - 1]
            scores = {index: score for index, score in scores.items() if score >= floor}
        # Most score first, then nearest in time, then the index: plain tuples compare in C,
        # and no two are equal (the index), so the first `limit` of the sort are nsmallest's.
        best = sorted([(-score, abs(index - here), index) for index, score in scores.items()])[:max(limit, 0)]
        return [index for _score, _distance, index in best]

    def _member_indices(self, key: str) -> list[int]:
        indices = self._indices.get(key)
        if indices is None:
            indices = self._indices[key] = [s.index for s in self.stories_by_tag[key]]
        return indices


def tag_weight(members: int) -> float:
    """What sharing a tag of `members` entries adds to a related story's score: 1, and less
    than 1 more the larger the tag — by its size class (the largest power of two not above
    the size), not its exact size: a tag's weight then stays as it is while the tag grows
    within its class, and a new entry leaves the related lists of the entries deep in its
    tags as they were (digest.cache.fingerprint carries them over in the live preview), not
    reshuffled by a change in the sixth decimal."""
    return 1.0 + 1.0 / (1 + (1 << (members.bit_length() - 1)))


def build_site_model(
    config: Config,
    published: list[Entry],
    labels: Mapping[str, str],
    label_of: Callable[[Entry], str],
    *,
    base_url: str,
    review_mode: bool,
    flags: dict[str, list[Any]],
    all_entries: list[Entry],
) -> SiteModel:
    """The site model made afresh: the tags of the published entries (`labels`: the
    glossary's English tag labels) and a story per entry (`label_of`: its provider's name)."""
    taxonomy = build_taxonomy(published, labels=labels)
    return SiteModel(
        config=config,
        stories=[make_story(e, i, taxonomy, label_of(e)) for i, e in enumerate(published)],
        taxonomy=taxonomy,
        base_url=base_url,
        review_mode=review_mode,
        flags=flags,
        all_entries=all_entries,
    )
