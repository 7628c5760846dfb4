"""The plain-text fast path of digest.render.markdown.render_body: wherever it answers, its HTML is
exactly mistune's (with the hashtag plugin); wherever Markdown syntax could matter it
declines and mistune renders the body."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.render import markdown, markdown_full
from digest.render.markdown import render_body

PROJECT = Path(__file__).resolve().parent.parent

MISTUNE = markdown_full.make_markdown()

# Arabic and Latin letters, digits, clitics, tatweel, diacritics, every kind of space and
# break, quotes and brackets, and every character that starts Markdown syntax.
ALPHABET = list("ابتثجحخدذرسشصعغفقكلمنهويىةءأإآؤئـًٌٍَُِّْ") + list("abcXYZ019٠١") + list(
    " \n\n\n\t\u00a0\u2009#####___***-----+==>>><<&&;[]()!`~|{}\\.,،؛؟:«»“”\"'%/")


def _mistune(body: str) -> str:
    return str(MISTUNE(body))


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=160))
def test_the_fast_path_is_mistune_or_declines(body: str) -> None:
    fast = markdown._plain_body_html(body)
    if fast is not None:
        assert fast == _mistune(body)
        # render_body isolates Latin runs paragraph by paragraph on this path: the same.
        assert render_body(body) == markdown.isolate_html(_mistune(body))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["قال", "المسؤول", "#أربيل", "و#داعش", "بـ#العراق", "#قوات_البيشمركة", "#x_", "«#بغداد»", "“#tag”", "2022", "CNN", "(#موصل)", "C#", "a#b", "#", "#_"]), min_size=1, max_size=12).map(" ".join),
        min_size=1,
        max_size=5,
    ).map("\n\n".join)
)
def test_news_paragraphs_with_hashtags_take_the_fast_path_and_match(body: str) -> None:
    fast = markdown._plain_body_html(body)
    if fast is not None:
        assert fast == _mistune(body)
        assert render_body(body) == markdown.isolate_html(_mistune(body))
    if "_" not in body and "C#" not in body and not body.startswith("#") and "\n#" not in body:
        assert fast is not None  # plain text with hashtags: the fast path answers


def test_typical_bodies_are_fast_and_markdown_is_not() -> None:
    plain = "قال المتحدث إن #التحالف_الدولي لن ينسحب من و#أربيل.\n\nوأضاف أن 3 هجمات «#داعش» وقعت (CNN)."
    assert markdown._plain_body_html(plain) is not None
    assert render_body(plain) == markdown.isolate_html(_mistune(plain))
    for syntax in ("نص *مائل* هنا", "- بند", "1. بند", "> اقتباس", "# عنوان", "نص  \nسطر", "[رابط](http://x)", "a & b", "نص_مائل_ هنا"):
        assert markdown._plain_body_html(syntax) is None, syntax


def test_the_body_store_knows_the_installed_mistune_without_importing_it(tmp_path: Path) -> None:
    """Stored bodies depend on mistune's output, so the store's stamp names the installed
    mistune — read from its package file, which an upgrade rewrites — while a build whose
    bodies all take the fast path never imports mistune."""
    fake = tmp_path / "mistune"
    fake.mkdir()
    (fake / "__init__.py").write_text("__version__ = '0'\n", encoding="utf-8")
    probe = (
        "import sys; from digest.render.markdown import full_renderer_stamp; "
        "print(full_renderer_stamp()); print('mistune' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(PROJECT)])}

    def stamp() -> list[str]:
        return subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True).stdout.splitlines()

    before, imported = stamp()
    assert str(fake / "__init__.py") in before and imported == "False"
    (fake / "__init__.py").write_text("__version__ = '1'  # upgraded\n", encoding="utf-8")
    assert stamp()[0] != before
