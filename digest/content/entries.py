"""content/*.md: YAML front matter + Arabic Markdown body. Reading, validating, writing."""
from __future__ import annotations

import datetime as dt
import os
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from ..core.errors import ContentError
from ..core.model import DATE_SOURCES, REVIEW_STATES, TRANSLATION_STATES, Entry, Review, Translation
from ..core.output import atomic_write_text
from ..text.charsafe import clean_strings, has_invalid_chars, strip_direction_controls, strip_invalid_chars, visible
from ..text.hashtags import TAG_CHARS
from ..text.slugs import is_safe_file_slug
from . import frontmatter

FRONT_MATTER_KEYS: dict[str, str] = {
    "title": "str",
    "title_en": "str|null",
    "source": "str|null",
    "date": "date",
    "date_source": "str",
    "tags": "list[str]",
    "tags_en": "map[str,str]",
    "summary_ar": "str",
    "summary_en": "str|null",
    "summary_version": "int|null",
    "translation": "map",
    "review": "map",
    "seed": "str|null",
    "seed_sha256": "str|null",
    "boilerplate": "list[map]",
    "machine": "map[str,str]",
    "source_url": "str|null",  # the original article (http/https)
    "extra": "map",  # a newsroom's own fields (author, section, …), for templates
    "edited": "map",  # who edited the English in the review desk, when, and what the machine had said
}
_TRANSLATION_KEYS = {"status", "provider", "at", "source_hash"}
_REVIEW_KEYS = {"state", "by", "at", "reason", "flags"}


def _line_of_key(fm_text: str, key: str) -> int | None:
    for i, line in enumerate(fm_text.split("\n")):
        if line.startswith(f"{key}:"):
            return i + 2  # +1 for the opening '---', +1 for 1-based lines
    return None


def _line_of_subkey(fm_text: str, key: str, sub: str) -> int | None:
    """The line of `sub:` in the block under `key:` (else the line of `key:` itself: a
    flow mapping on one line)."""
    lines = fm_text.split("\n")
    start = _line_of_key(fm_text, key)
    if start is None:
        return None
    for i in range(start - 1, len(lines)):
        line = lines[i]
        if not line.startswith((" ", "-")) and line.strip():
            break
        if line.lstrip(" -").startswith(f"{sub}:"):
            return i + 2
    return start


# While entry_from_text checks a file, every failed check is collected here, so one run
# names every problem of the file (with its line) instead of only the first.
_PROBLEMS: ContextVar[list[ContentError] | None] = ContextVar("front_matter_problems", default=None)


def _expect(cond: bool, message: str, path: Path, fm_text: str, key: str, sub: str | None = None) -> None:
    if not cond:
        line = _line_of_key(fm_text, key) if sub is None else _line_of_subkey(fm_text, key, sub)
        error = ContentError(message, path, line)
        problems = _PROBLEMS.get()
        if problems is None:
            raise error
        problems.append(error)


def _all_problems(problems: list[ContentError]) -> ContentError:
    """One line for the file: the first problem (by line), then the others with their lines."""
    problems = sorted(problems, key=lambda e: (e.line is None, e.line or 0))
    first, rest = problems[0], problems[1:]
    if not rest:
        return first
    more = "; ".join(f"line {e.line}: {e.message}" if e.line is not None else e.message for e in rest)
    return ContentError(f"{first.message} (also {more})", first.path, first.line)


