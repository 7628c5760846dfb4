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

from .charsafe import escape_char, has_invisible, is_invisible, visible

__all__ = ["review_command", "review_command_filter", "shell_quote", "visible"]

def shell_quote(word: str) -> str:
    """One shell word that means exactly `word`, with no invisible character left in it."""
    if not has_invisible(word):
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
