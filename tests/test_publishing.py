"""Publishing (README "Publishing"): the base URL is validated, a public build and `digest
check` say when the sitemap and canonical links would be relative, and a site built for a
sub-path (https://example.org/digest/) works when served under /digest/."""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
from click.testing import CliRunner, Result

from digest.cli import cli

PUBLIC = "https://example.org/digest/"
NO_ABSOLUTE = "is not an absolute http(s) URL, so sitemap.xml, canonical links and og:url are relative"


def digest(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["-C", str(root), *args])


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import PROJECT, SEED_FILE, SHARED_EXTRA

    root = tmp_path_factory.mktemp("publishing") / "root"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED_FILE, root / "seeds")
    for path in sorted(SHARED_EXTRA.glob("*.txt"))[:3]:  # a few more stories: tags shared, pagers
        shutil.copy(path, root / "seeds")
    shutil.copy(PROJECT / "glossary.toml", root)
    (root / "digest.toml").write_text('[site]\npublish = "all"\nper_page = 2\n', encoding="utf-8")
    result = digest(root, "ingest")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def root(ingested: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "root"
    shutil.copytree(ingested, copy)
    return copy


# --- the base URL is validated -------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("javascript:alert(1)", "must be an absolute http:// or https:// URL or a path starting with /"),
        ("//evil.example/", "must be an absolute http:// or https:// URL or a path starting with /"),
        ("digest/", "must be an absolute http:// or https:// URL or a path starting with /"),
        ("https:///digest/", "has no host name"),
        ("https://example.org/a b/", "has a space, quote or other character that cannot be in a URL"),
        ('/x"onload="y/', "has a space, quote or other character that cannot be in a URL"),
        ("https://example.org/?page=", "must not have a query (?) or fragment (#): page paths are appended to it"),
    ],
)
def test_a_bad_base_url_is_refused_in_one_line(root: Path, value: str, why: str) -> None:
    result = digest(root, "build", "--offline", "--base-url", value)
    assert result.exit_code == 1
    assert result.output == f"error: --base-url {value!r} {why}\n"
    assert not (root / "site").exists()  # refused before anything is built
    result = digest(root, "check", "--base-url", value)
    assert (result.exit_code, result.output) == (1, f"error: --base-url {value!r} {why}\n")

    config = root / "digest.toml"
    config.write_text(f"[site]\nbase_url = '{value}'\n", encoding="utf-8")
    result = digest(root, "build", "--offline")
    assert result.exit_code == 1
    assert result.output == f"error: digest.toml: site.base_url {value!r} {why}\n"


@pytest.mark.parametrize("value", ["/", "/digest/", "/digest", "http://localhost:8000/", PUBLIC, "https://example.org"])
def test_good_base_urls_are_accepted(root: Path, value: str) -> None:
    result = digest(root, "build", "--offline", "--base-url", value)
    assert result.exit_code == 0, result.output


# --- saying when absolute URLs are missing ------------------------------------------------

