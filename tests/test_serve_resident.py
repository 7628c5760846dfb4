"""digest serve's preview builder keeps the parsed entries, the manifest and the search memo in
memory between rebuilds and updates the preview folder page by page
(digest.cache.resident): after any sequence of edits the folder must equal a fresh preview
build byte for byte."""
from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import SMALL_SITE_CONFIG, delete_entry_and_seed, override_article, rename_random_tag, small_site

from digest.build.pipeline import build_site
from digest.cache.buildcache import CACHE_DIR, SEARCH_FILE
from digest.cache.inputs import _record_path
from digest.cache.manifest import load_manifest, manifest_path
from digest.content.entries import read_entry, write_entry
from digest.core.config import load_config
from digest.serve.server import PreviewBuilder


@pytest.fixture(autouse=True)
def _fixed_code_stamp(fixed_code_stamp: None) -> None:
    """Every test here: a stable code stamp (see conftest.fixed_code_stamp)."""


@pytest.fixture
def root(all_seeds_root: Path, tmp_path: Path) -> Path:
    # nine articles; one held back: "a new article"
    return small_site(all_seeds_root, tmp_path, keep=9, held_back=1)


def _tree(out: Path) -> dict[str, bytes]:
    """Every file and folder (an empty folder left behind would show) with its bytes."""
    return {str(p.relative_to(out)): (p.read_bytes() if p.is_file() else b"<dir>") for p in sorted(out.rglob("*"))}


class Preview:
    """The in-memory preview builder, as digest serve drives it, and what it printed."""

    def __init__(self, root: Path):
        self.lines: list[str] = []
        self.builder = PreviewBuilder(root, echo=self.lines.append, echo_err=self.lines.append)

    def rebuild(self) -> str:
        assert self.builder.build(), self.lines
        return self.lines[-1]


def _assert_same_as_fresh(root: Path, tmp_path: Path, preview: Preview) -> str:
    """Rebuild through the preview builder, then a fresh preview build elsewhere (no cache):
    identical trees."""
    line = preview.rebuild()
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    build_site(root, load_config(root), out=fresh, review=True, offline=True, preview=True, use_cache=False)
    kept, expected = _tree(preview.builder.out), _tree(fresh)
    assert sorted(kept) == sorted(expected)
    different = [rel for rel in expected if kept[rel] != expected[rel]]
    assert different == [], f"differs from a fresh preview build: {different[:5]}"
    # The page fingerprints the builder keeps (some computed again, most carried over: see
    # digest.cache.fingerprint.KeptDigests) equal those a fresh build computes for every page.
    resident = preview.builder.resident.manifest
    if resident is not None:
        counted = tmp_path / "fresh-counted"
        shutil.rmtree(counted, ignore_errors=True)
        manifest_path(root, counted).unlink(missing_ok=True)
        build_site(root, load_config(root), out=counted, review=True, offline=True, preview=True)
        computed = load_manifest(root, counted).files
        assert sorted(resident.files) == sorted(computed)
        stale = [rel for rel, fp in computed.items() if resident.files[rel] != fp]
        assert stale == [], f"kept fingerprints differ from fresh ones: {stale[:5]}"
    return line


def _content(root: Path, index: int) -> Path:
    return sorted((root / "content").glob("*.md"))[index]


def _article_page(preview: Preview, path: Path) -> Path:
    return preview.builder.out / "articles" / read_entry(path).slug / "index.html"


