"""Page fingerprints: a hash of everything a page is rendered from, computed without
rendering it. Two builds give a page the same fingerprint only if it would render to the
same bytes, so an incremental build re-renders exactly the pages whose fingerprint changed.

What each page depends on (see digest.sitemodel.pages for the contexts):

- every page: the tool (version + code), the configuration, base URL, review mode, and the
  templates it uses (its template and everything that one extends, includes or imports);
- a *card* of a story (what listings, feeds, neighbours and related links show): every
  field of the entry except its body, the story's derived fields and its tags' labels;
- an article page: its card and body, how its hashtags resolve (which have a tag page),
  its newer/older neighbours' cards, its related stories' cards, its review flags;
- listings (home, English index, tag pages, months, feeds): the cards of the stories shown
  and the pager links; the tags index and archive: the tag and month counts.

Anything unknown (a new page kind) gets no fingerprint and is always rendered.

Beside that per-kind digest, each page carries the dependencies its rendering *recorded*
(digest.render.recording): every story, entry, body, tag, template and site-model field its
templates actually read. `dependency(key)` gives the current value of one such key; a page
is kept only if its kind digest and the values of all its recorded keys are unchanged, so a
template override or a context key nobody listed here can never leave a page stale.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import jinja2

from ..core.model import Entry, body_hash
from ..core.watch import Stamp  # a content file's (mtime_ns, size)
from ..render.environment import is_theme_template
from ..render.templaterefs import references as _references
from ..sitemodel.pages import FEED_LIMIT, Page, tag_page_count
from ..sitemodel.paging import Paging
from ..sitemodel.stories import RELATED_SCAN, SiteModel, Story, tag_weight
from ..sitemodel.taxonomy import Tag
from ..text.hashtags import TAG_CHARS, clean_tag
from .codestamp import code_stamp, digest_of

FORMAT = 3  # bump when the meaning of a fingerprint changes
_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry) if f.name not in ("body", "path"))
# title_en and summary_en of a Story follow from its entry and state: not hashed twice.
_STORY_FIELDS = tuple(
    f.name for f in dataclasses.fields(Story) if f.name not in ("entry", "tags", "index", "title_en", "summary_en")
)
EntryParts = tuple[str, str, tuple[str, ...]]  # digest of the entry without its body, of the body, body hashtags
_TAG_FIELDS = tuple(f.name for f in dataclasses.fields(Tag) if f.name != "entries")


def _field_values(obj: Any, names: tuple[str, ...]) -> list[Any]:
    """The fields' values for digest_of, made writable by marshal (its fast way): a date as
    its ISO text, a dataclass (an entry's translation and review) as its values, each
    with its type's name. A value marshal cannot write still works: that digest takes the
    slower way (its repr)."""
    values = []
    for name in names:
        value = getattr(obj, name)
        kind = type(value)
        if kind not in _WRITTEN_AS_IS:
            if kind is dt.date or kind is dt.datetime:
                value = (kind.__name__, value.isoformat())
            elif hasattr(kind, "__dataclass_fields__"):
                value = (kind.__name__, tuple(value.__dict__.values()))
        values.append(value)
    return values


_WRITTEN_AS_IS = frozenset({str, int, float, bool, type(None), list, tuple, dict})
# What a page fingerprint reads besides its frame: ("card" | "body" | "flags", slug).
Atom = tuple[str, str]
_GONE = ("gone",)  # the value of an atom whose story left the site, and a page with no shape yet


def body_hashtags(markdown: str) -> tuple[str, ...]:
    """Every raw hashtag the Markdown renderer could link: the cleaned run of tag characters
    after every `#` (digest.render.markdown links a subset of these — those after a boundary or a
    glued clitic). A superset is fine: it only makes the fingerprint more cautious, and one
    regex pass costs a tenth of checking each `#` the way the renderer does."""
    found: dict[str, None] = {}
    for match in _AFTER_HASH.finditer(markdown):
        raw = clean_tag(match.group(1))
        if raw is not None:
            found[raw] = None
    return tuple(found)


_AFTER_HASH = re.compile(f"#({TAG_CHARS}+)")


# The template context each kind's digest below stands for (digest.sitemodel.pages builds
# the contexts, digest.render.pagerender adds body_html and jsonld). What a template reads
# *through* a story, entry, tag or the site model is recorded while it renders; a context
# value of another sort (a count, a pager, a date) is only seen through these digests. So a
# test (tests/test_recorded_deps.py) renders every kind and fails on a context key missing
# here: a new key cannot leave pages silently stale, it must be added to its kind's digest.
_COMMON_CONTEXT = frozenset({"site", "model", "page", "root", "canonical", "review_mode", "lang_alternate"})
_LISTING_CONTEXT = frozenset({"editions", "pager"})
_FEED_CONTEXT = frozenset({"feed_title", "feed_title_en", "feed_id", "feed_url", "home_url", "stories", "updated"})
KIND_CONTEXT_INPUTS: dict[str, frozenset[str]] = {
    kind: _COMMON_CONTEXT | keys
    for kind, keys in {
        "home": _LISTING_CONTEXT,
        "en": _LISTING_CONTEXT,
        "article": frozenset({"story", "entry", "newer", "older", "related", "entry_flags", "approve_command", "body_html", "jsonld"}),
        "tag": frozenset({"tag", "count", "stories", "pager"}),
        "tag-feed": _FEED_CONTEXT | {"tag"},
        "tags": frozenset({"by_name", "by_count"}),
        "archive": frozenset({"years"}),
        "month": frozenset({"month", "editions"}),
        "feed": _FEED_CONTEXT,
        "search": frozenset(),
        "404": frozenset(),
        "review": frozenset({"entries", "flags", "taxonomy", "rows", "state_counts", "flag_counts", "flag_descriptions"}),
    }.items()
}


# --- templates -----------------------------------------------------------------------------

def template_closures(env: jinja2.Environment, names: Iterable[str]) -> dict[str, str]:
    """For each page template, a hash of every template its pages can depend on: itself and
    what it extends, includes or imports, plus every *shared* template (any template that is
    not one of `names`: base.html, macros.html, partials/...). Shared templates count for
    every page because Python code may render them too (digest.render.fragments renders cards with
    macros.html), which no static analysis of a page template would see. So editing
    article.html re-renders article pages only; editing base.html or macros.html, every page.

    A dynamic reference (`{% include var %}`) makes a template depend on all of them.
    """
    names = sorted(set(names))
    sources: dict[str, str | None] = {}
    refs: dict[str, set[str] | None] = {}

    def load(name: str) -> None:
        if name in sources:
            return
        try:
            source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        except (jinja2.TemplateNotFound, UnicodeDecodeError):
            sources[name], refs[name] = None, set()
            return
        sources[name] = source
        refs[name] = _references(env, source)
        for child in refs[name] or ():
            load(child)

    every = [n for n in env.list_templates() if is_theme_template(n)]

    def closure(name: str) -> set[str]:
        load(name)
        seen: set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            children = refs.get(current, set())
            if children is None:  # dynamic: could be any template
                for other in every:
                    load(other)
                seen.update(every)
                continue
            stack.extend(children)
        return seen

    shared: set[str] = set()
    for name in every:
        if name not in names:
            shared |= closure(name)
    return {name: digest_of([(n, sources.get(n)) for n in sorted(closure(name) | shared)]) for name in names}


# --- the site --------------------------------------------------------------------------------

@dataclasses.dataclass
class KeptDigests:
    """What a serving process keeps between builds (digest.cache.resident), by object
    identity or equality, so that digests over every story are not all recomputed:

    - `cards`: slug → (Story, its card digest, what the digest was made of). A Story the
      site model kept (digest.cache.keptmodel) is the same object, with the same entry and
      tags: same card; a Story made anew from equal inputs: same card, without hashing.
    - `flags`: slug → (its review flags, their repr), reused while the flags are equal.
    - `related`: (settings, related_key) of the last build, reused while the model was
      patched (same stories in the same order, same dates and tags: `same_shape`).
    - the last build's page fingerprints (`fingerprints`), the `frame` they were computed
      in (the settings and templates: SiteFingerprints.resident_frame), each page's `shapes`
      (what its fingerprint reads, with every story's card, body and flags named instead of
      digested: its listing's stories, pager and counts, an article's neighbours, related
      list and hashtag links — SiteFingerprints.shape), and the "atoms" — a story's card, an
      article's body, its review flags — with their values (`atoms`) and the pages that read
      each (`readers`). While the frame holds, a page whose shape and atoms are unchanged
      keeps its fingerprint: an edited headline computes the fingerprints of the pages
      showing that story; a new article, of the pages whose listing, neighbours or related
      list it changed — not of every page.
    """

    cards: dict[str, tuple[Story, str, Any]] = dataclasses.field(default_factory=dict)
    flags: dict[str, tuple[list[Any], str]] = dataclasses.field(default_factory=dict)
    related: tuple[str, str] | None = None
    same_shape: bool = False  # set by the site model keeper for the current build
    # ...and the number of this build's model, and (number of the model it patched, the
    # slugs whose Story it made anew) — None: made afresh. Every other story is the very
    # object of the patched model, with the same entry.
    model: int = 0
    remade: tuple[int, set[str]] | None = None
    atoms_model: int | None = None  # the number of the model the atoms' values are of
    # The manifest whose recorded keys' values are of model number `values_model` (weakly:
    # a manifest dropped is not kept alive for this).
    values_of: weakref.ref[Any] | None = None
    values_model: int | None = None
    frame: str | None = None
    fingerprints: dict[str, str | None] = dataclasses.field(default_factory=dict)
    shapes: dict[str, Any] = dataclasses.field(default_factory=dict)
    atoms: dict[Atom, Any] = dataclasses.field(default_factory=dict)
    readers: dict[Atom, set[str]] = dataclasses.field(default_factory=dict)
    atomless: set[str] = dataclasses.field(default_factory=set)  # pages that read none: always computed
    partial: int = 0  # builds that computed only the fingerprints of pages whose atoms changed
    review: tuple[Any, str] | None = None  # the review dashboard's inputs and their digest
    related_carried: int = 0  # related lists carried over a new first story (all builds)
    order: tuple[str, str, list[Any]] | None = None  # (related_key, settings, each story's slug, date and tags) of the last build
    tag_urls: dict[str, str] | None = None  # tag key → its page's URL (tags with entries), of the last build

    def remade_since(self, model: int | None) -> set[str] | None:
        """The slugs whose Story this build's site model made anew, if it patched model
        number `model` (what some kept values are of); None if it patched another or was
        made afresh. Every other story is the very object of model `model`, same entry."""
        return self.remade[1] if self.remade is not None and self.remade[0] == model else None

    def forget_pages(self) -> None:
        self.frame, self.fingerprints, self.shapes, self.atoms, self.readers, self.atomless = None, {}, {}, {}, {}, set()
        self.atoms_model = None


def _related_after_a_new_first_story(
    kept: KeptDigests,
    related_memo: tuple[str, dict[str, tuple[str, ...]]],
    settings: str,
    order: list[tuple[str, Any, list[str]]],
) -> dict[str, tuple[str, ...]]:
    """The last build's related lists that still hold when the only change of the stories'
    order, dates and tags is one new story in first place (the newest). Every other index
    moved by one, so distances are the same, and so is every window of RELATED_SCAN members a
    story looks at in a tag the new one does not have (digest.sitemodel.stories.SiteModel
    .related). In a tag it has, the new story enters the windows of the tag's RELATED_SCAN // 2
    newest members only; the others see the same members, and the same weight unless the
    tag's size class changed (`tag_weight`). So a story keeps its list unless it is among the
    newest half-window of one of the new story's tags, or shares one whose weight changed.
    Anything else than one new first story: nothing is carried over."""
    if kept.order is None or kept.order[0] != related_memo[0] or kept.order[1] != settings or not order or order[1:] != kept.order[2]:
        return {}
    new_tags = set(order[0][2])
    members: dict[str, list[str]] = {tag: [] for tag in new_tags}  # in the last build's order
    for slug, _date, tags in order[1:]:
        for tag in tags:
            if tag in members:
                members[tag].append(slug)
    again: set[str] = set()
    for slugs in members.values():
        if len(slugs) < 2 or tag_weight(len(slugs)) != tag_weight(len(slugs) + 1):  # < 2: the tag starts to count
            again.update(slugs)
        else:
            again.update(slugs[: RELATED_SCAN // 2])
    return {
        slug: related
        for (slug, _date, _tags) in order[1:]
        if (related := related_memo[1].get(slug)) is not None and slug not in again
    }


@dataclasses.dataclass
class PreviousBuild:
    """What the last build's manifest says: its structure digest, page fingerprints and
    entry digests (slug → (content stamp, EntryParts))."""

    structure: str | None
    files: dict[str, str | None]
    entries: dict[str, tuple[Stamp, EntryParts]]


class SiteFingerprints:
    """Fingerprints of the pages of one SiteModel; memo tables carry work between builds."""

    def __init__(
        self,
        site: SiteModel,
        env: jinja2.Environment,
        entry_memo: dict[str, tuple[Stamp, EntryParts]],
        stable: dict[str, Stamp] | None = None,
        related_memo: tuple[str, dict[str, tuple[str, ...]]] | None = None,
        kept: KeptDigests | None = None,
    ):
        self.site = site
        self.env = env
        # slug → (stamp of its content file, its parts): hashing every entry's text on
        # every build would cost more than the rest of a one-entry rebuild.
        self.entry_memo = entry_memo
        # "content/<slug>.md" → stamp, for files unchanged from before the build read them
        # until now: only their entries are known to equal the file with that stamp.
        self.stable = stable or {}
        # slug → (entry, its parts) as this build found them: an entry's parts are asked for
        # by its card, its body's atom, the dashboard's inputs and the changed values.
        self._parts_found: dict[str, tuple[Entry, EntryParts]] = {}
        self.settings = digest_of(code_stamp(), repr(site.config), site.base_url, site.review_mode)
        # Related entries are a function of the order of the stories and their tags (and of
        # the code): while those are unchanged — an edited body, headline or template —
        # the last build's lists still hold; otherwise every list is computed again.
        self.kept = kept
        order: list[tuple[str, Any, list[str]]] | None = None
        if kept is not None and kept.same_shape and kept.related is not None and kept.related[0] == self.settings:
            self.related_key = kept.related[1]  # same stories, order, dates and tags as the last build
        else:
            # Dates as day numbers: marshal writes them in C (a date object would send the whole
            # list to repr).
            order = [(s.slug, s.date.toordinal(), [t.key for t in s.tags]) for s in site.stories]
            self.related_key = digest_of(self.settings, order)
        if kept is not None:
            kept.related = (self.settings, self.related_key)
        reusable = related_memo is not None and related_memo[0] == self.related_key
        self.related_memo: dict[str, tuple[str, ...]] = dict(related_memo[1]) if reusable and related_memo else {}
        # digest serve, one new newest story: the articles whose shape is the last build's
        # (SiteFingerprints.shape — same neighbours, related list and hashtag links).
        self._shape_kept: set[str] = set()
        if kept is not None:
            tag_urls = {t.key: t.url for t in site.taxonomy if site.stories_by_tag.get(t.key)}
            if order is not None and not reusable and related_memo is not None:
                self.related_memo = _related_after_a_new_first_story(kept, related_memo, self.settings, order)
                kept.related_carried += len(self.related_memo)
                if self.related_memo and kept.tag_urls == tag_urls:
                    # Carried: same related list. Not the story that was first (its newer
                    # neighbour is the new one); same links for its hashtags (same tag URLs).
                    self._shape_kept = set(self.related_memo) - {order[1][0]}
            if order is not None:
                kept.order = (self.related_key, self.settings, order)
            kept.tag_urls = tag_urls
        self._cards: dict[str, str] = {}
        # digest serve: card digests of earlier builds, by Story object (see KeptDigests).
        self.kept_cards = kept.cards if kept is not None else None
        self._tag_digests: dict[str, str] = {}
        self._resolved: dict[str, str | None] = {}
        self._templates: dict[str, str] = {}
        self._tags_index_fp: str | None = None
        self._structure: str | None = None
        self._review_fp: str | None = None
        self._whole_site: str | None = None
        self._entries_by_slug: dict[str, Entry] | None = None
        self._template_sources: dict[str, str] = {}
        self._frame: str | None = None
        self._reading: set[Atom] | None = None  # the atoms of the page being fingerprinted
        self._naming = False  # computing shapes: atoms named (their slug), not digested
        self._kinds: dict[str, Callable[[Page], Any]] = {
            "home": self._listing,
            "en": self._listing,
            "article": self._article,
            "tag": self._tag_page,
            "tag-feed": self._tag_feed,
            "tags": self._tags_index,
            "archive": self._archive,
            "month": self._month,
            "feed": self._feed,
            "search": lambda page: None,
            "404": lambda page: None,
            "review": self._review,
        }

    def of_pages(self, pages: Sequence[Page], previous: PreviousBuild | None = None) -> dict[str, str | None]:
        """Output path → fingerprint (None: unknown kind, always render).

        With `previous` (the last build's structure, fingerprints and entry digests): when
        this build's structure is the same (see `structure`), every page but the articles
        whose body changed keeps its fingerprint — an edited body costs one fingerprint,
        not one per page. digest serve (`kept`): only the pages whose shape or atoms changed
        are fingerprinted again, and no structure digest is made (the manifest it keeps then
        has none, and the next `digest build` compares every page's fingerprint instead)."""
        kept = self.kept
        if kept is not None and previous is not None and self._kept_pages_hold(pages, previous):
            return self._of_changed_pages(pages)
        current = self.structure(pages)  # also kept in the manifest for the next build
        if previous is not None and previous.structure == current:
            result: dict[str, str | None] = {}
            for page in pages:
                known = previous.files.get(page.path)
                if known is None or (page.kind == "article" and self._body_changed(page, previous)):
                    known = self.of_page(page)
                result[page.path] = known
            if kept is not None:
                kept.forget_pages()  # computed without reading atoms: the next build computes all
            return result
        if kept is None:
            return {page.path: self.of_page(page) for page in pages}
        return self._of_every_page_reading_atoms(pages)

    def frame(self, pages: Sequence[Page]) -> str:
        """A digest of what every page fingerprint reads except the cards, bodies and flags:
        the settings, the templates, the pages, the stories' order, dates and tags
        (`related_key`: so every listing, neighbour, related list, month and tag page has the
        same members and pager), and every tag's fields. Part of `structure`."""
        if self._frame is None:
            self._prepare(pages)
            self._frame = digest_of(
                FORMAT,
                self.settings,
                sorted(self._templates.items()),
                "\n".join(page.path for page in pages),
                self.related_key,
                [self._tag_digest(t) for t in self.site.taxonomy],
            )
        return self._frame

    # -- digest serve: the fingerprints of the pages whose shape or atoms changed (KeptDigests) --

    def resident_frame(self, pages: Sequence[Page]) -> str:
        """What every page fingerprint reads besides its shape and atoms: the settings and
        the templates."""
        self._read_templates(pages)
        return digest_of(FORMAT, self.settings, sorted(self._templates.items()))

    def held_stories(self, manifest: object) -> tuple[set[str], Mapping[str, Story]] | None:
        """digest serve, the site model patched, and the values recorded in `manifest` of the
        model it patched: (the slugs whose Story was made anew, the stories by slug). Every
        other story is the very object those values were computed from, with the same entry,
        so its card and body keys hold. None otherwise."""
        kept = self.kept
        if kept is None or kept.values_of is None or kept.values_of() is not manifest:
            return None
        remade = kept.remade_since(kept.values_model)
        return None if remade is None else (remade, self.site.by_slug)

    def values_kept_in(self, manifest: object) -> None:
        """digest serve: `manifest` holds the recorded keys' values of this build's model."""
        if self.kept is not None:
            self.kept.values_of, self.kept.values_model = weakref.ref(manifest), self.kept.model

    def _kept_pages_hold(self, pages: Sequence[Page], previous: PreviousBuild) -> bool:
        """The kept fingerprints are the last build's (the manifest's), in the same frame."""
        kept = self.kept
        assert kept is not None
        if kept.frame is None or not kept.fingerprints or kept.frame != self.resident_frame(pages):
            return False
        files = previous.files
        return all(files.get(path, "absent") == fp for path, fp in kept.fingerprints.items())

    def shape(self, page: Page) -> Any:
        """What the page's fingerprint reads, with each card, body and review flags named by
        the story's slug instead of digested: equal shapes and equal atom values (and the same
        frame) make equal fingerprints."""
        kind = self._kinds.get(page.kind)
        if kind is None:
            return None
        self._naming = True
        try:
            return (page.template, page.kind, page.key, page.number, kind(page))
        finally:
            self._naming = False

    def _fingerprint_reading(self, page: Page) -> tuple[str | None, set[Atom]]:
        self._reading = set()
        try:
            return self.of_page(page), self._reading
        finally:
            self._reading = None

    def _note_atoms(self, path: str, read: set[Atom]) -> None:
        kept = self.kept
        assert kept is not None
        if not read:
            kept.atomless.add(path)
            return
        kept.atomless.discard(path)
        for atom in read:
            if atom not in kept.atoms:
                kept.atoms[atom] = self._atom_value(atom)
            kept.readers.setdefault(atom, set()).add(path)

    def _of_every_page_reading_atoms(self, pages: Sequence[Page]) -> dict[str, str | None]:
        kept = self.kept
        assert kept is not None
        kept.forget_pages()
        result: dict[str, str | None] = {}
        for page in pages:
            result[page.path], read = self._fingerprint_reading(page)
            self._note_atoms(page.path, read)
        kept.shapes = {page.path: self.shape(page) for page in pages}
        kept.frame, kept.fingerprints, kept.atoms_model = self.resident_frame(pages), result, kept.model
        return result

    def _of_changed_pages(self, pages: Sequence[Page]) -> dict[str, str | None]:
        """Same frame as the last build: only new pages, pages whose shape changed and pages
        reading an atom whose value changed (and those reading none) get their fingerprint
        computed again."""
        kept = self.kept
        assert kept is not None
        kept.partial += 1
        todo = set(kept.atomless)
        # The atoms' values are of the model this build's patched: a story it kept is the very
        # object, with the same entry (digest.cache.keptmodel), so its card and body hold.
        # Its review flags may not (a near-duplicate edited elsewhere): all are looked at.
        remade = kept.remade_since(kept.atoms_model)
        looked_at = kept.atoms.items() if remade is None else [
            (atom, before) for atom, before in kept.atoms.items() if atom[0] == "flags" or atom[1] in remade
        ]
        for atom, before in list(looked_at):
            now = self._atom_value(atom)
            if now != before:
                todo.update(kept.readers.get(atom, ()))
                if now is _GONE:
                    del kept.atoms[atom]
                    kept.readers.pop(atom, None)
                else:
                    kept.atoms[atom] = now
        known, before_shapes = kept.fingerprints, kept.shapes
        # The site model patched (same stories, order, dates, tags and settings: `same_shape`)
        # and the same pages: every shape is the last build's (what else a shape reads —
        # a body's hashtags, the review dashboard's inputs — is read through atoms, or by a
        # page reading none, computed anyway).
        same = kept.same_shape and len(pages) == len(known) and all(page.path in known for page in pages)
        shapes: dict[str, Any] = before_shapes if same else {}
        result: dict[str, str | None] = {}
        shape_kept = self._shape_kept
        for page in pages:
            path = page.path
            if same:
                shape = before_shapes[path]
            elif page.kind == "article" and page.key in shape_kept and path in before_shapes and path not in todo:
                shape = shapes[path] = before_shapes[path]
            else:
                shape = shapes[path] = self.shape(page)
            if path in todo or path not in known or before_shapes.get(path, _GONE) != shape:
                result[path], read = self._fingerprint_reading(page)
                self._note_atoms(path, read)
            else:
                result[path] = known[path]
        kept.atomless.intersection_update(result)
        kept.fingerprints, kept.shapes, kept.atoms_model = result, shapes, kept.model
        return result

    def _atom_value(self, atom: Atom) -> Any:
        kind, slug = atom
        story = self.site.by_slug.get(slug)
        if story is None:
            return _GONE
        if kind == "card":
            return self.card(story)
        if kind == "body":
            return self.entry_parts(story.entry)[1:]
        return self._article_flags(slug)  # "flags"

    def _article_flags(self, slug: str) -> str | None:
        if self._naming:
            return slug
        if not self.site.review_mode:
            return None
        flags = self.site.flags.get(slug)
        return repr(flags) if flags is None else self._flags_repr(slug, flags)

    def _read(self, kind: str, stories: Iterable[Story]) -> None:
        if self._reading is not None:
            self._reading.update((kind, s.slug) for s in stories)

    def _read_templates(self, pages: Sequence[Page]) -> None:
        if not self._templates:
            self._templates = template_closures(self.env, sorted({p.template for p in pages}))

    def _prepare(self, pages: Sequence[Page]) -> None:
        if not self._templates:
            self._read_templates(pages)
            for story in self.site.stories:  # every card once, up front: pages then only look them up
                self.card(story)

    def structure(self, pages: Sequence[Page]) -> str:
        """A digest of every input of every page except the article bodies: the settings, the
        templates, the pages, every story's card in order (its fields, tags and labels — so
        also the listings, counts, neighbours and related lists), every tag, and the review
        flags. While it is unchanged, the only recorded dependencies (`dependency`) that can
        change value are bodies and what reads the whole model (digest.cache.incremental)."""
        if self._structure is None:
            self._structure = digest_of(
                self.frame(pages),  # settings, templates, pages, order, dates and tags, every tag
                self._cards_of(self.site.stories),
                self._review_inputs() if self.site.review_mode else None,
            )
        return self._structure

    def structure_if_known(self) -> str | None:
        """The structure digest if of_pages computed one (for the manifest)."""
        return self._structure

    def _body_changed(self, page: Page, previous: PreviousBuild) -> bool:
        entry = self.site.by_slug[page.key].entry
        before = previous.entries.get(entry.slug)
        return before is None or before[1][1:] != self.entry_parts(entry)[1:]

    def of_page(self, page: Page) -> str | None:
        kind = self._kinds.get(page.kind)
        if kind is None:
            return None
        # The page's fields as a tuple: a dataclass repr costs more than the rest of a page.
        fields = (page.path, page.template, page.kind, page.key, page.number)
        return digest_of(self.settings, fields, self._templates.get(page.template), kind(page))

    # -- stories --

    def card(self, story: Story) -> str:
        if self._naming:
            return story.slug
        fp = self._cards.get(story.slug)
        if fp is None:
            kept = self.kept_cards.get(story.slug) if self.kept_cards is not None else None
            if kept is not None and kept[0] is story:
                fp = self._cards[story.slug] = kept[1]
                return fp
            inputs = (
                self.entry_parts(story.entry)[0],
                _field_values(story, _STORY_FIELDS),
                [self._tag_digest(tag) for tag in story.tags],
            )
            # A Story made anew (a new article re-makes every one) from equal inputs: equal card.
            fp = kept[1] if kept is not None and kept[2] == inputs else digest_of(*inputs)
            self._cards[story.slug] = fp
            if self.kept_cards is not None:
                self.kept_cards[story.slug] = (story, fp, inputs)
        return fp

    def _cards_of(self, stories: Sequence[Story]) -> list[str]:
        if self._naming:
            return [s.slug for s in stories]
        cards = self._cards
        if self._reading is not None:
            self._read("card", stories)
        return [cards.get(s.slug) or self.card(s) for s in stories]

    def _resolve(self, raw: str) -> str | None:
        """The tag page a body hashtag links to (None: plain text), as PageRenderer does."""
        if raw not in self._resolved:
            tag = self.site.taxonomy.for_name(raw)
            has_page = tag is not None and bool(self.site.stories_by_tag.get(tag.key))
            self._resolved[raw] = tag.url if has_page and tag is not None else None
        return self._resolved[raw]

    def entry_parts(self, entry: Entry) -> EntryParts:
        """Digests of the entry (without body) and of its body, and the body's hashtags."""
        found = self._parts_found.get(entry.slug)
        if found is not None and found[0] is entry:
            return found[1]
        parts = self._entry_parts(entry)
        self._parts_found[entry.slug] = (entry, parts)
        return parts

    def _entry_parts(self, entry: Entry) -> EntryParts:
        stamp = self.stable.get(f"content/{entry.slug}.md")
        memo = self.entry_memo.get(entry.slug)
        if stamp is not None and memo is not None and memo[0] == stamp:
            return memo[1]
        parts = (
            digest_of(_field_values(entry, _ENTRY_FIELDS)),
            body_hash(entry.body),
            body_hashtags(entry.body),
        )
        if stamp is not None:
            self.entry_memo[entry.slug] = (stamp, parts)
        else:
            self.entry_memo.pop(entry.slug, None)
        return parts

    def related_slugs(self, story: Story) -> tuple[str, ...]:
        slugs = self.related_memo.get(story.slug)
        if slugs is None:
            slugs = self.related_memo[story.slug] = tuple(s.slug for s in self.site.related(story))
        return slugs

    # -- page kinds --

    def _article(self, page: Page) -> Any:
        site = self.site
        story = site.by_slug[page.key]
        _fields, body, hashtags = self.entry_parts(story.entry)
        newer, older = site.neighbours(story)
        related = self.related_slugs(story)
        if self._reading is not None:
            self._reading.update((("card", story.slug), ("body", story.slug), ("flags", story.slug)))
            self._read("card", [s for s in (newer, older) if s is not None])
        return (
            self.card(story),
            story.slug if self._naming else body,
            [(raw, self._resolve(raw)) for raw in hashtags],
            self.card(newer) if newer else None,
            self.card(older) if older else None,
            # named: the slugs themselves (what _cards_of would make of their stories)
            list(related) if self._naming else self._cards_of([site.by_slug[slug] for slug in related]),
            self._article_flags(story.slug),
        )

    def _listing(self, page: Page) -> Any:
        stories = self.site.stories
        paging = Paging(len(stories), self.site.site.per_page)
        prefix = "" if page.kind == "home" else "en/"
        return paging.pager(prefix, page.number), self._cards_of(paging.items(stories, page.number))

    def _tag_page(self, page: Page) -> Any:
        tag = self.site.taxonomy.by_key[page.key]
        members = self.site.stories_by_tag[tag.key]
        paging = Paging(len(members), self.site.site.per_page)
        return (
            self._tag_fields(tag),
            tag_page_count(len(members), page.number),
            paging.pager(f"tags/{tag.slug}/", page.number),
            self._cards_of(paging.items(members, page.number)),
        )

    def _tag_digest(self, tag: Tag) -> str:
        fp = self._tag_digests.get(tag.key)
        if fp is None:
            fp = self._tag_digests[tag.key] = digest_of(self._tag_fields(tag))
        return fp

    @staticmethod
    def _tag_fields(tag: Tag) -> tuple[Any, ...]:
        return tuple(getattr(tag, name) for name in _TAG_FIELDS)

    def _tag_feed(self, page: Page) -> Any:
        tag = self.site.taxonomy.by_key[page.key]
        return self._tag_fields(tag), self._cards_of(self.site.stories_by_tag[tag.key][:FEED_LIMIT])

    def _tags_index(self, page: Page) -> Any:
        if self._tags_index_fp is None:
            by_tag = self.site.stories_by_tag
            self._tags_index_fp = digest_of(
                [(self._tag_fields(t), len(by_tag[t.key])) for t in self.site.taxonomy if by_tag[t.key]]
            )
        return self._tags_index_fp

    def _archive(self, page: Page) -> Any:
        return sorted((month, len(stories)) for month, stories in self.site.stories_by_month.items())

    def _month(self, page: Page) -> Any:
        return self._cards_of(self.site.stories_by_month[page.key])

    def _feed(self, page: Page) -> Any:
        return self._cards_of(self.site.stories[:FEED_LIMIT])

    def _review(self, page: Page) -> Any:
        return self._review_inputs()

    def _review_inputs(self) -> Any:
        """The dashboard's inputs: every entry (drafts and rejected ones too) and every flag."""
        if self._review_fp is None:
            inputs = (
                [self.entry_parts(e)[0] for e in self.site.all_entries],
                sorted((slug, self._flags_repr(slug, flags)) for slug, flags in self.site.flags.items()),
            )
            kept = self.kept
            if kept is not None and kept.review is not None and kept.review[0] == inputs:
                self._review_fp = kept.review[1]  # equal lists: no repr and hash of them again
            else:
                self._review_fp = digest_of(*inputs)
                if kept is not None:
                    kept.review = (inputs, self._review_fp)
        return self._review_fp


    def _flags_repr(self, slug: str, flags: list[Any]) -> str:
        kept = self.kept.flags if self.kept is not None else None
        if kept is not None:
            known = kept.get(slug)
            if known is not None and known[0] == flags:
                return known[1]
        text = repr(flags)
        if kept is not None:
            kept[slug] = (list(flags), text)
        return text

    # -- recorded dependencies (digest.render.recording) --

    def dependency(self, key: tuple[str, str]) -> str | None:
        """The current value of a recorded dependency key ("gone" if what it names is gone)."""
        kind, name = key
        if kind == "card":
            story = self.site.by_slug.get(name)
            if story is not None:
                return self.card(story)
            entry = self._entry(name)  # a draft the review dashboard shows
            return "gone" if entry is None else self.entry_parts(entry)[0]
        if kind == "body":
            entry = self._entry(name)
            return "gone" if entry is None else self.entry_parts(entry)[1]
        if kind == "tag":
            tag = self.site.taxonomy.by_key.get(name)
            return "gone" if tag is None else self._tag_digest(tag)
        if kind == "hashtag":
            return repr(self._resolve(name))
        if kind == "template":
            return self._template_source(name)
        return self.whole_site()  # ("model", name): a template read the site model itself

    def _entry(self, slug: str) -> Entry | None:
        story = self.site.by_slug.get(slug)
        if story is not None:
            return story.entry
        if self._entries_by_slug is None:
            self._entries_by_slug = {e.slug: e for e in self.site.all_entries}
        return self._entries_by_slug.get(slug)

    def _template_source(self, name: str) -> str:
        known = self._template_sources.get(name)
        if known is None:
            try:
                source: str | None = self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
            except (jinja2.TemplateNotFound, UnicodeDecodeError):
                source = None
            known = self._template_sources[name] = digest_of(name, source)
        return known

    def whole_site(self) -> str:
        """Every story's card in order, every body, tag and flag: for a page whose template
        reads the site model directly (`model.stories`), which could show any of them."""
        if self._whole_site is None:
            stories = self.site.stories
            self._whole_site = digest_of(
                self._cards_of(stories),
                [self.entry_parts(s.entry)[1] for s in stories],
                [self._tag_digest(t) for t in self.site.taxonomy],
                self._review_inputs() if self.site.review_mode else None,
            )
        return self._whole_site
