"""Issue 17: what editors would lose without warning, checked from the CLI as a user sees it
(content files, `digest list --json`, `digest review`, feed.xml). Each test here failed
against a bug of its kind planted in the code (see docs/pending/h-tests.md)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SEED_FILE
from libre_stub import LibreStub

from digest.cli import cli

EDITOR_TITLE = "عنوان حرره المحرر"
SEED_TITLE = "التحالف الدولي عن قصف قواتها: ليس لدينا قواعد.. الميليشيات تستهدف العراقيين"


def digest(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["-C", str(root), *args])
    assert "Traceback" not in result.output
    return result


def ok(root: Path, *args: str) -> str:
    result = digest(root, *args)
    assert result.exit_code == 0, result.output
    return result.output


def only_entry(root: Path) -> Path:
    (path,) = (root / "content").glob("*.md")
    return path


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (old, text[:600])
    path.write_text(text.replace(old, new), encoding="utf-8")


def front_matter(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[0]


def listed(root: Path) -> dict:
    (item,) = json.loads(digest(root, "list", "--json").stdout)
    return item


# --- an editor's headline survives every later change of its seed, not just the first ---------


def test_editor_headline_survives_the_second_and_third_seed_change(site_root: Path) -> None:
    assert "ingest: 1 new, 0 updated, 0 unchanged, 0 failed" in ok(site_root, "ingest")
    entry = only_entry(site_root)
    replace_in(entry, f'title: "{SEED_TITLE}"', f"title: {EDITOR_TITLE}")
    seed = site_root / "seeds" / SEED_FILE.name
    for old_byline, new_byline in [("وكالات", "رويترز"), ("رويترز", "فرانس برس"), ("فرانس برس", "الأناضول")]:
        replace_in(seed, f"\n{old_byline}\n", f"\n{new_byline}\n")
        assert "ingest: 0 new, 1 updated, 0 unchanged, 0 failed" in ok(site_root, "ingest")
        assert f"\ntitle: {EDITOR_TITLE}\n" in front_matter(entry)
        item = listed(site_root)
        assert (item["title"], item["source"]) == (EDITOR_TITLE, new_byline)  # the seed's own change arrived


def test_editor_summary_survives_the_second_seed_change(site_root: Path) -> None:
    ok(site_root, "ingest")
    entry = only_entry(site_root)
    text = entry.read_text(encoding="utf-8")
    summary_line = re.search(r"^summary_ar: .*$", text, re.M)
    assert summary_line
    entry.write_text(text.replace(summary_line.group(0), "summary_ar: ملخص كتبه المحرر."), encoding="utf-8")
    seed = site_root / "seeds" / SEED_FILE.name
    for n in (1, 2):
        seed.write_text(seed.read_text(encoding="utf-8").replace("\n\nهل أعجبك", f"\n\nفقرة جديدة رقم {n} عن #الموصل.\n\nهل أعجبك"), encoding="utf-8")
        ok(site_root, "ingest")
        assert listed(site_root)["summary_ar"] == "ملخص كتبه المحرر."
    assert [t["name"] for t in listed(site_root)["tags"]][-1] == "الموصل"  # untouched tags follow the seed


# --- editors' end-of-line YAML comments, in a file without a whole-line comment ---------------


def test_end_of_line_comments_survive_reingest_without_any_whole_line_comment(site_root: Path) -> None:
    ok(site_root, "ingest")
    entry = only_entry(site_root)
    replace_in(entry, "\ntags:\n", "\ntags:  # order checked by Sam\n")
    replace_in(entry, "\ndate_source: ingest\n", "\ndate_source: ingest  # the wire had no date\n")
    assert not re.search(r"^\s*#", front_matter(entry), re.M)  # no whole-line comment anywhere
    seed = site_root / "seeds" / SEED_FILE.name
    replace_in(seed, "\nوكالات\n", "\nرويترز\n")
    assert "1 updated" in ok(site_root, "ingest")
    after = front_matter(entry)
    assert "\ntags:  # order checked by Sam\n" in after
    assert "\ndate_source: ingest  # the wire had no date\n" in after
    assert "\nsource: رويترز\n" in after


# --- stale English is never shown as current --------------------------------------------------


@pytest.fixture
def translated(site_root: Path) -> Path:
    """The seed ingested and machine-translated through the loopback LibreTranslate stub."""
    ok(site_root, "ingest")
    with LibreStub() as stub:
        out = ok(site_root, "translate", "--provider", "libre", "--provider-url", stub.url)
    assert "1 translated" in out
    item = listed(site_root)
    assert item["translation"] == {"status": "machine", "provider": "libre"}
    assert item["review"]["flags"] == [] or "translation-stale" not in item["review"]["flags"]
    return site_root


def _stale_everywhere(root: Path) -> None:
    item = listed(root)
    assert item["translation"] == {"status": "stale", "provider": "libre"}
    (reviewed,) = json.loads(digest(root, "review", "list", "--json").stdout)
    assert reviewed["translation"]["status"] == "stale"
    assert "translation-stale" in reviewed["review"]["flags"]
    refused = digest(root, "review", "approve", item["slug"])
    assert refused.exit_code == 1
    assert "the English translation is stale; translate or edit it first, or approve anyway with --force" in refused.output
    assert "\n  state: draft\n" in only_entry(root).read_text(encoding="utf-8")


def test_english_of_an_arabic_headline_the_editor_rewrote_is_stale(translated: Path) -> None:
    # The status line still says "machine": only the recorded hash of the Arabic tells.
    replace_in(only_entry(translated), f'title: "{SEED_TITLE}"', f"title: {EDITOR_TITLE}")
    assert "\n  status: machine\n" in only_entry(translated).read_text(encoding="utf-8")
    _stale_everywhere(translated)


def test_english_of_a_changed_seed_is_stale(translated: Path) -> None:
    seed = translated / "seeds" / SEED_FILE.name
    replace_in(seed, "ليس لدينا قواعد..", "لا قواعد لنا..", count=2)  # the headline, captured twice
    assert "1 updated" in ok(translated, "ingest")
    _stale_everywhere(translated)


def test_retranslating_makes_it_current_again(translated: Path) -> None:
    replace_in(only_entry(translated), f'title: "{SEED_TITLE}"', f"title: {EDITOR_TITLE}")
    with LibreStub() as stub:
        ok(translated, "translate", "--provider", "libre", "--provider-url", stub.url)
    item = listed(translated)
    assert item["translation"] == {"status": "machine", "provider": "libre"}
    assert "translation-stale" not in item["review"]["flags"]


# --- Atom feed dates ------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def _entry_file(slug: str, title: str, date: str, tags: list[str]) -> str:
    tag_lines = "".join(f"- {t}\n" for t in tags)
    return (
        f"---\ntitle: {title}\ndate: {date}\ntags:\n{tag_lines}summary_ar: ملخص {title}.\n"
        f"review:\n  state: approved\n  by: سارة\n---\n\nنص الخبر {title}.\n"
    )


@pytest.fixture
def dated_site(tmp_path: Path) -> Path:
    """Three approved entries written by hand, their dates out of order of their names."""
    root = tmp_path / "dated"
    (root / "content").mkdir(parents=True)
    for slug, title, date, tags in [
        ("a-middle", "خبر الوسط", "2018-02-03", ["العراق"]),
        ("b-oldest", "الخبر الأقدم", "2017-03-09", ["العراق", "سوريا"]),
        ("c-newest", "الخبر الأحدث", "2018-08-11", ["سوريا"]),
    ]:
        (root / "content" / f"{slug}.md").write_text(_entry_file(slug, title, date, tags), encoding="utf-8")
    replace_in(root / "content" / "c-newest.md", "summary_ar:", (
        "source: وكالات\nsource_url: https://wire.example.com/a?b=1&c=2\ntitle_en: The newest story\n"
        "summary_en: Summary <of> the newest.\ntranslation:\n  status: edited\nsummary_ar:"
    ))
    ok(root, "build", "--offline", "--base-url", "https://news.example.org/")
    return root


def _feed(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    feed = ET.parse(path).getroot()
    entries = [
        (e.findtext(f"{ATOM}title") or "", e.findtext(f"{ATOM}published") or "", e.findtext(f"{ATOM}updated") or "")
        for e in feed.findall(f"{ATOM}entry")
    ]
    return feed.findtext(f"{ATOM}updated") or "", entries


def test_atom_feed_is_updated_at_its_newest_story_with_a_full_timestamp(dated_site: Path) -> None:
    updated, entries = _feed(dated_site / "site" / "feed.xml")
    assert updated == "2018-08-11T00:00:00Z"
    assert entries == [
        ("الخبر الأحدث", "2018-08-11T00:00:00Z", "2018-08-11T00:00:00Z"),
        ("خبر الوسط", "2018-02-03T00:00:00Z", "2018-02-03T00:00:00Z"),
        ("الخبر الأقدم", "2017-03-09T00:00:00Z", "2017-03-09T00:00:00Z"),
    ]


def test_tag_feeds_are_updated_at_their_own_newest_story(dated_site: Path) -> None:
    iraq, iraq_entries = _feed(dated_site / "site" / "tags" / "العراق" / "feed.xml")
    syria, syria_entries = _feed(dated_site / "site" / "tags" / "سوريا" / "feed.xml")
    assert (iraq, [e[2] for e in iraq_entries]) == ("2018-02-03T00:00:00Z", ["2018-02-03T00:00:00Z", "2017-03-09T00:00:00Z"])
    assert (syria, [e[2] for e in syria_entries]) == ("2018-08-11T00:00:00Z", ["2018-08-11T00:00:00Z", "2017-03-09T00:00:00Z"])


def test_every_atom_date_is_an_rfc3339_timestamp(dated_site: Path) -> None:
    rfc3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
    feeds = sorted((dated_site / "site").rglob("feed.xml"))
    assert len(feeds) == 3  # the site's and one per tag
    for path in feeds:
        text = path.read_text(encoding="utf-8")
        dates = re.findall(r"<(?:updated|published)>([^<]*)</", text)
        assert dates and all(rfc3339.fullmatch(d) for d in dates), (path, dates)


# --- a paragraph repeated with other spacing or line wrapping is a duplicate ------------------

REPEATED = "وقال المتحدث باسم التحالف الكولونيل “واين ماروتو”، إن «جميع الهجمات تستهدف مواقع القوات العراقية، وتتسبب بوقوع ضحايا من صفوفهم»."


@pytest.mark.parametrize(
    "respaced",
    [
        REPEATED.replace(" ", "  "),  # double spaces
        REPEATED.replace("، إن ", "،\nإن "),  # wrapped onto two lines
        "  " + REPEATED + " \t",  # indented, trailing blanks
        REPEATED.replace(" ", "\u00a0", 3),  # no-break spaces (str.split() treats them as blanks)
    ],
    ids=["double-spaces", "wrapped", "padded", "nbsp"],
)
def test_a_paragraph_repeated_with_other_whitespace_is_dropped_as_a_duplicate(site_root: Path, respaced: str) -> None:
    seed = site_root / "seeds" / SEED_FILE.name
    text = seed.read_text(encoding="utf-8")
    assert text.count(REPEATED) == 1
    seed.write_text(text.replace("\n\nهل أعجبك", f"\n\n{respaced}\n\nهل أعجبك"), encoding="utf-8")
    ok(site_root, "ingest")
    entry = only_entry(site_root).read_text(encoding="utf-8")
    body = entry.split("\n---\n", 1)[1]
    assert body.count("واين ماروتو") == 1
    assert "reason: duplicate" in front_matter(only_entry(site_root))


def _jsonld(page: Path) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    assert match
    assert "<" not in match.group(1) and "&" not in match.group(1)  # \\u escapes inside <script>
    return json.loads(match.group(1))


def test_article_json_ld_describes_the_story_and_its_english(dated_site: Path) -> None:
    assert _jsonld(dated_site / "site" / "articles" / "c-newest" / "index.html") == JSONLD_NEWEST
    older = _jsonld(dated_site / "site" / "articles" / "b-oldest" / "index.html")
    assert "workTranslation" not in older and "sourceOrganization" not in older and "isBasedOn" not in older
JSONLD_NEWEST = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "datePublished": "2018-08-11",
    "description": "ملخص الخبر الأحدث.",
    "headline": "الخبر الأحدث",
    "inLanguage": "ar",
    "isBasedOn": "https://wire.example.com/a?b=1&c=2",
    "keywords": ["سوريا"],
    "publisher": {"@type": "Organization", "name": "The Digest"},
    "sourceOrganization": {"@type": "Organization", "name": "وكالات"},
    "url": "https://news.example.org/articles/c-newest/",
    "workTranslation": {
        "@type": "NewsArticle",
        "description": "Summary <of> the newest.",
        "headline": "The newest story",
        "inLanguage": "en",
        "translator": {"@type": "Organization", "name": "Digest editors"},  # site.author: the English is the editors'
    },
}


def test_search_index_rows_hold_the_folded_arabic_and_the_english(dated_site: Path) -> None:
    index = json.loads((dated_site / "site" / "search.json").read_text(encoding="utf-8"))
    assert index == SEARCH_INDEX
# Arabic folded as search.js folds the query (أ → ا); English casefolded; no English → "" and null.
SEARCH_INDEX = {
    "version": 1,
    "fields": ["url", "title", "title_en", "date", "ar", "en"],
    "entries": [
        ["articles/c-newest/", "الخبر الأحدث", "The newest story", "2018-08-11",
         "الخبر الاحدث ملخص الخبر الاحدث. وكالات سوريا", "the newest story summary <of> the newest."],
        ["articles/a-middle/", "خبر الوسط", None, "2018-02-03", "خبر الوسط ملخص خبر الوسط. العراق", ""],
        ["articles/b-oldest/", "الخبر الأقدم", None, "2017-03-09", "الخبر الاقدم ملخص الخبر الاقدم. العراق سوريا", ""],
    ],
}


def test_review_panel_of_stale_english_offers_the_forced_approval(translated: Path) -> None:
    replace_in(only_entry(translated), f'title: "{SEED_TITLE}"', f"title: {EDITOR_TITLE}")
    ok(translated, "build", "--offline", "--review", "--out", str(translated / "preview"))
    slug = only_entry(translated).stem
    page = (translated / "preview" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert f"digest review approve &#39;{slug}&#39; --force" in page  # without --force it would be refused
