"""CLI edges of issue 12 (points 2, 4, 9): no-op builds write nothing and say so, typo
suggestions, whole summaries in --help, review on several slugs or a filter, paths relative
to the site root, natural counts, true progress, refusing a folder that is not a site root,
and init's configuration and hint."""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import PROJECT

from digest.cli import cli
from digest.content.entries import read_entry, write_entry
from digest.translate.providers import PROVIDERS, resolve_provider

sys.path.insert(0, str(PROJECT / "tests"))
from libre_stub import LibreStub

EXAMPLE_SLUG = "التحالف-الدولي-عن-قصف-قواتها-ليس-لدينا-قواعد-الميليشيات-تستهدف-العراقيين"


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=env)


def files_state(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """(mtime_ns, size, bytes) of every file under site/ and .digest/."""
    state = {}
    for base in ("site", ".digest"):
        for path in sorted((root / base).rglob("*")):
            if path.is_file():
                stat = path.stat()
                state[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size, path.read_bytes())
    return state


@pytest.fixture
def new_site(tmp_path: Path) -> Path:
    root = tmp_path / "mysite"
    result = invoke("init", str(root))
    assert result.exit_code == 0, result.output
    return root


# --- point 2: nothing changed, nothing done ----------------------------------------------

def _build_until_quiet(root: Path, *args: str) -> Result:
    """Builds until one finds nothing changed (a build that ingested or translated wrote
    content/, so the next one is a real build once more); at most three."""
    for _ in range(3):
        result = invoke("-C", str(root), "build", *args, env={"LIBRE_API_KEY": "x"})
        assert result.exit_code == 0, result.output
        if "nothing changed" in result.stdout:
            return result
    raise AssertionError(f"no build was a no-op: {result.output}")


def _assert_noop(root: Path, *args: str) -> None:
    before = files_state(root)
    result = invoke("-C", str(root), "build", *args, env={"LIBRE_API_KEY": "x"})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("build: nothing changed since the last build, nothing written (")
    assert result.stdout.splitlines()[0].endswith(" published) → site")
    assert "translate:" not in result.output  # the translate step did not run
    assert files_state(root) == before  # neither site/ nor the caches were written


def test_a_build_with_nothing_changed_writes_nothing_without_a_translation_memory(new_site: Path) -> None:
    _build_until_quiet(new_site, "--offline")
    assert not (new_site / ".digest" / "tm.sqlite").exists()
    _assert_noop(new_site, "--offline")


def test_a_build_with_nothing_changed_writes_nothing_after_translate_offline_and_online(new_site: Path) -> None:
    entry_path = next((new_site / "content").glob("*.md"))
    entry = read_entry(entry_path)  # the example's English is an editor's: make it pending
    entry.title_en = entry.summary_en = None
    entry.translation.status, entry.translation.provider = "pending", None
    write_entry(entry, new_site / "content")
    with LibreStub() as stub:
        translated = invoke("-C", str(new_site), "translate", "--provider", "libre", "--provider-url", stub.url,
                            env={"LIBRE_API_KEY": "x"})
        assert translated.exit_code == 0 and "1 translated" in translated.output, translated.output
        assert (new_site / ".digest" / "tm.sqlite").is_file()
        _build_until_quiet(new_site, "--offline")
        _assert_noop(new_site, "--offline")
        _assert_noop(new_site, "--offline")
        online = ("--provider", "libre", "--provider-url", stub.url)
        _build_until_quiet(new_site, *online)
        requests = stub.requests
        _assert_noop(new_site, *online)
        assert stub.requests == requests  # and asked the provider nothing


def test_a_changed_input_after_a_noop_is_built_again(new_site: Path) -> None:
    _build_until_quiet(new_site, "--offline")
    (new_site / "digest.toml").write_text((new_site / "digest.toml").read_text(encoding="utf-8").replace("The Digest", "My Digest"), encoding="utf-8")
    result = invoke("-C", str(new_site), "build", "--offline")
    assert result.exit_code == 0 and "nothing changed" not in result.output


# --- point 9: typos, help, counts, messages -----------------------------------------------

def test_a_mistyped_top_level_command_gets_a_suggestion() -> None:
    result = invoke("buidl")
    assert result.exit_code == 2
    assert "Error: No such command 'buidl'. Did you mean 'build'?" in result.output
    assert "Did you mean 'review'?" in invoke("reveiw").output
    assert "Did you mean" not in invoke("zzz").output  # nothing close: no guess


def test_top_level_help_shows_each_whole_summary() -> None:
    result = invoke("--help")
    commands = result.output.split("Commands:\n", 1)[1]
    assert result.exit_code == 0 and "..." not in commands
    flat = " ".join(result.output.split())
    assert "build Ingest new seeds, translate what is missing, and render the site into site/." in flat
    assert "translate Fill missing or stale English headlines, summaries and tag labels." in flat
    review = " ".join(invoke("review", "--help").output.split("Commands:\n", 1)[1].split())
    assert "..." not in review
    assert "approve Approve entries for the public site: each SLUG, or every entry a filter selects, such as `--state draft --no-flags`." in review


def test_list_help_points_to_the_readme_not_a_missing_contract() -> None:
    result = invoke("list", "--help")
    assert "CONTRACT.md" not in result.output and "README.md" in result.output


def test_counts_read_naturally(new_site: Path) -> None:
    listed = invoke("-C", str(new_site), "list")
    assert listed.stderr.strip().splitlines()[-1] == "1 entry"
    review = invoke("-C", str(new_site), "review")
    assert review.stderr.strip().splitlines()[-1] == "1 of 1 entry"
    build = invoke("-C", str(new_site), "build", "--offline")
    assert "1 draft not published" in build.output and "draft(s)" not in build.output
    assert re.search(r"^build: \d+ pages, 0 entries, 0 tags, \d+ files in ", build.stdout)


def test_errors_name_files_relative_to_the_site_root(new_site: Path) -> None:
    path = new_site / "content" / f"{EXAMPLE_SLUG}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^date: .*$", "date: 2020-13-45", text), encoding="utf-8")
    line = text.split("\n").index(next(row for row in text.split("\n") if row.startswith("date:"))) + 1
    expected = f"error: content/{EXAMPLE_SLUG}.md:{line}: invalid value in front matter: month must be in 1..12"
    for args in (["check", "--no-site"], ["list"], ["build", "--offline"]):
        result = invoke("-C", str(new_site), *args)
        assert result.exit_code == 1, (args, result.output)
        assert expected in result.stderr.splitlines(), (args, result.stderr)
        assert str(new_site) not in result.stderr


