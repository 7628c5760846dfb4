"""Entry slugs: readable Arabic, stable, collision-free, never empty, path-safe."""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import SEED_FILE
from hypothesis import given, settings
from hypothesis import strategies as st
from slugify import slugify

from digest.core.config import Config
from digest.ingest.run import ingest
from digest.text.slugs import MAX_SLUG_CHARS, SlugAllocator, is_safe_slug, make_slug, unique_slug


@pytest.mark.parametrize(
    ("headline", "slug"),
    [
        ("التحالف الدولي عن قصف قواتها: ليس لدينا قواعد.. الميليشيات تستهدف العراقيين",
         "التحالف-الدولي-عن-قصف-قواتها-ليس-لدينا-قواعد-الميليشيات-تستهدف-العراقيين"),
        ("حملة #شكرًا_سلمان", "حملة-شكرا-سلمان"),
        ("مُدرّسة في بـغداد", "مدرسة-في-بغداد"),  # diacritics and tatweel do not split words
        ('"امسح حسابك".. حملة ضد #DeleteFacebook', "امسح-حسابك-حملة-ضد-deletefacebook"),
        ("\u200fعنوان\u200e مع علامات اتجاه", "عنوان-مع-علامات-اتجاه"),
        ("عام ٢٠١٨ في 10 صور", "عام-٢٠١٨-في-10-صور"),
    ],
)
def test_readable_arabic_slugs(headline: str, slug: str) -> None:
    assert make_slug(headline, fallback_seed="seeds/x.txt") == slug


def test_python_slugify_pitfalls_are_avoided() -> None:
    # Plain python-slugify splits words at diacritics…
    assert slugify("شكرًا سلمان", allow_unicode=True) == "شكر-ا-سلمان"
    assert make_slug("شكرًا سلمان", "k") == "شكرا-سلمان"
    # …and transliteration is lossy: different words collide (سأل "asked" / سال "flowed").
    assert slugify("سأل") == slugify("سال")
    assert make_slug("سأل", "k") != make_slug("سال", "k")
    # Without allow_unicode, Arabic-only headlines can come out nearly empty.
    assert len(slugify("عن")) <= 1 and make_slug("عن", "k") == "عن"


@pytest.mark.parametrize("headline", ["🔥🔥🔥", "!!! ؟؟؟ ...", "«»", "ـــ", "\u064b\u064c", "---", "con", "NUL", "lpt1"])
def test_never_empty_or_reserved(headline: str) -> None:
    slug = make_slug(headline, fallback_seed="seeds/2020-01-01-a.txt")
    assert slug.startswith("x-") and len(slug) == 12 and is_safe_slug(slug)
    assert make_slug(headline, fallback_seed="seeds/2020-01-01-b.txt") != slug  # per seed


def test_long_headline_cut_at_a_word_boundary() -> None:
    headline = " ".join(["كلمة"] * 40)
    slug = make_slug(headline, "k")
    assert len(slug) <= MAX_SLUG_CHARS and not slug.endswith("-")
    assert all(part == "كلمة" for part in slug.split("-"))


def test_stable_across_processes() -> None:
    """No per-process randomness (hash seeds) in slugs, including the fallback."""
    code = "from digest.text.slugs import make_slug; print(make_slug('🔥 ؟', 'seeds/a.txt'), make_slug('خبر عاجل', 'x'))"
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout
        for seed in (1, 2)
    }
    assert len(outputs) == 1


def test_collisions_get_numbered_case_insensitively() -> None:
    allocator = SlugAllocator({"خبر", "News"})
    assert allocator.claim("خبر") == "خبر-2"
    assert allocator.claim("خبر") == "خبر-3"
    assert allocator.claim("news") == "news-2"
    assert allocator.claim("جديد") == "جديد"
    assert unique_slug("خبر", {"خبر", "خبر-2"}) == "خبر-3"


def test_same_headline_twice_gives_two_entries_and_reingest_keeps_them(site_root: Path) -> None:
    (site_root / "seeds" / "again.txt").write_bytes(SEED_FILE.read_bytes().replace("وكالات".encode(), "رويترز".encode()))
    first = ingest(site_root, [site_root / "seeds"], Config.for_test())
    base = "التحالف-الدولي-عن-قصف-قواتها-ليس-لدينا-قواعد-الميليشيات-تستهدف-العراقيين"
    assert sorted(first.new) == [base, base + "-2"]
    again = ingest(site_root, [site_root / "seeds"], Config.for_test())
    assert sorted(again.unchanged) == sorted(first.new)


@given(st.text(max_size=120), st.text(min_size=1, max_size=20))
@settings(max_examples=200, deadline=None)
def test_any_headline_gives_a_safe_nfc_slug(headline: str, seed: str) -> None:
    slug = make_slug(headline, fallback_seed=seed)
    assert is_safe_slug(slug) and slug == unicodedata.normalize("NFC", slug)
    assert len(slug) <= MAX_SLUG_CHARS and slug == make_slug(headline, fallback_seed=seed)
    assert not any(ch.isspace() for ch in slug)


def _first_free(base: str, taken: set[str]) -> str:
    """The allocation rule written the slow way: base, base-2, base-3… whichever is free."""
    slug, n = base, 2
    while slug.casefold() in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug.casefold())
    return slug


@settings(max_examples=500, deadline=None)
@given(st.sets(st.sampled_from(["خبر", "خبر-2", "خبر-4", "News", "news-3", "a", "A-2", "a-2-2"])),
       st.lists(st.sampled_from(["خبر", "خبر-2", "news", "News", "NEWS-2", "a", "A", "a-2", "x"]), max_size=40))
def test_allocator_gives_what_the_first_free_rule_gives(taken: set[str], claims: list[str]) -> None:
    """Issue 16 (h-ingfast2): the allocator remembers where each base's suffixes stopped."""
    allocator, reference = SlugAllocator(taken), {t.casefold() for t in taken}
    assert [allocator.claim(c) for c in claims] == [_first_free(c, reference) for c in claims]


def test_many_articles_with_one_headline_are_numbered_in_order() -> None:
    allocator = SlugAllocator({"عاجل-3"})
    assert [allocator.claim("عاجل") for _ in range(6)] == ["عاجل", "عاجل-2", "عاجل-4", "عاجل-5", "عاجل-6", "عاجل-7"]
    assert allocator.claim("عاجل-5") == "عاجل-5-2"
