"""`digest check`: silent on a good site, one line per problem (naming the file) otherwise."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli import cli


def check(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["-C", str(root), "check", *args])


def problem_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error: ")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed, ingested and built (preview build: drafts, dashboard and panels too)."""
    from conftest import PROJECT, SEED_FILE

    root = tmp_path_factory.mktemp("check") / "root"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED_FILE, root / "seeds")
    shutil.copy(PROJECT / "glossary.toml", root)
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline", "--review"])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def root(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "root"
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns(".digest", ".site.old-*", ".site.build-*"))  # transient build leftovers
    return copy


def entry_path(root: Path) -> Path:
    return sorted((root / "content").glob("*.md"))[0]


def test_a_fresh_build_has_no_problems(root: Path) -> None:
    result = check(root)
    assert result.exit_code == 0, result.output
    assert "check: no problems" in result.output


def test_the_all_seeds_build_has_no_problems(all_seeds_root: Path) -> None:
    assert CliRunner().invoke(cli, ["-C", str(all_seeds_root), "build", "--offline", "--review"]).exit_code == 0
    result = check(all_seeds_root)
    assert result.exit_code == 0, result.output


def test_front_matter_problems_name_file_and_line(root: Path) -> None:
    path = entry_path(root)
    path.write_text(path.read_text(encoding="utf-8").replace("summary_version: 1", "summary_version: one\nauthor: x"), encoding="utf-8")
    result = check(root, "--no-site")
    assert result.exit_code == 1
    [line] = problem_lines(result)
    assert line.startswith(f"error: content/{path.name}:") and "unknown front-matter key 'author'" in line


def test_wrong_type_is_reported(root: Path) -> None:
    path = entry_path(root)
    path.write_text(path.read_text(encoding="utf-8").replace("summary_version: 1", "summary_version: one"), encoding="utf-8")
    [line] = problem_lines(check(root, "--no-site"))
    assert "'summary_version' must be an integer" in line and f"error: content/{path.name}:" in line


def test_duplicate_slugs_and_shared_seeds(root: Path) -> None:
    path = entry_path(root)
    (root / "content" / "Story.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "content" / "story.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = check(root, "--no-site")
    assert result.exit_code == 1
    lines = problem_lines(result)
    assert any("story.md: duplicate slug: same as Story.md" in line for line in lines)
    assert sum("made from the same seed" in line for line in lines) == 2


def test_tag_slug_collisions(root: Path) -> None:
    path = entry_path(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- داعش\n", "- داعش\n- حرب غزة\n- حرب-غزة\n", 1), encoding="utf-8")
    lines = problem_lines(check(root, "--no-site"))
    assert len(lines) == 1 and "«حرب غزة»" in lines[0] and "«حرب-غزة»" in lines[0] and "share the page slug" in lines[0]


def test_broken_links_fragments_html_and_xml(root: Path) -> None:
    site = root / "site"
    index = site / "index.html"
    html = index.read_text(encoding="utf-8")
    html = html.replace("</main>", '<a href="articles/no-such-entry/">x</a><a href="tags/#nowhere">y</a><a href="https://example.com/">ok</a></main>', 1)
    index.write_text(html, encoding="utf-8")
    (site / "archive" / "index.html").write_text("<p>no doctype</p></div>", encoding="utf-8")
    (site / "feed.xml").write_text("<feed><entry></feed>", encoding="utf-8")
    result = check(root)
    assert result.exit_code == 1
    lines = problem_lines(result)
    assert any(line.startswith("error: site/index.html:") and "broken link: articles/no-such-entry/" in line for line in lines)
    assert any("no id 'nowhere' in tags/index.html" in line for line in lines)
    assert not any("example.com" in line for line in lines)
    assert any("site/archive/index.html" in line and "HTML parse error" in line for line in lines)
    assert any(line.startswith("error: site/feed.xml:1:") and "not well-formed XML" in line for line in lines)
    assert result.output.strip().endswith(f"check: {len(lines)} problems")


def test_missing_site_is_a_problem_unless_no_site(root: Path) -> None:
    shutil.rmtree(root / "site")
    result = check(root)
    assert result.exit_code == 1 and "run `digest build` first" in result.output
    assert check(root, "--no-site").exit_code == 0


def test_base_url_of_the_build_can_be_given(root: Path) -> None:
    build = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline", "--base-url", "https://example.org/digest/"])
    assert build.exit_code == 0, build.output
    assert check(root, "--base-url", "https://example.org/digest/").exit_code == 0
    wrong = check(root)  # the 404 page links from the base path, which is not "/"
    assert wrong.exit_code == 1 and "broken link: /digest/" in wrong.output