def test_build_refuses_a_folder_that_is_not_a_site_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("build", "--offline")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: this folder is not a site root (no digest.toml, content/ or seeds/); "
        "create one with `digest init DIR`, or give one with -C DIR"
    )
    assert list(tmp_path.iterdir()) == []  # no site/, no .digest/
    (tmp_path / "other").mkdir()
    elsewhere = invoke("-C", str(tmp_path / "other"), "build", "--offline")
    assert elsewhere.exit_code == 1 and f"error: {tmp_path / 'other'} is not a site root" in elsewhere.stderr
    assert list((tmp_path / "other").iterdir()) == []


def test_translate_reports_the_requests_it_really_made(tmp_path: Path) -> None:
    """The provider refuses the key: the breaker stops the run; progress and summary count
    only what was sent (it used to print 7/7 having made far fewer requests)."""
    root = tmp_path / "s"
    assert invoke("init", str(root)).exit_code == 0
    for n in range(6):  # more texts than the client sends at once
        entry = read_entry(next((root / "content").glob("*.md")))
        entry.slug = f"copy-{n}"
        entry.title += f" {n}"
        entry.summary_ar += f" {n}"
        entry.title_en = entry.summary_en = None
        entry.translation.status, entry.translation.provider = "pending", None
        write_entry(entry, root / "content")
    with LibreStub(mode="403") as stub:
        result = invoke("-C", str(root), "translate", "--provider", "libre", "--provider-url", stub.url, env={"LIBRE_API_KEY": "x"})
        sent = stub.requests
    assert result.exit_code == 0, result.output
    assert 1 <= sent < 12
    summary = next(row for row in result.stdout.splitlines() if row.startswith("translate: "))
    assert summary.endswith(f"({sent} request{'s' if sent != 1 else ''})")
    progress = [row for row in result.stderr.splitlines() if re.fullmatch(r"translate: \d+/\d+ texts", row)]
    assert progress and all(int(row.split()[1].split("/")[0]) <= sent for row in progress)
    assert progress[-1] != "translate: 12/12 texts"


def test_init_offers_only_providers_digest_accepts_and_never_suggests_opening_a_file(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "s"))
    assert result.exit_code == 0
    assert "index.html" not in result.output and "digest serve" in result.output
    config_text = (tmp_path / "s" / "digest.toml").read_text(encoding="utf-8")
    provider_line = next(row for row in config_text.splitlines() if row.startswith("provider = "))
    offered = [name.strip() for name in provider_line.split("#", 1)[1].split(",")]
    assert offered == ["google", "libre", "mymemory", "microsoft", "qcri", "chatgpt", "yandex"]
    for name in offered:
        assert PROVIDERS[name].refusal() is None, name
    assert "deepl" not in config_text
    assert tomllib.loads(config_text)["translate"]["provider"] == "google"
    assert resolve_provider("google", None).name == "google"


# --- point 9: review on several slugs, or on what a filter selects ---------------------

