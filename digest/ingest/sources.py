"""seeds/ → RawArticle: finding article files and decoding their bytes.

Decoding order: BOMs (UTF-8, UTF-16), strict UTF-8, then a *detected* legacy
encoding (charset-normalizer, limited to the encodings Arabic newsrooms use),
accepted only if the result is mostly Arabic letters.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InputError
from ..text.arabic import arabic_letter_count, latin_letter_count
from ..text.charsafe import strip_invalid_chars

ARTICLE_SUFFIXES = (".txt",)
# Legacy encodings still met in Arabic scrapes; detection is limited to these so a
# short file is not mistaken for, say, a Cyrillic code page.
LEGACY_ARABIC_ENCODINGS = ["cp1256", "iso8859_6", "cp864"]


@dataclass(frozen=True)
class RawArticle:
    path: Path
    text: str  # decoded, NFC, LF line endings
    encoding: str
    sha256: str  # of the raw bytes: what "changed" means for a seed


def find_articles(paths: Iterable[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into a sorted list of article files (hidden files and
    symlinked folders skipped, symlinked files kept, broken links too: they fail to read)."""
    found: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir():
            found.extend(_articles_under(path))
        elif path.is_file():
            found.append(path)
        else:
            errors.append(InputError(broken_link_problem(path) or "no such file or folder", path))
    # De-duplicate while keeping a deterministic order. Sorting by the parts' strings gives
    # Path order without Path.__lt__, which dominated a rebuild's scan of 10,000 seeds.
    unique = sorted(dict.fromkeys(found), key=lambda p: p.parts)
    return unique, errors


def broken_link_problem(path: Path) -> str | None:
    """"cannot read: broken link …" for a symlink whose target is gone; None otherwise."""
    try:
        if path.is_symlink() and not path.exists():
            return f"cannot read: broken link (its target {os.readlink(path)} does not exist)"
    except OSError:
        pass
    return None


def _articles_under(folder: Path) -> Iterator[Path]:
    return map(Path, iter_article_files(str(folder)))


def iter_article_files(folder: str) -> Iterator[str]:
    """Article files anywhere below `folder`, as path strings, unsorted (hidden files and
    symlinked folders skipped, symlinked files kept). Strings and os.scandir's file types:
    a rebuild walks 10,000 seeds, and pathlib objects cost more than the walk itself."""
    try:
        scanner = os.scandir(folder)
    except OSError:
        return
    with scanner:
        items = list(scanner)
    for item in items:
        try:
            if item.is_dir(follow_symlinks=False):
                yield from iter_article_files(item.path)
            elif not item.name.startswith(".") and os.path.splitext(item.name)[1].lower() in ARTICLE_SUFFIXES:
                if item.is_symlink() and not item.is_dir():  # a link loop raises OSError: skipped
                    # Kept even if broken (its target gone), so ingest reports it instead of
                    # silently dropping that seed.
                    yield item.path
                elif item.is_file(follow_symlinks=False):
                    yield item.path
        except OSError:  # vanished while scanning
            continue


