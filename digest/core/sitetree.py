"""The output directory, replaced as a whole: render into a staging directory beside it and
swap it in only when the build succeeded. A failed build leaves the previous site intact,
and files that no longer belong disappear with the old tree.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import DigestError
from .layout import INPUT_NAMES, SiteLayout
from .libc import last_errno, libc_function

# shutil and tempfile are imported where they are used (ctypes by core.libc, on first use): this module is loaded at
# the start of every build (check_replaceable), before the build needs them (~15 ms).
MARKER = ".digest-site"  # marks a directory this tool built (and so may replace)
MARKER_TEXT = b"built by digest; replaced as a whole on every build\n"


class OutputError(DigestError):
    """The output directory cannot be used (not ours to replace, not writable...)."""


# What a build reads from the site root. An output folder among them would be read back by
# the next build: pages as template overrides (article text run as Jinja), robots.txt as a
# seed, the output marker in content/ (entries deleted with the old tree).
# digest serve's own output: inside .digest/ on purpose (a cache, never read as input).


def _within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def check_replaceable(out: Path, root: Path, *, allow_preview: bool = False) -> None:
    """Refuse to replace the site root, its parents, an input of the build (or a folder
    inside or around one), or a folder of someone else's files.

    Paths are compared resolved through symlinks, whether they exist yet or not.
    `allow_preview`: digest serve may write its preview into .digest/preview.
    """
    resolved = out.resolve()
    real_root = root.resolve()
    if resolved == real_root or resolved in real_root.parents:
        raise OutputError("the output directory must not be the site root or one of its parents", out)
    if not (allow_preview and resolved == SiteLayout(root).preview.resolve()):
        for name in INPUT_NAMES:
            real_input = (root / name).resolve()
            if _within(resolved, real_input) or _within(real_input, resolved):
                shown = name if "." in name[1:] else f"{name}/"  # digest.toml, glossary.* are files
                raise OutputError(
                    f"the output directory must not be, contain or sit inside {shown}, which every build reads: "
                    "choose another folder (e.g. site/)",
                    out,
                )
    if out.exists() and not out.is_dir():
        raise OutputError("the output path exists and is not a directory", out)
    if out.is_dir() and not (out / MARKER).exists():
        # Hidden entries count too: a folder holding only `.git` is someone's repository.
        foreign = [p.name for p in out.iterdir() if p.name != ".DS_Store"]
        if foreign:
            raise OutputError(f"not a directory built by digest (no {MARKER}); refusing to replace it", out)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange_paths(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE): there is no
    moment when either name is missing. False where the system or file system lacks it."""
    renameat2 = libc_function("renameat2")
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = last_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def recover_leftovers(out: Path) -> None:
    """Undo what a build killed mid-way left beside `out`: a staging tree (the unfinished
    new site, or the old one just swapped out) is deleted; if the kill came between the two
    renames of the fallback swap, the old tree is put back first. Callers hold the build lock."""
    import shutil

    if not out.parent.is_dir():
        return
    for old in sorted(out.parent.glob(f".{out.name}.old-*")):
        if not out.exists() and (old / "tree").is_dir():
            os.rename(old / "tree", out)
        shutil.rmtree(old, ignore_errors=True)
    for staging in sorted(out.parent.glob(f".{out.name}.build-*")):
        shutil.rmtree(staging, ignore_errors=True)


class StagingTree:
    """A temporary directory beside `out` that becomes `out` on commit()."""

    def __init__(self, out: Path):
        import tempfile

        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        recover_leftovers(out)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
        os.chmod(self.dir, 0o755)  # mkdtemp makes it private; a web server must read it
        self.write(MARKER, MARKER_TEXT)

    def write(self, rel: str, data: bytes) -> None:
        path = self.dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def commit(self) -> None:
        import shutil
        import tempfile

        if self.out.is_dir() and exchange_paths(self.dir, self.out):
            shutil.rmtree(self.dir, ignore_errors=True)  # now the previous site
            return
        old = None
        if self.out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.old-", dir=self.out.parent))
            os.rename(self.out, old / "tree")
        os.rename(self.dir, self.out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        import shutil

        shutil.rmtree(self.dir, ignore_errors=True)
