"""Shared fixtures: the project's seeds, the shared extra articles, temporary site roots."""
from __future__ import annotations

import os
import random
import resource
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEED_FILE = SEEDS / "000_645458abd9460e4c.txt"
SHARED_EXTRA = PROJECT.parent / "shared" / "seeds-extra"


def _cache_bytecode_outside_the_tree() -> None:
    """Where PYTHONDONTWRITEBYTECODE is set (it is on the shared test machine), every test
    process and every `digest` the tests start compiled all their modules again: ~4.5 s of CPU
    per pytest process (collection: 7 s instead of 2.5 s) and more per subprocess. The bytecode
    goes to .pytest_cache/bytecode instead (git-ignored), never beside the sources, so the
    tree stays as clean as the setting wants it. Runs when this conftest is imported, before
    the test modules are; subprocesses inherit it through the environment."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    prefix = PROJECT / ".pytest_cache" / "bytecode"
    try:
        prefix.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: compile as before
        return
    sys.pycache_prefix = str(prefix)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    del os.environ["PYTHONDONTWRITEBYTECODE"]


_cache_bytecode_outside_the_tree()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-durations", type=int, default=None, metavar="N",
                     help="list the N tests that used the most CPU time (this process and the "
                          "processes it waited for), beside their wall time; 0 lists all")


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


_CPU_START = pytest.StashKey[tuple[float, float]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """CPU time per test (setup, call and teardown), for --cpu-durations: on a machine shared
    with other jobs, wall time says more about the neighbours than about the test."""
    if item.config.getoption("--cpu-durations") is not None:
        item.stash[_CPU_START] = (_cpu_seconds(), time.perf_counter())
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    report = yield
    if call.when == "teardown" and _CPU_START in item.stash:
        cpu, wall = item.stash[_CPU_START]
        # On the report, so pytest-xdist carries it from a worker to the main process.
        report.user_properties.append(("cpu", (_cpu_seconds() - cpu, time.perf_counter() - wall)))
    return report


_CPU_TIMES: dict[str, tuple[float, float]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for name, value in report.user_properties:
        if name == "cpu":  # also from pytest-xdist's workers: their reports carry it here
            _CPU_TIMES[report.nodeid] = (float(value[0]), float(value[1]))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    count = config.getoption("--cpu-durations")
    if count is None or not _CPU_TIMES:
        return
    ranked = sorted(_CPU_TIMES.items(), key=lambda item: -item[1][0])
    terminalreporter.write_sep("=", f"CPU time of {'all' if count == 0 else f'the {count} costliest'} tests")
    for nodeid, (cpu, wall) in ranked[:count or None]:
        terminalreporter.write_line(f"{cpu:7.2f}s cpu {wall:7.2f}s wall  {nodeid}")
    files: dict[str, float] = {}
    for nodeid, (cpu, _wall) in _CPU_TIMES.items():
        files[nodeid.split("::")[0]] = files.get(nodeid.split("::")[0], 0.0) + cpu
    terminalreporter.write_sep("-", f"CPU time by file (all tests: {sum(files.values()):.1f}s)")
    for path, cpu in sorted(files.items(), key=lambda item: -item[1])[:count or None]:
        terminalreporter.write_line(f"{cpu:7.2f}s cpu  {path}")


@pytest.fixture(scope="session", autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The per-user cache of compiled built-in templates (digest.cache.templatecache) in a folder
    of this test run, not the home of whoever runs the tests; subprocesses inherit it."""
    os.environ["DIGEST_CACHE_DIR"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def fixed_code_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tool's code is part of every fingerprint; colleagues editing digest/ while a test
    runs must not turn an incremental build into a full one."""
    monkeypatch.setattr("digest.cache.fingerprint.code_stamp", lambda: "test")
    monkeypatch.setattr("digest.cache.inputs.code_stamp", lambda: "test")


def extra_seeds_dir() -> Path:
    """../shared/seeds-extra: skip where absent, but fail under CI=true."""
    if SHARED_EXTRA.is_dir() and any(SHARED_EXTRA.glob("*.txt")):
        return SHARED_EXTRA
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the shared articles are missing: {SHARED_EXTRA}")
    pytest.skip(f"the shared test articles are not here ({SHARED_EXTRA}); they are not redistributed")


@pytest.fixture
def extra_dir() -> Path:
    return extra_seeds_dir()


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """An empty site root with the project's seed article in seeds/."""
    root = tmp_path / "site-root"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED_FILE, root / "seeds" / SEED_FILE.name)
    shutil.copy(PROJECT / "glossary.toml", root / "glossary.toml")
    return root


@pytest.fixture
def all_seeds_root(tmp_path: Path, extra_dir: Path) -> Path:
    """A site root holding the seed and the 15 shared articles (16 in all)."""
    root = tmp_path / "all-seeds"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED_FILE, root / "seeds" / SEED_FILE.name)
    for path in sorted(extra_dir.glob("*.txt")):
        shutil.copy(path, root / "seeds" / path.name)
    shutil.copy(PROJECT / "glossary.toml", root / "glossary.toml")
    return root


SMALL_SITE_CONFIG = '[site]\npublish = "all"\nper_page = 3\n'


def small_site(root: Path, tmp_path: Path, keep: int, held_back: int) -> Path:
    """`root` (from all_seeds_root) with every entry published, three per page: the last
    `held_back` seeds moved to tmp_path/held (articles added later by the test), the first
    `keep` kept, the others deleted (a few articles keep incremental tests quick)."""
    (root / "digest.toml").write_text(SMALL_SITE_CONFIG, encoding="utf-8")
    held = tmp_path / "held"
    held.mkdir()
    seeds = sorted((root / "seeds").glob("*.txt"))
    for seed in seeds[len(seeds) - held_back :]:
        shutil.move(str(seed), held / seed.name)
    for extra in seeds[keep : len(seeds) - held_back]:
        extra.unlink()
    return root


def override_article(root: Path, block: str) -> None:
    """A site template extending the built-in article page, `block` before its title."""
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "article.html").write_text(
        '{% extends "!builtin/article.html" %}{% block title %}' + block + " {{ super() }}{% endblock %}", encoding="utf-8"
    )


def delete_entry_and_seed(root: Path, entry_file: Path) -> None:
    """An article deleted as an editor would: its content file and the seed it came from."""
    from digest.content.entries import read_entry

    seed_path = read_entry(entry_file).seed
    if seed_path:
        (root / seed_path).unlink(missing_ok=True)
    entry_file.unlink()


def rename_random_tag(root: Path, rng: random.Random) -> None:
    """One tag, drawn by `rng`, renamed on every entry of content/ that has it."""
    from digest.content.entries import read_entry, write_entry

    every = [read_entry(p) for p in sorted((root / "content").glob("*.md"))]
    names = sorted({t for e in every for t in e.tags})
    if not names:
        return
    old, new = rng.choice(names), f"وسم_{rng.randint(1, 99)}"
    for entry in every:
        if old in entry.tags:
            entry.tags = [new if t == old else t for t in entry.tags]
            write_entry(entry, root / "content")
