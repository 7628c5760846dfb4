"""digest build: publish gate, translation display, review mode, templates, atomic output."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.build.pipeline import build_site
from digest.cli import cli
from digest.content.entries import load_entries, write_entry
from digest.core.config import Config
from digest.core.errors import DigestError
from digest.core.model import Entry
from digest.ingest.run import ingest
from digest.render import pagerender
from digest.render.environment import TemplateError
from digest.render.markdown import link_hashtags, render_body

PROJECT = Path(__file__).resolve().parent.parent
ENGLISH_TITLE = "The coalition on attacks on its forces: we have no bases"
ENGLISH_SUMMARY = "Responding to continued attacks, the International Coalition said it has no bases in Iraq."


def _seed_entry(root: Path) -> Entry:
    ingest(root, [root / "seeds"], Config.for_test())
    entries, errors = load_entries(root / "content")
    assert not errors and len(entries) == 1
    return entries[0]


def _article(root: Path, entry: Entry, out: str = "site") -> str:
    return (root / out / "articles" / entry.slug / "index.html").read_text(encoding="utf-8")


def _set_english(entry: Entry, status: str, review: str = "draft") -> None:
    entry.title_en = ENGLISH_TITLE
    entry.summary_en = ENGLISH_SUMMARY
    entry.translation.status = status
    entry.translation.provider = "google" if status == "machine" else "editors"
    entry.translation.source_hash = entry.arabic_fingerprint()
    entry.review.state = review
    if status == "pending":
        entry.title_en = entry.summary_en = None
    if status in ("machine", "stale"):  # the tool wrote this English (else it counts as the editor's)
        entry.record_machine("title_en")
        entry.record_machine("summary_en")


def test_public_build_publishes_approved_entries_only(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    report = build_site(site_root, Config.for_test(), offline=True)
    assert report.entries == 0
    assert not (site_root / "site" / "articles").exists()
    assert entry.title not in (site_root / "site" / "index.html").read_text(encoding="utf-8")
    _set_english(entry, "edited", review="approved")
    write_entry(entry, site_root / "content")
    report = build_site(site_root, Config.for_test(), offline=True)
    assert report.entries == 1
    html = _article(site_root, entry)
    assert "Translated by the editors" in html
    assert entry.title_en in html and "review-panel" not in html and "digest review approve" not in html
    assert not (site_root / "site" / "review").exists()


def test_rejected_entries_are_never_built(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    entry.review.state = "rejected"
    write_entry(entry, site_root / "content")
    assert build_site(site_root, Config.for_test(), drafts=True, offline=True).entries == 0
    assert build_site(site_root, Config.for_test(site={"publish": "all"}), review=True, offline=True).entries == 0


@pytest.mark.parametrize(
    ("status", "review", "shown", "line"),
    [
        ("machine", "draft", True, "Machine translation (Google), not reviewed"),
        ("machine", "approved", True, "This English text is a machine translation."),
        ("edited", "draft", True, "Translated by the editors"),
        ("stale", "draft", False, "Translation pending"),
        ("pending", "draft", False, "Translation pending"),
    ],
)
def test_translation_is_shown_only_when_current(site_root: Path, status: str, review: str, shown: bool, line: str) -> None:
    entry = _seed_entry(site_root)
    _set_english(entry, status, review)
    write_entry(entry, site_root / "content")
    build_site(site_root, Config.for_test(), drafts=True, offline=True)
    html = _article(site_root, entry)
    assert line in html
    assert (ENGLISH_TITLE in html) is shown
    english_index = (site_root / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert (ENGLISH_SUMMARY in english_index) is shown


def test_machine_translation_of_changed_arabic_is_stale(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    _set_english(entry, "machine")
    entry.translation.source_hash = "0" * 16  # translated from an older headline
    write_entry(entry, site_root / "content")
    build_site(site_root, Config.for_test(), drafts=True, offline=True)
    html = _article(site_root, entry)
    assert entry.title_en not in html and "Translation pending" in html


def test_review_mode_adds_panel_and_dashboard_never_the_public_build(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    build_site(site_root, Config.for_test(), review=True, offline=True, out=site_root / "preview")
    html = _article(site_root, entry, "preview")
    # The built-in theme has both; nothing here depends on a template being present.
    assert f"digest review approve &#39;{entry.slug}&#39; --force" in html  # quoted for the shell; English pending
    dashboard = (site_root / "preview" / "review" / "index.html").read_text(encoding="utf-8")
    assert f"articles/{entry.slug}/" in dashboard and "translation-pending" in dashboard
    build_site(site_root, Config.for_test(), drafts=True, offline=True)
    public = _article(site_root, entry)
    assert "digest review approve" not in public
    assert not (site_root / "site" / "review").exists()
    assert not (site_root / "preview" / "feed.xml").read_text(encoding="utf-8").count("digest review")


def test_hashtags_in_the_body_link_to_their_tag_pages(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    build_site(site_root, Config.for_test(), drafts=True, offline=True)
    html = _article(site_root, entry)
    assert '<a class="hashtag" href="../../tags/اربيل/"><bdi>#أربيل</bdi></a>' in html
    assert (site_root / "site" / "tags" / "اربيل" / "index.html").is_file()
    assert '<bdi class="tag-en" lang="en" dir="ltr">Erbil</bdi>' in html  # tag label from the glossary


def test_markdown_escapes_html_and_keeps_non_hashtags_as_text() -> None:
    html = render_body("نص <script>alert(1)</script> و#أربيل C# http://x.org/#frag ![صورة](http://x.org/a.png) [x](javascript:alert(1))")
    assert "<script" not in html and "&lt;" in html
    assert "<img" not in html  # images become links: no page loads a remote resource
    assert "javascript:" not in html
    linked = link_hashtags(html, lambda raw: f"tags/{raw}/")
    assert linked.count('class="hashtag"') == 1
    assert 'و<a class="hashtag" href="tags/أربيل/"><bdi>#أربيل</bdi></a>' in linked
    text = re.sub(r"<[^>]+>", "", linked)
    assert "C#" in text and "/#frag" in text


def test_base_url_sub_path(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    build_site(site_root, Config.for_test(), drafts=True, offline=True, base_url="https://example.org/digest/")
    site = site_root / "site"
    html = _article(site_root, entry)
    assert f'<link rel="canonical" href="https://example.org/digest/articles/{entry.slug}/">' in html
    assert 'href="../../assets/style.css"' in html  # relative: works under any prefix
    assert 'href="/digest/assets/style.css"' in (site / "404.html").read_text(encoding="utf-8")
    assert "https://example.org/digest/articles/" in (site / "feed.xml").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/digest/sitemap.xml" in (site / "robots.txt").read_text()


def test_site_templates_override_and_extend_builtins(site_root: Path) -> None:
    _seed_entry(site_root)
    (site_root / "templates").mkdir()
    (site_root / "templates" / "base.html").write_text(
        '{% extends "!builtin/base.html" %}{% block description %}OVERRIDDEN {{ super() }}{% endblock %}', encoding="utf-8"
    )
    build_site(site_root, Config.for_test(), drafts=True, offline=True)
    assert '<meta name="description" content="OVERRIDDEN ' in (site_root / "site" / "index.html").read_text(encoding="utf-8")


def test_template_error_names_file_and_line_and_keeps_the_old_site(site_root: Path) -> None:
    _seed_entry(site_root)
    build_site(site_root, Config.for_test(), drafts=True, offline=True)
    before = (site_root / "site" / "index.html").read_bytes()
    (site_root / "templates").mkdir()
    bad = site_root / "templates" / "tags.html"
    bad.write_text('{% extends "base.html" %}\n{% block main %}\n{{ no_such_variable.x }}\n{% endblock %}\n', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        build_site(site_root, Config.for_test(), drafts=True, offline=True)
    assert str(caught.value).startswith(f"{bad}:3: ")
    bad.write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        build_site(site_root, Config.for_test(), drafts=True, offline=True)
    assert "tags.html:1: template syntax error" in str(caught.value)
    assert (site_root / "site" / "index.html").read_bytes() == before
    assert [p.name for p in site_root.iterdir() if p.name.startswith(".site")] == []  # staging removed


def test_refuses_to_replace_a_directory_it_did_not_build(site_root: Path, tmp_path: Path) -> None:
    _seed_entry(site_root)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me")
    with pytest.raises(DigestError, match="not a directory built by digest"):
        build_site(site_root, Config.for_test(), offline=True, out=precious)
    assert (precious / "thesis.txt").read_text() == "keep me"
    with pytest.raises(DigestError):
        build_site(site_root, Config.for_test(), offline=True, out=site_root)


def test_parallel_render_matches_serial(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed_entry(site_root)
    build_site(site_root, Config.for_test(build={"workers": 1}), drafts=True, offline=True, out=site_root / "serial")
    monkeypatch.setattr(pagerender, "MIN_PAGES_PER_WORKER", 1)
    build_site(site_root, Config.for_test(build={"workers": 2}), drafts=True, offline=True, out=site_root / "parallel")
    serial = {p.relative_to(site_root / "serial"): p.read_bytes() for p in (site_root / "serial").rglob("*") if p.is_file()}
    parallel = {p.relative_to(site_root / "parallel"): p.read_bytes() for p in (site_root / "parallel").rglob("*") if p.is_file()}
    assert serial == parallel and len(serial) > 20


def test_readme_first_command_builds_this_repository(tmp_path: Path) -> None:
    """`digest build --offline` in (a copy of) this repository: exit 0, a home page."""
    root = tmp_path / "repo"
    for name in ("seeds", "content"):
        shutil.copytree(PROJECT / name, root / name)
    for name in ("glossary.toml", "digest.toml"):
        if (PROJECT / name).exists():
            shutil.copy(PROJECT / name, root / name)
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"])
    assert result.exit_code == 0, result.output
    assert "build:" in result.output
    assert (root / "site" / "index.html").is_file() and (root / "site" / "404.html").is_file()


def test_build_cache_skips_parsing_and_fails_soft(site_root: Path) -> None:
    entry = _seed_entry(site_root)
    first = build_site(site_root, Config.for_test(), drafts=True, offline=True)
    assert first.parsed == 1
    before = _article(site_root, entry)
    cache_files = sorted((site_root / ".digest" / "cache").glob("*.*"))
    stamps = [p.stat().st_mtime_ns for p in cache_files]
    second = build_site(site_root, Config.for_test(), drafts=True, offline=True, out=site_root / "again")
    assert second.parsed == 0 and _article(site_root, entry, "again") == before
    assert len(cache_files) == 3 and [p.stat().st_mtime_ns for p in cache_files] == stamps  # nothing new: not rewritten
    # An edited entry is parsed again and its new text shown.
    path = site_root / "content" / f"{entry.slug}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("قال التحالف", "أعلن التحالف", 1), encoding="utf-8")
    third = build_site(site_root, Config.for_test(), drafts=True, offline=True)
    assert third.parsed == 1 and "أعلن التحالف" in _article(site_root, entry)
    # A corrupt cache is reported and rebuilt, never an error.
    (site_root / ".digest" / "cache" / "entries.pickle").write_bytes(b"not a pickle")
    fourth = build_site(site_root, Config.for_test(), drafts=True, offline=True, out=site_root / "other")
    assert fourth.parsed == 1 and any("unreadable build cache" in w for w in fourth.warnings)
    assert "أعلن التحالف" in _article(site_root, entry, "other")


def test_mixed_script_runs_are_isolated() -> None:
    from digest.text.bidi import english_text, isolate_html, isolate_plain

    assert isolate_html("<p>قال (CNN) إن AT&amp;T</p>") == '<p>قال (<bdi dir="ltr">CNN</bdi>) إن <bdi dir="ltr">AT</bdi>&amp;<bdi dir="ltr">T</bdi></p>'
    assert str(english_text("The mayor of أربيل said")) == 'The mayor of <bdi lang="ar" dir="rtl">أربيل</bdi> said'
    assert str(english_text("<b>")) == "&lt;b&gt;"  # escaped before isolating
    assert isolate_plain("قال CNN اليوم") == "قال \u2068CNN\u2069 اليوم"
