"""Hostile text through every stage: reading, parsing, front matter, rendering.

Whatever an article, a headline, a tag or an editor's front matter says, the outcome is a
result or a DigestError (one line), every page parses as HTML5 (html5lib, strict), every
feed as XML, and no markup from the text ever reaches a page, a feed, the search index or
the JSON-LD as markup.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import html5lib
import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from digest.build.pipeline import build_site
from digest.content.entries import entry_from_text
from digest.core.errors import ContentError, DigestError
from digest.core.model import Review, Translation
from digest.ingest.run import ingest
from digest.ingest.sources import decode_bytes

from .sites import PROJECT, hostile_config, html_problems, make_entry, site_with_entries


def fuzz(examples: int, shrink: bool = True) -> settings:
    """Bounded and repeatable: derandomized, no example database, no deadline (a timed
    assertion on a shared machine would be flaky). Tests that build a site pass shrink=False:
    shrinking a failing site reruns the build hundreds of times (279 s when escaping broke),
    so the first failing example is reported as found, in seconds, and its explicit
    @example cases run before anything generated."""
    phases = tuple(Phase) if shrink else (Phase.explicit, Phase.reuse, Phase.generate)
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck), phases=phases, report_multiple_bugs=False)

# Markup, template syntax, comment terminators and direction overrides, as article text.
PAYLOADS = [
    "</script><script>alert(1)</script>",
    # Out of the elements whose text is not parsed as markup (<title>, <textarea>): there only
    # an end tag is markup, so these catch an unescaped value where "<img" alone would not.
    "</title></textarea><img src=x onerror=alert(2)>",
    "AT&T & &#",  # a bare ampersand: a parse error wherever escaping was skipped
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% raw %}{{ x }}{% endraw %}",
    "{# c #}",
    "-->",
    "<!--",
    "]]>",
    "\"'&amp;",
    "\u202eمعكوس\u202c",
    "\u2066عزل",
]
PAYLOAD = " ".join(PAYLOADS)
# Markdown links a hand-edited body may hold; none may become a javascript: (or data:) link.
HOSTILE_LINKS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
]
# The theme itself only uses balanced FSI … PDI (the `isolate` filter).
FOREIGN_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066\u2067]")
SAFE_SCHEMES = ("http:", "https:", "mailto:", "#", "/", ".", "")
EXPECTED_SCRIPTS = {"application/ld+json", "search.js", "inline-dashboard"}


def _scheme(url: str) -> str:
    """The scheme a browser would see: it drops leading C0 controls/spaces and tabs/newlines."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    return match.group(1).lower() + ":" if match else ""


def injection_problems(site: Path) -> list[str]:
    """Markup that only article text could have put there: elements, handlers, URLs."""
    problems = []
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        tree = parser.parse(path.read_bytes(), transport_encoding="utf-8")
        for element in tree.iter():
            tag = element.tag if isinstance(element.tag, str) else "#comment"
            if tag in ("img", "svg", "iframe", "object", "embed", "math", "base"):
                problems.append(f"{rel}: <{tag}> element")
            if tag == "#comment":
                problems.append(f"{rel}: a comment: {element.text!r}")
            if tag == "script":
                kind = element.get("type") or ("search.js" if (element.get("src") or "").endswith("search.js") else "inline-dashboard")
                if kind not in EXPECTED_SCRIPTS or (kind == "inline-dashboard" and rel != "review/index.html"):
                    problems.append(f"{rel}: unexpected <script> {kind!r}")
                if kind == "application/ld+json":
                    problems += _jsonld_problems(rel, element.text or "")
            for name, value in element.attrib.items():
                if name.lower().startswith("on"):
                    problems.append(f"{rel}: event handler {name}={value!r}")
                if value == "data:," and tag == "link":
                    continue  # the theme's empty favicon (no request)
                if name in ("href", "src", "action", "formaction") and _scheme(value) not in ("http:", "https:", "mailto:", ""):
                    problems.append(f"{rel}: {name}={value!r}")
    for path in sorted(site.rglob("*.xml")):
        root = ElementTree.fromstring(path.read_bytes())
        for element in root.iter():
            local = element.tag.rsplit("}", 1)[-1]
            if local in ("script", "img", "svg", "iframe"):
                problems.append(f"{path.relative_to(site)}: <{local}> in a feed")
            for name, value in element.attrib.items():
                if name.lower().startswith("on") or (name in ("href", "src") and _scheme(value) not in ("http:", "https:", "")):
                    problems.append(f"{path.relative_to(site)}: {name}={value!r}")
    return problems


def _jsonld_problems(rel: str, text: str) -> list[str]:
    if "</" in text or "<!--" in text:
        return [f"{rel}: JSON-LD holds a raw '</' or '<!--'"]
    try:
        json.loads(text)
    except ValueError as exc:
        return [f"{rel}: JSON-LD does not parse: {exc}"]
    return []


def _visible_text(path: Path) -> str:
    tree = html5lib.parse(path.read_bytes(), transport_encoding="utf-8", namespaceHTMLElements=False)
    return "".join(tree.itertext())


