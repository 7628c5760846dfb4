"""Issue 13.8: the review panel's copy-paste commands are quoted for the shell and show
invisible and bidi-control characters. Pasted into bash, a command approves exactly the
entry it names and runs nothing else."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digest.core.model import Review, Translation
from digest.render.environment import make_environment
from digest.review.publish import approve_command
from digest.text.shellquote import review_command, shell_quote, visible

from .sites import make_entry, run_digest, site_with_entries

PENDING = {"title_en": None, "summary_en": None, "translation": Translation(status="pending")}
DRAFT = Review(state="draft")

# slug → the approve command the panel must show for a draft whose English is pending.
EXPECTED_APPROVE = {
    "`touch PWNED`": "digest review approve '`touch PWNED`' --force",
    "$(touch PWNED)": "digest review approve '$(touch PWNED)' --force",
    "a;touch PWNED": "digest review approve 'a;touch PWNED' --force",
    "a&touch PWNED": "digest review approve 'a&touch PWNED' --force",
    "a|touch PWNED": "digest review approve 'a|touch PWNED' --force",
    "it's": "digest review approve 'it'\"'\"'s' --force",
    "a\ntouch PWNED": "digest review approve a$'\\n''touch PWNED' --force",
    "abc\u202edcba": "digest review approve abc$'\\u202e'dcba --force",
    "a\u200bb": "digest review approve a$'\\u200b'b --force",
    "a\u00a0b": "digest review approve a$'\\u00a0'b --force",
    "a\tb\x1b\x7fc": "digest review approve a$'\\t'b$'\\x1b\\x7f'c --force",
    "-rf": "digest review approve --force -- -rf",
    "--force": "digest review approve --force -- --force",
    "خبر-اليوم-2024": "digest review approve 'خبر-اليوم-2024' --force",
    "plain-slug-1": "digest review approve plain-slug-1 --force",
}


def test_shell_quote_and_visible_directly() -> None:
    assert shell_quote("") == "''"
    assert shell_quote("\u202e") == "$'\\u202e'"
    assert shell_quote("x\U000e0001") == "x$'\\U000e0001'"  # a tag character, outside the BMP
    assert visible("a\u202eb\nc.md") == "a\\u202eb\\nc.md"
    assert visible("خبر-اليوم") == "خبر-اليوم"  # Arabic letters are visible: unchanged
    assert review_command("approve", "x", ["--by", "سارة علي", "--force"]) == "digest review approve x --by 'سارة علي' --force"


@pytest.mark.parametrize("slug", sorted(EXPECTED_APPROVE))
def test_approve_command_quotes_every_slug(slug: str) -> None:
    entry = make_entry(slug, "عنوان", review=DRAFT, **PENDING)
    command = approve_command(entry)
    assert command == EXPECTED_APPROVE[slug]
    assert not any(char in command for char in "\n\t\x1b\x7f\u202e\u200b\u00a0")
    # bash reads it back as exactly these words
    words = subprocess.run(["bash", "-c", 'printf "%s\\0" ' + command.removeprefix("digest ")], capture_output=True, check=True).stdout
    options = ["--force"]
    expected = ["review", "approve", *([*options, "--", slug] if slug.startswith("-") else [slug, *options])]
    assert words.decode("utf-8").split("\0")[:-1] == expected


def test_approve_command_with_editor_name() -> None:
    entry = make_entry("a;b", "عنوان", review=DRAFT)  # English edited: no --force
    assert approve_command(entry, by="O'Brien; rm -rf ~") == "digest review approve 'a;b' --by 'O'\"'\"'Brien; rm -rf ~'"


def _panel(page: str) -> dict[str, str]:
    """The commands and the content-file name shown in a page's review panel (unescaped)."""
    panel = page[page.index('<aside class="review-panel"') :]
    codes = [html.unescape(code) for code in re.findall(r"<code[^>]*>(.*?)</code>", panel, re.S)]
    return {
        "approve": next(c for c in codes if c.startswith("digest review approve")),
        "reject": next(c for c in codes if c.startswith("digest review reject")),
        "file": next(c for c in codes if c.startswith("content/")),
    }


