"""Seeds and content files must really live inside the site root.

A symlink in seeds/ or content/ to a file elsewhere (`/etc/passwd`, another site's drafts)
would be ingested, and with `publish = "all"` published. Such files are refused, one
error each, unless digest.toml says `ingest.allow_outside_root = true` (e.g. seeds/ is a
link to a shared feed folder on another disk).
"""
from __future__ import annotations

import os
from pathlib import Path

SETTING = "ingest.allow_outside_root"


def real_root(root: Path | str) -> str:
    return os.path.realpath(root)


def refusal(real: str) -> str:
    """The message for a file whose real path is `real`, outside the site root."""
    return f"refused: it leads outside the site root (to {real}); set {SETTING} = true in digest.toml to allow it"


def _inside(real: str, resolved_root: str) -> bool:
    return real == resolved_root or real.startswith(resolved_root.rstrip(os.sep) + os.sep)


def split_outside(
    paths: list[Path], resolved_root: str, trusted: tuple[str, ...] = ()
) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(paths inside the root or a trusted folder, [(path, its real path)] of the others).

    A folder is resolved once; only a file that is itself a symlink is resolved alone
    (ingest lists 10,000 seeds: a realpath each would cost more than the walk)."""
    folders: dict[str, str] = {}
    kept: list[Path] = []
    refused: list[tuple[Path, str]] = []
    for path in paths:
        name = os.fspath(path)
        if os.path.islink(name):
            real = os.path.realpath(name)
        else:
            parent, base = os.path.split(os.path.abspath(name))
            folder = folders.get(parent)
            if folder is None:
                folder = folders[parent] = os.path.realpath(parent)
            real = os.path.join(folder, base)
        if _inside(real, resolved_root) or any(_inside(real, t) for t in trusted):
            kept.append(path)
        else:
            refused.append((path, real))
    return kept, refused


def content_paths(content_dir: Path, allow_outside_root: bool) -> tuple[list[Path], list[tuple[Path, str]]]:
    """content_dir/*.md sorted by name, split as split_outside does (the site root is the
    folder content_dir sits in)."""
    paths = sorted(content_dir.glob("*.md"), key=lambda p: p.name)  # names sort faster than Paths
    if allow_outside_root:
        return paths, []
    return split_outside(paths, real_root(content_dir.parent))