def test_search_script_never_builds_html_from_the_index() -> None:
    """search.json holds raw article text; search.js must only ever set it as text."""
    script = (PROJECT / "templates" / "static" / "search.js").read_text(encoding="utf-8")
    assert "textContent" in script
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


@pytest.mark.parametrize("review", [False, True], ids=["public", "review"])
def test_payloads_in_every_field_stay_text(tmp_path: Path, review: bool) -> None:
    # The body keeps direction controls verbatim (each paragraph is its own block): left out here.
    plain = FOREIGN_BIDI_CONTROLS.sub("", PAYLOAD)
    body = "\n\n".join([f"فقرة {plain} #وسم_عادي", *HOSTILE_LINKS, "<script>alert(1)</script>"])
    hostile = make_entry(
        "hostile",
        "عنوان " + PAYLOAD,
        body=body,
        source="وكالات " + PAYLOAD,
        title_en="Headline " + PAYLOAD,
        summary_ar="ملخص " + PAYLOAD,
        summary_en="Summary " + PAYLOAD,
        tags=["وسم " + PAYLOAD, "\u202eحماس", "{{ 7*7 }}", "وسم_عادي"],
        tags_en={"وسم " + PAYLOAD: "Tag " + PAYLOAD, "{{ 7*7 }}": "{{ 7*7 }}"},
    )
    draft = make_entry("draft-one", "مسودة " + PAYLOAD, review=Review(state="draft", by="<b>x</b>", reason="-->"))
    root = site_with_entries(tmp_path / "root", [hostile, draft])
    report = build_site(root, hostile_config(), offline=True, review=review)
    site = root / "site"
    assert report.errors == [] and report.entries == (2 if review else 1)

    assert html_problems(site) == []
    assert injection_problems(site) == []
    # Template syntax is shown as written, never evaluated.
    article = _visible_text(site / "articles" / "hostile" / "index.html")
    assert "{{ 7*7 }}" in article and "{% raw %}{{ x }}{% endraw %}" in article and "49" not in article
    assert "<img src=x onerror=alert(1)>" in article  # as text
    # A direction override in a headline or tag never reaches any output.
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not FOREIGN_BIDI_CONTROLS.search(text), path
            assert text.count("\u2068") == text.count("\u2069"), path
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert any("<img src=x onerror=alert(1)>" in row[1] for row in index["entries"])  # raw text, set via textContent


# --- reading and parsing: bytes → article or InputError ----------------------------------

ARABIC = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
NASTY = st.sampled_from(["\x00", "\x01", "\x7f", "\x85", "\ufffe", "\ufdd0", "\u202e", "\u2066", "\ue000", "\ue001", "\r", "\t",
                         "#", "_", "*", "[", "](", "<", ">", "&", "{{", "}}", "---", "\n\n", "javascript:", "\ufeff", " "])
ARTICLE_TEXT = st.lists(st.one_of(st.text(ARABIC, min_size=1, max_size=12), NASTY, st.text(max_size=6)), max_size=40).map("".join)


@given(st.one_of(st.binary(max_size=400), ARTICLE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 ARTICLE_TEXT.map(lambda t: t.encode("cp1256", "replace"))))
@fuzz(300)
def test_decoding_any_bytes_gives_text_or_one_line_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data, Path("seeds/x.txt"))
    except DigestError as exc:
        assert "\n" not in str(exc) and "seeds/x.txt" in str(exc)
        return
    assert isinstance(text, str) and encoding
    text.encode("utf-8")  # never a lone surrogate


