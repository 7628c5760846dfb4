"""RawArticle → ParsedArticle: headline, byline, date, paragraphs, hashtags, boilerplate.

The scraped layout: headline on the first line (often repeated once), an optional short
byline/agency line, paragraphs separated by blank lines, boilerplate at the end.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InputError
from ..text.arabic import normalize_identity, strip_bidi_controls
from ..text.hashtags import Hashtag, extract_hashtags
from ..text.memo import BoundedMemo
from .boilerplate import BoilerplateFilter, Stripped
from .bylines import colon_byline, colon_dateline, dated_byline
from .sources import RawArticle

MAX_HEADLINE_CHARS = 400
BYLINE_MAX_CHARS = 60
BYLINE_MAX_WORDS = 7
_SENTENCE_END = tuple(".؟?!:،;؛")
_FILENAME_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_HEADER_DATE_RE = re.compile(
    r"^\s*(?:date|التاريخ|تاريخ النشر)\s*[:：]\s*(\d{4})-(\d{2})-(\d{2})\s*$", re.IGNORECASE
)
# The original article's address, on a header line before the headline (in any order
# with the date line).
_HEADER_URL_RE = re.compile(r"^\s*(?:url|source_url|الرابط)\s*[:：]\s*(\S.*?)\s*$", re.IGNORECASE)
# An inline dateline such as «دبي، الإمارات العربية المتحدة (CNN)-- ...».
_DATELINE_RE = re.compile(r"^(?P<dateline>[^\n()]{2,80}\((?:CNN|[A-Z][A-Za-z .]{1,15})\))\s*[-–—]{1,2}")


@dataclass(frozen=True)
class ParsedArticle:
    path: Path
    headline: str
    source: str | None
    date: dt.date
    date_source: str  # "filename", "header" or "ingest"
    paragraphs: list[str]
    hashtags: list[Hashtag]
    boilerplate: list[Stripped] = field(default_factory=list)
    raw_sha256: str = ""
    source_url: str | None = None  # from a `url:` header line


def _clean_line(line: str) -> str:
    return " ".join(strip_bidi_controls(line).split())


_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")


def _paragraphs(text: str) -> list[str]:
    result = []
    for block in _BLANK_LINE_RE.split(text):
        if "\n" not in block:  # most paragraphs are one line
            if line := block.strip():
                result.append(line)
            continue
        lines = [stripped for line in block.split("\n") if (stripped := line.strip())]
        if lines:
            result.append("\n".join(lines))
    return result


def _date_from_filename(path: Path) -> dt.date | None:
    for match in _FILENAME_DATE_RE.finditer(path.name):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def _is_byline(paragraph: str) -> bool:
    if "\n" in paragraph or "#" in paragraph or "http" in paragraph:
        return False
    line = paragraph.strip()
    return (
        0 < len(line) <= BYLINE_MAX_CHARS
        and len(line.split()) <= BYLINE_MAX_WORDS
        and not line.endswith(_SENTENCE_END)
    )


def _take_byline(paragraphs: list[str], stripped: list[Stripped]) -> str | None:
    """The byline (source) at the top of the article; byline lines are taken out of
    paragraphs, a dated byline line is recorded in `stripped` (its date and time)."""
    source: str | None = None
    for _ in range(2):  # a byline, then possibly a line with only its date and time
        if len(paragraphs) < 1:
            break
        first, _, rest = paragraphs[0].partition("\n")
        if not rest and len(paragraphs) < 2:
            break  # the only text left is the article
        found: str | None
        if source is None and (name := colon_byline(first)) is not None:
            found = _clean_line(name)
        elif (dated := dated_byline(first)) is not None:
            stripped.append(Stripped(first, "dateline"))
            found = None if dated[0] is None else _clean_line(dated[0])
        elif source is None and not rest and _is_byline(first):
            found = _clean_line(first)
        else:
            break
        if rest:
            paragraphs[0] = rest
        else:
            paragraphs.pop(0)
        source = source or found
    if source is None and paragraphs:
        if (m := _DATELINE_RE.match(paragraphs[0])) is not None:
            source = _clean_line(m["dateline"])
        elif (name := colon_dateline(paragraphs[0])) is not None:
            source = _clean_line(name)
    return source


# Short paragraph → its identity form, once per distinct paragraph: the short paragraphs
# compared with the headline are mostly bylines, agency and promo lines, which recur from
# article to article.
_short_identity: BoundedMemo[str, str] = BoundedMemo(normalize_identity, 20_000)


def parse_article(
    raw: RawArticle,
    boilerplate: BoilerplateFilter,
    today: dt.date,
    max_hashtags: int,
) -> ParsedArticle:
    paragraphs = _paragraphs(raw.text)
    if not paragraphs:
        raise InputError("no text", raw.path)

    # Optional header lines before the headline: `date: YYYY-MM-DD` and `url: https://…`.
    header_date: dt.date | None = None
    source_url: str | None = None
    searched_to = 0  # where the header lines found so far end in raw.text (for line numbers)
    while paragraphs:
        first_line = paragraphs[0].split("\n")[0]
        m = _HEADER_DATE_RE.match(first_line) or _HEADER_URL_RE.match(first_line)
        if m is None:
            break
        at = raw.text.find(first_line.strip(), searched_to)
        header_line = raw.text.count("\n", 0, at) + 1 if at >= 0 else None
        searched_to = max(at, searched_to)
        if m.re is _HEADER_DATE_RE:
            try:
                header_date = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise InputError(f"invalid date in header: {m.group(0).strip()}", raw.path, header_line) from None
        else:
            from ..content.entries import source_url_problem  # the rule front matter applies

            if (problem := source_url_problem(m[1])) is not None:
                raise InputError(f"invalid url in header: the address {problem}: {m[1][:80]!r}", raw.path, header_line)
            source_url = m[1]
        rest = paragraphs[0].split("\n", 1)
        paragraphs[0:1] = [rest[1]] if len(rest) > 1 else []

    if not paragraphs:
        raise InputError("no headline", raw.path)
    first_block = paragraphs.pop(0).split("\n")
    headline = _clean_line(first_block[0])
    if len(first_block) > 1:
        paragraphs.insert(0, "\n".join(first_block[1:]))
    if not headline or not any(ch.isalpha() for ch in headline):
        raise InputError("the first line (headline) has no letters", raw.path, 1)
    if len(headline) > MAX_HEADLINE_CHARS:
        raise InputError(
            f"the first line is {len(headline):,} characters: expected a headline "
            f"(at most {MAX_HEADLINE_CHARS}) followed by paragraphs",
            raw.path,
            1,
        )

    # Repeated headline and the byline.
    headline_key = normalize_identity(headline)

    def repeats_headline(paragraph: str) -> bool:
        # Normalising only removes marks and spaces: a much longer paragraph cannot match,
        # and skipping it saves normalising every paragraph of every article.
        return len(paragraph) <= 2 * len(headline) + 20 and _short_identity[paragraph] == headline_key

    stripped: list[Stripped] = []
    if paragraphs and repeats_headline(paragraphs[0]):
        paragraphs.pop(0)
    source = _take_byline(paragraphs, stripped)

    # Later repeats of the headline are not article text (pages captured twice).
    kept = []
    for p in paragraphs:
        if repeats_headline(p):
            stripped.append(Stripped(p, "headline"))
        else:
            kept.append(p)
    body, removed = boilerplate.split(kept)
    stripped.extend(removed)
    if not body:
        raise InputError("no article text after the headline", raw.path)

    if (date := _date_from_filename(raw.path)) is not None:
        date_source = "filename"
    elif header_date is not None:
        date, date_source = header_date, "header"
    else:
        date, date_source = today, "ingest"

    return ParsedArticle(
        path=raw.path,
        headline=headline,
        source=source,
        date=date,
        date_source=date_source,
        paragraphs=body,
        hashtags=extract_hashtags("\n\n".join(body), limit=max_hashtags),
        boilerplate=stripped,
        raw_sha256=raw.sha256,
        source_url=source_url,
    )
