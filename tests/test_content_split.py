"""split_front_matter finds the closing '---' line with str.find; it must agree with the
plain definition — the first later line of '---' plus spaces or tabs — as a regex states it."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.content.entries import read_entry
from digest.content.frontmatter import split_front_matter
from digest.core.errors import ContentError

_DEFINITION = re.compile(r"^---[ \t]*\n(.*?)^---[ \t]*$\n?", re.S | re.M)
_LINES = st.sampled_from(["---", "--- ", "---\t", "----", "--- x", " ---", "a: b", "", "x---", "- ---", "\ufeff---"])


def _by_definition(text: str) -> tuple[str, str, int] | None:
    text = text.lstrip("\ufeff")
    match = _DEFINITION.match(text) if text.startswith("---") else None
    if match is None:
        return None
    return match.group(1), text[match.end() :], match.group(1).count("\n") + 3


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINES, max_size=8), st.booleans())
def test_split_agrees_with_the_definition(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    expected = _by_definition(text)
    try:
        assert split_front_matter(text, Path("x.md")) == expected
    except ContentError:
        assert expected is None


def test_read_entry_reads_crlf_files_as_text_mode_does(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes("---\r\ntitle: خبر\r\ndate: 2024-01-02\r\n---\r\n\r\nسطر أول.\r\nسطر ثان.\r\n".encode())
    entry = read_entry(path)
    assert entry.title == "خبر" and entry.body == "سطر أول.\nسطر ثان." and entry.slug == "crlf"
    assert entry.path == str(path)
