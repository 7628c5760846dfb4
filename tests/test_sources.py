"""Reading seed files: encodings, line endings, NFC, and file discovery."""
from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from conftest import SEED_FILE
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.core.errors import InputError
from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import parse_article
from digest.ingest.sources import find_articles, read_article

SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")


def parsed_from(path: Path):
    return parse_article(read_article(path, 20_000_000), BoilerplateFilter(), dt.date(2026, 1, 2), 200)


def facts(path: Path) -> tuple:
    p = parsed_from(path)
    return (p.headline, p.source, p.paragraphs, [h.name for h in p.hashtags], [s.text for s in p.boilerplate])


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (SEED_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16"),
        (SEED_TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf"],
)
def test_seed_in_every_supported_encoding_parses_identically(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    raw = read_article(path, 20_000_000)
    assert raw.encoding == encoding
    assert raw.text == SEED_TEXT
    assert facts(path) == facts(SEED_FILE)


def _cp1256_text() -> str:
    # Windows-1256 has no curly double quotes; everything else of the seed encodes as is.
    return SEED_TEXT.replace("“", '"').replace("”", '"')


def test_windows_1256_is_detected_and_parses_identically(tmp_path: Path) -> None:
    text = _cp1256_text()
    utf8, legacy = tmp_path / "utf8.txt", tmp_path / "cp1256.txt"
    utf8.write_text(text, encoding="utf-8")
    legacy.write_bytes(text.encode("cp1256"))
    raw = read_article(legacy, 20_000_000)
    assert raw.encoding == "cp1256"
    assert raw.text == text
    assert facts(legacy) == facts(utf8)
    assert len(facts(legacy)[3]) == 12  # all hashtags survive the round trip


def test_iso_8859_6_is_detected(tmp_path: Path) -> None:
    text = _cp1256_text().replace("«", '"').replace("»", '"')  # ISO-8859-6 has no guillemets
    path = tmp_path / "iso.txt"
    path.write_bytes(text.encode("iso8859_6"))
    raw = read_article(path, 20_000_000)
    assert (raw.encoding, raw.text) == ("iso8859_6", text)


def test_short_windows_1256_article_is_detected(tmp_path: Path) -> None:
    text = "ماجدة الرومي في تونس\n\nحلّت الفنانة العربية ماجدة الرومي صباح اليوم الاربعاء بتونس.\n"
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("cp1256"))
    assert read_article(path, 10_000).text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x81\x8d\x8e\x90\x9d\x9e" * 20,  # not UTF-8, and not Arabic in any legacy code page
        "Привет мир, это не арабский текст вовсе".encode("cp1251"),
        b"caf\xe9 cr\xe8me br\xfbl\xe9e " * 5,  # Latin-1 French: not an Arabic article
        codecs.BOM_UTF8 + b"\xff\xfe\xfd",
        codecs.BOM_UTF16_LE + b"\x00\xd8",  # lone surrogate
    ],
    ids=["junk", "cp1251", "latin1", "bad-utf8-after-bom", "bad-utf16"],
)
def test_undecodable_bytes_give_one_line_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_article(path, 20_000_000)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message


def test_nfc_and_crlf_normalised_text_otherwise_verbatim(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "عنوان مُهمّ\r\n\r\nكافيه café *نجمة* و  مسافتين\r\n")
    path = tmp_path / "nfd.txt"
    path.write_bytes(decomposed.encode("utf-8"))
    text = read_article(path, 10_000).text
    assert text == unicodedata.normalize("NFC", decomposed).replace("\r\n", "\n")
    assert "*نجمة* و  مسافتين" in text  # nothing else is touched


