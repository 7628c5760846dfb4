"""`visible()` (error lines, the review panel, the dashboard) shows invisible characters as
escapes. It memoises the per-character test and looks at each distinct character once;
the result must be what the plain definition gives, written out here independently."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.text.charsafe import has_invisible, is_invisible, visible


def plain_visible(text: str) -> str:
    def hidden(char: str) -> bool:
        code = ord(char)
        category = unicodedata.category(char)
        return char != " " and (
            category in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}
            or code in {0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x180B, 0x180C, 0x180D, 0x180F}
            or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF
        )

    def escape(char: str) -> str:
        named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
        code = ord(char)
        return named.get(char) or (f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")

    return "".join(escape(c) if hidden(c) else c for c in text)


def test_examples_written_out() -> None:
    assert visible("خبر-عاجل") == "خبر-عاجل"
    assert visible("abc\u202edef") == "abc\\u202edef"
    assert visible("a\u00a0b\tc\n") == "a\\u00a0b\\tc\\n"
    assert visible("x\U000e0100") == "x\\U000e0100"
    assert visible("\u3164") == "\\u3164"


@settings(max_examples=300, derandomize=True)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=[]), max_size=30))
def test_visible_equals_the_plain_definition(text: str) -> None:
    assert visible(text) == plain_visible(text)
    assert visible(text) == plain_visible(text)  # again, from the memo


def test_the_whole_text_check_agrees_with_the_per_character_one_on_every_code_point() -> None:
    """has_invisible (str.isprintable and a short class, in C) against is_invisible, one
    character at a time over all of Unicode, and inside printable text."""
    per_character = is_invisible.__wrapped__  # not the memo: a million entries
    disagree = [code for code in range(0x110000) if has_invisible(chr(code)) != per_character(chr(code))]
    assert disagree == []
    assert not has_invisible("digest review approve خبر-عاجل 2024")
    assert has_invisible("خبر\u034f-عاجل") and has_invisible("x\U000e0100y") and has_invisible("a\u00a0b")
