"""Byline and dateline lines by form (issue 16), for sites never seen before.

- A line ending with a colon made of two or three short parts joined by dashes:
  «CITY - AGENCY:», «CITY-PAPER:», «NAME - PAPER - CITY:», «PAPER - NAME:». It may stand on
  its own line or open the lead («بغداد - رويترز: قال ...»; the lead keeps it, as it keeps
  an inline «(CNN)--» dateline).
- A byline carrying a date and/or time after a `|` separator, in Arabic or English:
  «القاهرة - أحمد علي | 12 مارس 2024 10:30 ص», «By Jane Doe | March 3, 2024 10:30 AM».
  The source is what stands before the first `|`.

Two or three dashed parts that are all place names («واشنطن - موسكو: توتر ...») are a
headline's relation between places, not a dateline (digest/ingest/places.py).
"""
from __future__ import annotations

import re

from ..text.arabic import EASTERN_DIGIT_FOLDS
from .places import is_place

_DASH_SPLIT_RE = re.compile(r"\s*[-–—]\s*")
# A byline part: one to four words, no digits, no sentence or quotation marks.
_PART_RE = re.compile(r"^[^\d\s.،,؛;؟?!«»\"“”():|#]+(?:\.[^\d\s.،,؛;؟?!«»\"“”():|#]+)*(?: [^\d\s.،,؛;؟?!«»\"“”():|#]+){0,3}$")
_COLON_LEAD_RE = re.compile(r"^(?P<byline>[^:：\n]{3,60}?)\s*[:：]\s+(?=\S)")
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين"
    "|january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_OR_TIME_RE = re.compile(
    r"\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}"  # 12/03/2024, 2024-03-12
    r"|\d{1,2}\s*[:٫]\s*\d{2}"  # 10:30
    rf"|(?<!\w)(?:{_MONTHS})(?!\w)",
    re.IGNORECASE,
)
_DIGITS = str.maketrans(EASTERN_DIGIT_FOLDS)
BYLINE_MAX_CHARS = 60
DATED_BYLINE_MAX_CHARS = 120


def colon_byline(line: str) -> str | None:
    """«CITY - AGENCY:» as a whole line → «CITY - AGENCY»; None for anything else."""
    line = line.replace("**", "").replace("__", "").strip()  # emphasis must not hide it
    if not line.endswith((":", "：")) or len(line) > BYLINE_MAX_CHARS + 1:
        return None
    return _dashed_parts(line[:-1].strip())


# Words of sentences, not of names: «قال الرئيس - في كلمته - إن:» introduces a quotation.
_SENTENCE_WORDS = frozenset(
    "في من على إلى الى عن أن ان إن لن لم قد ما لا هذا هذه ذلك التي الذي الذين قال وقال قالت وقالت أكد وأكد أضاف وأضاف"
    " أعلن وأعلن كما حيث بعد قبل خلال أمس اليوم غدا هو هي هم و or and the of in on to said says that is was".split()
)


def _dashed_parts(text: str) -> str | None:
    parts = _DASH_SPLIT_RE.split(text)
    if not 2 <= len(parts) <= 3 or not all(_PART_RE.match(p) for p in parts):
        return None
    words = text.replace("-", " ").replace("–", " ").replace("—", " ").split()
    if len(words) > 9 or any(w.casefold() in _SENTENCE_WORDS for w in words):
        return None
    # Every part a place («واشنطن - موسكو»): a relation between places, not place and source.
    if all(is_place(p) for p in parts):
        return None
    return text


def colon_dateline(paragraph: str) -> str | None:
    """«CITY - AGENCY» when the lead opens with «CITY - AGENCY: ...»."""
    match = _COLON_LEAD_RE.match(paragraph)
    if match is None:
        return None
    return _dashed_parts(match["byline"].strip())


def dated_byline(line: str) -> tuple[str | None] | None:
    """A byline line with a date or time after `|`: (the source before it, or None when
    only the date is there); None when the line is not one."""
    line = line.strip()
    if "|" not in line or len(line) > DATED_BYLINE_MAX_CHARS or len(line.split()) > 16:
        return None
    head, *rest = [part.strip() for part in line.split("|")]
    if not rest or not any(_DATE_OR_TIME_RE.search(part.translate(_DIGITS)) for part in rest):
        return None
    # What follows `|` is dates, times and short words (weekday, «ص», «GMT», «updated»).
    if any(len(part.split()) > 8 or re.search(r"[.،؟?!«»\"]\s", part + " ") for part in rest):
        return None
    if not head or _DATE_OR_TIME_RE.search(head.translate(_DIGITS)):
        return (None,)
    if len(head) > BYLINE_MAX_CHARS or len(head.split()) > 8 or head.endswith((".", "؟", "?", "!", "،")):
        return None
    return (head.rstrip(" :-–—"),)
