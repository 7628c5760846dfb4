"""Shared fixtures: the project's seeds, the shared extra articles, temporary site roots."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEED_FILE = SEEDS / "000_645458abd9460e4c.txt"
SHARED_EXTRA = PROJECT.parent / "shared" / "seeds-extra"


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