def test_direction_marks_dropped_from_headline_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "bidi.txt"
    path.write_text("\u200fعنوان\u202b الخبر\u202c\u2066\n\nنص مع #وسم\u200f_جديد\u2069 هنا.\n", encoding="utf-8")
    parsed = parsed_from(path)
    assert parsed.headline == "عنوان الخبر"
    assert [h.name for h in parsed.hashtags] == ["وسم جديد"]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("عنوان\n\n" + "نص " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit"):
        read_article(path, 100)


def test_find_articles_recurses_sorts_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    for name in ("b/c/2.txt", "b/1.TXT", "a.txt", "b/.hidden.txt", "b/notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found, errors = find_articles([tmp_path, tmp_path / "a.txt", tmp_path / "missing"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b/1.TXT", "b/c/2.txt"]
    assert len(errors) == 1 and "missing" in str(errors[0]) and "no such file" in str(errors[0])


@given(st.lists(st.sampled_from(["a", "ب", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "\x85", "\ufdd0", "\ufffe",
                                 "\ud800", "\U0001fffe", "\U0010ffff", "\U0001f600"]), max_size=12).map("".join)
       | st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_fast_invalid_char_stripping_equals_the_full_class(text: str) -> None:
    """Read text loses exactly the characters digest.text.charsafe defines as invalid."""
    from digest.text.charsafe import _INVALID_RE, strip_invalid_chars

    assert strip_invalid_chars(text) == _INVALID_RE.sub("", text)


def test_seed_keys_resolve_as_seed_key_does_for_every_kind_of_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: ingest resolves each folder once (SeedKeys), not every seed; the keys are
    the ones seed_key gives, for links, '..', relative paths and files outside the root."""
    from digest.ingest.sources import SeedKeys, seed_key

    root, feeds = tmp_path / "site", tmp_path / "feeds"
    (root / "seeds" / "sub").mkdir(parents=True)
    feeds.mkdir()
    for path in (root / "seeds" / "a.txt", root / "seeds" / "sub" / "b.txt", feeds / "c.txt"):
        path.write_text("عنوان\n\nنص.\n", encoding="utf-8")
    (root / "seeds" / "to-feeds.txt").symlink_to(feeds / "c.txt")
    (root / "seeds" / "to-a.txt").symlink_to(root / "seeds" / "a.txt")
    (root / "seeds" / "gone.txt").symlink_to(root / "seeds" / "missing.txt")
    (root / "linked").symlink_to(root / "seeds" / "sub")
    monkeypatch.chdir(root)
    cases = {
        root / "seeds" / "a.txt": "seeds/a.txt",
        root / "seeds" / "sub" / "b.txt": "seeds/sub/b.txt",
        root / "seeds" / "sub" / ".." / "a.txt": "seeds/a.txt",
        root / "linked" / "b.txt": "seeds/sub/b.txt",
        root / "seeds" / "to-feeds.txt": (feeds / "c.txt").resolve().as_posix(),
        root / "seeds" / "to-a.txt": "seeds/a.txt",
        root / "seeds" / "gone.txt": "seeds/missing.txt",
        feeds / "c.txt": (feeds / "c.txt").resolve().as_posix(),
        Path("seeds/sub/b.txt"): "seeds/sub/b.txt",
        Path("a-file-that-is-not-there.txt"): "a-file-that-is-not-there.txt",
    }
    keys = SeedKeys(root.resolve())
    assert {path: keys(path) for path in cases} == cases
    assert {path: seed_key(path, root) for path in cases} == cases


# Issue 16 (h-ingfast2): a UTF-8 seed whose bytes cannot begin an invalid character skips
# the character scan; the text read must be what the full scan gives, for any text.
@given(st.lists(st.sampled_from(["a", "ب", "\n", "\t", "\r", "\r\n", "\x00", "\x01", "\x1f", "\x7f", "\x85", "\xa0",
                                 "\u00e9", "e\u0301", "ا\u0653", "\ufdd0", "\ufdef", "\ufeff", "\ufefb", "\ufffe",
                                 "\uffff", "\U0001fffe", "\U0010ffff", "\U0001f600"]), max_size=12).map("".join)
       | st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_utf8_shortcut_reads_what_the_full_scan_reads(text: str) -> None:
    from digest.ingest.sources import normalize_text

    data = text.encode("utf-8")
    assert normalize_text(text, utf8=data) == normalize_text(text)


def test_seeds_with_invalid_characters_in_every_encoding_lose_exactly_those(site_root: Path) -> None:
    """End to end: C0 and C1 controls, noncharacters in and beyond the BMP are dropped from
    UTF-8, UTF-8 with BOM and UTF-16 seeds alike; other text (a no-break space, an accent,
    a presentation-form ligature) is kept."""
    from click.testing import CliRunner

    from digest.cli import cli
    from digest.content.entries import read_entry

    text = "عنوان\x01 الخبر\ufdd0\n\nنص\x85 الخبر\U0010ffff فيه\xa0مسافة وﻻ و\u00e9.\n"
    seeds = site_root / "seeds"
    for old in seeds.iterdir():
        old.unlink()
    (seeds / "2021-01-01-a.txt").write_bytes(text.encode("utf-8"))
    (seeds / "2021-01-02-b.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (seeds / "2021-01-03-c.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    result = CliRunner().invoke(cli, ["-C", str(site_root), "ingest"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "ingest: 3 new, 0 updated, 0 unchanged, 0 failed"
    files = sorted((site_root / "content").glob("*.md"))
    assert [(e.title, e.body) for e in map(read_entry, files)] == [("عنوان الخبر", "نص الخبر فيه\xa0مسافة وﻻ و\u00e9.")] * 3
    # The files themselves hold none of them (reading an entry would drop them too).
    for path in files:
        written = path.read_text(encoding="utf-8")
        assert "\ntitle: عنوان الخبر\n" in written
        assert written.endswith("\n---\n\nنص الخبر فيه\xa0مسافة وﻻ و\u00e9.\n")
