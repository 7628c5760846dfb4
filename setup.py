"""Package discovery for setuptools (everything else is in pyproject.toml).

Every package under digest/ is found, so a new subpackage can never be left out of a
wheel; the built-in theme in the top-level templates/ folder ships as `digest.templates`.
"""
from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["digest", "digest.*"]), "digest.templates"],
    package_dir={"digest.templates": "templates"},
)
