"""Machine-readable outputs that are not templates: sitemap.xml, robots.txt, JSON-LD.

Atom feeds are templates (`feed.xml`, overridable like any page); see digest.sitemodel.pages.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .stories import SiteModel, Story


def xml_escape(text: str) -> str:
    """&, < and > as entities (xml.sax.saxutils.escape without importing urllib.request)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def sitemap_xml(site: SiteModel, urls: Iterable[str]) -> bytes:
    """Every public HTML page; articles carry their date as lastmod."""
    dated = {s.url: s.date.isoformat() for s in site.stories}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(urls):
        lastmod = f"<lastmod>{dated[url]}</lastmod>" if url in dated else ""
        lines.append(f"  <url><loc>{xml_escape(site.absolute(url))}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots_txt(site: SiteModel) -> bytes:
    text = "User-agent: *\nAllow: /\n"
    if site.is_absolute:
        text += f"Sitemap: {site.absolute('sitemap.xml')}\n"
    return text.encode("utf-8")


_JSONLD_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # json.dumps makes one per call


def news_article_jsonld(site: SiteModel, story: Story) -> str:
    """schema.org NewsArticle in Arabic; the English summary as its `workTranslation`.

    Safe inside <script>: `<`, `>` and `&` are emitted as \\u escapes.
    """
    entry = story.entry
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": entry.title,
        "inLanguage": "ar",
        "datePublished": entry.date.isoformat(),
        "url": site.absolute(story.url),
        "keywords": [tag.name for tag in story.tags],
        "description": entry.summary_ar,
        "publisher": {"@type": "Organization", "name": site.site.title_en},
    }
    if entry.source:
        data["sourceOrganization"] = {"@type": "Organization", "name": entry.source}
    if entry.source_url:
        data["isBasedOn"] = entry.source_url
    if story.has_english:
        data["workTranslation"] = {
            "@type": "NewsArticle",
            "inLanguage": "en",
            "headline": story.title_en,
            "description": story.summary_en,
            "translator": {"@type": "Organization", "name": site.site.author if story.state == "edited" else story.provenance},
        }
    text = _JSONLD_ENCODER.encode(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
