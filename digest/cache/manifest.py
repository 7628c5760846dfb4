"""The build manifest: what the current output tree was built from.

One manifest per output directory, in `<root>/.digest/manifest/`: the fingerprint of every
page and file in the tree (digest.cache.fingerprint), memo tables that save work next time, and
the identity (device, inode) of the tree it describes — if site/ was deleted, replaced or
built by someone else, the inode differs and the next build is a full one.

Fails soft: a missing, unreadable or outdated manifest means a full build, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.layout import MANIFEST_DIR
from ..core.output import atomic_write_with

FORMAT = 7


@dataclass
class Manifest:
    tree: tuple[int, int] | None = None  # (st_dev, st_ino) of the output directory it describes
    files: dict[str, str | None] = field(default_factory=dict)  # output path → fingerprint
    entries: dict[str, Any] = field(default_factory=dict)  # slug → (content stamp, digests): fingerprint memo
    related: tuple[str, dict[str, tuple[str, ...]]] | None = None  # (key of story order and tags, slug → related)
    references: dict[str, frozenset[str] | None] = field(default_factory=dict)  # template source digest → names it uses
    structure: str | None = None  # digest of every page input but the bodies (fingerprint.SiteFingerprints.structure)
    # What rendering each page read (digest.render.recording): output path → its keys, and
    # each key's value when the tree was built (fingerprint.SiteFingerprints.dependency).
    deps: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    dep_values: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def describes(self, out: Path) -> bool:
        """True if `out` is the very tree this manifest was written for."""
        return self.tree is not None and tree_identity(out) == self.tree


def tree_identity(out: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(out)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def manifest_path(root: Path, out: Path) -> Path:
    key = hashlib.blake2b(str(out.resolve()).encode("utf-8"), digest_size=8).hexdigest()
    return root / MANIFEST_DIR / f"{key}.pickle"


def load_manifest(root: Path, out: Path) -> Manifest:
    try:
        with manifest_path(root, out).open("rb") as handle:
            version, manifest = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing or corrupt: build everything, write a new one
        return Manifest()
    if version != FORMAT or not isinstance(manifest, Manifest):
        return Manifest()
    return manifest


def save_manifest(root: Path, out: Path, manifest: Manifest) -> None:
    path = manifest_path(root, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Streamed into the file, not made whole in memory first (a few MB at 4,000 entries).
    atomic_write_with(path, lambda handle: pickle.dump((FORMAT, manifest), handle, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def forget_manifest(root: Path, out: Path) -> None:
    """Drop the manifest before the tree changes: a crash in between must not leave a
    manifest that claims the new tree was built from the old inputs."""
    try:
        manifest_path(root, out).unlink()
    except OSError:
        pass
