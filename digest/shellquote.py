"""Commands shown for copy and paste (the review panel), quoted for the shell and readable.

A slug comes from a file name, and a file name can hold anything but "/" and NUL: a backtick,
`;`, `&`, a newline, or a bidi control (U+202E) that makes the text read backwards. What the
panel shows must run exactly the command it seems to, when pasted into a shell:

- every word is quoted with shlex.quote (POSIX single quotes) where it needs it;
- a character you cannot see (controls, bidi and other format characters, line and paragraph
  separators, spaces other than U+0020, default-ignorable fillers) is written as an escape in
  ANSI-C quotes, `$'\\n'` or `$'\\u202e'`, as GNU `ls --quoting-style=shell-escape` does, so
  the command shows what it contains and still means the same in bash, zsh and ksh;
- a slug that starts with "-" is put after "--", so it cannot be read as an option.
"""
from __future__ import annotations

import shlex
import unicodedata

# Categories whose characters show nothing (or move other text): Cc controls, Cf format
# (bidi controls, zero-width characters), Cs/Co/Cn surrogates, private use, unassigned,
# Zl/Zp line and paragraph separators.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Default-ignorable characters of other categories that render blank or not at all
# (Hangul fillers, the combining grapheme joiner, variation selectors).
_BLANK_OTHERS = frozenset({0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x180B, 0x180C, 0x180D, 0x180F})
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def is_invisible(char: str) -> bool:
    """True for a character a reader cannot see (or that reorders what they see)."""
    code = ord(char)
    if char == " ":
        return False
    category = unicodedata.category(char)
    return (
        category in _INVISIBLE_CATEGORIES
        or category == "Zs"  # no-break and other odd spaces look like " " but are not
        or code in _BLANK_OTHERS
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def escape_char(char: str) -> str:
    """The ANSI-C escape of one character: \\n, \\t, \\r, \\xHH, \\uHHHH or \\UHHHHHHHH."""
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """The text with every invisible character written as its escape (for names shown, not run)."""
    if not any(is_invisible(char) for char in text):
        return text
    return "".join(escape_char(char) if is_invisible(char) else char for char in text)


def shell_quote(word: str) -> str:
    """One shell word that means exactly `word`, with no invisible character left in it."""
    if not any(is_invisible(char) for char in word):
        return shlex.quote(word)
    parts: list[str] = []
    run = ""
    hidden = ""
    for char in word:
        if is_invisible(char):
            if run:
                parts.append(shlex.quote(run))
                run = ""
            hidden += escape_char(char)
        else:
            if hidden:
                parts.append(f"$'{hidden}'")
                hidden = ""
            run += char
    if run:
        parts.append(shlex.quote(run))
    if hidden:
        parts.append(f"$'{hidden}'")
    return "".join(parts)  # adjacent quoted parts are one word to the shell


def review_command(action: str, slug: str, options: list[str] | None = None) -> str:
    """`digest review ACTION SLUG [OPTIONS]`, every word quoted; options before "--" when the
    slug starts with "-" (else it would be parsed as an option)."""
    options = options or []
    words = ["digest", "review", action]
    if slug.startswith("-"):
        words += [*options, "--", slug]
    else:
        words += [slug, *options]
    return " ".join(shell_quote(word) for word in words)


def review_command_filter(slug: str, action: str, *options: str) -> str:
    """Jinja filter: {{ entry.slug|review_command("reject", "--reason", "…") }}."""
    return review_command(action, slug, list(options))