def _entries(root: Path, count: int) -> list[str]:
    """`count` copies of the example (each a draft with an editor's English)."""
    example = read_entry(root / "content" / f"{EXAMPLE_SLUG}.md")
    (root / "content" / f"{EXAMPLE_SLUG}.md").unlink()
    slugs = []
    for n in range(count):
        example.slug = f"story-{n}"
        example.title = f"خبر رقم {n}"
        write_entry(example, root / "content")
        slugs.append(example.slug)
    return slugs


def _states(root: Path) -> dict[str, str]:
    return {p.stem: read_entry(p).review.state for p in sorted((root / "content").glob("*.md"))}


def test_approve_takes_several_slugs_and_one_slug_still_works(new_site: Path) -> None:
    slugs = _entries(new_site, 3)
    one = invoke("-C", str(new_site), "review", "approve", slugs[0], "--by", "Ana")
    assert one.exit_code == 0 and one.output == "story-0: draft → approved\n"
    several = invoke("-C", str(new_site), "review", "approve", slugs[0], slugs[1], "no-such", slugs[2], "--by", "Ana")
    assert several.exit_code == 1
    assert several.stdout.splitlines() == ["story-0: already approved", "story-1: draft → approved", "story-2: draft → approved"]
    assert several.stderr.splitlines() == [
        "error: content: no entry with slug 'no-such' (see `digest review list`)",
        "approve: 2 entries changed, 1 failed",
    ]
    assert _states(new_site) == {"story-0": "approved", "story-1": "approved", "story-2": "approved"}
    rejected = invoke("-C", str(new_site), "review", "reject", "story-1", "story-2", "--reason", "duplicate")
    assert rejected.exit_code == 0 and rejected.stderr.strip() == "reject: 2 entries changed"
    assert invoke("-C", str(new_site), "review", "reopen", "story-1", "story-2").exit_code == 0
    assert _states(new_site) == {"story-0": "approved", "story-1": "draft", "story-2": "draft"}


def test_a_filter_selects_entries_counts_them_and_asks_first(new_site: Path) -> None:
    _entries(new_site, 3)
    invoke("-C", str(new_site), "review", "reject", "story-2")
    declined = invoke("-C", str(new_site), "review", "approve", "--state", "draft", input="n\n")
    assert declined.exit_code == 1
    assert declined.stderr == "  story-1\n  story-0\napprove 2 entries? [y/N]: n\napprove: nothing changed\n"
    assert _states(new_site) == {"story-0": "draft", "story-1": "draft", "story-2": "rejected"}
    unanswered = invoke("-C", str(new_site), "review", "approve", "--state", "draft", input="")  # a script, no --yes
    assert unanswered.exit_code == 1
    assert unanswered.stderr.endswith("approve: nothing changed (no answer; --yes skips the question)\n")
    assert _states(new_site) == {"story-0": "draft", "story-1": "draft", "story-2": "rejected"}
    accepted = invoke("-C", str(new_site), "review", "approve", "--state", "draft", input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout.splitlines() == ["story-1: draft → approved", "story-0: draft → approved"]
    assert accepted.stderr.endswith("approve: 2 entries changed\n")
    assert _states(new_site) == {"story-0": "approved", "story-1": "approved", "story-2": "rejected"}
    # --yes: no question; entries already in the target state are not selected.
    reopened = invoke("-C", str(new_site), "review", "reopen", "--state", "approved", "--yes")
    assert reopened.exit_code == 0 and "?" not in reopened.output and "reopen: 2 entries changed" in reopened.stderr
    nothing = invoke("-C", str(new_site), "review", "approve", "--state", "approved", "--yes")
    assert nothing.exit_code == 0 and nothing.stderr.strip() == "approve: no entry matches"


def test_flag_filters(new_site: Path) -> None:
    _entries(new_site, 2)
    # Both copies were ingested today with no date in the seed: date-unknown on both.
    flagged = invoke("-C", str(new_site), "review", "approve", "--flag", "date-unknown", "--yes")
    assert flagged.exit_code == 0 and "approve: 2 entries changed" in flagged.stderr
    unflagged = invoke("-C", str(new_site), "review", "reopen", "--no-flags", "--yes")
    assert unflagged.exit_code == 0 and unflagged.stderr.strip() == "reopen: no entry matches"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give one or more SLUGs, or a filter"),
        (["story-0", "--state", "draft"], "give SLUGs or a filter (--state, --flag, --no-flags), not both"),
        (["--flag", "date-unknown", "--no-flags"], "--flag and --no-flags select nothing together"),
    ],
)
def test_selection_usage_errors(new_site: Path, args: list[str], message: str) -> None:
    _entries(new_site, 1)
    result = invoke("-C", str(new_site), "review", "approve", *args)
    assert result.exit_code == 2 and message in result.output
    assert _states(new_site) == {"story-0": "draft"}
