"""Incremental builds: after any sequence of edits the tree equals a clean build's, byte for
byte, and only the affected pages are rendered."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SMALL_SITE_CONFIG, override_article, small_site
from sitecheck import tree_bytes

from digest.build.pipeline import BuildReport, build_site
from digest.cache.fingerprint import body_hashtags
from digest.cache.manifest import manifest_path
from digest.cli import cli
from digest.content.entries import read_entry, write_entry
from digest.core.config import load_config
from digest.render.environment import TemplateError
from digest.render.markdown import PLACEHOLDER_RE, render_body
from digest.sitemodel.paging import Paging


def _build(root: Path, **kwargs: object) -> BuildReport:
    return build_site(root, load_config(root), offline=True, **kwargs)  # type: ignore[arg-type]


def _assert_same_as_clean(root: Path, tmp_path: Path, **kwargs: object) -> BuildReport:
    """Incremental build of root/site, then a clean build elsewhere: identical trees."""
    report = _build(root, **kwargs)
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    _build(root, out=clean, **kwargs)
    incremental, fresh = tree_bytes(root / "site"), tree_bytes(clean)
    assert sorted(incremental) == sorted(fresh)
    different = [rel for rel in fresh if incremental[rel] != fresh[rel]]
    assert different == [], f"differs from a clean build: {different[:5]}"
    return report


@pytest.fixture(autouse=True)
def _fixed_code_stamp(fixed_code_stamp: None) -> None:
    """Every test here: a stable code stamp (see conftest.fixed_code_stamp)."""


@pytest.fixture
def root(all_seeds_root: Path, tmp_path: Path) -> Path:
    # nine articles (three pages of three); one held back: "one new article"
    return small_site(all_seeds_root, tmp_path, keep=9, held_back=1)


def _entry_path(root: Path, index: int = 0) -> Path:
    return sorted((root / "content").glob("*.md"))[index]


def test_edit_sequence_equals_clean_build(root: Path, tmp_path: Path) -> None:
    first = _assert_same_as_clean(root, tmp_path)
    assert first.pages > 20 and (root / "site" / "page" / "1" / "index.html").exists()

    # No-op: nothing rendered, site/ untouched (same inode); once the build has seen its own
    # writes (ingest), a no-op stops after comparing mtimes and sizes.
    inode = os.stat(root / "site").st_ino
    assert _assert_same_as_clean(root, tmp_path).pages == 0
    assert os.stat(root / "site").st_ino == inode
    quick = _build(root)
    assert quick.pages == 0 and set(quick.timings) == {"inputs"} and quick.entries == first.entries
    assert quick.warnings  # the offline "translation pending" warning is repeated

    # Edit a body: the article page only.
    path = _entry_path(root)
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة جديدة أضافها المحرر.\n", encoding="utf-8")
    assert _assert_same_as_clean(root, tmp_path).pages == 1

    # A hashtag in a body that has a tag page elsewhere becomes a link: the article only.
    tag = next(t for p in sorted((root / "content").glob("*.md")) for t in read_entry(p).tags)
    path = _entry_path(root, 2)
    path.write_text(path.read_text(encoding="utf-8") + f"\nوسم #{tag.replace(' ', '_')} هنا.\n", encoding="utf-8")
    assert _assert_same_as_clean(root, tmp_path).pages == 1

    # Change tags (front matter): its page, its old and new tag pages, listings, neighbours.
    entry = read_entry(_entry_path(root, 3))
    entry.tags = [*entry.tags[1:], "وسم_جديد_للاختبار"]
    write_entry(entry, root / "content")
    changed = _assert_same_as_clean(root, tmp_path).pages
    assert 1 < changed < first.pages

    # One new article (the daily case).
    held = next((tmp_path / "held").glob("*.txt"))
    shutil.copy(held, root / "seeds" / held.name)
    added = _assert_same_as_clean(root, tmp_path)
    assert 1 < added.pages < first.pages

    # Delete an entry (and its seed, or the next build would ingest it again).
    victim = read_entry(_entry_path(root, 5))
    assert victim.seed
    (root / victim.seed).unlink()
    _entry_path(root, 5).unlink()
    _assert_same_as_clean(root, tmp_path)
    assert not (root / "site" / "articles" / victim.slug).exists()

    # Approve / reject: the publish gate and review data.
    rejected = read_entry(_entry_path(root, 4))
    rejected.review.state = "rejected"
    write_entry(rejected, root / "content")
    _assert_same_as_clean(root, tmp_path)

    # A template override: the pages using it, not the others.
    override_article(root, "مقال:")
    articles = sum(1 for _ in (root / "site" / "articles").iterdir())
    assert _assert_same_as_clean(root, tmp_path).pages == articles
    (root / "templates" / "macros.html").write_text(
        (Path(__file__).resolve().parent.parent / "templates" / "macros.html").read_text(encoding="utf-8").replace("الأقدم", "الأقدم ←"),
        encoding="utf-8",
    )
    _assert_same_as_clean(root, tmp_path)

    # Configuration: everything.
    (root / "digest.toml").write_text(SMALL_SITE_CONFIG.replace("per_page = 3", "per_page = 4") + 'title_en = "Digest"\n', encoding="utf-8")
    assert _assert_same_as_clean(root, tmp_path).pages > articles

    # The glossary (tag labels) and review mode (drafts, panel, dashboard) too.
    (root / "glossary.toml").write_text((root / "glossary.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _assert_same_as_clean(root, tmp_path, review=True)
    entry = read_entry(_entry_path(root, 0))
    entry.summary_ar = entry.summary_ar + " جملة."
    write_entry(entry, root / "content")
    _assert_same_as_clean(root, tmp_path, review=True)


def test_replaced_or_corrupt_state_means_full_build(root: Path, tmp_path: Path) -> None:
    first = _build(root)
    manifest_path(root, root / "site").write_bytes(b"not a pickle")
    assert _build(root).pages == first.pages  # corrupt manifest: full build, no error
    shutil.rmtree(root / "site")
    assert _build(root).pages == first.pages  # site/ deleted: full build
    (root / "site" / "index.html").unlink()
    os.rename(root / "site", tmp_path / "moved")
    shutil.copytree(tmp_path / "moved", root / "site")  # another tree at the same path
    assert _build(root).pages == first.pages
    assert (root / "site" / "index.html").exists()


def test_no_op_fast_path_notices_every_kind_of_input(root: Path, tmp_path: Path) -> None:
    _build(root)  # ingests: content/ changes under it, so the next build is a real one
    assert "render" in _build(root).timings
    assert set(_build(root).timings) == {"inputs"}
    path = _entry_path(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "title: ", 1).replace("title:  ", "title:", 1) + " ", encoding="utf-8")
    assert "render" in _build(root).timings  # same text plus a space: size differs
    _build(root)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # same size, newer mtime
    assert "render" in _build(root).timings
    _build(root)
    assert "render" in _build(root, drafts=True).timings  # other options
    _build(root)
    (root / "templates").mkdir()
    (root / "templates" / "extra.html").write_text("x", encoding="utf-8")
    assert "render" in _build(root).timings
    (root / "site" / "index.html").unlink()
    shutil.copytree(root / "site", tmp_path / "copy")
    shutil.rmtree(root / "site")
    os.rename(tmp_path / "copy", root / "site")
    assert _build(root).pages > 0  # another tree at site/: rebuilt
    assert (root / "site" / "index.html").exists()


def test_failed_build_keeps_site_and_manifest(root: Path, tmp_path: Path) -> None:
    _build(root)
    before = tree_bytes(root / "site")
    (root / "templates").mkdir()
    (root / "templates" / "article.html").write_text("{% if %}", encoding="utf-8")
    path = _entry_path(root)
    path.write_text(path.read_text(encoding="utf-8") + "\nتعديل.\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"templates/article\.html:1: template syntax error: "):
        _build(root)
    # What a user sees: one line naming the template and its line, exit 1, no traceback.
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"])
    assert (result.exit_code, result.output) == (
        1, "error: templates/article.html:1: template syntax error: Expected an expression, got 'end of statement block'\n"
    )
    assert tree_bytes(root / "site") == before
    # The failed build dropped the manifest (forget_manifest runs before rendering): the next
    # build is a full one, never one that trusts a manifest of a tree it did not write.
    assert not manifest_path(root, root / "site").exists()
    (root / "templates" / "article.html").unlink()
    _assert_same_as_clean(root, tmp_path)


def test_body_hashtags_cover_what_the_renderer_links(extra_dir: Path, all_seeds_root: Path) -> None:
    _build(all_seeds_root)
    for path in sorted((all_seeds_root / "content").glob("*.md")):
        body = read_entry(path).body
        linked = set(PLACEHOLDER_RE.findall(render_body(body)))
        assert linked <= set(body_hashtags(body)), path.name
    tricky = "و#أربيل، `#code` [#link](http://x) بـ#تاغ_ #_ #123"
    assert set(PLACEHOLDER_RE.findall(render_body(tricky))) <= set(body_hashtags(tricky))


@pytest.mark.parametrize("count", [0, 1, 19, 20, 21, 39, 40, 41, 59, 60, 61, 200, 201])
def test_stable_pagination(count: int) -> None:
    paging = Paging(count, 20)
    items = list(range(count))  # newest first
    shown = [item for number in paging.numbers() for item in paging.items(items, number)]
    assert sorted(shown) == items  # every item once
    assert all(len(paging.items(items, n)) == 20 for n in paging.numbers()[1:])  # numbered pages are full
    front = paging.items(items, 0)
    assert len(front) == count or 20 <= len(front) < 40
    # One more (newest) item: the numbered pages keep their items, or one page is added.
    grown = Paging(count + 1, 20)
    newer = [-1, *items]
    for number in paging.numbers()[1:]:
        assert list(grown.items(newer, number)) == list(paging.items(items, number))
    assert len(grown.numbers()) - len(paging.numbers()) in (0, 1)


def test_a_body_edit_fingerprints_only_its_article(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When nothing but bodies changed (same cards, order, tags, templates, settings), the
    last build's fingerprints stand for every other page; the tree still equals a clean build."""
    from digest.cache.fingerprint import SiteFingerprints

    _build(root)
    _build(root)  # settles what ingest wrote
    computed: list[str] = []
    original = SiteFingerprints.of_page
    monkeypatch.setattr(SiteFingerprints, "of_page", lambda self, page: computed.append(page.path) or original(self, page))
    path = _entry_path(root, 2)
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة أضافها المحرر.\n", encoding="utf-8")
    report = _build(root)
    assert report.pages == 1 and computed == [f"articles/{path.stem}/index.html"]
    monkeypatch.undo()
    clean = tmp_path / "clean"
    _build(root, out=clean)
    assert tree_bytes(root / "site") == tree_bytes(clean)
