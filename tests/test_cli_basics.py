"""The CLI surface of CONTRACT.md: --version, -C anywhere, list --json, init, progress bars."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECT, SEED_FILE

from digest import __version__
from digest.cli import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"digest, version {__version__}"


def test_usage_error_exits_2() -> None:
    assert invoke("ingest", "--no-such-option").exit_code == 2
    assert invoke("no-such-command").exit_code == 2


def test_a_missing_site_root_is_a_usage_error_not_a_new_site(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-root"
    result = invoke("-C", str(missing), "build", "--offline")
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not missing.exists()


def test_the_console_script_exits_with_the_command_status(site_root: Path) -> None:
    """main() exits with the command's status; its output survives the shutdown."""
    ok = subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(site_root), "ingest"], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.strip() == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed"
    usage = subprocess.run([sys.executable, "-m", "digest.cli", "no-such-command"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such command" in usage.stderr
    (site_root / "digest.toml").write_text("[site\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(site_root), "build", "--offline"], capture_output=True, text=True)
    assert bad.returncode == 1 and "digest.toml" in bad.stderr


@pytest.mark.parametrize("where", ["before", "after", "long-after"])
def test_root_option_before_or_after_the_subcommand(site_root: Path, where: str) -> None:
    args = {
        "before": ["-C", str(site_root), "ingest"],
        "after": ["ingest", "-C", str(site_root)],
        "long-after": ["ingest", "--root", str(site_root)],
    }[where]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed"
    assert len(list((site_root / "content").glob("*.md"))) == 1


def test_list_json_shape(site_root: Path) -> None:
    assert invoke("-C", str(site_root), "ingest").exit_code == 0
    result = invoke("list", "--json", "-C", str(site_root))
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert set(item) == {"slug", "url", "path", "title", "title_en", "source", "date", "source_url", "extra", "tags",
                         "summary_ar", "summary_en", "translation", "review"}
    assert item["source_url"] is None and item["extra"] == {}  # the example seed has no url: line
    assert item["title"].startswith("التحالف الدولي") and item["source"] == "وكالات"
    assert item["path"] == f"content/{item['slug']}.md" and item["url"] == f"articles/{item['slug']}/"
    assert len(item["date"]) == 10 and item["date"][4] == "-"
    assert item["title_en"] is None and item["summary_en"] is None  # pending English is null
    assert item["translation"] == {"status": "pending", "provider": None}
    assert item["review"]["state"] == "draft" and item["review"]["by"] is None and isinstance(item["review"]["flags"], list)
    assert [t["name"] for t in item["tags"]][:3] == ["داعش", "أربيل", "قوات البيشمركة"]
    for tag in item["tags"]:
        assert set(tag) == {"name", "slug", "name_en", "url"}
        assert isinstance(tag["slug"], str) and tag["url"].endswith(f"{tag['slug']}/")
    assert item["summary_ar"]


def test_list_plain_and_empty(tmp_path: Path) -> None:
    result = invoke("-C", str(tmp_path), "list", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_ingest_explicit_file_and_default_folder(site_root: Path) -> None:
    result = invoke("-C", str(site_root), "ingest", str(site_root / "seeds" / SEED_FILE.name))
    assert result.exit_code == 0 and "1 new" in result.stdout
    assert "1 unchanged" in invoke("-C", str(site_root), "ingest").stdout


def test_relative_path_is_found_under_the_site_root(site_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("-C", str(site_root), "ingest", f"seeds/{SEED_FILE.name}")
    assert result.exit_code == 0 and "1 new" in result.stdout, result.output


def test_init_scaffolds_a_root_that_ingests(tmp_path: Path) -> None:
    root = tmp_path / "mysite"
    result = invoke("init", str(root))
    assert result.exit_code == 0, result.output
    for name in ("digest.toml", "seeds", "content", "templates"):
        assert (root / name).exists(), name
    # init ingested the example itself (and gave it an editor's English, which stays)
    assert invoke("-C", str(root), "ingest").stdout.strip() == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"
    (entry,) = json.loads(invoke("-C", str(root), "list", "--json").stdout)
    assert entry["translation"] == {"status": "edited", "provider": "editors"} and entry["review"]["state"] == "draft"
    assert entry["title_en"].startswith("International Coalition on the shelling of its forces")
    again = invoke("init", str(root))
    assert again.exit_code == 1 and "already a site root" in again.stderr


def _run_with_tty_stderr(args: list[str]) -> tuple[int, str, str]:
    """Run digest with stderr on a pseudo-terminal (as in an editor's shell), stdout piped."""
    master, slave = pty.openpty()
    # A real terminal has a size; a fresh pty is 0x0, which tqdm would honour with no bar.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "digest.cli", *args], stdout=subprocess.PIPE, stderr=slave,
        env={**os.environ, "COLUMNS": "120"},
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, stdout, b"".join(chunks).decode(errors="replace")


def _corpus(root: Path, n: int) -> None:
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    try:
        from corpus import generate_corpus
    finally:
        sys.path.pop(0)
    generate_corpus(root / "seeds", n, seed=3)


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    tty_root, pipe_root = tmp_path / "tty", tmp_path / "pipe"
    _corpus(tty_root, 50)
    _corpus(pipe_root, 50)
    code, stdout, terminal = _run_with_tty_stderr(["-C", str(tty_root), "ingest"])
    assert code == 0 and stdout.strip() == "ingest: 50 new, 0 updated, 0 unchanged, 0 failed"
    assert "ingest:" in terminal and "/50 [" in terminal  # the bar went to the terminal
    plain = subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(pipe_root), "ingest"],
                           capture_output=True, text=True, timeout=120)
    assert plain.returncode == 0 and plain.stderr == ""  # no bar, no control characters
    assert plain.stdout == "ingest: 50 new, 0 updated, 0 unchanged, 0 failed\n"
