"""The README stays true: its commands match CI, every command is documented and has help."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from digest.cli import all_commands, cli

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def _fenced_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def test_readme_opens_with_the_two_fresh_machine_commands() -> None:
    blocks = _fenced_blocks(README)
    build, tests = blocks[0].strip(), blocks[1].strip()
    assert "pip install" in build and "digest build" in build and "--offline" in build
    assert "pip install" in tests and "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    tests_command = _fenced_blocks(README)[1].strip()
    ci_lines = [line.strip() for line in (PROJECT / ".ci" / "run").read_text().splitlines()]
    assert tests_command in ci_lines


def test_every_command_has_help_and_is_in_the_readme() -> None:
    runner = CliRunner()
    commands = all_commands()
    assert sorted(commands) == ["build", "check", "clean", "ingest", "init", "list", "review", "serve", "translate"]
    for name, command in commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert command.help, f"{name} has no help text"
        assert f"digest {name}" in README, f"`digest {name}` is not documented in README.md"
