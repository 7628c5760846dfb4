"""Mutation testing per module, each module with its own focused test selection (issue 17).

mutmut runs, for each mutant, every test of its selection that executes the mutated function.
With one selection for all modules, a mutant of content/entries.py (read by nearly every
test) ran hundreds of tests, many of them through a `digest` subprocess that never imports
the mutated copy anyway. So each module gets its own working copy of the project,
`.mutation/<module>/` (ignored by git), whose pyproject.toml mutates only that module and
selects only the in-process tests that exercise it (SELECTIONS below). Results stay there:
a second run checks only mutants not checked yet (and re-checks survivors with --recheck).

    benchmarks/mutation.sh [MODULE ...] [--jobs N] [--sample N] [--seed S] [--recheck]

--sample N checks a seeded random sample of N mutants per module instead of all of them
(default: content.entries only, 150 of its ~1,180 mutants, seed 17; --sample 0: all).
Scores: benchmarks/mutation_scores.py.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
WORK = PROJECT / ".mutation"

# The in-process tests (CliRunner or direct calls) that exercise each module. Subprocess
# tests are left out: the `digest` they start imports the installed code, not mutmut's copy.
SELECTIONS: dict[str, list[str]] = {
    "translate.state": [
        "tests/test_editor_losses.py", "tests/test_translate.py",
        "tests/test_review.py", "tests/test_flags.py",
    ],
    "text.slugs": [
        "tests/test_slugs.py", "tests/test_content.py",
        "tests/test_ingest_reingest.py",
    ],
    "review.publish": [
        "tests/test_editor_losses.py", "tests/test_review.py",
        "tests/test_publishing.py",
    ],
    "review.states": [
        "tests/test_review.py", "tests/test_review_roundtrip.py",
        "tests/test_editor_losses.py", "tests/test_cli_edges.py",
    ],
    "sitemodel.search": [
        "tests/test_editor_losses.py", "tests/test_site.py",
        "tests/test_publishing.py",
    ],
    "sitemodel.feeds": [
        "tests/test_editor_losses.py", "tests/test_site.py",
        "tests/test_publishing.py", "tests/test_build.py",
    ],
    "ingest.run": [
        "tests/test_ingest_reingest.py", "tests/test_editor_losses.py",
        "tests/test_editor_comments.py", "tests/test_ingest_errors.py",
    ],
    "content.entries": [
        "tests/test_content.py", "tests/test_frontmatter_fast.py",
        "tests/test_frontmatter_module.py", "tests/test_editor_comments.py", "tests/test_editor_losses.py",
        "tests/test_check.py", "tests/test_source_url.py",
        # not hostile/test_frontmatter_props.py: its 37 s of generated front matter ran for nearly every mutant
    ],
}


def kills_file(module: str) -> str:
    """The tests written to kill this module's surviving mutants (always in its selection)."""
    return f"tests/test_mutation_kills_{module.replace('.', '_')}.py"


DEFAULT_SAMPLE = {"content.entries": 150}
# Not copied into a working copy: environments, caches, outputs, other working copies.
SKIP = {".git", ".venv", "venv", "mutants", ".mutation", "site", ".digest", ".pytest_cache", "build", "dist",
        "test-artifacts", "__pycache__", ".mypy_cache", ".ruff_cache"}


def prepare(module: str) -> Path:
    """(Re)copy the project into .mutation/<module>/ (keeping its mutants/ results) and
    write a pyproject.toml that mutates this module with its own test selection."""
    work = WORK / module
    work.mkdir(parents=True, exist_ok=True)
    for item in work.iterdir():
        if item.name != "mutants":
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    for item in PROJECT.iterdir():
        if item.name in SKIP or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, work / item.name, ignore=shutil.ignore_patterns(*SKIP))
        else:
            shutil.copy2(item, work / item.name)
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    settings = tomllib.loads(pyproject)["tool"]["mutmut"]
    settings["only_mutate"] = [f"digest/{module.replace('.', '/')}.py"]
    settings["pytest_add_cli_args_test_selection"] = [kills_file(module), *SELECTIONS[module]]
    table = re.search(r"^\[tool\.mutmut\]\n(?:(?!\[).*\n|\n)*", pyproject, re.MULTILINE)
    assert table, "pyproject.toml has no [tool.mutmut] table"
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
    rewritten = pyproject[: table.start()] + "[tool.mutmut]\n" + "\n".join(lines) + "\n\n" + pyproject[table.end():]
    (work / "pyproject.toml").write_text(rewritten, encoding="utf-8")
    return work


def meta_path(work: Path, module: str) -> Path:
    return work / "mutants" / "digest" / (module.replace(".", "/") + ".py.meta")


def exit_codes(work: Path, module: str) -> dict[str, int | None]:
    path = meta_path(work, module)
    if not path.exists():
        return {}
    codes: dict[str, int | None] = json.loads(path.read_text(encoding="utf-8"))["exit_code_by_key"]
    return codes


def generate(work: Path) -> None:
    """Let mutmut write the mutants (and their .meta files) without running any, so that a
    sample can be drawn from their names."""
    code = (
        "from mutmut.__main__ import copy_src_dir, copy_also_copy_files, setup_source_paths, create_mutants\n"
        "from mutmut.mutation.trampoline import set_mutant_under_test\n"
        "import os\n"
        "os.makedirs('mutants', exist_ok=True)\n"
        "set_mutant_under_test('mutant_generation')\n"
        "copy_src_dir(); copy_also_copy_files(); setup_source_paths(); create_mutants(1)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=work, check=True, stdout=subprocess.DEVNULL)


def chosen(names: list[str], size: int, seed: int) -> list[str]:
    """A deterministic sample: the same names for the same mutants, size and seed."""
    if size <= 0 or size >= len(names):
        return sorted(names)
    return sorted(random.Random(seed).sample(sorted(names), size))


def run_module(module: str, jobs: int, sample: int, seed: int, recheck: bool) -> None:
    work = prepare(module)
    if not exit_codes(work, module):
        generate(work)
    codes = exit_codes(work, module)
    names = chosen(list(codes), sample, seed)
    (work / "sample.json").write_text(json.dumps({"size": sample, "seed": seed, "names": names}, indent=1), encoding="utf-8")
    wanted = [n for n in names if codes[n] is None or codes[n] == 2 or (recheck and codes[n] == 0)]
    print(f"== {module}: {len(codes)} mutants, {len(names)} selected, {len(wanted)} to check", flush=True)
    if not wanted:
        return
    # Named mutants are (re)checked whatever their result; unnamed, mutmut checks what has none.
    args = wanted if len(wanted) < len(codes) or recheck else []
    subprocess.run(["mutmut", "run", "--max-children", str(jobs), *args], cwd=work, check=False)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=f"default: all of {', '.join(SELECTIONS)}")
    parser.add_argument("--jobs", type=int, default=2, help="mutants checked at once (default 2)")
    parser.add_argument("--sample", type=int, default=None, help="check a seeded sample of N mutants per module (0: all)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--recheck", action="store_true", help="check surviving mutants again (after adding tests)")
    options = parser.parse_args(argv)
    unknown = [m for m in options.modules if m not in SELECTIONS]
    if unknown:
        parser.error(f"unknown module {unknown[0]!r} (configured: {', '.join(SELECTIONS)})")
    if shutil.which("mutmut") is None:
        print("mutmut is missing: pip install -e '.[test,mutation]'", file=sys.stderr)
        return 2
    for module in options.modules or list(SELECTIONS):
        size = DEFAULT_SAMPLE.get(module, 0) if options.sample is None else options.sample
        run_module(module, options.jobs, size, options.seed, options.recheck)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
