"""The Arabic character classes live in ONE place (digest.text.arabic) and are the right ones."""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli
from digest.ingest.summarize import plain_text
from digest.review.shingles import words_of
from digest.text import arabic
from digest.text.arabic import ARABIC_MARK_RE, ARABIC_MARKS, ARABIC_SCRIPT, normalize_identity, strip_diacritics
from digest.text.hashtags import extract_hashtags

PACKAGE = Path(arabic.__file__).resolve().parent.parent
# The blocks ARABIC_MARKS covers: Arabic, Arabic Supplement, Arabic Extended-A,
# Arabic Presentation Forms-A and -B.
_COVERED_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]


def _class_members(body: str) -> set[str]:
    pattern = re.compile(f"[{body}]")
    return {chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))}


def test_marks_are_exactly_the_combining_marks_of_the_arabic_blocks() -> None:
    nonspacing = {
        chr(c) for lo, hi in _COVERED_BLOCKS for c in range(lo, hi + 1) if unicodedata.category(chr(c)) == "Mn"
    }
    assert _class_members(ARABIC_MARKS) == nonspacing
    assert len(nonspacing) == 105  # unicodedata 14.0 (Python 3.11)


def test_what_is_not_a_mark() -> None:
    # End of ayah (Cf), rub el hizb and sajdah (So) are not marks; small waw/yeh are letters (Lm).
    for char in "\u06dd\u06de\u06e9\u06e5\u06e6\u0640":
        assert ARABIC_MARK_RE.search(char) is None, hex(ord(char))
    assert _class_members(ARABIC_MARKS) <= _class_members(ARABIC_SCRIPT)


def test_no_module_writes_its_own_arabic_range() -> None:
    """A `\\u06..`/`\\u075.`/`\\u08..` escape outside text/arabic.py would be a fifth version
    of a class (literal marks do occur, in Arabic words of boilerplate patterns)."""
    escape = re.compile(r"\\u0(?:6[0-9a-f]{2}|7[5-7][0-9a-f]|8[a-f][0-9a-f])", re.IGNORECASE)
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "arabic.py" and path.parent.name == "text":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if escape.search(line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


def test_every_user_agrees_on_a_quranic_mark_inside_a_hashtag() -> None:
    # U+06D6 is a combining mark; before the classes were unified, the summary and the
    # Markdown escaper ended the tag at it while the hashtag extractor did not.
    text = "قال #كلمةۖ_أخرى اليوم"
    assert [tag.name for tag in extract_hashtags(text)] == ["كلمةۖ أخرى"]
    assert plain_text(text) == "قال كلمةۖ أخرى اليوم"
    assert plain_text("#النبيؐ_محمد") == "النبيؐ محمد"


def test_symbols_are_neither_marks_nor_part_of_a_tag() -> None:
    assert [tag.raw for tag in extract_hashtags("#سلام۞ نص")] == ["سلام"]
    assert strip_diacritics("مُحَمَّد۞") == "محمد۞"
    assert normalize_identity("أَحْمَدـ") == "احمد"
    # Extended-A marks (U+08F0 open fathatan) fold away like the basic harakat.
    assert normalize_identity("كتاب\u08f0") == normalize_identity("كتابً") == "كتاب"
    assert words_of("كِتَاب\u08f0 ١٢") == ["كتاب", "12"]


def test_ingest_keeps_a_marked_hashtag_whole_in_body_summary_and_page(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "2024-01-02-001_test.txt").write_text(
        "عنوان الخبر عن المؤتمر\n\nعنوان الخبر عن المؤتمر\n\nوكالات\n\n"
        "افتتح الرئيس المؤتمر السنوي اليوم في العاصمة بحضور عدد كبير من الوزراء والسفراء "
        "#النبيؐ_محمد و #كلمةۖ_أخرى في القاعة الكبرى.\n\n"
        "وقال المتحدث إن المؤتمر يناقش قضايا الاقتصاد والتعليم والصحة خلال ثلاثة أيام متتالية.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["--root", str(root), "ingest"])
    assert result.exit_code == 0, result.output
    (entry,) = (root / "content").glob("*.md")
    text = entry.read_text(encoding="utf-8")
    # The body keeps the tag as written (no `\_` escape after the mark) ...
    assert "والسفراء #النبيؐ_محمد و #كلمةۖ_أخرى في القاعة الكبرى.\n" in text
    # ... the summary reads it as words, as the tag list does.
    assert "summary_ar: افتتح الرئيس المؤتمر السنوي اليوم في العاصمة بحضور عدد كبير من الوزراء والسفراء النبيؐ محمد و كلمةۖ أخرى في القاعة الكبرى." in text
    assert "tags:\n- النبيؐ محمد\n- كلمةۖ أخرى\n" in text
    result = runner.invoke(cli, ["--root", str(root), "build", "--offline", "--drafts"])
    assert result.exit_code == 0, result.output
    (page,) = (root / "site" / "articles").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    assert 'href="../../tags/كلمه-اخري/"' in html and "#كلمةۖ أخرى" in html