def test_edit_sequence_through_the_resident_preview_equals_a_fresh_build(root: Path, tmp_path: Path) -> None:
    preview = Preview(root)
    first = _assert_same_as_fresh(root, tmp_path, preview)
    assert " pages rendered in " in first
    out = preview.builder.out
    folder = os.stat(out).st_ino

    # A body edit: that article's page only, written in place; other pages are not touched.
    edited, other = _content(root, 0), _content(root, 1)
    other_inode = os.stat(_article_page(preview, other)).st_ino
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة جديدة أضافها المحرر.\n", encoding="utf-8")
    assert _assert_same_as_fresh(root, tmp_path, preview).startswith("1 pages rendered")
    assert "فقرة جديدة أضافها المحرر." in _article_page(preview, edited).read_text(encoding="utf-8")
    assert os.stat(_article_page(preview, other)).st_ino == other_inode
    assert os.stat(out).st_ino == folder  # updated in place, not swapped
    assert preview.builder.resident.in_place == 1

    # A no-op rebuild (a touch that changes nothing) renders nothing.
    os.utime(edited)
    assert _assert_same_as_fresh(root, tmp_path, preview).startswith("0 pages rendered")
    assert preview.builder.resident.in_place == 1  # stopped before any stage: nothing rewritten
    # ...and the touched file's next real edit is still seen.
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة ثانية.\n", encoding="utf-8")
    assert _assert_same_as_fresh(root, tmp_path, preview).startswith("1 pages rendered")
    assert "فقرة ثانية." in _article_page(preview, edited).read_text(encoding="utf-8")

    # A headline edit: its page, the listings and tag pages that show its card.
    entry = read_entry(_content(root, 2))
    entry.title = "عنوان جديد للمقال"
    write_entry(entry, root / "content")
    partial = preview.builder.resident.digests.partial
    _assert_same_as_fresh(root, tmp_path, preview)
    assert "عنوان جديد للمقال" in _article_page(preview, _content(root, 2)).read_text(encoding="utf-8")
    # Same order, dates and tags: only the fingerprints of the pages showing its card were computed.
    assert preview.builder.resident.digests.partial == partial + 1

    # A tag change: the old tag's page goes if no other entry has it, the new one comes.
    entry = read_entry(_content(root, 3))
    entry.tags = [*entry.tags[1:], "وسم_جديد_للاختبار"]
    write_entry(entry, root / "content")
    _assert_same_as_fresh(root, tmp_path, preview)

    # A new article (ingested from a new seed).
    held = next((tmp_path / "held").glob("*.txt"))
    shutil.copy(held, root / "seeds" / held.name)
    _assert_same_as_fresh(root, tmp_path, preview)

    # A seed that changed: ingest updates its entry (the review flags see the new body).
    seed_file = sorted((root / "seeds").glob("*.txt"))[1]
    seed_file.write_text(seed_file.read_text(encoding="utf-8") + "\nفقرة جديدة من المصدر.\n", encoding="utf-8")
    _assert_same_as_fresh(root, tmp_path, preview)

    # A deletion (entry and seed): its page and its folder are gone.
    victim = read_entry(_content(root, 5))
    assert victim.seed
    (root / victim.seed).unlink()
    _content(root, 5).unlink()
    _assert_same_as_fresh(root, tmp_path, preview)
    assert not (out / "articles" / victim.slug).exists()

    # A template override, then the configuration.
    override_article(root, "مقال:")
    _assert_same_as_fresh(root, tmp_path, preview)
    (root / "digest.toml").write_text(SMALL_SITE_CONFIG.replace("per_page = 3", "per_page = 4") + 'title_en = "Digest"\n', encoding="utf-8")
    _assert_same_as_fresh(root, tmp_path, preview)
    assert preview.builder.resident.in_place >= 8


def test_a_broken_file_then_fixed_comes_back_identical(root: Path, tmp_path: Path) -> None:
    preview = Preview(root)
    _assert_same_as_fresh(root, tmp_path, preview)
    path = _content(root, 1)
    good = path.read_text(encoding="utf-8")
    path.write_text("---\ntitle_ar: [unclosed\n---\nنص\n", encoding="utf-8")
    assert not preview.builder.build()
    assert any(path.name in line for line in preview.lines)
    path.write_text(good + "\nسطر.\n", encoding="utf-8")
    _assert_same_as_fresh(root, tmp_path, preview)