def test_a_public_build_without_an_absolute_base_url_warns_and_check_reports_it(root: Path) -> None:
    result = digest(root, "build", "--offline")
    assert result.exit_code == 0, result.output
    expected = (
        f"warning: base URL '/' {NO_ABSOLUTE} (search engines reject such a sitemap): before publishing, "
        "set site.base_url in digest.toml (or --base-url) to the site's public address, e.g. https://example.org/digest/"
    )
    assert expected in result.output.splitlines()
    assert "<loc>/</loc>" in (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    again = digest(root, "build", "--offline")  # nothing changed: still said
    assert expected in again.output.splitlines()

    check = digest(root, "check")
    assert check.exit_code == 0  # a local build is fine; publishing it is what is wrong
    assert check.output.splitlines() == [
        "warning: site/sitemap.xml:3: relative sitemap URL '/': the site was built without an absolute base URL, "
        "so search engines reject the sitemap and canonical links and og:url are relative; set site.base_url "
        "(or build --base-url) to the public address, e.g. https://example.org/digest/",
        "check: no problems, 1 warning",
    ]
    strict = digest(root, "check", "--strict")
    assert strict.exit_code == 1
    assert strict.output.splitlines()[-1] == "check: 1 problem"
    assert strict.output.startswith("error: site/sitemap.xml:3: relative sitemap URL '/'")


def test_an_absolute_base_url_builds_and_checks_without_a_warning(root: Path) -> None:
    (root / "digest.toml").write_text(f'[site]\npublish = "all"\nper_page = 2\nbase_url = "{PUBLIC}"\n', encoding="utf-8")
    result = digest(root, "build", "--offline")
    assert result.exit_code == 0, result.output
    assert NO_ABSOLUTE not in result.output
    check = digest(root, "check", "--strict")
    assert (check.exit_code, check.output) == (0, "check: no problems\n")


def test_a_review_build_is_not_for_publishing_and_does_not_warn(root: Path) -> None:
    result = digest(root, "build", "--offline", "--review", "--out", str(root / "preview"))
    assert result.exit_code == 0, result.output
    assert NO_ABSOLUTE not in result.output
    check = digest(root, "check", "--site", str(root / "preview"))
    assert (check.exit_code, check.output) == (0, "check: no problems\n")


# --- a site published under a sub-path ----------------------------------------------------

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.data_attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "action"):
                self.links.append(value)
            elif name in ("data-index", "data-root"):
                self.data_attributes.append(value)
            elif name == "content" and value.startswith(("http://", "https://")):
                self.links.append(value)  # og:url


@pytest.fixture
def served(root: Path) -> Iterator[tuple[str, Path]]:
    """The site built for https://example.org/digest/, served by a plain static HTTP server
    under /digest/ only (anything else is a 404), as a host serving a sub-path would."""
    result = digest(root, "build", "--offline", "--base-url", PUBLIC)
    assert result.exit_code == 0, result.output
    site = root / "site"
    (root / "www").mkdir()
    shutil.copytree(site, root / "www" / "digest")
    handler = functools.partial(_QuietHandler, directory=str(root / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/digest/", site
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(quote(url, safe=":/%")) as response:  # Arabic slugs, as a browser sends them
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _local(url: str, local_base: str) -> str:
    """A public URL (https://example.org/digest/…) as the local server's."""
    return local_base + url[len(PUBLIC) :] if url.startswith(PUBLIC) else url


def test_a_site_built_for_a_sub_path_resolves_every_url_under_it(served: tuple[str, Path]) -> None:
    local_base, site = served
    checked: set[str] = set()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        relative = path.relative_to(site).as_posix()
        page_url = local_base + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        for link in parser.links + parser.data_attributes:
            if link.startswith(("data:", "#", "mailto:")):
                continue
            if link.startswith(("http://", "https://")):
                assert link.startswith(PUBLIC), f"{relative}: absolute URL outside the base URL: {link}"
            target = urljoin(page_url, _local(link, local_base)).split("#")[0].split("?")[0]
            assert urlsplit(target).path.startswith("/digest/"), f"{relative}: {link} leaves /digest/"
            checked.add(target)
    # The feeds, the sitemap and robots.txt: absolute URLs under the base URL.
    feeds = [site / "feed.xml", *sorted((site / "tags").glob("*/feed.xml"))]
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in feeds:
        tree = ET.parse(feed)
        for link in tree.iter(f"{atom}link"):
            assert link.get("href", "").startswith(PUBLIC), f"{feed}: {link.get('href')}"
            checked.add(_local(link.get("href", ""), local_base))
        for entry_id in tree.iter(f"{atom}id"):
            assert (entry_id.text or "").startswith(PUBLIC)
    locations = [loc.text or "" for loc in ET.parse(site / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(loc.startswith(PUBLIC) for loc in locations)
    checked.update(_local(loc, local_base) for loc in locations)
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^Sitemap: https://example\.org/digest/sitemap\.xml$", robots, re.M)
    checked.add(local_base + "sitemap.xml")
    # The search results link to `data-root` + each entry's URL.
    import json

    for row in json.loads((site / "search.json").read_text(encoding="utf-8"))["entries"]:
        checked.add(urljoin(local_base + "search/", "../" + row[0]))

    broken = sorted(url for url in checked if _status(url) != 200)
    assert broken == []
    assert len(checked) > 40
    assert _status(local_base.replace("/digest/", "/articles/")) == 404  # really served under /digest/ only