def _str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def entry_from_text(text: str, path: Path, slug: str) -> Entry:
    """Parse and validate one content file; raises ContentError naming file and line (one
    line naming every problem of the file, each with its line)."""
    data, body, _, fm_text = frontmatter.read(text, path)
    data = _without_unsafe_chars(data, fm_text)
    body = strip_invalid_chars(body)
    problems: list[ContentError] = [
        ContentError(f"unknown front-matter key {str(key)!r} (known: {', '.join(FRONT_MATTER_KEYS)})", path, _line_of_key(fm_text, str(key)))
        for key in data
        if key not in FRONT_MATTER_KEYS
    ]
    collecting = _PROBLEMS.set(problems)
    try:
        title, date, date_source, tags, tags_en, summary_ar, version, boilerplate, machine = _check_fields(data, path, fm_text, slug)
        source_url = _source_url(data.get("source_url"), path, fm_text)
        extra = _extra(data.get("extra"), path, fm_text)
        edited = data.get("edited")
        edited = {} if edited is None else edited
        _expect(isinstance(edited, dict), "'edited' must be a mapping (by, at, machine) or null", path, fm_text, "edited")
    finally:
        _PROBLEMS.reset(collecting)
    translation, review = Translation(), Review()
    try:
        translation = _translation(data.get("translation"), path, fm_text)
    except ContentError as exc:
        problems.append(exc)
    try:
        review = _review(data.get("review"), path, fm_text)
    except ContentError as exc:
        problems.append(exc)
    if problems:
        raise _all_problems(problems)
    return Entry(
        slug=slug,
        title=title.strip(),
        body=body.strip("\n"),
        date=date,
        date_source=date_source,
        source=data.get("source"),
        title_en=data.get("title_en"),
        tags=[t.strip() for t in tags],
        tags_en=dict(tags_en),
        summary_ar=summary_ar,
        summary_en=data.get("summary_en"),
        summary_version=version,
        translation=translation,
        review=review,
        seed=data.get("seed"),
        seed_sha256=data.get("seed_sha256"),
        boilerplate=[{"text": b["text"], "reason": b.get("reason") or ""} for b in boilerplate],
        machine=dict(machine),
        source_url=source_url,
        extra=extra,
        edited=dict(edited) if isinstance(edited, dict) else {},
        path=None,
    )


def _check_fields(data: dict[str, Any], path: Path, fm_text: str, slug: str) -> tuple[Any, ...]:
    """The type checks of the plain fields (each independent of the others)."""
    title = data.get("title")
    _expect(isinstance(title, str) and title.strip() != "", "'title' must be a non-empty string", path, fm_text, "title")
    for key in ("title_en", "source", "summary_en", "seed", "seed_sha256"):
        _expect(_str_or_none(data.get(key)), f"'{key}' must be a string or null", path, fm_text, key)
    summary_ar = data.get("summary_ar", "") or ""
    _expect(isinstance(summary_ar, str), "'summary_ar' must be a string", path, fm_text, "summary_ar")
    date = data.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    _expect(isinstance(date, dt.date) and not isinstance(date, dt.datetime), "'date' must be YYYY-MM-DD", path, fm_text, "date")
    date_source = data.get("date_source", "editor")
    _expect(date_source in DATE_SOURCES, f"'date_source' must be one of {', '.join(DATE_SOURCES)}", path, fm_text, "date_source")
    tags = data.get("tags") or []
    _expect(
        isinstance(tags, list) and all(isinstance(t, str) and t.strip() for t in tags),
        "'tags' must be a list of non-empty strings",
        path, fm_text, "tags",
    )
    tags_en = data.get("tags_en") or {}
    _expect(
        isinstance(tags_en, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in tags_en.items()),
        "'tags_en' must map tag names to English labels (strings)",
        path, fm_text, "tags_en",
    )
    version = data.get("summary_version")
    _expect(version is None or (isinstance(version, int) and not isinstance(version, bool)), "'summary_version' must be an integer", path, fm_text, "summary_version")
    boilerplate = data.get("boilerplate") or []
    good_boilerplate = isinstance(boilerplate, list) and all(
        isinstance(b, dict) and set(b) <= {"text", "reason"} and isinstance(b.get("text"), str) and _str_or_none(b.get("reason"))
        for b in boilerplate
    )
    _expect(good_boilerplate, "'boilerplate' must be a list of {text, reason} mappings of strings", path, fm_text, "boilerplate")
    if not good_boilerplate:
        boilerplate = []
    machine = data.get("machine") or {}
    good_machine = isinstance(machine, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in machine.items())
    _expect(good_machine, "'machine' must map field names to hashes (strings)", path, fm_text, "machine")
    _expect(is_safe_file_slug(slug), "file name is not a safe slug (letters, digits and '-' only)", path, fm_text, "title")
    return title, date, date_source, tags, tags_en, summary_ar, version, boilerplate, machine


