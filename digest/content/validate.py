"""`digest check`: validate the content and the built site; every problem is one line.

Content: front matter (types, unknown keys — digest.content.entries reports those), duplicate slugs
(file names that differ only in case or Unicode form), two entries made from one seed, and
distinct tags that would share a page slug. Site: every HTML page parses with html5lib
without errors, every internal link, stylesheet, script and form target resolves (fragments
too), and every .xml file (feeds, sitemap) is well-formed XML.
"""
from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..core.config import Config
from ..core.errors import DigestError
from ..core.layout import SiteLayout
from ..core.model import Entry
from ..text.hashtags import tag_key
from ..text.slugs import make_slug
from .entries import load_entries


class CheckProblem(DigestError):
    """One problem found by `digest check`."""


# --- content -----------------------------------------------------------------------------


def check_content(root: Path, allow_outside_root: bool = False) -> list[DigestError]:
    content_dir = SiteLayout(root).content
    entries, errors = load_entries(content_dir, allow_outside_root)
    problems: list[DigestError] = list(errors)
    problems += _duplicate_slugs(content_dir)
    problems += _shared_seeds(entries)
    problems += _tag_slug_collisions(entries)
    return problems


def _duplicate_slugs(content_dir: Path) -> list[DigestError]:
    # content/<slug>.md is unique on a case-sensitive disk, but not once published to a
    # case-insensitive one (or when one name is NFC and the other NFD).
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(content_dir.glob("*.md")) if content_dir.is_dir() else []:
        groups[unicodedata.normalize("NFC", path.stem).casefold()].append(path)
    problems: list[DigestError] = []
    for paths in groups.values():
        for other in paths[1:]:
            problems.append(CheckProblem(f"duplicate slug: same as {paths[0].name} (names differ only in case or Unicode form)", other))
    return problems


def _shared_seeds(entries: list[Entry]) -> list[DigestError]:
    first: dict[str, Entry] = {}
    problems: list[DigestError] = []
    for entry in sorted(entries, key=lambda e: e.path or ""):
        if not entry.seed:
            continue
        if entry.seed in first:
            problems.append(CheckProblem(f"made from the same seed ({entry.seed}) as {Path(first[entry.seed].path or '').name}", entry.path))
        else:
            first[entry.seed] = entry
    return problems


def _tag_slug_collisions(entries: list[Entry]) -> list[DigestError]:
    """Different tags (by identity) whose page slug would be the same: the build has to
    suffix one of them (-2), so its URL depends on which tags exist."""
    where: dict[str, tuple[str, Entry]] = {}  # tag key → (display name, first entry using it)
    for entry in sorted(entries, key=lambda e: e.path or ""):
        for name in entry.tags:
            key = tag_key(name)
            if key and key not in where:
                where[key] = (name, entry)
    by_slug: dict[str, list[str]] = defaultdict(list)
    for key in sorted(where):
        by_slug[make_slug(key, fallback_seed=key).casefold()].append(key)
    problems: list[DigestError] = []
    for slug, keys in sorted(by_slug.items()):
        if len(keys) < 2:
            continue
        names = ", ".join(f"«{where[k][0]}» ({Path(where[k][1].path or '').name})" for k in keys)
        problems.append(CheckProblem(f"tags {names} would share the page slug {slug!r}; rename one", where[keys[1]][1].path))
    return problems


# --- built site --------------------------------------------------------------------------

_SKIP_SCHEMES = ("mailto:", "tel:", "data:", "javascript:")
_LINK_ATTRIBUTES = ("href", "src", "action")


@dataclass
class _Page:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int | None]] = field(default_factory=list)  # (url, line)


_PARALLEL_FROM = 200  # pages; below this, worker start-up costs more than it saves


def check_site(site: Path, config: Config, jobs: int = 1, base_url: str | None = None) -> list[DigestError]:
    """Problems of the built site; `jobs` processes parse the HTML (html5lib is the cost).
    `base_url` overrides site.base_url, as `digest build --base-url` does."""
    if not site.is_dir():
        return [CheckProblem("no built site here: run `digest build` first (or `digest check --no-site`)", site)]
    problems: list[DigestError] = []
    pages: dict[Path, _Page] = {}
    paths = sorted(site.rglob("*.html"))
    if jobs > 1 and len(paths) >= _PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parsed = list(pool.map(_parse_html, paths, chunksize=64))
    else:
        parsed = [_parse_html(path) for path in paths]
    for page, errors in parsed:
        problems += [CheckProblem(message, page.path, line) for message, line in errors]
        pages[page.path.resolve()] = page
    base_url = base_url or config.site.base_url
    base_path = _base_path(base_url)
    absolute_base = base_url if base_url.startswith(("http://", "https://")) else None
    for page in pages.values():
        problems += _check_links(site, page, pages, base_path, absolute_base)
    for path in sorted(site.rglob("*.xml")):
        problems += _check_xml(path)
    return problems


