"""Dependencies recorded while rendering (digest.render.recording): a page is re-rendered
when anything its templates actually read changes — also data no per-kind model lists, such
as a template override reading the site model, another story's body or an entry's own field."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SMALL_SITE_CONFIG, delete_entry_and_seed, override_article, rename_random_tag, small_site
from sitecheck import tree_bytes

from digest.cache.manifest import load_manifest
from digest.cli import cli
from digest.content.entries import read_entry, write_entry


@pytest.fixture(autouse=True)
def _fixed_code_stamp(fixed_code_stamp: None) -> None:
    """Every test here: a stable code stamp (see conftest.fixed_code_stamp)."""


@pytest.fixture
def root(all_seeds_root: Path, tmp_path: Path) -> Path:
    # eight articles; two held back: new articles
    return small_site(all_seeds_root, tmp_path, keep=8, held_back=2)


def _digest(root: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["-C", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _build_equals_clean(root: Path, tmp_path: Path, *options: str) -> str:
    """`digest build` (incremental) into site/, then a clean build elsewhere: identical trees."""
    output = _digest(root, "build", "--offline", *options)
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    _digest(root, "build", "--offline", "--out", str(clean), *options)
    incremental, fresh = tree_bytes(root / "site"), tree_bytes(clean)
    assert sorted(incremental) == sorted(fresh)
    assert [rel for rel in fresh if incremental[rel] != fresh[rel]] == []
    return output


def _rendered(output: str) -> int:
    """The pages a `digest build` rendered, from its summary line."""
    match = re.search(r"^build: (\d+) pages?,", output, re.M)
    assert match, output
    return int(match.group(1))


def _entries(root: Path) -> list[Path]:
    return sorted((root / "content").glob("*.md"))


def _page(root: Path, slug: str) -> str:
    return (root / "site" / "articles" / slug / "index.html").read_text(encoding="utf-8")


def _newest_and_oldest(root: Path) -> tuple[str, str]:
    entries = sorted((read_entry(p) for p in _entries(root)), key=lambda e: (e.date, e.slug))
    return entries[-1].slug, entries[0].slug


def test_a_template_reading_the_site_model_follows_a_headline_it_shows(root: Path, tmp_path: Path) -> None:
    """The bug class of issue 14: an override shows the newest headline on every article.
    The oldest article is neither its neighbour nor (necessarily) related, so no per-kind
    model predicts the dependency; the recording does."""
    _digest(root, "build", "--offline")
    override_article(root, "[الأحدث: {{ model.stories[0].entry.title }}]")
    _build_equals_clean(root, tmp_path)
    newest, oldest = _newest_and_oldest(root)
    entry = read_entry(root / "content" / f"{newest}.md")
    entry.title = "عنوان جديد كتبه المحرر"
    write_entry(entry, root / "content")
    _build_equals_clean(root, tmp_path)
    assert "[الأحدث: عنوان جديد كتبه المحرر]" in _page(root, oldest)


def test_a_template_reading_another_story_body_follows_that_body(root: Path, tmp_path: Path) -> None:
    """A body edit changes no card, order or tag: only pages that read that body re-render —
    here every article, because the override quotes the newest story's body."""
    _digest(root, "build", "--offline")
    newest, oldest = _newest_and_oldest(root)
    override_article(root, '[{{ model.by_slug["' + newest + '"].entry.body | length }}]')
    _build_equals_clean(root, tmp_path)
    path = root / "content" / f"{newest}.md"
    before = len(read_entry(path).body)
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    after = len(read_entry(path).body)
    assert after != before
    output = _build_equals_clean(root, tmp_path)
    assert f"[{after}]" in _page(root, oldest)
    assert f"\nbuild: {len(_entries(root))} pages," in output  # every article, nothing else


def test_a_template_reading_entry_extra_or_a_config_value(root: Path, tmp_path: Path) -> None:
    """A newsroom's own front-matter field and a configuration value read by an override."""
    first = _digest(root, "build", "--offline")
    override_article(root, "[{{ entry.extra.get('desk', '-') }}|{{ site.title_en }}]")
    _build_equals_clean(root, tmp_path)
    slug = _newest_and_oldest(root)[1]
    entry = read_entry(root / "content" / f"{slug}.md")
    entry.extra["desk"] = "الاقتصاد"
    write_entry(entry, root / "content")
    output = _build_equals_clean(root, tmp_path)
    assert "[الاقتصاد|" in _page(root, slug)
    # The article and the pages showing its card (a card stands for all of an entry's fields).
    assert 1 < _rendered(output) < _rendered(first)
    (root / "digest.toml").write_text(SMALL_SITE_CONFIG + 'title_en = "Desk Digest"\n', encoding="utf-8")
    _build_equals_clean(root, tmp_path)
    assert "[الاقتصاد|Desk Digest]" in _page(root, slug)


def _card_shows(root: Path, html: str) -> None:
    """A site theme whose story card (macros.html) shows `html` before the card itself."""
    (root / "templates").mkdir(exist_ok=True)
    macros = (Path(__file__).resolve().parent.parent / "templates" / "macros.html").read_text(encoding="utf-8")
    start = macros.index('<article class="card">')
    (root / "templates" / "macros.html").write_text(macros[:start] + html + "\n" + macros[start:], encoding="utf-8")