# Fields shown inline, in <title>, meta tags and feeds: an unclosed direction override
# there would reverse the text around it.
_DISPLAY_FIELDS = ("title", "title_en", "source", "summary_ar", "summary_en")


def _without_unsafe_chars(data: dict[str, Any], fm_text: str) -> dict[str, Any]:
    """No control characters anywhere (digest.text.charsafe); no direction overrides in
    headlines, bylines, summaries or tags (ingest already strips them from what it writes)."""
    if "\\" in fm_text or has_invalid_chars(fm_text):  # else no string can hold one: skip the walk
        data = clean_strings(data)
    for key in _DISPLAY_FIELDS:
        if isinstance(data.get(key), str):
            data[key] = strip_direction_controls(data[key])
    if isinstance(data.get("tags"), list):
        data["tags"] = [strip_direction_controls(t) if isinstance(t, str) else t for t in data["tags"]]
    if isinstance(data.get("tags_en"), dict):
        data["tags_en"] = {
            strip_direction_controls(k) if isinstance(k, str) else k: strip_direction_controls(v) if isinstance(v, str) else v
            for k, v in data["tags_en"].items()
        }
    return data


def _when(value: Any) -> bool:
    """A time stamp as YAML reads one: text, a date or a date and time (or none)."""
    return value is None or isinstance(value, (str, dt.date))


def _translation(value: Any, path: Path, fm_text: str) -> Translation:
    if value is None:
        return Translation()
    _expect(isinstance(value, dict) and set(value) <= _TRANSLATION_KEYS, f"'translation' must be a mapping with keys {', '.join(sorted(_TRANSLATION_KEYS))}", path, fm_text, "translation")
    if not isinstance(value, dict):
        return Translation()
    status = value.get("status", "pending")
    _expect(status in TRANSLATION_STATES, f"'translation.status' must be one of {', '.join(TRANSLATION_STATES)}", path, fm_text, "translation", "status")
    _expect(_str_or_none(value.get("provider")), "'translation.provider' must be a string or null", path, fm_text, "translation", "provider")
    source_hash = value.get("source_hash")
    if type(source_hash) is int:  # a hand-typed hash of digits only: YAML reads a number
        source_hash = str(source_hash)
    _expect(_str_or_none(source_hash), "'translation.source_hash' must be a string or null", path, fm_text, "translation", "source_hash")
    at = value.get("at")
    _expect(_when(at), "'translation.at' must be a date, a time stamp or null", path, fm_text, "translation", "at")
    return Translation(status=status, provider=value.get("provider"), at=None if at is None else str(at), source_hash=source_hash)


def _review(value: Any, path: Path, fm_text: str) -> Review:
    if value is None:
        return Review()
    _expect(isinstance(value, dict) and set(value) <= _REVIEW_KEYS, f"'review' must be a mapping with keys {', '.join(sorted(_REVIEW_KEYS))}", path, fm_text, "review")
    if not isinstance(value, dict):
        return Review()
    state = value.get("state", "draft")
    _expect(state in REVIEW_STATES, f"'review.state' must be one of {', '.join(REVIEW_STATES)}", path, fm_text, "review", "state")
    for key in ("by", "reason"):
        _expect(_str_or_none(value.get(key)), f"'review.{key}' must be a string or null", path, fm_text, "review", key)
    at = value.get("at")
    _expect(_when(at), "'review.at' must be a date, a time stamp or null", path, fm_text, "review", "at")
    flags = value.get("flags")
    _expect(
        flags is None or (isinstance(flags, list) and all(isinstance(f, str) for f in flags)),
        "'review.flags' must be a list of strings", path, fm_text, "review", "flags",
    )
    return Review(state=state, by=value.get("by"), at=None if at is None else str(at), reason=value.get("reason"))


SOURCE_URL_SCHEMES = ("http", "https")


def source_url_problem(url: str) -> str | None:
    """Why `url` cannot be an entry's source_url (None if it can): an absolute http(s) URL
    with a host, no spaces or control characters (it goes into href attributes and feeds)."""
    from urllib.parse import urlsplit

    if not url.isprintable() or any(ch.isspace() for ch in url):
        return "must not contain spaces or control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() not in SOURCE_URL_SCHEMES:
        return "must start with http:// or https://"
    if not parts.hostname:
        return "has no host name"
    return None


