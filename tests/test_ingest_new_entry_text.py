"""Issue 16 (h-ingfast2): ingest writes a new entry's text straight from the seed's fields
(digest.ingest.prepare.new_entry_text: no Entry, no front-matter mapping in between). It must
be the text entry_to_text writes for the Entry new_entry makes, byte for byte: on real and
generated articles, and on generated field values that YAML would read otherwise unless
quoted (numbers, dates, booleans, indicators, line breaks, odd characters)."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.content.entries import entry_to_text, read_entry
from digest.core.config import Config
from digest.ingest.boilerplate import BoilerplateFilter
from digest.ingest.parse import parse_article
from digest.ingest.prepare import MACHINE_FIELDS, fresh_values, new_entry, new_entry_text
from digest.ingest.sources import read_article

PROJECT = Path(__file__).resolve().parent.parent


def _corpus_paths(tmp_path: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("corpus", PROJECT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    return list(corpus.generate_corpus(tmp_path / "seeds", 300))


def test_articles_new_entry_text_is_entry_to_text(tmp_path: Path, extra_dir: Path) -> None:
    paths = [*_corpus_paths(tmp_path), *sorted((PROJECT / "seeds").glob("*.txt")), *sorted(extra_dir.glob("*.txt"))]
    config = Config.for_test()
    compared = 0
    for path in paths:
        raw = read_article(path, 10_000_000)
        values = fresh_values(parse_article(raw, BoilerplateFilter(), dt.date(2026, 1, 1), 200), config)
        seed = f"seeds/{path.name}"
        assert new_entry_text(seed, raw.sha256, values) == entry_to_text(new_entry("", seed, raw.sha256, values)), path
        compared += 1
    assert compared == 300 + len(list((PROJECT / "seeds").glob("*.txt"))) + 15


_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["null", "yes", "No", "~", "12", "0x1F", "1e5", "2020-01-01", "- بند", "#وسم", "key: value",
                     "a #b", "'q'", '"q"', "> x", "| x", "%x", "@x", "`x`", "x ", " x", "٣", "نص\nسطر", "\u2028", "\x85"]),
)
_HEX = st.text(alphabet="0123456789abcdef", min_size=1, max_size=64)


@settings(max_examples=400, deadline=None)
@given(
    title=_TEXT, source=st.none() | _TEXT, date=st.dates(), date_source=st.sampled_from(["filename", "header", "ingest"]),
    tags=st.lists(_TEXT, max_size=4), summary=_TEXT, body=_TEXT,
    boilerplate=st.lists(st.fixed_dictionaries({"text": _TEXT, "reason": _TEXT}), max_size=3),
    source_url=st.none() | _TEXT, seed=_TEXT, seed_sha256=_HEX,
)
def test_generated_values_new_entry_text_is_entry_to_text(
    title: str, source: str | None, date: dt.date, date_source: str, tags: list[str], summary: str, body: str,
    boilerplate: list[dict[str, str]], source_url: str | None, seed: str, seed_sha256: str,
) -> None:
    values: dict[str, object] = {
        "title": title, "source": source, "date": date, "date_source": date_source, "tags": tags, "body": body,
        "summary_ar": summary, "boilerplate": boilerplate, "source_url": source_url,
    }
    assert set(values) == set(MACHINE_FIELDS)
    assert new_entry_text(seed, seed_sha256, values) == entry_to_text(new_entry("", seed, seed_sha256, values))


def test_a_new_entry_reads_back_with_every_field_and_its_machine_record(tmp_path: Path) -> None:
    values: dict[str, object] = {
        "title": "عنوان: الخبر", "source": None, "date": dt.date(2024, 3, 1), "date_source": "filename",
        "tags": ["وسم طويل", "2024"], "body": "نص الخبر #وسم_طويل.", "summary_ar": "نص الخبر وسم طويل.",
        "boilerplate": [{"text": "تابعونا", "reason": "promo"}], "source_url": "https://example.com/a",
    }
    path = tmp_path / "x.md"
    path.write_text(new_entry_text("seeds/a.txt", "ab" * 32, values), encoding="utf-8")
    entry = read_entry(path)
    assert (entry.title, entry.source, entry.date, entry.tags, entry.summary_ar, entry.body, entry.source_url) == (
        "عنوان: الخبر", None, dt.date(2024, 3, 1), ["وسم طويل", "2024"], "نص الخبر وسم طويل.", "نص الخبر #وسم_طويل.",
        "https://example.com/a",
    )
    assert (entry.translation.status, entry.review.state, entry.summary_version) == ("pending", "draft", 1)
    assert sorted(entry.machine) == sorted(MACHINE_FIELDS)
    assert not [name for name in MACHINE_FIELDS if entry.editor_changed(name)]
