"""Rendering pages: `render_page(page) -> bytes` is pure (same model, same bytes), so pages
can be rendered in any order, in several processes, or one at a time by an incremental
builder. Article bodies come from a BodyCache keyed by content hash.

On a cold build the pages are split between `config.build.workers` forked processes that
inherit the model and the compiled templates (nothing large is pickled) and write their
files straight into the staging directory.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from ..core.errors import DigestError
from ..core.forking import can_fork, fork_pool
from ..sitemodel.feeds import news_article_jsonld
from ..sitemodel.pages import Page, page_context
from ..sitemodel.stories import SiteModel
from .environment import is_theme_template, render_template
from .fragments import MACROS, ROOT_MARK, Fragments, KeptRows
from .markdown import BodyCache, hashtag_html
from .placeholders import PLACEHOLDER_RE
from .recording import KEYS, Key, note, recording
from .templaterefs import loaded_with

MIN_PAGES_PER_WORKER = 300  # below this, forking costs more than it saves


class PageRenderer:
    def __init__(
        self,
        site: SiteModel,
        env: jinja2.Environment,
        cache: BodyCache | None = None,
        record: bool = True,
        kept_rows: KeptRows | None = None,
    ):
        self.site = site
        self.env = env
        self.cache = cache if cache is not None else BodyCache()
        self._hashtags: dict[str, str] = {}
        # Output path → the dependency keys its last rendering noted (digest.render.recording).
        # `record=False` (a --no-cache build: no manifest keeps them): nothing is noted.
        self.record = record
        # Every key noted is the one object of its name (recording.KEYS), so the sets share
        # their keys: pickled once each from a worker (see also _with_new_keys).
        self.recorded: dict[str, frozenset[Key]] = {}
        Fragments(env, kept_rows).install()  # kept_rows: digest serve's dashboard rows of earlier builds

    def body_html(self, page: Page) -> str:
        """The article body with its hashtags linked relative to this page."""
        story = self.site.by_slug[page.key]
        root = page.root
        note(KEYS["body"][story.slug])
        return PLACEHOLDER_RE.sub(lambda m: self._hashtag(m.group(1)).replace(ROOT_MARK, root), self.cache.get(story.entry.body))

    def _hashtag(self, raw: str) -> str:
        """A hashtag's HTML with ROOT_MARK for the page's root: resolved once per build."""
        note(KEYS["hashtag"][raw])
        html = self._hashtags.get(raw)
        if html is None:
            tag = self.site.taxonomy.for_name(raw)
            url = ROOT_MARK + tag.url if tag is not None and self.site.stories_by_tag.get(tag.key) else None
            html = self._hashtags[raw] = hashtag_html(raw, url)
        return html

    def context(self, page: Page) -> dict[str, Any]:
        context = page_context(self.site, page)
        if page.kind == "article":
            context["body_html"] = self.body_html(page)
            context["jsonld"] = news_article_jsonld(self.site, context["story"])
        return context

    def render(self, page: Page) -> bytes:
        """The page's bytes; what rendering it read is kept in `recorded` (sets that share
        their key objects)."""
        if not self.record:
            return render_template(self.env, page.template, self.context(page)).encode("utf-8")
        with recording() as keys:
            data = render_template(self.env, page.template, self.context(page)).encode("utf-8")
        self.recorded[page.path] = frozenset(keys)
        return data

    def precompile(self, pages: Sequence[Page]) -> None:
        """Compile the templates of `pages` once, before forking, so workers share the
        compiled code: the page templates and what they extend or import (base, macros),
        which Jinja would otherwise load at render time — once in each worker. (A build has
        usually done it already, while content/ was parsed.)"""
        precompile_theme(self.env, {MACROS, *(p.template for p in pages)})


def precompile_theme(env: jinja2.Environment, page_templates: Iterable[str] | None = None) -> None:
    """Load templates into env: `page_templates` and every template they extend or import
    (not one only included: the review panel, say, is compiled by a review build only), or
    the whole theme (the site's and the built-in one) if not given — or where a template
    came from the bytecode cache, unparsed, so what it loads is not known (and cheap)."""
    if page_templates is not None:
        todo, seen = sorted(page_templates, reverse=True), set()
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            _compile_quietly(env, name)
            try:
                source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
            except jinja2.TemplateError:
                continue
            loaded = loaded_with(source)
            if loaded is None:
                break  # not parsed here: load them all
            todo.extend(sorted(loaded, reverse=True))
        else:
            return
    for name in sorted(name for name in env.list_templates() if is_theme_template(name)):
        _compile_quietly(env, name)


def _compile_quietly(env: jinja2.Environment, name: str) -> None:
    try:
        env.get_template(name)
    except jinja2.TemplateError:
        pass  # reported with file and line when the page is rendered


def write_page(dest: Path | str, page: Page, data: bytes) -> None:
    """Plain strings and few system calls per page: this runs for every page of a cold
    build, where pathlib's per-call cost shows. An article has a folder of its own, which
    a staging tree does not hold yet: made first. Other pages are opened first, their
    folder made only when missing."""
    path = os.path.join(dest, page.path)
    if page.kind == "article":
        try:
            os.mkdir(os.path.dirname(path))
        except OSError:
            pass  # there already, or its parent missing: open() below says which
    try:
        handle = open(path, "wb")  # noqa: SIM115 - closed by the `with` below
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle = open(path, "wb")  # noqa: SIM115 - closed by the `with` below
    with handle:
        handle.write(data)


# --- parallel rendering ------------------------------------------------------------------

_ARTICLE_COST = 3  # an article page costs about three listing pages to render


def _chunks(pages: Sequence[Page], workers: int, position: Callable[[Page], int] = lambda _page: 0) -> list[list[int]]:
    """Page indices in the order the workers take them: the listings (home, tags, months,
    feeds) first, in as few chunks as keep the workers balanced — the stories' cards they
    show are then rendered by one worker, not once in each — then the articles, in runs of
    neighbours in time by `position` (their related stories overlap, so fewer related links
    are rendered twice), small enough to even out the end."""
    listings = [i for i, page in enumerate(pages) if page.kind != "article"]
    articles = sorted((i for i, page in enumerate(pages) if page.kind == "article"), key=lambda i: position(pages[i]))
    share = (len(listings) + _ARTICLE_COST * len(articles)) / workers  # one worker's fair load
    n_listing = max(1, -(-len(listings) // max(1, int(share)))) if listings else 0
    size = max(1, -(-len(articles) // (workers * 8)))
    return [listings[i::n_listing] for i in range(n_listing)] + [articles[i : i + size] for i in range(0, len(articles), size)]


_WORKER: tuple[PageRenderer, Sequence[Page], Path] | None = None  # inherited through fork


ChunkResult = tuple[int, "tuple[type, str, str | None, int | None] | None", "list[tuple[int, frozenset[Key]]]"]


def _render_chunk(indices: list[int]) -> ChunkResult:
    """Render a worker's pages; send back how many, an error as parts, and each page's
    recorded dependencies (the parent keeps them for the next build)."""
    assert _WORKER is not None
    renderer, pages, dest = _WORKER
    recorded = renderer.recorded
    try:
        for i in indices:
            write_page(dest, pages[i], renderer.render(pages[i]))
    except DigestError as exc:  # sent back as parts: the exception's own pickling drops path/line
        return 0, (type(exc), exc.message, str(exc.path) if exc.path else None, exc.line), []
    return len(indices), None, [(i, recorded.pop(pages[i].path)) for i in indices if pages[i].path in recorded]


def render_pages(
    renderer: PageRenderer,
    pages: Sequence[Page],
    dest: Path,
    workers: int,
    meanwhile: Callable[[], object] | None = None,
    here: Sequence[Page] = (),
) -> int:
    """Render and write every page into dest; returns how many were written.

    `meanwhile` runs in this process while the workers render (a cold build computes the
    next build's fingerprints and saves its caches there), so that serial work no longer
    adds to the wall time. Without workers it runs after the pages: bodies rendered on
    demand are then in the cache it saves. `here`: more pages, always rendered in this
    process (while the workers render the others), so that what their rendering keeps —
    digest serve's dashboard rows — stays in this process."""
    workers = max(1, min(workers, len(pages) // MIN_PAGES_PER_WORKER, os.cpu_count() or 1))
    if workers == 1 or not can_fork():
        for page in [*pages, *here]:
            write_page(dest, page, renderer.render(page))
        if meanwhile is not None:
            meanwhile()
        return len(pages) + len(here)
    global _WORKER
    renderer.precompile(pages)
    _WORKER = (renderer, pages, dest)
    by_slug = renderer.site.by_slug
    chunks = _chunks(pages, workers, lambda page: by_slug[page.key].index if page.key in by_slug else 0)
    # Each key the workers send back, kept once: a worker's pages note the same few thousand
    # keys over and over (~130,000 at 4,000 entries), and each arrives as a new tuple.
    canonical: dict[Key, Key] = {}
    keep_one = canonical.setdefault
    try:
        written = len(here)
        with fork_pool(workers) as pool:
            results = pool.imap_unordered(_render_chunk, chunks)  # the workers start now
            for page in here:
                write_page(dest, page, renderer.render(page))
            if meanwhile is not None:
                meanwhile()
            for count, error, recorded in results:
                if error is not None:
                    cls, message, path, line = error
                    raise cls(message, path, line)
                written += count
                for i, keys in recorded:
                    renderer.recorded[pages[i].path] = frozenset(map(keep_one, keys, keys))
        return written
    finally:
        _WORKER = None
