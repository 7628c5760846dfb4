"""Tags across the whole site: identity, display name, English label, stable slug."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..core.model import Entry
from ..text.hashtags import tag_key
from ..text.slugs import make_slug

TAGS_PREFIX = "tags"
ARTICLES_PREFIX = "articles"


@dataclass
class Tag:
    key: str  # Arabic-normalised identity
    name: str  # display form (the most used spelling; ties: first in sorted order)
    slug: str
    name_en: str | None = None
    entries: list[Entry] = field(default_factory=list)  # newest first

    @property
    def url(self) -> str:
        return f"{TAGS_PREFIX}/{self.slug}/"


def entry_url(slug: str) -> str:
    return f"{ARTICLES_PREFIX}/{slug}/"


class Taxonomy:
    def __init__(self, tags: dict[str, Tag], keys: Mapping[str, str] | None = None):
        self.by_key = tags
        self._by_name: dict[str, Tag | None] = {}  # memo: normalising a name is the costly part
        if keys:  # spellings already normalised while grouping (build_taxonomy)
            self._by_name = {name: tags.get(key) for name, key in keys.items()}

    def for_name(self, name: str) -> Tag | None:
        try:
            return self._by_name[name]
        except KeyError:
            tag = self._by_name[name] = self.by_key.get(tag_key(name))
            return tag

    def tags_of(self, entry: Entry) -> list[Tag]:
        result = []
        seen: set[str] = set()  # by key: comparing Tag dataclasses field by field is slow
        for name in entry.tags:
            tag = self.for_name(name)
            if tag is not None and tag.key not in seen:
                seen.add(tag.key)
                result.append(tag)
        return result

    def add_entry(self, entry: Entry, labels: Mapping[str, str] | None = None) -> bool:
        """Put a new entry in, as build_taxonomy would with it among the others, when that
        leaves every existing tag's name, slug and English label as they are (it joins their
        member lists, and may add tags of its own); False, with nothing changed, otherwise.
        digest serve patches its kept taxonomy so after a new article (digest.cache.keptmodel);
        tests/test_taxonomy_equivalence.py checks it against build_taxonomy."""
        labels = labels or {}
        tags_en = entry.tags_en or {}
        spellings: dict[str, dict[str, int]] = {}  # the entry's tag identities → its spellings
        found_labels: dict[str, str] = {}
        for name in entry.tags:
            key = tag_key(name)
            if not key:
                continue
            counts = spellings.setdefault(key, {})
            counts[name] = counts.get(name, 0) + 1
            label = tags_en.get(name)
            if label and key not in found_labels:
                found_labels[key] = label
        used_slugs = {tag.slug.casefold() for tag in self.by_key.values()}
        new_tags: list[Tag] = []
        for key, mine in spellings.items():
            tag = self.by_key.get(key)
            if tag is None:
                slug = make_slug(key, fallback_seed=key)
                if slug.casefold() in used_slugs:
                    return False  # its slug would move another tag's (suffixes go in key order)
                used_slugs.add(slug.casefold())
                new_tags.append(Tag(key=key, name=_display_name(mine), slug=slug, name_en=labels.get(key) or found_labels.get(key)))
                continue
            counts = self._spellings(tag)
            for name, count in mine.items():
                counts[name] = counts.get(name, 0) + count
            if _display_name(counts) != tag.name:
                return False  # the most used spelling changes
            if not labels.get(key) and key in found_labels and found_labels[key] != tag.name_en:
                return False  # its label may now come from this entry
        order = (entry.date, entry.slug)
        for key in spellings:
            members = self.by_key[key].entries if key in self.by_key else None
            if members is not None:
                at = next((i for i, member in enumerate(members) if (member.date, member.slug) < order), len(members))
                members.insert(at, entry)
        if new_tags:
            for tag in new_tags:
                tag.entries.append(entry)
            self.by_key = dict(sorted({**self.by_key, **{tag.key: tag for tag in new_tags}}.items()))
            # A name remembered as no tag's may now be one of the new tags'.
            self._by_name = {name: tag for name, tag in self._by_name.items() if tag is not None}
        return True

    def _spellings(self, tag: Tag) -> dict[str, int]:
        """How often each spelling of the tag occurs in its members' tags (as build_taxonomy counts)."""
        counts: dict[str, int] = {}
        for member in tag.entries:
            for name in member.tags:
                if self.for_name(name) is tag:
                    counts[name] = counts.get(name, 0) + 1
        return counts

    def __iter__(self) -> Iterator[Tag]:
        return iter(self.by_key.values())

    def __len__(self) -> int:
        return len(self.by_key)


def _display_name(counts: Mapping[str, int]) -> str:
    """A tag's display form: its most used spelling; ties: the first in sorted order."""
    return min(counts, key=lambda n: (-counts[n], n))


def build_taxonomy(entries: Iterable[Entry], labels: Mapping[str, str] | None = None) -> Taxonomy:
    """Group entries by tag identity. `labels` maps tag keys to preferred English labels
    (the glossary); otherwise an entry's `tags_en` gives the label (newest entry wins)."""
    ordered = sorted(entries, key=lambda e: (e.date, e.slug), reverse=True)
    # Plain dicts, each made on a tag's first use: this loop runs once per tag of every entry
    # of every build (a live preview's new article included), and a Counter or list handed to
    # setdefault would be made, and dropped, on every pass.
    spellings: dict[str, dict[str, int]] = {}
    members: dict[str, list[Entry]] = {}
    found_labels: dict[str, str] = {}
    keys: dict[str, str] = {}  # display name → identity, computed once per spelling
    for entry in ordered:
        tags_en = entry.tags_en
        for name in entry.tags:
            key = keys.get(name)
            if key is None:
                key = keys[name] = tag_key(name)
            if not key:
                continue
            bucket = members.get(key)
            if bucket is None:
                members[key] = [entry]
                spellings[key] = {name: 1}
            else:
                counts = spellings[key]
                counts[name] = counts.get(name, 0) + 1
                if bucket[-1] is not entry:
                    bucket.append(entry)
            if tags_en and key not in found_labels:
                label = tags_en.get(name)
                if label:
                    found_labels[key] = label
    tags: dict[str, Tag] = {}
    used_slugs: set[str] = set()
    for key in sorted(members):
        counts = spellings[key]
        name = _display_name(counts)
        base = make_slug(key, fallback_seed=key)
        slug, n = base, 2
        while slug.casefold() in used_slugs:
            slug, n = f"{base}-{n}", n + 1
        used_slugs.add(slug.casefold())
        label = (labels or {}).get(key) or found_labels.get(key)
        tags[key] = Tag(key=key, name=name, slug=slug, name_en=label, entries=members[key])
    return Taxonomy(tags, keys)
