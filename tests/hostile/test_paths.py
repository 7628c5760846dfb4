"""No file is ever written outside the output directory, whatever a tag, a slug, a file
name or the front matter says: real builds, and a list of every path before and after."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from digest.build.pipeline import build_site
from digest.content.entries import read_entry
from digest.content.validate import check_content
from digest.core.errors import ContentError
from digest.core.sitetree import OutputError
from digest.ingest.run import ingest

from .sites import all_paths, hostile_config, html_problems, make_entry, run_digest, site_with_entries


def _hostile_names(outside: Path) -> list[str]:
    e_acute_nfc = unicodedata.normalize("NFC", "café")
    return [
        "../../../pwned", "..", ".", "../", "..\\..\\pwned", "/etc/passwd", str(outside / "pwned"), "~/pwned",
        "%2e%2e%2fpwned", "..%2f..%2fpwned", "a/b/c", "a\\b", "CON", "aux", "nul.txt", "COM1", "lpt9",
        "x" * 600, "ب" * 400, "وسم/../../خروج", "تاريخ:*?<>|\"", ".hidden", "-", "_", "index.html", "feed.xml",
        "page", "\x00pwned", "a\x00b", e_acute_nfc, unicodedata.normalize("NFD", e_acute_nfc),
        "Iraq", "IRAQ", "iraq", "STRASSE", "straße", "İstanbul", "istanbul", "\u202e../pwned", "ﻻ", "لا",
    ]


def _deep_root(tmp_path: Path) -> Path:
    """Deep enough that a `../../../x` written by mistake still lands inside tmp_path."""
    return tmp_path / "a" / "b" / "c" / "root"


def _written_outside(before: set[str], after: set[str], allowed: list[Path]) -> list[str]:
    prefixes = tuple(str(p.resolve()) + "/" for p in allowed)
    return sorted(p for p in after - before if not p.startswith(prefixes) and p not in {str(a.resolve()) for a in allowed})


def test_hostile_tags_and_front_matter_write_only_inside_site(tmp_path: Path) -> None:
    root = _deep_root(tmp_path)
    names = _hostile_names(tmp_path)
    entries = [
        make_entry("tags-all", "كل الوسوم", tags=names, tags_en={name: name for name in names[:10]},
                   seed="../../../../pwned.txt", seed_sha256="../../x"),
        make_entry("seed-absolute", "بذرة مطلقة", seed=str(tmp_path / "pwned-seed.txt"), tags=["../x"]),
    ]
    entries += [make_entry(f"one-{i}", f"خبر {i}", tags=[name]) for i, name in enumerate(names)]
    site_with_entries(root, entries)
    content_before = {p.name: p.read_bytes() for p in (root / "content").iterdir()}
    before = all_paths(tmp_path)

    report = build_site(root, hostile_config(), offline=True, review=True)
    assert report.errors == []

    after = all_paths(tmp_path)
    assert _written_outside(before, after, [root / "site", root / ".digest"]) == []
    assert {p.name: p.read_bytes() for p in (root / "content").iterdir()} == content_before
    site = root / "site"
    tag_dirs = sorted(p.name for p in (site / "tags").iterdir() if p.is_dir())
    for name in tag_dirs:  # one plain path segment each, valid on Windows and macOS too
        assert name not in (".", "..") and not set(name) & set('/\\:*?"<>|\x00')
        assert len(name.encode("utf-8")) <= 200
        assert name.split(".")[0].casefold() not in ("con", "prn", "aux", "nul", "com1", "lpt9")
        assert name == unicodedata.normalize("NFC", name)
    folded = [unicodedata.normalize("NFC", n).casefold() for n in tag_dirs]
    assert len(folded) == len(set(folded)), "two tag pages would collide on a case-insensitive disk"
    assert html_problems(site) == []


@pytest.mark.parametrize(
    "file_name",
    ["CON.md", "aux.md", "..md", "a:b.md", "x" * 240 + ".md", unicodedata.normalize("NFD", "café") + ".md", "a\\b.md"],
)
def test_unsafe_content_file_names_are_refused_one_line(tmp_path: Path, file_name: str) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("fine", "خبر سليم")])
    source = (root / "content" / "fine.md").read_text(encoding="utf-8")
    (root / "content" / file_name).write_text(source, encoding="utf-8")
    before = all_paths(tmp_path)
    report = build_site(root, hostile_config(), offline=True)
    assert [str(e) for e in report.errors] == [f"{root / 'content' / file_name}:2: file name is not a safe slug (letters, digits and '-' only)"]
    assert report.entries == 1
    assert _written_outside(before, all_paths(tmp_path), [root / "site", root / ".digest"]) == []
    with pytest.raises(ContentError):
        read_entry(root / "content" / file_name)


def test_names_differing_only_by_case_or_normalisation_are_reported(tmp_path: Path) -> None:
    """On Linux both files build (two pages); `digest check` names the clash before a
    case-insensitive host (or a macOS checkout) makes one page overwrite the other."""
    root = site_with_entries(tmp_path / "root", [make_entry("Story", "خبر أول"), make_entry("story", "خبر ثان")])
    report = build_site(root, hostile_config(), offline=True)
    assert report.errors == [] and report.entries == 2
    problems = [str(p) for p in check_content(root)]
    assert any("duplicate slug" in p and "story.md" in p for p in problems), problems


def test_hostile_headlines_in_seeds_make_safe_slugs(tmp_path: Path) -> None:
    root = _deep_root(tmp_path)
    (root / "seeds").mkdir(parents=True)
    for i, headline in enumerate(["../../../pwned", "CON", "/etc/passwd", "." * 50 + "ب", "ب" * 390, "a\\..\\b", "aux . txt", "con"]):
        (root / "seeds" / f"2024-01-{i + 1:02d}-s{i}.txt").write_text(f"{headline}\n\nنص الخبر هنا مع كلمات عربية كافية للقراءة.\n", encoding="utf-8")
    before = all_paths(tmp_path)
    report = ingest(root, [root / "seeds"], hostile_config(), workers=1)
    assert report.errors == [] and len(report.new) == 8
    built = build_site(root, hostile_config(site={"publish": "all"}), offline=True)
    assert built.errors == [] and built.entries == 8
    assert _written_outside(before, all_paths(tmp_path), [root / "content", root / "site", root / ".digest"]) == []
    for path in (root / "content").iterdir():
        read_entry(path)  # every slug is one a build accepts


@pytest.mark.parametrize("out", ["..", ".", "content", "seeds", "templates", "../..", "/"])
def test_out_may_not_replace_the_root_its_parents_or_other_files(tmp_path: Path, out: str) -> None:
    root = site_with_entries(tmp_path / "outer" / "root", [make_entry("one", "خبر واحد")])
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text("عنوان\n\nنص الخبر.\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "base.html").write_text("{% extends '!builtin/base.html' %}", encoding="utf-8")
    before = {p: Path(p).stat().st_mtime_ns for p in all_paths(tmp_path)}
    with pytest.raises(OutputError):
        build_site(root, hostile_config(), out=(root / out) if out != "/" else Path("/"), offline=True)
    assert all(Path(p).exists() for p in before)  # nothing deleted or moved
    if out not in ("..", "content"):
        return  # the command line is checked on two of them (each run costs an interpreter start)
    result = run_digest("build", "--offline", "--out", out, cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: ")
    assert all(Path(p).exists() for p in before)



def test_a_folder_holding_only_hidden_files_is_not_replaced(tmp_path: Path) -> None:
    """`--out public` where public/ is a fresh `git init` (only .git): that is someone's
    repository, not an empty folder."""
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد")])
    public = tmp_path / "public"
    (public / ".git").mkdir(parents=True)
    (public / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    with pytest.raises(OutputError, match="refusing to replace"):
        build_site(root, hostile_config(), out=public, offline=True)
    assert (public / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build_site(root, hostile_config(), out=empty, offline=True).entries == 1  # an empty folder is fine