def _source_url(value: Any, path: Path, fm_text: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        _expect(False, "'source_url' must be an http:// or https:// URL (a string) or null", path, fm_text, "source_url")
        return None
    value = value.strip()
    if not value:
        return None
    problem = source_url_problem(value)
    _expect(problem is None, f"'source_url' {problem}: {value[:80]!r}", path, fm_text, "source_url")
    return value if problem is None else None


_EXTRA_SCALARS = (str, int, dt.date)  # bool is an int; null is allowed too


def _extra_value_problem(value: Any, depth: int = 0) -> str | None:
    if value is None or (isinstance(value, _EXTRA_SCALARS) and not isinstance(value, dt.datetime)):
        return None
    if depth < 4 and isinstance(value, list):
        return next((p for v in value if (p := _extra_value_problem(v, depth + 1))), None)
    if depth < 4 and isinstance(value, dict):
        if not all(isinstance(k, str) and k for k in value):
            return "has a key that is not text"
        return next((p for v in value.values() if (p := _extra_value_problem(v, depth + 1))), None)
    if depth >= 4:
        return "is nested too deeply (at most 4 levels)"
    return f"holds a {type(value).__name__} (allowed: text, whole numbers, true/false, dates, null, lists and mappings of these)"


def _extra(value: Any, path: Path, fm_text: str) -> dict[str, Any]:
    """A newsroom's own fields: a mapping of names to plain values, shown by templates."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        _expect(False, "'extra' must be a mapping of field names to values", path, fm_text, "extra")
        return {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            _expect(False, f"'extra' keys must be text, not {key!r}", path, fm_text, "extra")
            return {}
        problem = _extra_value_problem(item)
        # The name as written, its line breaks and invisible characters as escapes: one line.
        _expect(problem is None, f"'extra.{visible(key)}' {problem}", path, fm_text, "extra", key)
    return value


def read_entry(path: Path | str) -> Entry:
    """Read and validate one content file; the entry remembers the file it came from.

    Reads bytes and decodes them (newlines as text mode reads them), without pathlib's or
    the text layer's per-file cost: a cold build reads every entry."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ContentError(f"cannot read: {exc.strerror or exc}", path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(f"not valid UTF-8 (byte {exc.start})", path) from None
    if "\r" in text:  # universal newlines, as open(..., "r") gives them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    base = os.path.basename(name)
    entry = entry_from_text(text, Path(name), base[:-3] if base.endswith(".md") else Path(name).stem)
    entry.path = name
    return entry


def entry_to_front_matter(entry: Entry) -> dict[str, Any]:
    # untouched_entry_text below writes the same items: keep both in step.
    data = {
        "title": entry.title,
        "title_en": entry.title_en,
        "source": entry.source,
        "date": entry.date,
        "date_source": entry.date_source,
        "tags": list(entry.tags),
        "tags_en": dict(entry.tags_en),
        "summary_ar": entry.summary_ar,
        "summary_en": entry.summary_en,
        "summary_version": entry.summary_version,
        "translation": entry.translation.to_dict(),
        "review": entry.review.to_dict(),
        "seed": entry.seed,
        "seed_sha256": entry.seed_sha256,
        "boilerplate": [dict(b) for b in entry.boilerplate],
        "machine": dict(sorted(entry.machine.items())),
    }
    # Written only when set: the files of entries without them stay as they were.
    if entry.source_url is not None:
        data["source_url"] = entry.source_url
    if entry.extra:
        data["extra"] = entry.extra
    if entry.edited:
        data["edited"] = entry.edited
    return data


def entry_to_text(entry: Entry) -> str:
    return frontmatter.write(entry_to_front_matter(entry), entry.body)


# The items of an entry no one has translated or reviewed yet, which are the same in every
# such entry: written once.
_UNTOUCHED_LINES = {
    key: frontmatter.dump({key: value}).splitlines()
    for key, value in (
        ("title_en", None),
        ("tags_en", {}),
        ("summary_en", None),
        ("translation", Translation(status="pending").to_dict()),
        ("review", Review().to_dict()),
    )
}


def untouched_entry_text(
    *,
    title: str,
    source: str | None,
    date: dt.date,
    date_source: str,
    tags: list[str],
    summary_ar: str,
    summary_version: int | None,
    seed: str | None,
    seed_sha256: str | None,
    boilerplate: list[dict[str, str]],
    machine: dict[str, str],
    source_url: str | None,
    body: str,
) -> str:
    """entry_to_text of the entry with these fields and nothing else (no English, translation
    pending, review a draft, no newsroom fields: what ingest makes), byte for byte, without
    an Entry or a mapping in between: ingest writes thousands. Same items in the same order
    as entry_to_front_matter (tests/test_frontmatter_emit.py compares both ways)."""
    lines: list[str] = []
    add = frontmatter.add_item
    add(lines, "title", title)
    lines += _UNTOUCHED_LINES["title_en"]
    add(lines, "source", source)
    add(lines, "date", date)
    add(lines, "date_source", date_source)
    add(lines, "tags", tags)
    lines += _UNTOUCHED_LINES["tags_en"]
    add(lines, "summary_ar", summary_ar)
    lines += _UNTOUCHED_LINES["summary_en"]
    add(lines, "summary_version", summary_version)
    lines += _UNTOUCHED_LINES["translation"]
    lines += _UNTOUCHED_LINES["review"]
    add(lines, "seed", seed)
    add(lines, "seed_sha256", seed_sha256)
    add(lines, "boilerplate", boilerplate)
    add(lines, "machine", dict(sorted(machine.items())))
    if source_url is not None:
        add(lines, "source_url", source_url)
    return frontmatter.write_lines(lines, body)


def write_entry(entry: Entry, content_dir: Path) -> Path:
    """Write an entry atomically. If the existing file's front matter carries an editor's
    YAML comments, they are kept (a round-trip merge); otherwise the fast writer is used."""
    path = content_dir / f"{entry.slug}.md"
    text = entry_to_text(entry)
    try:
        existing = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        existing = None
    if existing is not None:
        text = _keep_comments(existing, entry, path) or text
    atomic_write_text(path, text)
    return path


def _keep_comments(existing: str, entry: Entry, path: Path) -> str | None:
    try:
        fm, _body, _ = frontmatter.split(existing, path)
    except ContentError:
        return None
    if not frontmatter.has_comments(fm):
        return None
    return frontmatter.rewrite(existing, path, entry_to_front_matter(entry), entry.body)


def load_entries(content_dir: Path, allow_outside_root: bool = False) -> tuple[list[Entry], list[ContentError]]:
    """All entries in content/ (sorted by file name) and one error per bad file (a file
    whose real path is outside the site root is one: digest.core.rootguard)."""
    from ..core.rootguard import content_paths, refusal

    entries: list[Entry] = []
    errors: list[ContentError] = []
    if not content_dir.is_dir():
        return entries, errors
    paths, refused = content_paths(content_dir, allow_outside_root)
    errors.extend(ContentError(refusal(real), path) for path, real in refused)
    for path in paths:
        try:
            entries.append(read_entry(path))
        except ContentError as exc:
            errors.append(exc)
    return entries, errors


# --- Markdown body from plain paragraphs -------------------------------------------------

_HASHTAG_OR_CHAR = re.compile(rf"(#{TAG_CHARS}+)|([\\`*_\[\]<>|~])")
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))(?=\s|$)")


def escape_markdown(paragraph: str) -> str:
    """Escape characters Markdown would interpret, leaving hashtags intact.

    Article text is plain text: a `*` or `[` in it must not become emphasis or a link.
    """
    def repl(m: re.Match[str]) -> str:
        return m.group(1) if m.group(1) else "\\" + m.group(2)

    lines = []
    for line in paragraph.split("\n"):
        line = _HASHTAG_OR_CHAR.sub(repl, line.strip())
        # "1." must become "1\." (a backslash before a digit is no escape in Markdown).
        line = _BLOCK_START.sub(
            lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"), line
        )
        lines.append(line)
    return "\n".join(lines)


def body_from_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(escape_markdown(p) for p in paragraphs)
