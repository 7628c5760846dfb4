"""Helpers for checking a built site: walk its HTML, resolve its internal links."""
from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import html5lib

HOST = "http://site.test"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse_strict(path: Path):
    """html5lib in strict mode raises on any parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), transport_encoding="utf-8")


def page_url(site: Path, path: Path, base_path: str = "/") -> str:
    rel = path.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return HOST + base_path + rel


def target_file(site: Path, url: str, base_path: str = "/") -> Path | None:
    """The file an internal URL points at, or None when the URL is external."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != HOST or not parts.path.startswith(base_path):
        return None
    rel = unquote(parts.path[len(base_path) :])
    target = site / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target


def links_of(tree) -> list[str]:
    """Every URL a page refers to (links, stylesheets, scripts, forms, data-index)."""
    urls = []
    for element in tree.iter():
        for attribute in ("href", "src", "action", "data-index"):
            value = element.get(attribute)
            if value is not None and not value.startswith("data:"):
                urls.append(value)
    return urls


def broken_links(site: Path, base_path: str = "/", skip_canonical: bool = False) -> list[str]:
    broken = []
    for path in html_files(site):
        tree = parse_strict(path)
        ids = {el.get("id") for el in tree.iter() if el.get("id")}
        here = page_url(site, path, base_path) if path.name != "404.html" else HOST + base_path + "404.html"
        for link in links_of(tree):
            absolute = urljoin(here, link)
            if link.startswith("#"):
                if link[1:] not in ids and link != "#harmful-link":
                    broken.append(f"{path.relative_to(site)}: {link} (no such id)")
                continue
            target = target_file(site, absolute.split("#")[0].split("?")[0], base_path)
            if target is not None and not target.is_file():
                broken.append(f"{path.relative_to(site)}: {link}")
    return broken


def tree_sha256(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path → sha256 (the output marker left out)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".digest-site"
    }


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path → its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
