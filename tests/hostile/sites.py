"""Helpers shared by the hostile-input tests: site roots made of crafted entries, a list of
every file under a directory (to prove nothing was written elsewhere), strict HTML/XML
checks of a built site, and running the real `digest` command."""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

import html5lib

from digest.content.entries import write_entry
from digest.core.config import Config
from digest.core.model import Entry, Review, Translation

PROJECT = Path(__file__).resolve().parents[2]
DIGEST = Path(sys.executable).parent / "digest"  # the installed console script


def make_entry(slug: str, title: str, **fields: object) -> Entry:
    """An approved entry with English (so it is published and every field is rendered)."""
    values: dict[str, object] = {
        "body": "نص الخبر.",
        "date": dt.date(2024, 3, 1),
        "source": "وكالات",
        "title_en": "A headline",
        "summary_ar": "ملخص الخبر.",
        "summary_en": "The summary of the story.",
        "translation": Translation(status="edited", provider="editors"),
        "review": Review(state="approved", by="tests"),
        "date_source": "editor",
    }
    values.update(fields)
    return Entry(slug=slug, title=title, **values)  # type: ignore[arg-type]


def site_with_entries(root: Path, entries: Iterable[Entry]) -> Path:
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        write_entry(entry, content)
    return root


def hostile_config(**sections: dict[str, object]) -> Config:
    sections.setdefault("build", {"workers": 1})
    return Config.for_test(**sections)


def snapshot(directory: Path) -> dict[str, str]:
    """Relative path → sha256 of every file below directory (symlinks not followed)."""
    result: dict[str, str] = {}
    if not directory.is_dir():
        return result
    for dirpath, _dirnames, filenames in os.walk(directory):
        for name in filenames:
            path = Path(dirpath) / name
            result[path.relative_to(directory).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def all_paths(directory: Path) -> set[str]:
    """Every file, directory and link below directory, as resolved absolute paths."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(directory):
        for name in dirnames + filenames:
            found.add(os.path.realpath(os.path.join(dirpath, name)))
    return found


def html_problems(site: Path) -> list[str]:
    """Every HTML page parsed by html5lib in strict mode; every .xml file by ElementTree."""
    problems = []
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for path in sorted(site.rglob("*.html")):
        try:
            parser.parse(path.read_bytes(), transport_encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 - html5lib's ParseError and friends
            problems.append(f"{path.relative_to(site)}: {exc}")
    for path in sorted(site.rglob("*.xml")):
        try:
            ElementTree.fromstring(path.read_bytes())
        except ElementTree.ParseError as exc:
            problems.append(f"{path.relative_to(site)}: {exc}")
    return problems


def run_digest(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real command line in its own process."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run(
        [str(DIGEST), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def digest_in_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The same command line run in this process: `digest.cli.run`, what the console script
    runs before it exits, with stdout and stderr captured and cwd changed for the call. The
    same output and exit status as run_digest without an interpreter start (~0.5 s of CPU
    each); for tests of what commands say about bad input. Tests of the process itself
    (signals, workers, what the interpreter prints at exit) use run_digest."""
    from digest.cli import run

    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    previous, previous_stdin = Path.cwd(), sys.stdin
    os.chdir(cwd)
    sys.stdin = io.StringIO("")  # as run_digest's child reads pytest's /dev/null: a prompt gets end of file
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = run(list(args))
    finally:
        os.chdir(previous)
        sys.stdin = previous_stdin
    outputs = []
    for stream in (stdout, stderr):
        stream.flush()
        outputs.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    return subprocess.CompletedProcess(["digest", *args], code, *outputs)
