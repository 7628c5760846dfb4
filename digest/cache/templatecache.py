"""Compiled templates kept between processes (Jinja's own bytecode cache).

Compiling the theme costs about 0.1 s in every fresh `digest` process — most of what
re-rendering one page costs, and a tenth of a cold build of 1,000 entries. Two places:

- the built-in theme's templates, the same for every site, in a per-user cache
  (`$DIGEST_CACHE_DIR`, else `$XDG_CACHE_HOME/digest`, else `~/.cache/digest`; none with
  `DIGEST_CACHE_DIR=off`): compiled
  by the first build on the machine, as Python compiles a package's modules once. Jinja's
  own default for this cache is likewise per user (in the temp folder). What each of them
  extends, imports or includes (digest.render.templaterefs) is kept there too, so a build need
  not parse them to fingerprint its pages;
- a site's own templates, in its `.digest/cache/templates`.

Jinja validates a cached template by its source checksum (and Python version); the file
names also carry a stamp of this tool's code, because the compiled code depends on the
Environment's options too, which Jinja does not check. Files of other stamps are removed
(in the per-user cache, once a week old: another installed version may still use them).
Fails soft: an unwritable cache just compiles.
"""
from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import jinja2

from ..core.layout import TEMPLATE_CACHE_DIR
from ..render import templaterefs
from .codestamp import code_stamp

CACHE_DIR = TEMPLATE_CACHE_DIR
_STALE_AFTER = 7 * 24 * 3600  # seconds before another stamp's files leave the per-user cache


USER_CACHE_OFF = "off"  # DIGEST_CACHE_DIR=off: no per-user cache (read-only home, shared CI runners)


def user_cache_dir() -> Path | None:
    """Where the per-user cache lives (not created here); None when switched off."""
    configured = os.environ.get("DIGEST_CACHE_DIR")
    if configured and configured.strip().lower() == USER_CACHE_OFF:
        return None
    if configured:
        return Path(configured)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "digest" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digest"


class ThemeBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A site's templates in its own folder, the built-in theme's in the per-user one."""

    def __init__(self, site_dir: Path, user_dir: Path | None, builtin_dir: Path, pattern: str):
        super().__init__(str(site_dir), pattern)
        self.user_dir = str(user_dir) if user_dir is not None else None
        self.builtin_prefix = os.path.join(os.path.realpath(builtin_dir), "")
        self._folder_of: dict[str, str] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = super().get_cache_key(name, filename)
        builtin = filename is not None and os.path.realpath(filename).startswith(self.builtin_prefix)
        self._folder_of[key] = self.user_dir if builtin and self.user_dir else self.directory
        return key

    def _get_cache_filename(self, bucket: jinja2.bccache.Bucket) -> str:
        return os.path.join(self._folder_of.get(bucket.key, self.directory), self.pattern % bucket.key)


def attach_bytecode_cache(env: jinja2.Environment, root: Path) -> None:
    from ..render.environment import builtin_templates_dir

    stamp = code_stamp()[:16]
    site_dir = root / CACHE_DIR
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        _remove_other_stamps(site_dir, stamp, older_than=0)
    except OSError:
        return
    user_dir: Path | None
    try:
        user_base = user_cache_dir()
        if user_base is None:
            raise RuntimeError("per-user cache switched off")
        user_dir = user_base / "templates"
        user_dir.mkdir(parents=True, exist_ok=True)
        _remove_other_stamps(user_dir, stamp, older_than=_STALE_AFTER)
        _learn_references(user_dir / f"{stamp}-references.pickle")
    except (OSError, RuntimeError):  # unwritable, or no home folder to put it in
        user_dir = None
    env.bytecode_cache = ThemeBytecodeCache(site_dir, user_dir, builtin_templates_dir(), f"{stamp}-%s.cache")


def save_theme_references(env: jinja2.Environment) -> None:
    """Keep what the templates parsed in this process reference, beside their compiled code
    in the per-user cache (best effort; only when something new was learnt)."""
    cache = env.bytecode_cache
    if not isinstance(cache, ThemeBytecodeCache) or cache.user_dir is None:
        return
    path = Path(cache.user_dir) / f"{code_stamp()[:16]}-references.pickle"
    table = templaterefs.export()
    if table.keys() <= _IN_FILE.get(path, set()):
        return
    try:
        from ..core.output import atomic_write_bytes

        atomic_write_bytes(path, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except OSError:
        return
    _IN_FILE[path] = set(table)


_IN_FILE: dict[Path, set[str]] = {}  # references file → the source digests it holds


def _learn_references(path: Path) -> None:
    if path in _IN_FILE:  # learnt by this process already (what it parses itself is known too)
        return
    _IN_FILE[path] = set()
    try:
        with open(path, "rb") as handle:
            table = pickle.load(handle)
    except FileNotFoundError:
        return
    except Exception:  # noqa: BLE001 - a corrupt cache file: parse again, and rewrite it
        return
    if isinstance(table, dict):
        templaterefs.learn(table)
        _IN_FILE[path] = set(table)


_TIDIED: dict[tuple[Path, str], int] = {}  # (folder, stamp) → the folder's mtime_ns when this process tidied it


def _remove_other_stamps(folder: Path, stamp: str, older_than: float) -> None:
    """Delete the compiled templates of other code versions — again only once the folder
    changed: a serving process attaches a cache on every rebuild, and the per-user folder
    can hold many files."""
    try:
        changed = os.stat(folder).st_mtime_ns
    except OSError:
        return
    if _TIDIED.get((folder, stamp)) == changed:
        return
    now = time.time()
    for name in os.listdir(folder):
        if name.startswith(stamp):
            continue
        path = folder / name
        try:
            if older_than <= 0 or now - path.stat().st_mtime > older_than:
                path.unlink()
        except OSError:
            pass
    try:
        _TIDIED[(folder, stamp)] = os.stat(folder).st_mtime_ns
    except OSError:
        pass
