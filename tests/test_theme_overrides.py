"""Theme overrides (README "Theme and overrides"): a block of base.html, a partial and a whole
page, each visible on the built pages; adding, changing and removing an override re-renders
the pages it affects (incremental builds), and no others."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli


def build(root: Path) -> None:
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline", "--drafts"])
    assert result.exit_code == 0, result.output


def pages(root: Path) -> dict[str, str]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def digests(root: Path) -> dict[str, str]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def title_of(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html)
    assert match is not None
    return match.group(1)


@pytest.fixture
def root(site_root: Path) -> Path:
    build(site_root)
    return site_root


def test_a_block_of_base_html_changes_on_every_page(root: Path) -> None:
    before = pages(root)
    override = root / "templates" / "base.html"
    override.parent.mkdir()
    # The README's example, verbatim.
    override.write_text(
        '{# mysite/templates/base.html #}\n{% extends "!builtin/base.html" %}\n{% block title %}{{ super() }} — local edition{% endblock %}\n',
        encoding="utf-8",
    )
    build(root)
    after = pages(root)
    assert sorted(after) == sorted(before)
    article = next(name for name in after if name.startswith("articles/"))
    for name in ("index.html", article, "en/index.html", "tags/index.html", "search/index.html", "404.html"):
        assert title_of(after[name]) == title_of(before[name]) + " — local edition", name
    assert all(title_of(html).endswith(" — local edition") for html in after.values())

    # Changed: every page again; a block around the page's main content too.
    override.write_text(
        '{% extends "!builtin/base.html" %}\n{% block title %}{{ super() }} · Gazette{% endblock %}\n'
        '{% block main %}<p class="banner">Special edition</p>\n{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    build(root)
    changed = pages(root)
    assert all(title_of(html) == title_of(before[name]) + " · Gazette" for name, html in changed.items())
    assert all('<main id="main">\n<p class="banner">Special edition</p>\n' in html for html in changed.values())
    assert '<h1 id="headline-ar">' in changed[article]  # the page's own main content is still there

    # Removed: the built-in theme's pages, byte for byte.
    override.unlink()
    build(root)
    assert pages(root) == before


def test_a_partial_replaces_the_footer_on_every_page(root: Path) -> None:
    before = pages(root)
    partial = root / "templates" / "partials" / "site_footer.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(
        '{% include "!builtin/partials/site_footer.html" %}\n<p class="imprint">Published by <b>{{ site.title_en }}</b> · <a href="{{ root }}tags/">tags</a></p>',
        encoding="utf-8",
    )
    build(root)
    after = pages(root)
    article = next(name for name in after if name.startswith("articles/"))
    assert '</footer><p class="imprint">Published by <b>The Digest</b> · <a href="../../tags/">tags</a></p>' in after[article]
    assert '</footer><p class="imprint">Published by <b>The Digest</b> · <a href="tags/">tags</a></p>' in after["index.html"]
    assert all('<p class="imprint">' in html for html in after.values())

    partial.write_text('<footer class="site-footer"><p lang="en" dir="ltr">Our own footer</p></footer>', encoding="utf-8")
    build(root)
    changed = pages(root)
    assert all('<footer class="site-footer"><p lang="en" dir="ltr">Our own footer</p></footer>' in html for html in changed.values())
    assert not any('<p class="imprint">' in html for html in changed.values())

    header = root / "templates" / "partials" / "site_header.html"
    header.write_text('<header class="site-header"><a href="{{ root }}">{{ site.title_en }} home</a></header>', encoding="utf-8")
    build(root)
    assert '<header class="site-header"><a href="../../">The Digest home</a></header>' in pages(root)[article]

    partial.unlink()
    header.unlink()
    build(root)
    assert pages(root) == before


def test_a_whole_page_replaced_changes_those_pages_only(root: Path) -> None:
    before = digests(root)
    before_pages = pages(root)
    page = root / "templates" / "article.html"
    page.parent.mkdir()
    page.write_text(
        '{% extends "base.html" %}\n'
        "{% block page_title %}{{ entry.title }} | {{ site.title }}{% endblock %}\n"
        '{% block page_main %}\n<article class="my-story">\n<h1>{{ entry.title }}</h1>\n'
        '<p class="date">{{ entry.date }}</p>\n{{ body_html|safe }}\n</article>\n{% endblock %}\n',
        encoding="utf-8",
    )
    build(root)
    after = digests(root)
    article = next(name for name in before_pages if name.startswith("articles/"))
    html = pages(root)[article]
    assert '<main id="main">\n<article class="my-story">\n<h1>' in html
    assert 'class="english"' not in html  # the built-in article's English column is gone
    assert title_of(html).endswith(" | الموجز")
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == sorted(name for name in before if name.startswith("articles/"))  # every other file as it was

    # The whole page still takes the site's base.html blocks.
    (root / "templates" / "base.html").write_text(
        '{% extends "!builtin/base.html" %}{% block title %}{{ super() }} — local edition{% endblock %}', encoding="utf-8"
    )
    build(root)
    assert title_of(pages(root)[article]).endswith(" | الموجز — local edition")

    page.unlink()
    (root / "templates" / "base.html").unlink()
    build(root)
    assert digests(root) == before


def test_a_block_of_one_kind_of_page(root: Path) -> None:
    before = pages(root)
    page = root / "templates" / "article.html"
    page.parent.mkdir()
    page.write_text('{% extends "!builtin/article.html" %}{% block page_title %}Story: {{ super() }}{% endblock %}', encoding="utf-8")
    build(root)
    after = pages(root)
    for name, html in after.items():
        if name.startswith("articles/"):
            assert title_of(html) == "Story: " + title_of(before[name])
        else:
            assert html == before[name], name
