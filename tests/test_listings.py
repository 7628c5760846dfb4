"""What readers and editors see on listings (README "The site", "Editorial review"): the
Arabic summary on the Arabic listings, what is pending said in English on en/, and a review
flag for a body hashtag that is not a tag."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli import cli

ENTRY = """---
title: زيارة إلى أربيل
date: 2024-05-01
tags: [أربيل]
summary_ar: زار الوفد مدينة أربيل & التقى "المسؤولين" في CNN.
{english}---
زار الوفد مدينة #أربيل اليوم. وناقش ملف #تونس مع المسؤولين.
"""
SUMMARY_AR_HTML = '<p class="summary-ar" lang="ar">زار الوفد مدينة أربيل &amp; التقى &#34;المسؤولين&#34; في <bdi dir="ltr">CNN</bdi>.</p>'


def digest(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["-C", str(root), *args])


def make_site(tmp_path: Path, english: str = "") -> Path:
    root = tmp_path / "root"
    (root / "content").mkdir(parents=True)
    (root / "content" / "visit.md").write_text(ENTRY.format(english=english), encoding="utf-8")
    result = digest(root, "build", "--offline", "--drafts")
    assert result.exit_code == 0, result.output
    return root


def read(root: Path, page: str) -> str:
    return (root / "site" / page).read_text(encoding="utf-8")


def test_arabic_listings_show_the_arabic_summary(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    card_start = '<h3 class="card-title" lang="ar"><a href="{root}articles/visit/">زيارة إلى أربيل</a></h3>\n  ' + SUMMARY_AR_HTML + "\n"
    assert card_start.format(root="") in read(root, "index.html")
    assert card_start.format(root="../../") in read(root, "tags/اربيل/index.html")
    assert card_start.format(root="../../../") in read(root, "archive/2024/05/index.html")
    assert '<p class="pending">Translation pending</p>' in read(root, "index.html")
    assert "summary-ar" not in read(root, "en/index.html")  # the English index stays English


@pytest.mark.parametrize(
    ("english", "pending"),
    [
        ("", "Not translated yet: the English headline and summary are pending; the headline above is the Arabic original."),
        ("summary_en: The delegation visited Erbil.\n", "English headline pending; the headline above is the Arabic original."),
        ("title_en: A visit to Erbil\n", "English summary pending."),
    ],
)
def test_the_english_index_says_what_is_pending(tmp_path: Path, english: str, pending: str) -> None:
    html = read(make_site(tmp_path, english), "en/index.html")
    assert f'<p class="pending">{pending}</p>    <p class="meta"><time datetime="2024-05-01">1 May 2024</time>' in html
    assert html.count('class="pending"') == 1


def test_the_english_index_has_no_pending_note_when_the_english_is_there(tmp_path: Path) -> None:
    html = read(make_site(tmp_path, "title_en: A visit to Erbil\nsummary_en: The delegation visited Erbil.\n"), "en/index.html")
    assert '<h3><a href="../articles/visit/">A visit to Erbil</a></h3>' in html
    assert '<p class="summary">The delegation visited Erbil.</p>' in html
    assert 'class="pending"' not in html


def test_a_body_hashtag_that_is_not_a_tag_is_flagged_for_the_editor(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    # Plain text on the page (no tag page), the tag of the entry a link.
    article = read(root, "articles/visit/index.html")
    assert '<bdi class="hashtag">#تونس</bdi>' in article
    assert '<a class="hashtag" href="../../tags/اربيل/"><bdi>#أربيل</bdi></a>' in article
    assert not (root / "site" / "tags" / "تونس").exists()

    listed = json.loads(digest(root, "review", "list", "--json").output)
    assert listed[0]["review"]["flags"] == ["translation-pending", "summary-length", "tag-unlabelled", "hashtag-not-tag"]
    table = digest(root, "review", "list", "--flag", "hashtag-not-tag").output
    assert "hashtag-not-tag" in table and " visit\n" in table
    preview = root / "preview"
    assert digest(root, "build", "--offline", "--review", "--out", str(preview)).exit_code == 0
    panel = (preview / "articles" / "visit" / "index.html").read_text(encoding="utf-8")
    assert (
        "<dt><code>hashtag-not-tag</code></dt>\n    <dd>A hashtag in the body is not one of the entry&#39;s tags, so it is not a tag: "
        "no tag page, and linked only if another entry has that tag.<br><bdi>in the body but not in tags: #تونس "
        "(add to tags: to make a tag, or remove the #)</bdi></dd>"
    ) in panel

    # The editor adds it to tags: no flag; a tag page and a link.
    content = root / "content" / "visit.md"
    content.write_text(content.read_text(encoding="utf-8").replace("tags: [أربيل]", "tags: [أربيل, تونس]"), encoding="utf-8")
    assert digest(root, "build", "--offline", "--drafts").exit_code == 0
    assert "hashtag-not-tag" not in json.loads(digest(root, "review", "list", "--json").output)[0]["review"]["flags"]
    assert '<a class="hashtag" href="../../tags/تونس/"><bdi>#تونس</bdi></a>' in read(root, "articles/visit/index.html")
    assert (root / "site" / "tags" / "تونس" / "index.html").is_file()


def test_a_new_article_leaves_the_numbered_pages_of_its_tags_as_they_were(all_seeds_root: Path, tmp_path: Path) -> None:
    """Stable paging (digest.sitemodel.paging): a tag's numbered pages are fixed blocks of
    older entries, so a new entry changes its front page (which shows the count) and, when a
    block fills, the page before the new one, and no other: a deploy uploads a few files."""
    import dataclasses
    import datetime as dt

    from conftest import small_site
    from sitecheck import tree_bytes

    from digest.content.entries import read_entry, write_entry

    root = small_site(all_seeds_root, tmp_path, keep=16, held_back=0)
    assert CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"]).exit_code == 0
    files = sorted((root / "content").glob("*.md"))
    for path in files:  # one tag on every entry: 16 of them, three to a page
        entry = read_entry(path)
        entry.tags = [*entry.tags, "ملف"]
        write_entry(entry, root / "content")
    assert CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"]).exit_code == 0
    fronts = [p for p in (root / "site" / "tags").glob("*/index.html") if "#ملف</bdi>" in p.read_text(encoding="utf-8")]
    assert len(fronts) == 1
    folder = fronts[0].parent
    before = tree_bytes(folder)
    numbered = sorted(rel for rel in before if rel.startswith("page/"))
    assert len(numbered) >= 3
    assert "16 مادة" in (folder / "index.html").read_text(encoding="utf-8")
    assert all('<p class="tag-count"><a ' in before[rel].decode("utf-8") for rel in numbered)  # the feed link alone

    newest = max((read_entry(p) for p in files), key=lambda e: (e.date, e.slug))
    added = dataclasses.replace(newest, slug="خبر-جديد-في-الملف", date=newest.date + dt.timedelta(days=1), title="خبر جديد في الملف")
    write_entry(added, root / "content")
    assert CliRunner().invoke(cli, ["-C", str(root), "build", "--offline"]).exit_code == 0
    after = tree_bytes(folder)
    assert "17 مادة" in after["index.html"].decode("utf-8")
    assert [rel for rel in numbered if after.get(rel) != before[rel]] == []  # 17 = 5 × 3 + 2: no block filled
