"""Fragments rendered once and reused: a story's card appears on the home page, the English
index, a month and each of its tags' pages; a tag link on every article that has the tag;
a story's related link on the articles it is related to; the site's header and footer on
every page.

The theme's own macros (`macros.html`) render each fragment once with a marker in place of
the page's relative root; each use swaps in the page's root. So the theme stays overridable
and each fragment costs one macro call per build, not one per use. Lists of them (a
listing's cards, an article's tags and related stories) are joined here in one call. One
`Fragments` serves one site: the site-wide fragments are keyed by root (and review mode) only.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..sitemodel.stories import Story
from ..sitemodel.taxonomy import Tag
from .recording import KEYS, FragmentRecording, Key, note, note_all, note_stories, note_tags

ROOT_MARK = "\ue002"  # private-use code point: never in text (render_body strips its neighbours too)
MACROS = "macros.html"  # the theme template whose macros render the fragments
PARTIALS = ("partials/site_header.html", "partials/site_footer.html")  # included by its macros: a site may replace each
ROW_TEMPLATE = "review/row.html"  # the review dashboard's row macro


class KeptRows:
    """The review dashboard's rows as earlier builds rendered them (for one source of the row
    template and one root): by row value (a row is a DashboardRow, an immutable NamedTuple:
    equal values render equal HTML), and the last dashboard's by identity (the rows digest
    serve kept, digest.sitemodel.dashboard.RowMemo, are the very objects: found without
    hashing). digest serve keeps one between rebuilds, so an edit renders one row again,
    not 4,000."""

    def __init__(self) -> None:
        self.source: str | None = None
        self.root: str | None = None
        self.html: dict[Any, str] = {}  # by value; rows of earlier dashboards too, pruned now and then
        self.by_id: dict[int, tuple[Any, str]] = {}  # the last dashboard's rows (each kept alive here)
        self.rows: list[Any] = []  # the last dashboard's rows, in order
        self.shown: Markup | None = None  # those rows' HTML as that dashboard holds it


def _beyond_what_it_shows(read: FragmentRecording, shown: Any) -> frozenset[Key]:
    """What a fragment's rendering read besides what every use notes anyway: the macros, and
    the card of the story it shows (whose value covers that story's tags) or the tag it
    shows. Usually nothing is left; a theme's card reading the body leaves ("body", slug)."""
    macros = KEYS["template"][MACROS]
    if type(shown) is Story:
        return read.beyond((shown.slug,), [tag.key for tag in shown.tags], macros)
    if type(shown) is Tag:
        return read.beyond((), (shown.key,), macros)
    return read.beyond((), (), macros)


class Fragments:
    def __init__(self, env: jinja2.Environment, kept_rows: KeptRows | None = None):
        self.env = env
        self._macros: Any = None
        self._html: dict[tuple[Any, ...], tuple[str, frozenset[Key]]] = {}  # key → (HTML, what rendering it read)
        self.kept_rows = kept_rows if kept_rows is not None else KeptRows()

    def install(self) -> None:
        """Make the fragments template globals: `card(story, root, english)`, `tag_link(tag,
        root, count)`, the lists `cards(stories, root, english, sep)`, `dated_cards(stories,
        root)`, `tag_items(tags, root, sep)`, `related_items(stories, root, sep)`, and
        `head_links(site, root)`, `site_header(site, root, review_mode)`, `site_footer(site, root)`,
        `feed_entries(stories, model)` and `dashboard_rows(rows, root)`."""
        for name in ("card", "tag_link", "cards", "dated_cards", "tag_items", "related_items", "head_links", "site_header", "site_footer", "feed_entries", "dashboard_rows"):
            self.env.globals[name] = getattr(self, name)

    def _render(self, key: tuple[Any, ...], macro: str, *args: Any, **kwargs: Any) -> str:
        """The macro's HTML for `key`, with ROOT_MARK as the root: rendered on first use.

        What the macro read while rendering it is recorded with it, and noted again on every
        use: the pages that reuse a card depend on what the card's rendering read (a theme's
        card may show part of the body), like the page that rendered it first. Each public
        method below notes the story or tag shown."""
        note(KEYS["template"][MACROS])  # a cached fragment is a read of the macros, as a fresh one
        known = self._html.get(key)
        if known is None:
            if self._macros is None:
                self._macros = self.env.get_template(MACROS).module
            read = FragmentRecording()
            with read:
                html = str(getattr(self._macros, macro)(*args, **kwargs))
            known = self._html[key] = (html, _beyond_what_it_shows(read, args[0] if args else None))
        if known[1]:
            note_all(known[1])
        return known[0]

    def card(self, story: Any, root: str, english: bool = False) -> Markup:
        note_stories((story,))
        html = self._render(("card", story.index, english), "story_card", story, ROOT_MARK, english_first=english)
        return Markup(html.replace(ROOT_MARK, root))

    # A list's items in one call: a template loop costs more per item than the item does.
    def cards(self, stories: Sequence[Any], root: str, english: bool = False, sep: str = "\n") -> Markup:
        note_stories(stories)
        html = sep.join(self._render(("card", s.index, english), "story_card", s, ROOT_MARK, english_first=english) for s in stories)
        return Markup(html.replace(ROOT_MARK, root))

    def dated_cards(self, stories: Sequence[Any], root: str) -> Markup:
        note_stories(stories)
        html = "\n".join(self._render(("dated_card", s.index), "dated_card", s, ROOT_MARK) for s in stories)
        return Markup(html.replace(ROOT_MARK, root))

    def tag_items(self, tags: Sequence[Any], root: str, sep: str = "\n") -> Markup:
        note_tags(tags)
        html = sep.join(self._render(("tag_item", t.key), "tag_item", t, ROOT_MARK) for t in tags)
        return Markup(html.replace(ROOT_MARK, root))

    def related_items(self, stories: Sequence[Any], root: str, sep: str = "\n") -> Markup:
        note_stories(stories)
        html = sep.join(self._render(("related_item", s.index), "related_item", s, ROOT_MARK) for s in stories)
        return Markup(html.replace(ROOT_MARK, root))

    def tag_link(self, tag: Any, root: str, count: Any = None) -> Markup:
        note_tags((tag,))
        return Markup(self._render(("tag_link", tag.key, count), "tag_link", tag, ROOT_MARK, count).replace(ROOT_MARK, root))

    def feed_entries(self, stories: Sequence[Any], model: Any) -> Markup:
        """Atom entries: absolute links, so one rendering serves every feed listing the story."""
        note_stories(stories)
        return Markup("".join(self._render(("feed_entry", s.index), "feed_entry", s, model) for s in stories))

    # The site-wide fragments escape the root: the 404 page's is the base URL's path.
    def head_links(self, site: Any, root: str) -> Markup:
        return Markup(self._render(("head_links",), "head_links", site, ROOT_MARK).replace(ROOT_MARK, escape(root)))

    def site_header(self, site: Any, root: str, review_mode: bool) -> Markup:
        html = self._render(("site_header", review_mode), "site_header", site, ROOT_MARK, review_mode)
        return Markup(html.replace(ROOT_MARK, escape(root)))

    def site_footer(self, site: Any, root: str) -> Markup:
        return Markup(self._render(("site_footer",), "site_footer", site, ROOT_MARK).replace(ROOT_MARK, escape(root)))

    def dashboard_rows(self, rows: Sequence[Any], root: str) -> Markup:
        """The dashboard's rows, each ending with a newline: a row whose value and template
        are those of a kept rendering is not rendered again."""
        template = self.env.get_template(ROW_TEMPLATE)  # notes the template, as a fresh rendering would
        source = self.env.loader.get_source(self.env, ROW_TEMPLATE)[0] if self.env.loader is not None else None
        kept = self.kept_rows
        if kept.source != source or kept.root != root or source is None:
            kept.source, kept.root, kept.html, kept.by_id = source, root, {}, {}
        row_macro = template.module.dashboard_row  # type: ignore[attr-defined]
        before_html, before_ids = kept.html, kept.by_id
        by_id: dict[int, tuple[Any, str]] = {}
        texts: list[str] = []
        shown_root = escape(root)
        for row in rows:
            hit = before_ids.get(id(row))
            text = hit[1] if hit is not None and hit[0] is row else before_html.get(row)
            if text is None:
                text = before_html[row] = str(row_macro(row, ROOT_MARK)).replace(ROOT_MARK, shown_root)
            by_id[id(row)] = (row, text)
            texts.append(text)
        if len(before_html) > 2 * len(rows) + 100:  # rows gone: let them go
            kept.html = dict(by_id.values())
        kept.by_id, kept.rows = by_id, list(rows)
        kept.shown = Markup("".join(texts))
        return kept.shown
