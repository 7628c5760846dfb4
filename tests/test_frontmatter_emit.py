"""Issue 16: the emitter's shortcuts write exactly what its full checks write.

Lowercase hexadecimal (the hashes of `machine:` and seed_sha256, ~10 per entry) is decided by
two small patterns instead of PyYAML's resolvers; keys are emitted once per distinct key."""
from __future__ import annotations

import itertools

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.content.frontmatter import dump, emit

HEX = "0123456789abcdef"


def test_every_short_hex_string_is_decided_as_the_full_check_decides() -> None:
    checked = 0
    for length in range(1, 5):
        for chars in itertools.product(HEX, repeat=length):
            text = "".join(chars)
            assert emit.is_plain_safe(text) == emit._is_plain_safe_text(text), text
            checked += 1
    assert checked == 16 + 16**2 + 16**3 + 16**4


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=HEX, min_size=1, max_size=70) | st.from_regex(r"(?:[0-9]+(?:e[0-9]+)?|0b[01]+)[0-9a-f]?", fullmatch=True))
def test_hex_strings_are_decided_as_the_full_check_decides(text: str) -> None:
    assert emit.is_plain_safe(text) == emit._is_plain_safe_text(text)
    # …and whatever is written, PyYAML reads back the same string.
    assert yaml.safe_load(dump({"h": text})) == {"h": text}


def test_hashes_are_written_plain_and_number_like_ones_quoted() -> None:
    assert dump({"machine": {"body": "b6bca2df536a8400", "date": "1234567890123456", "tags": "12e45", "x": "0b1011"}}) == (
        "machine:\n"
        "  body: b6bca2df536a8400\n"
        '  date: "1234567890123456"\n'
        '  tags: "12e45"\n'
        '  x: "0b1011"\n'
    )


def test_keys_are_emitted_as_before_including_ones_that_need_quotes_and_str_subclasses() -> None:
    class Name(str):
        pass

    data = {"title": "x", "yes": 1, "a: b": None, Name("extra"): {"null": [], "#tag": {}}}
    text = dump(data)
    assert text == 'title: x\n"yes": 1\n"a: b": null\nextra:\n  "null": []\n  "#tag": {}\n'
    assert dump(data) == text  # the second time from the memo of key heads
    assert yaml.safe_load(text) == {"title": "x", "yes": 1, "a: b": None, "extra": {"null": [], "#tag": {}}}