def test_a_template_error_half_way_then_fixed_renders_everything(root: Path, tmp_path: Path) -> None:
    preview = Preview(root)
    _assert_same_as_fresh(root, tmp_path, preview)
    (root / "templates").mkdir()
    broken = root / "templates" / "article.html"
    broken.write_text('{% extends "!builtin/article.html" %}{% block title %}{{ story.nope.deeper }}{% endblock %}', encoding="utf-8")
    assert not preview.builder.build()
    broken.write_text('{% extends "!builtin/article.html" %}{% block title %}مقال{% endblock %}', encoding="utf-8")
    _assert_same_as_fresh(root, tmp_path, preview)


def test_the_manifest_kept_in_memory_is_written_when_the_server_stops(root: Path, tmp_path: Path) -> None:
    preview = Preview(root)
    preview.rebuild()
    path = _content(root, 0)
    path.write_text(path.read_text(encoding="utf-8") + "\nسطر.\n", encoding="utf-8")
    preview.rebuild()
    out = preview.builder.out
    assert not manifest_path(root, out).exists()  # dropped while the folder changes in place
    preview.builder.close()
    assert load_manifest(root, out).describes(out)
    # A new server starts incremental: the touch-only change renders nothing.
    os.utime(path)
    again = Preview(root)
    assert again.rebuild().startswith("0 pages rendered")


