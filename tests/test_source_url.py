"""Issue 12, point 5: `source_url` (from a seed's `url:` header line, editable in front
matter, http/https only) on the article page, in JSON-LD and Atom; `extra:` for a
newsroom's own fields; both in `digest list --json`."""
from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hostile.sites import digest_in_process

ATOM = "{http://www.w3.org/2005/Atom}"
ARTICLE = """خبر عن المياه في البصرة

وكالات

قالت السلطات المحلية في البصرة إن أزمة المياه تتفاقم مع ارتفاع درجات الحرارة هذا الصيف.

وأضاف المسؤولون أن خطة طارئة ستنفذ خلال الأسابيع المقبلة لتأمين مياه الشرب للأحياء المتضررة.
"""
URL = "https://example.com/news/basra-water?id=7&lang=ar"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line, run in this process (what is shown is the point here, not the process)."""
    return digest_in_process(*args, cwd=root)


def _site(tmp_path: Path, header: str, name: str = "2024-05-01-basra.txt") -> Path:
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    (root / "digest.toml").write_text('[site]\npublish = "all"\n[build]\nworkers = 1\n', encoding="utf-8")
    (root / "seeds" / name).write_text(header + ARTICLE, encoding="utf-8")
    return root


def _entry_file(root: Path) -> Path:
    [path] = sorted((root / "content").glob("*.md"))
    return path


@pytest.mark.parametrize("header", [f"url: {URL}\n", f"date: 2024-05-01\nurl: {URL}\n", f"url: {URL}\ndate: 2024-05-01\n", f"URL : {URL}\n\n"])
def test_url_header_becomes_source_url_on_page_jsonld_feed_and_json(tmp_path: Path, header: str) -> None:
    root = _site(tmp_path, header)
    built = run(root, "build", "--offline")
    assert built.returncode == 0, built.stderr
    entry = _entry_file(root)
    text = entry.read_text(encoding="utf-8")
    assert f"\nsource_url: {URL}\n" in text
    assert "title: خبر عن المياه في البصرة\n" in text  # the header line is not the headline

    page = (root / "site" / "articles" / entry.stem / "index.html").read_text(encoding="utf-8")
    escaped = URL.replace("&", "&amp;")
    arabic, english = page.split('<section class="english"', 1)
    assert f'<a href="{escaped}" rel="noopener noreferrer">اقرأ الخبر في مصدره الأصلي</a>' in arabic
    assert f'<a href="{escaped}" rel="noopener noreferrer" hreflang="ar">Read the original (Arabic)</a>' in english.split("</section>")[0]
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert jsonld["isBasedOn"] == URL

    feed = ElementTree.parse(root / "site" / "feed.xml").getroot()
    [atom_entry] = feed.findall(f"{ATOM}entry")
    via = [link.attrib for link in atom_entry.findall(f"{ATOM}link") if link.get("rel") == "via"]
    assert via == [{"rel": "via", "type": "text/html", "href": URL}]

    listed = run(root, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    [item] = json.loads(listed.stdout)
    assert item["source_url"] == URL and item["extra"] == {}
    assert run(root, "check").returncode == 0


def test_without_url_nothing_changes(tmp_path: Path) -> None:
    root = _site(tmp_path, "")
    assert run(root, "build", "--offline").returncode == 0
    text = _entry_file(root).read_text(encoding="utf-8")
    assert "source_url" not in text and "extra" not in text
    page = (root / "site" / "articles" / _entry_file(root).stem / "index.html").read_text(encoding="utf-8")
    assert "original-link" not in page and "isBasedOn" not in page
    assert 'rel="via"' not in (root / "site" / "feed.xml").read_text(encoding="utf-8")
    [item] = json.loads(run(root, "list", "--json").stdout)
    assert item["source_url"] is None and item["extra"] == {}


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("javascript:alert(1)", "must start with http:// or https://"),
        ("ftp://example.com/a", "must start with http:// or https://"),
        ("https://", "has no host name"),
        ("https://example.com:99999/", "is not a valid URL"),
    ],
)
def test_a_bad_url_header_is_one_line_naming_seed_and_line(tmp_path: Path, url: str, problem: str) -> None:
    root = _site(tmp_path, f"date: 2024-05-01\nurl: {url}\n")
    result = run(root, "ingest")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "Traceback" not in result.stderr
    assert errors[0].endswith(f"seeds/2024-05-01-basra.txt:2: invalid url in header: the address {problem}: {url!r}"), errors[0]
    assert not list((root / "content").glob("*.md"))


def test_an_editors_source_url_survives_reingest_and_the_seeds_own_follows_the_seed(tmp_path: Path) -> None:
    root = _site(tmp_path, f"url: {URL}\n")
    assert run(root, "ingest").returncode == 0
    entry = _entry_file(root)
    # The seed's address changes: the entry follows (the editor has not touched it).
    seed = root / "seeds" / "2024-05-01-basra.txt"
    seed.write_text("url: https://example.com/moved\n" + ARTICLE + "\nفقرة جديدة أضيفت لاحقا إلى الخبر.\n", encoding="utf-8")
    assert run(root, "ingest").returncode == 0
    assert "\nsource_url: https://example.com/moved\n" in entry.read_text(encoding="utf-8")
    # An editor sets another address: no later ingest overwrites it.
    entry.write_text(entry.read_text(encoding="utf-8").replace("https://example.com/moved", "https://editor.example/fixed"), encoding="utf-8")
    seed.write_text("url: https://example.com/third\n" + ARTICLE + "\nفقرة ثالثة.\n", encoding="utf-8")
    assert run(root, "ingest").returncode == 0
    text = entry.read_text(encoding="utf-8")
    assert "\nsource_url: https://editor.example/fixed\n" in text and "فقرة ثالثة" in text


def test_an_editor_adds_a_source_url_and_extra_fields_for_templates(tmp_path: Path) -> None:
    root = _site(tmp_path, "")
    assert run(root, "ingest").returncode == 0
    entry = _entry_file(root)
    text = entry.read_text(encoding="utf-8")
    text = text.replace("\n---\n", "\nsource_url: http://example.org/x\nextra:\n  author: سارة <محررة>\n  section: politics\n  pages: 3\n  sections: [a, b]\n  published: 2024-05-02\n---\n", 1)
    entry.write_text(text, encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "article.html").write_text(
        '{% extends "!builtin/article.html" %}{% block description %}{{ entry.extra.author }} / {{ entry.extra.section }}{% endblock %}',
        encoding="utf-8",
    )
    built = run(root, "build", "--offline")
    assert built.returncode == 0, built.stderr
    page = (root / "site" / "articles" / entry.stem / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="سارة &lt;محررة&gt; / politics">' in page
    assert page.count('href="http://example.org/x" rel="noopener noreferrer"') == 2
    [item] = json.loads(run(root, "list", "--json").stdout)
    assert item["source_url"] == "http://example.org/x"
    assert item["extra"] == {"author": "سارة <محررة>", "section": "politics", "pages": 3, "sections": ["a", "b"], "published": "2024-05-02"}
    # Another unknown key stays an error.
    entry.write_text(text.replace("\nextra:", "\nauthor: x\nextra:", 1), encoding="utf-8")
    listed = run(root, "list", "--json")
    assert listed.returncode == 1 and "unknown front-matter key 'author'" in listed.stderr
