"""A normal install carries every module: package discovery finds each folder of digest/,
and the wheel's data (the built-in theme, the init example) is declared.

CI (.ci/run) goes further: it builds the sdist and the wheel, installs the wheel into a
fresh venv and runs init, build, check and serve from a folder outside the checkout.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

PROJECT = Path(__file__).resolve().parent.parent


def _package_folders() -> set[str]:
    """Every folder under digest/ that holds Python modules, as a dotted package name."""
    folders = {path.parent for path in (PROJECT / "digest").rglob("*.py")}
    return {".".join(folder.relative_to(PROJECT).parts) for folder in folders
            if "__pycache__" not in folder.parts}


def test_every_folder_with_modules_is_a_discovered_package() -> None:
    discovered = set(find_packages(where=str(PROJECT), include=["digest", "digest.*"]))
    missing = _package_folders() - discovered
    assert not missing, f"folders with modules but no __init__.py (left out of a wheel): {missing}"
    assert "digest.translate" in discovered and "digest.cli.commands" in discovered


def test_setup_uses_discovery_not_a_hand_kept_list() -> None:
    setup_py = (PROJECT / "setup.py").read_text(encoding="utf-8")
    assert "find_packages(" in setup_py
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "packages" not in pyproject["tool"].get("setuptools", {})


def test_theme_and_data_files_are_package_data() -> None:
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = pyproject["tool"]["setuptools"]["package-data"]
    assert "data/*" in package_data["digest"]
    assert "**/*" in package_data["digest.templates"]
    assert (PROJECT / "templates" / "__init__.py").is_file()
    assert (PROJECT / "digest" / "data" / "example-seed.txt").is_file()