def test_a_build_failing_after_its_site_model_was_patched_is_followed_by_a_correct_one(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that fails after it patched the site model (here: making the search index)
    and before the fingerprints: the next build, with no edit in between, brings every page
    showing the edited story up to date (tests/test_held_stories.py pins the guard that keeps
    kept stories from being skipped against older values)."""
    from digest.sitemodel import search

    preview = Preview(root)
    preview.rebuild()
    path = _content(root, 3)
    entry = read_entry(path)
    entry.title = entry.title + " عنوان جديد"
    write_entry(entry, root / "content")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the search index failed")

    with monkeypatch.context() as patch:
        patch.setattr(search, "search_index_json", broken)
        assert not preview.builder.build()
    assert preview.builder.resident.model.remade is not None  # the model was patched before the failure
    line = _assert_same_as_fresh(root, tmp_path, preview)  # no edit since: the story is a kept one now
    assert not line.startswith("0 pages"), line
    assert entry.title in _article_page(preview, path).read_text(encoding="utf-8")


def test_the_inputs_record_and_the_search_memo_are_kept_in_memory_and_written_when_the_server_stops(root: Path, tmp_path: Path) -> None:
    """Neither is read back or written on a rebuild; both are on disk once the server stops,
    and a new server's first build is then a no-op."""
    preview = Preview(root)
    preview.rebuild()
    out = preview.builder.out
    record, memo = _record_path(root, out), root / CACHE_DIR / SEARCH_FILE
    path = _content(root, 0)
    entry = read_entry(path)
    entry.title = entry.title + " محدث"  # a new search text: the memo changes
    write_entry(entry, root / "content")
    memo_before = memo.read_bytes() if memo.exists() else None
    assert not preview.rebuild().startswith("0 pages")
    assert not record.exists()  # forgotten as the build began, kept in memory since
    assert (memo.read_bytes() if memo.exists() else None) == memo_before
    preview.builder.close()
    assert record.exists()
    _stamp, (_code, texts) = pickle.loads(memo.read_bytes())
    assert any(entry.title in text for text in texts)
    again = Preview(root)
    assert again.rebuild().startswith("0 pages rendered")


def test_a_server_killed_without_stopping_renders_everything_at_start_not_on_the_first_edit(root: Path, tmp_path: Path) -> None:
    """The manifest is kept in memory and written when the server stops: after a server was
    killed, none describes the preview, so the next server renders every page at start-up
    (the inputs did not change, but a no-op there would make its first edit render all)."""
    preview = Preview(root)
    preview.rebuild()
    path = _content(root, 0)
    path.write_text(path.read_text(encoding="utf-8") + "\nسطر.\n", encoding="utf-8")
    preview.rebuild()
    assert not manifest_path(root, preview.builder.out).exists()  # killed now: never written
    pages = len(list(preview.builder.out.rglob("*.html")))
    again = Preview(root)
    first = again.rebuild()
    assert not first.startswith("0 pages rendered"), first
    assert int(first.split()[0]) >= pages - 1  # every page (the search page aside)
    path.write_text(path.read_text(encoding="utf-8") + "\nسطر آخر.\n", encoding="utf-8")
    assert _assert_same_as_fresh(root, tmp_path, again).startswith("1 pages rendered")


@pytest.mark.parametrize(("seed", "watched"), [(1, False), (2, False), (3, False), (4, True), (5, True)])
def test_random_edits_through_the_resident_preview_equal_a_fresh_build(root: Path, tmp_path: Path, seed: int, watched: bool) -> None:
    """What the resident builder keeps between rebuilds — the site model patched after an
    edit that keeps the order and tags (digest.cache.keptmodel), the stories' card digests,
    the review flags and their near-duplicate index — must never show: a seeded random
    sequence of edits (bodies, copied bodies, headlines, English, review states, tags and tag
    renames, new and deleted articles, template, configuration and glossary), each checked
    against a fresh preview build."""
    import random

    rng = random.Random(seed)
    preview = Preview(root)
    if watched:  # as digest serve: the watcher's stamps stand for a scan and a stat of the inputs
        from digest.core.watch import DebouncedWatcher

        watcher = DebouncedWatcher(root)
        preview.builder.resident.watch = watcher.current
    _assert_same_as_fresh(root, tmp_path, preview)
    original_glossary = (root / "glossary.toml").read_text(encoding="utf-8")

    def entries() -> list[Path]:
        return sorted((root / "content").glob("*.md"))

    def body() -> None:
        path = rng.choice(entries())
        path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة {rng.randint(1, 999)}.\n", encoding="utf-8")

    def copied_body() -> None:  # two near-duplicates (a review flag on both pages)
        source, target = rng.sample(entries(), 2)
        entry = read_entry(target)
        entry.body = read_entry(source).body
        write_entry(entry, root / "content")

    def headline() -> None:
        entry = read_entry(rng.choice(entries()))
        entry.title = f"{entry.title} {rng.randint(1, 99)}"
        write_entry(entry, root / "content")

    def english() -> None:
        entry = read_entry(rng.choice(entries()))
        entry.title_en = f"Edited headline {rng.randint(1, 99)}"
        write_entry(entry, root / "content")

    def review_state() -> None:  # a rejected entry leaves the listings; approved comes back
        entry = read_entry(rng.choice(entries()))
        entry.review.state = rng.choice(["approved", "rejected", "draft"])
        write_entry(entry, root / "content")

    def tags() -> None:
        entry = read_entry(rng.choice(entries()))
        entry.tags = [*entry.tags[1:], rng.choice(["اقتصاد", "وسم_جديد", "سياسة"])]
        write_entry(entry, root / "content")

    def rename_tag() -> None:
        rename_random_tag(root, rng)

    def new_article() -> None:
        for seed_file in sorted((tmp_path / "held").glob("*.txt")):
            shutil.move(str(seed_file), root / "seeds" / seed_file.name)
            return

    def new_entry() -> None:  # written into content/ (not ingested): any date, old and new tags
        entry = read_entry(rng.choice(entries()))
        entry.slug = f"{entry.slug}-{rng.randint(100, 999)}"
        entry.date = entry.date + dt.timedelta(days=rng.choice([-400, -3, 0, 2, 30]))
        entry.tags = rng.sample([*entry.tags, "اقتصاد", "وسم_جديد", "سياسة", "وسم آخر"], rng.randint(0, 3))
        entry.tags_en = {name: f"Label {rng.randint(1, 3)}" for name in entry.tags if rng.random() < 0.3}
        entry.seed = None
        write_entry(entry, root / "content")

    def seed_edit() -> None:  # the seed changes: ingest updates its entry in place and rewrites it
        seeds = sorted((root / "seeds").glob("*.txt"))
        if seeds:
            seed_file = rng.choice(seeds)
            seed_file.write_text(seed_file.read_text(encoding="utf-8") + f"\nفقرة من المصدر {rng.randint(1, 999)}.\n", encoding="utf-8")

    def delete() -> None:
        paths = entries()
        if len(paths) > 4:
            delete_entry_and_seed(root, rng.choice(paths))

    def template() -> None:
        override_article(root, rng.choice(["", "[{{ model.stories[-1].entry.title }}]", "[{{ story.tags | length }}]"]))

    def dashboard_row() -> None:  # the dashboard's rows are kept by value between rebuilds
        (root / "templates" / "review").mkdir(parents=True, exist_ok=True)
        (root / "templates" / "review" / "row.html").write_text(
            '{% import "!builtin/review/row.html" as builtin %}{% macro dashboard_row(row, root) %}'
            + f"<!-- {rng.randint(1, 99)} -->"
            + "{{ builtin.dashboard_row(row, root) }}{% endmacro %}",
            encoding="utf-8",
        )

    def configuration() -> None:
        (root / "digest.toml").write_text(SMALL_SITE_CONFIG.replace("per_page = 3", f"per_page = {rng.choice([2, 3, 4])}"), encoding="utf-8")

    def glossary() -> None:
        (root / "glossary.toml").write_text(original_glossary + f'\n"وسم_جديد" = "New tag {rng.randint(1, 99)}"\n', encoding="utf-8")

    edits = [body, body, copied_body, headline, english, review_state, tags, rename_tag, new_article, new_entry, new_entry, seed_edit, delete,
             template, dashboard_row, configuration, glossary]
    for _step in range(10):
        rng.choice(edits)()
        _assert_same_as_fresh(root, tmp_path, preview)
    # One more body edit and headline edit: the kept model is patched, not rebuilt.
    reused = preview.builder.resident.model.reused
    body()
    _assert_same_as_fresh(root, tmp_path, preview)
    headline()
    _assert_same_as_fresh(root, tmp_path, preview)
    assert preview.builder.resident.model.reused == reused + 2


def test_the_dashboard_rows_kept_between_rebuilds_follow_entries_and_the_row_template(root: Path, tmp_path: Path) -> None:
    """The review dashboard's rows are kept by value between rebuilds
    (digest.render.fragments.KeptRows): a changed entry's row, and every row after the row
    template changed, must be rendered again."""
    preview = Preview(root)
    _assert_same_as_fresh(root, tmp_path, preview)
    dashboard = preview.builder.out / "review" / "index.html"
    path = _content(root, 2)
    entry = read_entry(path)
    entry.title = "عنوان جديد للوحة المراجعة"
    write_entry(entry, root / "content")
    _assert_same_as_fresh(root, tmp_path, preview)
    assert "عنوان جديد للوحة المراجعة" in dashboard.read_text(encoding="utf-8")
    (root / "templates" / "review").mkdir(parents=True)
    (root / "templates" / "review" / "row.html").write_text(
        '{% macro dashboard_row(row, root) %}<tr class="mine"><td>{{ row.slug }}</td></tr>\n{% endmacro %}', encoding="utf-8"
    )
    _assert_same_as_fresh(root, tmp_path, preview)
    page = dashboard.read_text(encoding="utf-8")
    assert page.count('<tr class="mine">') == len(list((root / "content").glob("*.md")))
    assert f'<tr class="mine"><td>{entry.slug}</td></tr>' in page


def test_a_new_newest_article_keeps_the_related_lists_of_stories_sharing_no_tag_with_it(root: Path, tmp_path: Path) -> None:
    """A new story in first place moves every other index by one: the related lists of the
    stories sharing no tag with it still hold and are carried over
    (digest.cache.fingerprint._related_after_a_new_first_story); those sharing one are
    computed again. Pages and fingerprints must equal a fresh build's."""
    import datetime as dt

    preview = Preview(root)
    preview.rebuild()  # ingests the seeds
    template = read_entry(_content(root, 0))
    pool = ["وسم_أ", "وسم_ب", "وسم_ج", "وسم_د", "وسم_هـ"]
    oldest = dt.date(2020, 1, 1)
    for n in range(24):  # stories sharing tags in overlapping groups, dated a day apart
        entry = read_entry(_content(root, 0))
        entry.slug, entry.seed, entry.seed_sha256 = f"قصة-{n}", None, None
        entry.title = f"{template.title} {n}"
        entry.date = oldest + dt.timedelta(days=n)
        entry.tags = [pool[n % 5], pool[(n * 3 + 1) % 5]] if n % 4 else [pool[n % 5]]
        write_entry(entry, root / "content")
    _assert_same_as_fresh(root, tmp_path, preview)
    newest = max(read_entry(path).date for path in (root / "content").glob("*.md"))
    for n, tags in enumerate([["وسم_أ"], ["وسم_جديد"], ["وسم_ب", "وسم_ج"]]):
        entry = read_entry(_content(root, 0))
        entry.slug, entry.seed, entry.seed_sha256 = f"جديدة-{n}", None, None
        entry.title = f"قصة جديدة {n}"
        entry.date = newest + dt.timedelta(days=n + 1)
        entry.tags = tags
        write_entry(entry, root / "content")
        carried = preview.builder.resident.digests.related_carried
        _assert_same_as_fresh(root, tmp_path, preview)
        assert preview.builder.resident.digests.related_carried > carried  # the lists were carried, not all computed


def test_the_desk_reads_its_queue_from_the_kept_rows_only_when_the_dashboard_holds_them(root: Path, tmp_path: Path) -> None:
    """The review desk's queue (the dashboard's order, states and flags) comes from the rows
    the builder rendered (digest.render.fragments.KeptRows) when the dashboard file holds
    exactly their HTML, and from parsing the file otherwise — the same queue either way."""
    from digest.serve.desk import Desk

    preview = Preview(root)
    preview.rebuild()
    out = preview.builder.out
    entry = read_entry(_content(root, 2))
    entry.review.state = "rejected"
    write_entry(entry, root / "content")
    preview.rebuild()

    def queue(kept: bool) -> list[tuple[str, str, tuple[str, ...]]]:
        desk = Desk(root, out, "test", "127.0.0.1")
        if kept:
            desk.kept_rows = lambda: preview.builder.resident.rows
        return [(row.slug, row.state, row.flags) for row in desk.queue()]

    parsed = queue(kept=False)
    assert len(parsed) == len(list((root / "content").glob("*.md")))
    assert (entry.slug, "rejected", parsed[[s for s, _st, _f in parsed].index(entry.slug)][2]) in parsed
    assert preview.builder.resident.rows.shown and preview.builder.resident.rows.shown in (out / "review" / "index.html").read_text(encoding="utf-8")
    assert queue(kept=True) == parsed
    # A dashboard of the site's own that does not show the kept rows: the file is parsed.
    preview.builder.resident.rows.html = dict(reversed(list(preview.builder.resident.rows.html.items())))
    preview.builder.resident.rows.shown = "<tr>not in the file</tr>"
    assert queue(kept=True) == parsed


@pytest.mark.parametrize("watch_mode", ["inotify", "poll"])
def test_a_new_seed_is_built_once_and_an_entry_edited_after_ingest_still_counts(
    root: Path, tmp_path: Path, watch_mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """digest serve: ingest writes the new article's entry during the build that ingests its
    seed; the watcher then sees content/ change. That write is the build's own (built and
    read already): taken as seen, not built a second time. The same file edited again after
    the build is an edit, reported as usual."""
    from digest.core.watch import DebouncedWatcher

    monkeypatch.setenv("DIGEST_WATCH", watch_mode)
    preview = Preview(root)
    preview.rebuild()
    watcher = DebouncedWatcher(root, quiet=0.0)
    if watcher.event_driven:
        preview.builder.resident.watch = watcher.current

    def batch() -> list[str]:
        # A poll reads what changed; with nothing new, the next one hands the batch over (quiet = 0).
        return watcher.poll() + watcher.poll()

    held = sorted((tmp_path / "held").glob("*.txt"))[0]
    shutil.copy(held, root / "seeds" / held.name)
    assert batch() == [f"seeds/{held.name}"]
    assert preview.builder.build()
    written = preview.builder.written_inputs
    assert len(written) == 1 and written[0][0].startswith("content/")
    watcher.current(absorb=False)  # as a build's render stage may: the write is then pending
    watcher.absorb_unchanged(written)
    assert batch() == []  # no second build for ingest's own write

    path = root / written[0][0]
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة أضافها المحرر.\n", encoding="utf-8")
    watcher.absorb_unchanged(written)  # the stamp no longer matches: not absorbed
    assert batch() == [written[0][0]]
    watcher.close()


def test_a_new_article_fingerprints_only_the_pages_it_changes(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new newest article changes the order of every listing, but a page's fingerprint
    reads only its own part of it (its listing's stories and pager, an article's neighbours
    and related list: its shape). The preview fingerprints again the pages whose shape or
    atoms changed — here a minority — and the kept fingerprints still equal a fresh build's."""
    from digest.cache.fingerprint import SiteFingerprints

    preview = Preview(root)
    _assert_same_as_fresh(root, tmp_path, preview)
    preview.rebuild()  # settled: ingest's writes read back
    computed: list[str] = []
    original = SiteFingerprints.of_page
    monkeypatch.setattr(SiteFingerprints, "of_page", lambda self, page: computed.append(page.path) or original(self, page))
    held = sorted((tmp_path / "held").glob("*.txt"))[0]
    shutil.copy(held, root / "seeds" / held.name)
    partial = preview.builder.resident.digests.partial
    inserted = preview.builder.resident.model.inserted
    from digest.build import pipeline

    loads: list[object] = []
    load_content = pipeline.load_content
    monkeypatch.setattr(pipeline, "load_content", lambda *args, **kwargs: loads.append(args) or load_content(*args, **kwargs))
    preview.rebuild()
    assert preview.builder.resident.digests.partial == partial + 1
    assert preview.builder.resident.model.inserted == inserted + 1  # the kept model took it in
    assert len(loads) == 1  # content/ loaded once: the new entry's file put in after ingest (loading.with_new_files)
    pages = len(preview.builder.resident.digests.fingerprints)
    assert 0 < len(computed) < pages / 2, (len(computed), pages)
    monkeypatch.undo()
    _assert_same_as_fresh(root, tmp_path, preview)


def test_the_plan_is_kept_while_the_site_model_is_patched_and_made_again_when_the_pages_change(root: Path, tmp_path: Path) -> None:
    """A body edit keeps the stories, order, dates and tags: the last build's pages and
    sitemap are reused (the same objects). A new tag makes the model afresh: planned again,
    with the new tag's pages and sitemap URLs. Either way the preview equals a fresh build."""
    from digest.text.hashtags import tag_key

    preview = Preview(root)
    preview.rebuild()
    kept = preview.builder.resident.plan
    assert kept is not None
    path = _content(root, 0)
    entry = read_entry(path)
    entry.body += "\n\nفقرة أضيفت للتو.\n"
    write_entry(entry, root / "content")
    _assert_same_as_fresh(root, tmp_path, preview)
    again = preview.builder.resident.plan
    assert again is not None and again[1] is kept[1] and all(a is b for a, b in zip(again[0], kept[0], strict=True))

    entry = read_entry(path)
    entry.tags = [*entry.tags, "وسم_لم_يكن"]
    write_entry(entry, root / "content")
    _assert_same_as_fresh(root, tmp_path, preview)
    planned = preview.builder.resident.plan
    assert planned is not None and planned[1] is not kept[1]
    new_tag = tag_key("وسم_لم_يكن")
    assert new_tag in {p.key for p in planned[0] if p.kind == "tag"} - {p.key for p in kept[0] if p.kind == "tag"}


def test_a_new_article_is_planned_from_the_last_plan(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new article taken into the kept site model: its pages are added to the last plan
    (digest.sitemodel.pages.plan_with_new_story), not every page planned again; the preview
    equals a fresh build."""
    from digest.sitemodel import pages

    preview = Preview(root)
    preview.rebuild()
    full: list[int] = []
    real = pages.plan_pages
    monkeypatch.setattr(pages, "plan_pages", lambda site: full.append(1) or real(site))
    held = next((tmp_path / "held").glob("*.txt"))
    shutil.copy(held, root / "seeds" / held.name)
    assert preview.rebuild()
    assert preview.builder.resident.model.new_entry is not None
    assert full == []
    monkeypatch.setattr(pages, "plan_pages", real)
    _assert_same_as_fresh(root, tmp_path, preview)


def test_with_its_watcher_a_rebuild_parses_only_the_edited_file(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """content/ is made from the last build's (digest.cache.loading.with_changed_files), not
    listed and looked up file by file again."""
    from digest.build import pipeline
    from digest.core.watch import DebouncedWatcher

    preview = Preview(root)
    watcher = DebouncedWatcher(root)
    preview.builder.resident.watch = watcher.current
    preview.rebuild()
    full_loads: list[int] = []
    real = pipeline.load_content
    monkeypatch.setattr(pipeline, "load_content", lambda *a, **k: full_loads.append(1) or real(*a, **k))
    path = _content(root, 2)
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة من المحرر.\n", encoding="utf-8")
    assert preview.rebuild().startswith("1 pages rendered")
    assert full_loads == []
    assert preview.builder.resident.loaded is not None and preview.builder.resident.loaded.parsed == 1
    _assert_same_as_fresh(root, tmp_path, preview)
    watcher.close()


def test_a_seed_whose_headline_changed_shows_the_new_headline_in_the_dashboard(root: Path, tmp_path: Path) -> None:
    """Ingest updates the entry of a changed seed in place (the same object): what was kept by
    entry object — the site model, the dashboard's rows (sitemodel.dashboard.RowMemo) — is
    forgotten, so the row shows the new headline."""
    preview = Preview(root)
    _assert_same_as_fresh(root, tmp_path, preview)
    seed_file = sorted((root / "seeds").glob("*.txt"))[2]
    lines = seed_file.read_text(encoding="utf-8").split("\n")
    lines[0] = "عنوان المصدر بعد التعديل"
    seed_file.write_text("\n".join(lines), encoding="utf-8")
    _assert_same_as_fresh(root, tmp_path, preview)
    assert "عنوان المصدر بعد التعديل" in (preview.builder.out / "review" / "index.html").read_text(encoding="utf-8")


def test_the_first_preview_build_keeps_the_dashboard_rows_even_with_render_workers(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first (full) preview build renders its pages in forked workers on a large site;
    the review dashboard is rendered in the server's own process, so the rows it keeps are
    there and the first edit renders one row, not all of them."""
    from digest.render import pagerender

    monkeypatch.setattr(pagerender, "MIN_PAGES_PER_WORKER", 1)  # workers even for nine articles
    (root / "digest.toml").write_text(SMALL_SITE_CONFIG + "\n[build]\nworkers = 2\n", encoding="utf-8")
    preview = Preview(root)
    preview.rebuild()
    rows = preview.builder.resident.rows
    assert len(rows.rows) == len(list((root / "content").glob("*.md")))
    memo = preview.builder.resident.model.rows
    assert len(memo.rows) == len(rows.rows)
    path = _content(root, 1)
    entry = read_entry(path)
    entry.title = entry.title + " (محدث)"
    write_entry(entry, root / "content")
    kept = dict(rows.by_id)
    _assert_same_as_fresh(root, tmp_path, preview)
    assert entry.title in (preview.builder.out / "review" / "index.html").read_text(encoding="utf-8")
    again = [row for row, _html in rows.by_id.values() if id(row) in kept]
    assert len(again) == len(rows.rows) - 1  # every row but the edited one taken as it was
