"""Page planning: which files the site has (a list of small, picklable `Page`s) and the
template context of each, built only when that page is rendered.

No page gets a list of every tag or every page except the tags index and the archive index,
which exist to show them.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..review.publish import approve_command
from .paging import FRONT, Paging, page_path
from .stories import SiteModel, Story
from .taxonomy import Tag

FEED_LIMIT = 30  # entries per Atom feed


@dataclass(frozen=True)
class Page:
    path: str  # output file, relative to the site root ("articles/<slug>/index.html")
    template: str
    kind: str  # home | article | tag | tags | en | archive | month | search | 404 | feed | tag-feed | review
    key: str = ""  # slug, tag key or "YYYY-MM" depending on kind
    number: int = 0  # page of a paginated listing: 0 = front page, 1 = oldest block (digest.sitemodel.paging)

    @property
    def url(self) -> str:
        """Site-relative URL of the page ("articles/<slug>/")."""
        return self.path[: -len("index.html")] if self.path.endswith("index.html") else self.path

    @property
    def root(self) -> str:
        """Relative prefix from this page to the site root: links work under any base path."""
        return "../" * self.path.count("/")


def _listing_path(prefix: str, number: int) -> str:
    return page_path(prefix, number)


# The templates plan_pages renders pages with (a build compiles these, and what they extend
# or import, before it knows its pages).
PAGE_TEMPLATES = ("404.html", "archive.html", "article.html", "en.html", "feed.xml", "index.html", "month.html", "search.html", "tag.html", "tags.html")


def plan_pages(site: SiteModel) -> list[Page]:
    """Every page of the site, sorted by output path (deterministic)."""
    pages: list[Page] = _listing_pages(site)
    for story in site.stories:
        pages.append(Page(f"articles/{story.slug}/index.html", "article.html", "article", key=story.slug))
    for tag in site.taxonomy:
        pages.extend(_tag_pages(site, tag))
    pages.append(Page("tags/index.html", "tags.html", "tags"))
    pages.append(Page("archive/index.html", "archive.html", "archive"))
    for month in sorted(site.stories_by_month):
        pages.append(_month_page(month))
    pages.append(Page("search/index.html", "search.html", "search"))
    pages.append(Page("404.html", "404.html", "404"))
    pages.append(Page("feed.xml", "feed.xml", "feed"))
    pages.sort(key=lambda p: p.path)
    return pages


def _listing_pages(site: SiteModel) -> list[Page]:
    pages = []
    for number in Paging(len(site.stories), site.site.per_page).numbers():
        pages.append(Page(_listing_path("", number), "index.html", "home", number=number))
        pages.append(Page(_listing_path("en/", number), "en.html", "en", number=number))
    return pages


def _tag_pages(site: SiteModel, tag: Tag) -> list[Page]:
    members = site.stories_by_tag[tag.key]
    if not members:
        return []
    pages = [
        Page(_listing_path(f"tags/{tag.slug}/", number), "tag.html", "tag", key=tag.key, number=number)
        for number in Paging(len(members), site.site.per_page).numbers()
    ]
    pages.append(Page(f"tags/{tag.slug}/feed.xml", "feed.xml", "tag-feed", key=tag.key))
    return pages


def _month_page(month: str) -> Page:
    """The archive page of a month ("YYYY-MM")."""
    return Page(f"archive/{month.replace('-', '/')}/index.html", "month.html", "month", key=month)


def plan_with_new_story(pages: Sequence[Page], site: SiteModel, slug: str) -> list[Page]:
    """plan_pages(site) from `pages`, the plan of the same site without the story `slug`
    (digest serve: a new article taken into the kept site model, every other story, tag and
    setting as they were). Only what one more story can change is planned again: the
    listing pages (their count), its article page, the pages of its tags (their counts; a
    tag of its own) and the page of its month (a month of its own)."""
    story = site.by_slug[slug]
    tags = {tag.key: tag for tag in story.tags}
    kept = [p for p in pages if p.kind not in ("home", "en") and not (p.kind in ("tag", "tag-feed") and p.key in tags)]
    kept += _listing_pages(site)
    kept.append(Page(f"articles/{slug}/index.html", "article.html", "article", key=slug))
    for tag in tags.values():
        kept.extend(_tag_pages(site, tag))
    if len(site.stories_by_month[story.month]) == 1:  # its month is new
        kept.append(_month_page(story.month))
    kept.sort(key=lambda p: p.path)
    return kept


def editions(stories: Sequence[Story]) -> list[tuple[Any, list[Story]]]:
    """Consecutive stories of one date: the daily editions of the home page."""
    return [(date, list(group)) for date, group in itertools.groupby(stories, key=lambda s: s.date)]




def page_context(site: SiteModel, page: Page) -> dict[str, Any]:
    """The template context of one page (common keys + the kind's own)."""
    root = site.base_path if page.kind == "404" else page.root
    context: dict[str, Any] = {
        "site": site.site,
        "model": site,
        "page": page,
        "root": root,
        "canonical": site.absolute(page.url),
        "review_mode": site.review_mode,
        "lang_alternate": None,
    }
    context.update(_KIND_CONTEXT[page.kind](site, page))
    return context


def _home(site: SiteModel, page: Page) -> dict[str, Any]:
    paging = Paging(len(site.stories), site.site.per_page)
    stories = paging.items(site.stories, page.number)
    return {"editions": editions(stories), "pager": paging.pager("", page.number), "lang_alternate": _listing_path("en/", page.number)[: -len("index.html")]}


def _english(site: SiteModel, page: Page) -> dict[str, Any]:
    paging = Paging(len(site.stories), site.site.per_page)
    stories = paging.items(site.stories, page.number)
    return {"editions": editions(stories), "pager": paging.pager("en/", page.number), "lang_alternate": _listing_path("", page.number)[: -len("index.html")]}


def _article(site: SiteModel, page: Page) -> dict[str, Any]:
    story = site.by_slug[page.key]
    newer, older = site.neighbours(story)
    flags = site.flags.get(story.slug, []) if site.review_mode else []
    return {
        "story": story,
        "entry": story.entry,
        "newer": newer,
        "older": older,
        "related": site.related(story),
        "entry_flags": flags,
        "approve_command": approve_command(story.entry),  # exact: adds --force when the English is pending/stale
    }


def tag_page_count(members: int, number: int) -> int | None:
    """The entry count a tag page shows: on its front page only. A numbered page is a fixed
    block of older entries (digest.sitemodel.paging); with the count on it, every new entry
    of a tag would change every one of its pages — hundreds for a large tag, re-rendered and
    re-uploaded on each publish for one number."""
    return members if number == FRONT else None


def _tag(site: SiteModel, page: Page) -> dict[str, Any]:
    tag = site.taxonomy.by_key[page.key]
    members = site.stories_by_tag[tag.key]
    paging = Paging(len(members), site.site.per_page)
    return {
        "tag": tag,
        "count": tag_page_count(len(members), page.number),
        "stories": paging.items(members, page.number),
        "pager": paging.pager(f"tags/{tag.slug}/", page.number),
    }


def _tags_index(site: SiteModel, page: Page) -> dict[str, Any]:
    counted = [(tag, len(site.stories_by_tag[tag.key])) for tag in site.taxonomy if site.stories_by_tag[tag.key]]
    return {
        "by_name": sorted(counted, key=lambda tc: (tc[0].key, tc[0].slug)),
        "by_count": sorted(counted, key=lambda tc: (-tc[1], tc[0].key, tc[0].slug)),
    }


def _archive(site: SiteModel, page: Page) -> dict[str, Any]:
    months = {month: len(stories) for month, stories in site.stories_by_month.items()}
    years: list[tuple[str, list[tuple[Any, str, int]]]] = []
    for year, group in itertools.groupby(sorted(months, reverse=True), key=lambda m: m[:4]):
        years.append((year, [(_month_date(m), m.replace("-", "/") + "/", months[m]) for m in group]))
    return {"years": years}


def _month_date(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def _month(site: SiteModel, page: Page) -> dict[str, Any]:
    stories = site.stories_by_month[page.key]
    return {"month": _month_date(page.key), "editions": editions(stories)}


def _search(site: SiteModel, page: Page) -> dict[str, Any]:
    return {}


def _not_found(site: SiteModel, page: Page) -> dict[str, Any]:
    return {"canonical": None}


def _feed(site: SiteModel, page: Page) -> dict[str, Any]:
    stories = site.stories[:FEED_LIMIT]
    return {
        "feed_title": site.site.title,
        "feed_title_en": site.site.title_en,
        "feed_id": site.feed_id("feed", "feed.xml"),
        "feed_url": site.absolute("feed.xml"),
        "home_url": site.absolute(""),
        "stories": stories,
        "updated": stories[0].date if stories else None,
    }


def _tag_feed(site: SiteModel, page: Page) -> dict[str, Any]:
    tag = site.taxonomy.by_key[page.key]
    stories = site.stories_by_tag[tag.key][:FEED_LIMIT]
    return {
        "tag": tag,
        "feed_title": f"{site.site.title}: {tag.name}",
        "feed_title_en": f"{site.site.title_en}: {tag.name_en}" if tag.name_en else site.site.title_en,
        "feed_id": site.feed_id("tag", tag.url + "feed.xml"),
        "feed_url": site.absolute(tag.url + "feed.xml"),
        "home_url": site.absolute(tag.url),
        "stories": stories,
        "updated": stories[0].date if stories else None,
    }


def _review(site: SiteModel, page: Page) -> dict[str, Any]:
    from .dashboard import dashboard_context  # review builds only: it loads every check (digest.review.flags)

    context = {"entries": site.all_entries, "flags": site.flags, "taxonomy": site.taxonomy}
    context.update(dashboard_context(site.all_entries, site.flags, site.row_memo))  # rows and filter counts
    return context


_KIND_CONTEXT = {
    "home": _home,
    "en": _english,
    "article": _article,
    "tag": _tag,
    "tags": _tags_index,
    "archive": _archive,
    "month": _month,
    "search": _search,
    "404": _not_found,
    "feed": _feed,
    "tag-feed": _tag_feed,
    "review": _review,
}


def iter_urls(pages: Sequence[Page]) -> Iterator[str]:
    """Site-relative URLs of the HTML pages a search engine should know (sitemap)."""
    for page in pages:
        if page.path.endswith(".html") and page.kind not in ("404", "review", "search"):
            yield page.url
