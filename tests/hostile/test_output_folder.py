"""`--out` never points into what a build reads (issue 13, point 2): the output folder is
not, does not contain and does not sit inside seeds/, content/, templates/, .digest/, the
glossary or digest.toml, existing or not, through symlinks too. And a folder a build wrote
is never loaded as templates, so article text is never run as Jinja."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli

from .sites import all_paths, make_entry, site_with_entries, snapshot

INJECTED_TITLE = "عنوان {{ 7*7 }} خبر"


def _site(tmp_path: Path) -> Path:
    root = site_with_entries(tmp_path / "root", [
        make_entry("one", INJECTED_TITLE, title_en="{{ cycler.__init__.__globals__.os.mkdir('pwned') }}"),
    ])
    (root / "seeds").mkdir()
    (root / "seeds" / "2024-03-02-a.txt").write_text("عنوان الخبر الجديد\n\nنص الخبر الجديد هنا.\n", encoding="utf-8")
    (root / "digest.toml").write_text('[site]\npublish = "all"\n[build]\nworkers = 1\n', encoding="utf-8")
    return root


def _build(root: Path, *args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline", *args])
    assert ("Traceback" not in result.output and not isinstance(result.exception, Exception)) or result.exit_code in (0, 1)
    return result.exit_code, result.output.strip().splitlines()


@pytest.mark.parametrize("create", [False, True], ids=["missing", "empty"])
@pytest.mark.parametrize(
    ("out", "shown"),
    [
        ("templates", "templates/"),
        ("templates/pub", "templates/"),
        ("content", "content/"),
        ("content/site", "content/"),
        (".digest", ".digest/"),
        (".digest/preview", ".digest/"),  # digest serve's own folder: not for `digest build --out`
        ("seeds/pub", "seeds/"),
        ("seeds", "seeds/"),
    ],
)
def test_out_inside_an_input_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, shown: str, create: bool
) -> None:
    root = _site(tmp_path)
    if create:
        (root / out).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(root)  # --out is relative to where the command runs
    before = all_paths(tmp_path)
    content_before = snapshot(root / "content")
    code, lines = _build(root, "--out", out)
    assert code == 1
    assert lines == [
        f"error: {out}: the output directory must not be, contain or sit inside {shown}, "
        "which every build reads: choose another folder (e.g. site/)"
    ]
    assert all_paths(tmp_path) == before  # nothing ingested, written or deleted
    assert snapshot(root / "content") == content_before


def test_out_through_a_symlink_into_an_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path)
    (root / "public").symlink_to(root / "templates")  # dangling: templates/ does not exist yet
    monkeypatch.chdir(root)
    code, lines = _build(root, "--out", "public")
    assert code == 1 and len(lines) == 1 and "inside templates/" in lines[0]
    assert not (root / "templates").exists()


def test_out_that_would_contain_an_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """seeds/ is a symlink into the folder asked for: replacing that folder would delete them."""
    root = _site(tmp_path)
    (tmp_path / "shared" / "feeds").mkdir(parents=True)
    shutil.move(str(root / "seeds"), tmp_path / "shared" / "feeds" / "seeds")
    (root / "seeds").symlink_to(tmp_path / "shared" / "feeds" / "seeds")
    seeds_before = snapshot(tmp_path / "shared")
    code, lines = _build(root, "--out", str(tmp_path / "shared"))
    assert code == 1 and len(lines) == 1
    assert "must not be, contain or sit inside seeds/" in lines[0]
    assert snapshot(tmp_path / "shared") == seeds_before


@pytest.mark.parametrize("name", ["digest.toml", "glossary.toml"])
def test_out_onto_the_config_or_glossary_is_refused(tmp_path: Path, name: str) -> None:
    from digest.build.pipeline import build_site
    from digest.core.config import Config
    from digest.core.sitetree import OutputError

    root = _site(tmp_path)
    (root / "glossary.toml").unlink(missing_ok=True)  # missing: still refused
    before = snapshot(root)
    with pytest.raises(OutputError, match=f"inside {name}, which every build reads"):
        build_site(root, Config.for_test(), out=root / name, offline=True)
    assert snapshot(root) == before


def test_a_built_site_is_never_loaded_as_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever way pages got into templates/ (copied there by hand, an older digest), the
    build refuses that folder instead of running headlines as Jinja."""
    root = _site(tmp_path)
    monkeypatch.chdir(root)
    code, _lines = _build(root)
    assert code == 0
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and "49" not in page  # the headline as written, escaped
    shutil.copytree(root / "site", root / "templates")
    site_before = snapshot(root / "site")
    code, lines = _build(root)
    assert code == 1
    assert lines == [
        "error: templates/.digest-site: this folder holds pages a digest build wrote (.digest-site), not templates: "
        "move or delete it (a build's output is never used as a theme)"
    ]
    assert not (root / "pwned").exists() and not (tmp_path / "pwned").exists() and not Path("pwned").exists()
    assert snapshot(root / "site") == site_before  # the last good site stays


def test_serve_preview_inside_digest_folder_still_builds(tmp_path: Path) -> None:
    from digest.build.pipeline import build_site
    from digest.core.config import Config

    root = _site(tmp_path)
    report = build_site(root, Config.for_test(), out=root / ".digest" / "preview", review=True, offline=True, preview=True)
    assert report.errors == [] and (root / ".digest" / "preview" / "index.html").is_file()
    assert os.path.isdir(root / "content")