def test_panel_template_renders_quoted_commands() -> None:
    """The panel partial itself, rendered with the built-in theme, for a hostile slug."""
    slug = "x`id`\u202e;y"
    entry = make_entry(slug, "عنوان", review=DRAFT, **PENDING)
    env = make_environment(None)
    page = env.get_template("partials/review_panel.html").render(entry=entry, entry_flags=[], approve_command=approve_command(entry))
    shown = _panel(page)
    assert shown == {
        "approve": "digest review approve 'x`id`'$'\\u202e'';y' --force",
        "reject": "digest review reject 'x`id`'$'\\u202e'';y' --reason '…'",
        "file": "content/x`id`\\u202e;y.md",
    }
    approved = make_entry("-x", "عنوان")
    page = env.get_template("partials/review_panel.html").render(entry=approved, entry_flags=[], approve_command="")
    assert "<code>digest review reopen -- -x</code>" in page
    assert "<code>digest review reject --reason &#39;…&#39; -- -x</code>" in page


def _bash_env() -> dict[str, str]:
    """`digest` on PATH is this checkout's console script."""
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_panel_commands_from_a_build_approve_exactly_that_entry(tmp_path: Path) -> None:
    """Build the review site, copy each panel's approve command, paste it into bash: it
    approves that entry and nothing else runs (no PWNED file appears anywhere).

    Slugs the loader refuses (another rule may refuse some file names at load) must be
    refused by name; every slug that gets a page must have the exact quoted command."""
    root = tmp_path / "root"
    slugs = sorted(EXPECTED_APPROVE)
    site_with_entries(root, [make_entry(slug, f"عنوان {i}", review=DRAFT, **PENDING) for i, slug in enumerate(slugs)])
    built = run_digest("-C", str(root), "build", "--review", "--offline")
    shown_pages = 0
    for slug in slugs:
        page_path = root / "site" / "articles" / slug / "index.html"
        if not page_path.exists():  # refused at load: then the build must have said so
            assert f"content/{slug}.md" in built.stderr or f"content/{visible(slug)}.md" in built.stderr, (slug, built.stderr)
            continue
        shown_pages += 1
        shown = _panel(page_path.read_text(encoding="utf-8"))
        assert shown["approve"] == EXPECTED_APPROVE[slug]
        assert shown["file"] == f"content/{visible(slug)}.md"
        pasted = subprocess.run(["bash", "-c", shown["approve"]], cwd=root, env=_bash_env(), capture_output=True, text=True, timeout=120)
        assert pasted.returncode == 0, (slug, pasted.stderr)
        assert "\n  state: approved" in (root / "content" / f"{slug}.md").read_text(encoding="utf-8"), slug
    assert shown_pages >= 3  # at least the Arabic, the plain and the dash-led slugs
    dashboard = html.unescape((root / "site" / "review" / "index.html").read_text(encoding="utf-8"))
    slugs_shown = re.findall(r'<code class="slug" dir="auto">(.*?)</code>', dashboard, re.S)
    assert sorted(slugs_shown) == sorted(visible(slug) for slug in slugs if (root / "site" / "articles" / slug).exists())
    # the bidi override shown, not applied (or the file refused as no safe slug: no page at all)
    assert "abc\\u202edcba" in slugs_shown or not (root / "site" / "articles" / "abc\u202edcba").exists()
    assert not list(tmp_path.rglob("PWNED")) and not (Path.cwd() / "PWNED").exists()
    listed = run_digest("-C", str(root), "review", "list", "--json")
    states = {item["slug"]: item["review"]["state"] for item in __import__("json").loads(listed.stdout)}
    assert sorted(slug for slug, state in states.items() if state == "approved") == sorted(
        slug for slug in slugs if (root / "site" / "articles" / slug / "index.html").exists()
    )