def seed_key(path: Path, root: Path, root_is_resolved: bool = False) -> str:
    """How an entry remembers its seed: relative to the site root when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root if root_is_resolved else root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


class SeedKeys:
    """seed_key for many paths under a resolved root, each folder resolved once: a file that
    is not a symlink resolves to its resolved folder plus its name, so it costs one lstat
    instead of resolving every component (and stat-ing) per file. Symlinked, vanished or
    odd paths take seed_key itself."""

    def __init__(self, resolved_root: Path):
        self._root = resolved_root
        root = str(resolved_root)
        self._prefix = root if root.endswith("/") else root + "/"
        self._folders: dict[str, str] = {}  # folder as given → its real path
        self._fast = os.sep == "/" and os.altsep is None  # POSIX paths: strings are as_posix

    def __call__(self, path: Path) -> str:
        folder, name = os.path.split(str(path))
        if not self._fast or name in ("", ".", ".."):
            return seed_key(path, self._root, root_is_resolved=True)
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return seed_key(path, self._root, root_is_resolved=True)
        except OSError:
            return seed_key(path, self._root, root_is_resolved=True)
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder or ".")
        resolved = os.path.join(real_folder, name)
        return resolved[len(self._prefix) :] if resolved.startswith(self._prefix) else resolved


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError naming the file."""
    if not data or data.isspace():  # what `not data.strip()` tests, without a copy
        raise InputError("empty file", path)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not a text article", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 seed

    best = from_bytes(data, cp_isolation=LEGACY_ARABIC_ENCODINGS).best()
    if best is not None:
        text = str(best)
        arabic, latin = arabic_letter_count(text), latin_letter_count(text)
        if arabic >= 20 and arabic > latin:
            return text, best.encoding
    raise InputError(
        f"cannot decode: not UTF-8 (byte {utf8_error.start}) nor a recognisable "
        "Arabic legacy encoding (Windows-1256, ISO-8859-6)",
        path,
    )


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding} at byte {exc.start}", path) from None


def normalize_text(text: str, utf8: bytes | None = None) -> str:
    """CRLF/CR → LF, NFC, and no characters a page or feed may not hold (digest.text.charsafe).

    utf8: the UTF-8 bytes text was decoded from, if it was: when they cannot hold such a
    character, the (costlier) character scan is skipped."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)  # composes letters: never makes a control
    if utf8 is not None and not _utf8_may_hold_invalid(utf8):
        return text
    return strip_invalid_chars(text)


# What a character strip_invalid_chars removes looks like in UTF-8: a C0 control byte (but
# tab, LF, CR), DEL, a lead byte of a character beyond the BMP (\xf0-\xf4: the astral
# noncharacters), \xc2 \x80-\x9f (the C1 controls) or a sequence starting with \xef
# (U+FDD0-U+FDEF, U+FFFE, U+FFFF; rare in Arabic text, so any \xef takes the full scan).
# Surrogates never decode. Looking at the bytes this way costs a third of the scan of the
# text (a character class over every character), and Arabic news holds none of them
# (« » are \xc2\xab and \xc2\xbb, hence the second byte is checked).
_UTF8_CONTROL_OR_ASTRAL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0xF0, 0xF5)])
_UTF8_C1_CONTROL_RE = re.compile(rb"\xc2[\x80-\x9f]")


def _utf8_may_hold_invalid(data: bytes) -> bool:
    return (
        len(data.translate(None, _UTF8_CONTROL_OR_ASTRAL_BYTES)) != len(data)
        or b"\xef" in data
        or _UTF8_C1_CONTROL_RE.search(data) is not None
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused (InputError) if it is over max_bytes. One descriptor, no
    buffered file object: a file object costs more than the two reads of a seed."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                "(ingest.max_article_bytes in digest.toml)",
                path,
            )
        chunks: list[bytes] = []
        while chunk := os.read(fd, size + 1 if not chunks else 65536):  # to the end, even if it grew
            chunks.append(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def read_article(path: Path, max_bytes: int) -> RawArticle:
    try:
        data = _read_bytes(path, max_bytes)
    except OSError as exc:
        raise InputError(broken_link_problem(path) or f"cannot read: {exc.strerror or exc}", path) from None
    text, encoding = decode_bytes(data, path)
    text = normalize_text(text, data if encoding == "utf-8" else data[3:] if encoding == "utf-8-sig" else None)
    if not any(ch.isalpha() for ch in text):
        raise InputError("no text: the file has no letters", path)
    return RawArticle(path=path, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def iter_articles(paths: list[Path], max_bytes: int) -> Iterator[RawArticle | InputError]:
    for path in paths:
        try:
            yield read_article(path, max_bytes)
        except InputError as exc:
            yield exc
