"""The no-op fast path: if no input of the build changed since the last successful build
of the same output — by (mtime_ns, size) of every input file, before any file is read or
hashed — the build stops at once and reports what the last one did.

Inputs: seeds/, content/, templates/, digest.toml, the glossary (digest.core.watch.snapshot),
the translation memory, the configuration and build options, and the tool itself
(version and code). The output must still be the tree that build left (same inode).

A build records the inputs it saw only if it succeeded without errors, with the stamps they
had when it started: a file changed during the build (by the build itself — ingest,
translation — or by an editor) then differs, so the next build is a real one, which finds
out what changed.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.layout import INPUTS_DIR, TM_FILE
from ..core.output import atomic_write_bytes
from ..core.watch import Snapshot, snapshot
from .codestamp import code_stamp, digest_of
from .manifest import tree_identity

RECORD_DIR = INPUTS_DIR
TRACKED_STATE = (TM_FILE,)  # read by an offline build too
FORMAT = 1


@dataclass
class LastBuild:
    key: str  # options, configuration and tool
    files: Snapshot
    tree: tuple[int, int] | None
    summary: dict[str, Any] = field(default_factory=dict)  # BuildReport fields to repeat


def input_snapshot(root: Path, watched: Snapshot | None = None) -> Snapshot:
    """Stamps of every input; `watched`: those of digest.core.watch.snapshot, already known
    (digest serve's watcher keeps them up to date from inotify events)."""
    files = snapshot(root) if watched is None else dict(watched)
    for rel in TRACKED_STATE:
        try:
            stat = os.stat(root / rel)
        except OSError:
            continue
        files[rel.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return files


def options_key(*options: Any) -> str:
    return digest_of(FORMAT, code_stamp(), *options)


def _record_path(root: Path, out: Path) -> Path:
    name = hashlib.blake2b(str(out.resolve()).encode("utf-8"), digest_size=8).hexdigest()
    return root / RECORD_DIR / f"{name}.pickle"


class KeptRecord:
    """digest serve: the last build's record held in memory between rebuilds instead of
    being read and written back on each (`saved`: the copy on disk is this one). On disk
    it is written when the server stops (`save`); a server killed before leaves none, so
    the next build is a real one."""

    def __init__(self) -> None:
        self.last: LastBuild | None = None
        self.saved = True

    def save(self, root: Path, out: Path) -> None:
        if not self.saved and self.last is not None:
            _write_record(root, out, self.last)
        self.saved = True


class InputCheck:
    """Taken when a build starts: `unchanged()` says whether it can stop right there.
    `kept` (digest serve): the record is kept there rather than on disk."""

    def __init__(self, root: Path, out: Path, key: str, watched: Snapshot | None = None, kept: KeptRecord | None = None):
        self.root = root
        self.out = out
        self.key = key
        self.before = input_snapshot(root, watched)
        self.last: LastBuild | None = None  # the last build with the same options and tool
        self._same: set[str] | None = None  # see same_as_last_build
        self.kept = kept

    def _read(self) -> LastBuild | None:
        if self.kept is not None and self.kept.last is not None:
            return self.kept.last
        try:
            with _record_path(self.root, self.out).open("rb") as handle:
                version, last = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or corrupt: just build
            return None
        if version != FORMAT or not isinstance(last, LastBuild):
            return None
        if self.kept is not None:
            self.kept.last, self.kept.saved = last, True
        return last

    def unchanged(self) -> LastBuild | None:
        """The last build's record if nothing changed since it, else None."""
        last = self._read()
        if last is None or last.key != self.key:
            return None
        self.last, self._same = last, None
        if last.tree is None or last.tree != tree_identity(self.out):
            return None
        return last if last.files == self.before else None

    def same_as_last_build(self) -> set[str]:
        """The input files (`"seeds/x.txt"`) that have the mtime and size they had when the
        last build (same options and tool) saw them — so that build already used their
        bytes. One set, made once: a rebuild asks about each seed and its entry."""
        if self._same is None:
            last = self.last.files if self.last is not None else {}
            self._same = {rel for rel, stamp in self.before.items() if last.get(rel) == stamp}
        return self._same

    def record(self, summary: dict[str, Any]) -> None:
        """Remember the inputs this (successful) build saw; best effort.

        The stamps taken before the build are the ones recorded: a file the build (ingest,
        translation) or an editor changed while it ran now has another stamp, so the next
        build is a real one and finds out what changed — no second scan needed."""
        last = LastBuild(key=self.key, files=self.before, tree=tree_identity(self.out), summary=summary)
        if self.kept is not None:
            self.kept.last, self.kept.saved = last, False
            return
        _write_record(self.root, self.out, last)

    def forget(self) -> None:
        if self.kept is not None:
            self.kept.last, self.kept.saved = None, True
        try:
            _record_path(self.root, self.out).unlink()
        except OSError:
            pass


def _write_record(root: Path, out: Path, last: LastBuild) -> None:
    """Best effort: without a record the next build is a real one."""
    try:
        path = _record_path(root, out)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, pickle.dumps((FORMAT, last), protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except OSError:
        pass