def test_a_card_macro_reading_a_body_follows_it_on_every_page_that_shows_the_card(root: Path, tmp_path: Path) -> None:
    """A theme's card shows something of the body. A card is rendered once per build and
    reused on every listing that shows it (digest.render.fragments): each of those pages
    must depend on what the card's rendering read, not only the first one to render it."""
    _card_shows(root, "<p>[{{ story.entry.body|length }} حرفًا]</p>")
    _digest(root, "build", "--offline")
    newest, _oldest = _newest_and_oldest(root)
    path = root / "content" / f"{newest}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    after = len(read_entry(path).body)
    _build_equals_clean(root, tmp_path)
    showing = [rel for rel, data in tree_bytes(root / "site").items() if f"[{after} حرفًا]".encode() in data]
    assert len(showing) >= 3, showing  # the home page, the English index, its tags' pages…


def test_a_card_macro_reading_another_story_follows_it_on_every_page_that_shows_the_card(root: Path, tmp_path: Path) -> None:
    """A theme's card shows, for each of its story's tags, the headline of that tag's newest
    entry: a read of *another* story's card while the card renders. Every page showing a card
    that read the edited headline must follow it, not only the edited story's own pages."""
    _card_shows(root, "<p>[{% for t in story.tags %}{{ t.entries[0].title }} {% endfor %}]</p>")
    _digest(root, "build", "--offline")
    newest, _oldest = _newest_and_oldest(root)
    entry = read_entry(root / "content" / f"{newest}.md")
    entry.title = "عنوان جديد للخبر الأحدث"
    write_entry(entry, root / "content")
    _build_equals_clean(root, tmp_path)
    showing = [rel for rel, data in tree_bytes(root / "site").items() if f"[{entry.title} ".encode() in data and newest not in rel]
    assert showing, "no page shows the headline through another story's card"


def test_the_manifest_keeps_what_each_page_read(root: Path) -> None:
    _digest(root, "build", "--offline")
    manifest = load_manifest(root, root / "site")
    newest, oldest = _newest_and_oldest(root)
    article = manifest.deps[f"articles/{oldest}/index.html"]
    assert {("card", oldest), ("body", oldest), ("template", "article.html"), ("template", "base.html")} <= article
    assert ("model", "stories") not in article  # the built-in theme reads no site-wide list
    assert ("card", newest) in manifest.deps["index.html"]
    assert all(manifest.dep_values[key] is not None for keys in manifest.deps.values() for key in keys)


_TEMPLATE_VARIANTS = (
    "",
    "[{{ model.stories[-1].entry.title }}]",
    "[{{ entry.extra.get('desk', '-') }}]",
    "[{{ story.tags | length }}]",
)


@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_end_equal_to_a_clean_build(root: Path, tmp_path: Path, seed: int) -> None:
    """A seeded random sequence of edits — bodies, headlines, tags and tag renames, new and
    deleted articles, template, configuration and glossary edits — checked against a clean
    build after every step (bounded: eight steps)."""
    rng = random.Random(seed)
    held = sorted((tmp_path / "held").glob("*.txt"))
    original_glossary = (root / "glossary.toml").read_text(encoding="utf-8")
    _build_equals_clean(root, tmp_path)

    def body() -> None:
        path = rng.choice(_entries(root))
        path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة {rng.randint(1, 999)}.\n", encoding="utf-8")

    def headline() -> None:
        entry = read_entry(rng.choice(_entries(root)))
        entry.title = f"{entry.title} {rng.randint(1, 99)}"
        write_entry(entry, root / "content")

    def tags() -> None:
        entry = read_entry(rng.choice(_entries(root)))
        entry.tags = [*entry.tags[1:], rng.choice(["اقتصاد", "وسم_جديد", "سياسة"])]
        write_entry(entry, root / "content")

    def rename_tag() -> None:  # one tag renamed on every entry that has it
        rename_random_tag(root, rng)

    def new_article() -> None:
        if held:
            seed_file = held.pop()
            shutil.copy(seed_file, root / "seeds" / seed_file.name)

    def delete() -> None:
        paths = _entries(root)
        if len(paths) > 4:
            delete_entry_and_seed(root, rng.choice(paths))

    def template() -> None:
        override_article(root, rng.choice(_TEMPLATE_VARIANTS))

    def configuration() -> None:
        per_page = rng.choice([2, 3, 4])
        (root / "digest.toml").write_text(SMALL_SITE_CONFIG.replace("per_page = 3", f"per_page = {per_page}"), encoding="utf-8")

    def glossary() -> None:  # (re)label the tag the other edits may add
        path = root / "glossary.toml"
        path.write_text(original_glossary + f'\n"وسم_جديد" = "New tag {rng.randint(1, 99)}"\n', encoding="utf-8")

    edits = [body, headline, tags, rename_tag, new_article, delete, template, configuration, glossary]
    for _step in range(8):
        rng.choice(edits)()
        _build_equals_clean(root, tmp_path)


def test_every_context_key_is_covered_by_its_kind_digest(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Values read through stories, entries, tags or the site model are recorded; any other
    context value (a count, a pager) only through its kind's digest. A context key that
    digest does not cover fails here instead of leaving pages stale."""
    from digest.cache.fingerprint import KIND_CONTEXT_INPUTS
    from digest.render.pagerender import PageRenderer

    seen: dict[str, set[str]] = {}
    original = PageRenderer.context

    def capture(self: PageRenderer, page: object) -> dict[str, object]:
        context = original(self, page)  # type: ignore[arg-type]
        seen.setdefault(page.kind, set()).update(context)  # type: ignore[attr-defined]
        return context

    monkeypatch.setattr(PageRenderer, "context", capture)
    _digest(root, "build", "--offline", "--review")
    assert set(seen) == set(KIND_CONTEXT_INPUTS)  # every kind rendered
    uncovered = {kind: sorted(keys - KIND_CONTEXT_INPUTS[kind]) for kind, keys in seen.items() if keys - KIND_CONTEXT_INPUTS[kind]}
    assert uncovered == {}