_LOC = re.compile(r"<loc>([^<]*)</loc>")


def relative_url_warnings(site: Path) -> list[DigestError]:
    """A warning when the built site's sitemap has relative <loc>s: it was built without an
    absolute http(s) base URL, so its canonical links and og:url are relative too. A preview
    build (`--review`: it has the review dashboard) is never published: no warning."""
    if (site / "review" / "index.html").is_file():
        return []
    sitemap = site / "sitemap.xml"
    try:
        text = sitemap.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    for match in _LOC.finditer(text):
        location = match.group(1).strip()
        if not location.startswith(("http://", "https://")):
            line = text.count("\n", 0, match.start()) + 1
            message = (
                f"relative sitemap URL {location!r}: the site was built without an absolute base URL, "
                "so search engines reject the sitemap and canonical links and og:url are relative; "
                "set site.base_url (or build --base-url) to the public address, e.g. https://example.org/digest/"
            )
            return [CheckProblem(message, sitemap, line)]
    return []


def _base_path(base_url: str) -> str:
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _parse_html(path: Path) -> tuple[_Page, list[tuple[str, int | None]]]:
    """The page's ids and links, and its parse errors as (message, line) (picklable)."""
    import html5lib  # only needed here; a slow import

    data = path.read_bytes()
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    try:
        tree = parser.parse(data, transport_encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - html5lib raises only in strict mode; be safe
        return _Page(path), [(f"HTML does not parse: {exc}", None)]
    problems: list[tuple[str, int | None]] = []
    for (line, _col), code, datavars in parser.errors[:5]:
        detail = code.replace("-", " ")
        if isinstance(datavars, dict) and datavars.get("name"):
            detail += f" ({datavars['name']})"
        problems.append((f"HTML parse error: {detail}", line))
    page = _Page(path)
    text = data.decode("utf-8", errors="replace")
    for element in tree.iter():
        element_id = element.get("id")
        if element_id:
            page.ids.add(element_id)
        if element.get("name") and element.tag == "a":
            page.ids.add(element.get("name"))
        for attribute in _LINK_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                page.links.append((value, _line_of(text, f'{attribute}="{value}"')))
    return page, problems


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return None if index < 0 else text.count("\n", 0, index) + 1


def _check_links(site: Path, page: _Page, pages: dict[Path, _Page], base_path: str, absolute_base: str | None) -> Iterator[DigestError]:
    here = "/" + page.path.relative_to(site).as_posix()
    for url, line in dict.fromkeys(page.links):  # a URL linked twice from one page: one line
        url = url.strip()
        if not url or url.lower().startswith(_SKIP_SCHEMES):
            continue
        if absolute_base and url.startswith(absolute_base):
            url = base_path + url[len(absolute_base) :]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            continue  # external
        if not parts.path:  # "#id" or "?q": this page
            target = page.path
        else:
            resolved = urljoin(here, parts.path) if not parts.path.startswith("/") else parts.path
            if parts.path.startswith("/"):
                if not resolved.startswith(base_path):
                    yield CheckProblem(f"link outside the site's base path {base_path}: {url}", page.path, line)
                    continue
                resolved = "/" + resolved[len(base_path) :]
            target = site / unquote(resolved.lstrip("/"))
            if resolved.endswith("/") or target.is_dir():
                target = target / "index.html"
        if not target.is_file():
            yield CheckProblem(f"broken link: {url}", page.path, line)
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html":
            linked = pages.get(target.resolve())
            if linked is not None and fragment not in linked.ids:
                yield CheckProblem(f"broken link: no id {fragment!r} in {target.relative_to(site).as_posix()}: {url}", page.path, line)


def _check_xml(path: Path) -> list[DigestError]:
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else None
        message = re.sub(r": line \d+, column \d+$", "", str(exc))
        return [CheckProblem(f"not well-formed XML: {message}", path, line)]
    return []