@given(st.lists(ARTICLE_TEXT, min_size=1, max_size=4))
@fuzz(6, shrink=False)
@example(["عنوان\x01\n\nنص \x00 #وسم\x7f فيه\ufdd0", "\u202eعنوان معكوس #\u202eوسم\n\nنص"])
@example(["{{ 7*7 }} <script>\n\n#a_b_ --> ]]>\n\n[x](javascript:alert(1))"])
def test_any_article_ingests_and_builds_a_valid_site(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    """Seeds → ingest → content files that load back → a site whose pages are valid."""
    root = tmp_path_factory.mktemp("fuzz-ingest")
    (root / "seeds").mkdir()
    for i, text in enumerate(texts):
        (root / "seeds" / f"2024-01-0{i + 1}-s{i}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    config = hostile_config(site={"publish": "all"})
    report = ingest(root, [root / "seeds"], config, today=dt.date(2024, 1, 9), workers=1)
    for error in report.errors:
        assert isinstance(error, DigestError) and "\n" not in str(error)
    assert len(report.new) + len(report.errors) == len(texts)
    for path in (root / "content").glob("*.md"):
        entry_from_text(path.read_text(encoding="utf-8"), path, path.stem)  # every written entry loads back
    build = build_site(root, config, offline=True)
    assert sorted(map(str, build.errors)) == sorted(map(str, report.errors))  # the same bad seeds, nothing new
    assert build.entries == len(report.new)
    assert html_problems(root / "site") == []
    assert injection_problems(root / "site") == []


# --- front matter: text → Entry or ContentError -----------------------------------------

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                     st.dates(), st.sampled_from(["pending", "approved", "2024-01-01", "machine", "draft", "", "~"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=8)
_KEYS = st.sampled_from(["title", "title_en", "source", "date", "date_source", "tags", "tags_en", "summary_ar", "summary_en",
                         "summary_version", "translation", "review", "seed", "seed_sha256", "boilerplate", "machine", "extra"])


def _check_front_matter(text: str) -> None:
    path = Path("content/fuzz.md")
    try:
        entry = entry_from_text(text, path, "fuzz")
    except ContentError as exc:
        message = str(exc)
        assert message.startswith("content/fuzz.md") and "\n" not in message
        if exc.line is not None:
            assert 1 <= exc.line <= text.count("\n") + 2
        return
    assert entry.title.strip() and isinstance(entry.date, dt.date)
    assert all(isinstance(t, str) and t for t in entry.tags)


@given(st.dictionaries(_KEYS, _VALUES, max_size=10), st.text(max_size=40))
@fuzz(150)
@example({"title": "x", "date": "2024-01-01", "tags": [None]}, "")
@example({"title": "x", "date": "2024-13-01"}, "")
@example({"title": "x", "date": "2024-01-01", "review": {"state": ["approved"]}}, "")
@example({"title": "x", "date": "2024-01-01", "translation": {"status": {"a": 1}}}, "")
@example({"title": "x", "date": "2024-01-01", "machine": {1: "a"}}, "")
@example({"extra": {"\n": 0.0}}, "")  # a name with a line break, in the error about its value
@example({"title": "x", "date": "2024-01-01", "extra": {"a\u202eb": 1.5}}, "")
def test_any_front_matter_mapping_gives_entry_or_one_line_error(data: dict, body: str) -> None:
    _check_front_matter("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body)


@given(st.lists(st.one_of(st.sampled_from(["---", "title: x", "date: 2024-01-01", "tags: [a, b", "  - x", ": :", "&a x", "*a",
                                           "!!python/object:os.system x", "review: {state: approved}", "\t", "'", "\"\\x01\"",
                                           "title: \"\\ud800\"", "title: \"\\0\"", "? [a]", "<<: *a", "%YAML 1.1"]),
                          st.text(max_size=15)), max_size=12).map("\n".join))
@fuzz(400)
@example("---\ntitle: [unclosed\n---\n")
@example("---\n- a list\n---\n")
@example("---\ntitle: x\ndate: 2024-01-01\n")
def test_any_front_matter_text_gives_entry_or_one_line_error(text: str) -> None:
    _check_front_matter(text if text.startswith("---") else "---\n" + text + "\n---\n")


# --- rendering: arbitrary entries → valid pages, no injection -----------------------------

FIELD_TEXT = st.lists(st.one_of(st.text(ARABIC, min_size=1, max_size=8), NASTY, st.sampled_from(PAYLOADS + HOSTILE_LINKS),
                                st.text(max_size=5)), min_size=1, max_size=10).map("".join)
TAG = FIELD_TEXT.filter(lambda t: t.strip() != "")


@st.composite
def entries(draw: st.DrawFn) -> list:
    count = draw(st.integers(1, 3))
    result = []
    for i in range(count):
        tags = draw(st.lists(TAG, max_size=4))
        result.append(make_entry(
            f"e{i}",
            draw(FIELD_TEXT.filter(lambda t: t.strip() != "")),
            body=draw(st.lists(FIELD_TEXT, max_size=4).map("\n\n".join)),
            source=draw(st.one_of(st.none(), FIELD_TEXT)),
            title_en=draw(st.one_of(st.none(), FIELD_TEXT)),
            summary_ar=draw(FIELD_TEXT),
            summary_en=draw(st.one_of(st.none(), FIELD_TEXT)),
            tags=tags,
            tags_en={t: draw(FIELD_TEXT) for t in tags[:2]},
            date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
            translation=Translation(status=draw(st.sampled_from(["edited", "machine", "pending"])), provider="editors"),
        ))
    return result


@given(entries(), st.booleans())
@fuzz(12, shrink=False)
@example([make_entry("payloads", PAYLOAD, body="\n\n".join(PAYLOADS + HOSTILE_LINKS), source=PAYLOAD, title_en=PAYLOAD,
                     summary_ar=PAYLOAD, summary_en=PAYLOAD, tags=PAYLOADS[:4], tags_en=dict.fromkeys(PAYLOADS[:4], PAYLOAD))], True)
def test_any_entries_render_valid_pages_without_injection(tmp_path_factory: pytest.TempPathFactory, crafted: list, review: bool) -> None:
    root = tmp_path_factory.mktemp("fuzz-render")
    (root / "content").mkdir()
    written = []
    for entry in crafted:
        try:
            site_with_entries(root, [entry])
        except DigestError:
            continue
        written.append(entry)
    report = build_site(root, hostile_config(), offline=True, review=review)
    for error in report.errors:  # an entry the loader refuses is reported, never fatal
        assert isinstance(error, DigestError) and "\n" not in str(error)
    assert report.entries == len(written) - len(report.errors)
    assert html_problems(root / "site") == []
    assert injection_problems(root / "site") == []
