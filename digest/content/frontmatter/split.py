"""Where the front matter of a content file ends and its Markdown body begins."""
from __future__ import annotations

import re
from pathlib import Path

from ...core.errors import ContentError


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Return (yaml text, body, line number where the body starts)."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        raise ContentError("missing front matter: the file must start with a '---' line", path, 1)
    opening = _OPENING_LINE.match(text)
    if opening is not None:
        start = opening.end()
        # The first later line that is '---' plus spaces or tabs closes it (str.find, not a
        # lazy regex stepping through every character of the front matter).
        at = text.find("\n---", start - 1)
        while at != -1:
            line_start = at + 1
            line_end = text.find("\n", line_start)
            if line_end == -1:
                line_end = len(text)
            if not text[line_start + 3 : line_end].strip(" \t"):
                fm = text[start:line_start]
                return fm, text[line_end + 1 :], fm.count("\n") + 3
            at = text.find("\n---", line_end)
    raise ContentError("front matter is not closed by a '---' line", path, 1)


_OPENING_LINE = re.compile(r"---[ \t]*\n")


def front_matter_block(text: str) -> str | None:
    """The YAML text between the '---' lines, or None where split_front_matter would refuse."""
    try:
        return split_front_matter(text, _NO_PATH)[0]
    except ContentError:
        return None


_NO_PATH = Path("-")
