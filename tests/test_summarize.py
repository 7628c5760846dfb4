"""The Arabic extractive summary: sentence splitting and sentence choice."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.ingest.summarize import SUMMARIZER_VERSION, split_sentences, summarize

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_645458abd9460e4c.txt"


def _paragraphs(path: Path) -> list[str]:
    from digest.ingest.boilerplate import BoilerplateFilter
    from digest.ingest.parse import parse_article
    from digest.ingest.sources import read_article

    return parse_article(read_article(path, 20_000_000), BoilerplateFilter([]), dt.date(2026, 1, 1), 200).paragraphs


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("هل حضر الوزير؟ لم يحضر! حدث ذلك صباحا.", ["هل حضر الوزير؟", "لم يحضر!", "حدث ذلك صباحا."]),
        ("بلغ النمو 3.5 في المئة، بحسب التقرير. وانخفض الطلب.", ["بلغ النمو 3.5 في المئة، بحسب التقرير.", "وانخفض الطلب."]),
        ("قال د. محمد إن الوضع مستقر. ثم غادر.", ["قال د. محمد إن الوضع مستقر.", "ثم غادر."]),
        ("وقال أ.د. علي: لا. وفي عام 300 ق.م. بنيت المدينة.", ["وقال أ.د. علي: لا.", "وفي عام 300 ق.م. بنيت المدينة."]),
        ("قال «هذا مهم. ونحن ندعمه» ثم غادر. وانتهى.", ["قال «هذا مهم. ونحن ندعمه» ثم غادر.", "وانتهى."]),
        ("قال “هذا مهم. ونحن ندعمه” ثم غادر. وانتهى.", ["قال “هذا مهم. ونحن ندعمه” ثم غادر.", "وانتهى."]),
        ('قال "هذا مهم. ونحن ندعمه" ثم غادر. وانتهى.', ['قال "هذا مهم. ونحن ندعمه" ثم غادر.', "وانتهى."]),
        ("ارتفع السعر؛ وانخفض الطلب، بحسب التقرير.", ["ارتفع السعر؛ وانخفض الطلب، بحسب التقرير."]),
        ("", []),
    ],
)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_summary_of_the_seed_is_its_lead() -> None:
    summary = summarize(_paragraphs(SEED))
    assert summary.startswith("في ردٍ من التحالف الدولي")
    assert len(summary) <= 400 and summary.endswith(".")


def test_length_limits_and_whole_sentences() -> None:
    paragraphs = [f"هذه الجملة رقم {i} عن الحكومة والبرلمان والانتخابات في البلاد." for i in range(12)]
    for max_sentences, max_chars in [(1, 400), (2, 400), (3, 400), (3, 120)]:
        summary = summarize(paragraphs, max_sentences, max_chars)
        chosen = split_sentences(summary)
        assert 1 <= len(chosen) <= max_sentences and len(summary) <= max_chars
        assert all(sentence in paragraphs for sentence in chosen)
        assert chosen[0] == paragraphs[0]  # the lead carries the news
        assert chosen == sorted(chosen, key=paragraphs.index)  # article order


def test_too_long_lead_is_never_cut_inside_a_quotation() -> None:
    lead = (
        "قال الوزير في مؤتمر صحافي طويل «إن الحكومة ستواصل العمل على خطة الإصلاح الاقتصادي الشامل، "
        "وإنها لن تتراجع عن قراراتها مهما كانت الضغوط» وأضاف أن الأمور تسير، بحسب الخطة الموضوعة منذ سنوات"
    )
    summary = summarize([lead * 3], max_chars=100)
    assert summary == "قال الوزير في مؤتمر صحافي طويل…"
    cut = summarize([lead], max_chars=150)
    assert cut.endswith("…") and len(cut) <= 150 and "»" in cut and cut.count("«") == cut.count("»")


def test_dateline_and_hashtag_marks_are_dropped() -> None:
    summary = summarize(["دبي، الإمارات العربية المتحدة (CNN)-- شارك #عائض_القرني في النقاش. ثم غادر."])
    assert summary == "شارك عائض القرني في النقاش. ثم غادر."


def _ingest(root: Path) -> str:
    from click.testing import CliRunner

    from digest.cli import cli

    result = CliRunner().invoke(cli, ["-C", str(root), "ingest"])
    assert result.exit_code == 0, result.output
    return result.output


def test_version_is_stored_in_entries(tmp_path: Path) -> None:
    """Each entry records the summariser version that wrote summary_ar; an entry of an older
    version is summarised again on the next ingest, unless an editor wrote its summary."""
    import re
    import shutil

    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / "a.txt")
    shutil.copy(SEED, tmp_path / "seeds" / "b.txt")
    _ingest(tmp_path)
    first, second = sorted((tmp_path / "content").glob("*.md"))
    machine_summary = re.search(r"^summary_ar: .*$", first.read_text(encoding="utf-8"), re.M).group(0)
    for path in (first, second):
        assert f"\nsummary_version: {SUMMARIZER_VERSION}\n" in path.read_text(encoding="utf-8")
        older = path.read_text(encoding="utf-8").replace(f"\nsummary_version: {SUMMARIZER_VERSION}\n", "\nsummary_version: 0\n")
        path.write_text(older, encoding="utf-8")
    edited = second.read_text(encoding="utf-8").replace(machine_summary, "summary_ar: ملخص كتبه المحرر.")
    second.write_text(edited, encoding="utf-8")

    assert "ingest: 0 new, 1 updated, 1 unchanged, 0 failed" in _ingest(tmp_path)
    refreshed = first.read_text(encoding="utf-8")
    assert f"\nsummary_version: {SUMMARIZER_VERSION}\n" in refreshed and machine_summary in refreshed
    kept = second.read_text(encoding="utf-8")
    assert "\nsummary_version: 0\n" in kept and "\nsummary_ar: ملخص كتبه المحرر.\n" in kept  # the editor's


_WORDS = st.sampled_from(["قال", "الوزير", "إن", "الحكومة", "«ستواصل العمل»", "3.5", "د.", "و", "البرلمان", "“نعم”"])
_SENTENCE = st.builds(lambda words, end: " ".join(words) + end, st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from([".", "؟", "!"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_SENTENCE, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=6), st.integers(40, 400))
def test_summary_respects_limits_and_quotes(paragraphs: list[str], max_chars: int) -> None:
    summary = summarize(paragraphs, 3, max_chars)
    assert summary and len(summary) <= max_chars
    assert summary.count("«") == summary.count("»") and summary.count("“") == summary.count("”")


def test_every_shared_article_gets_a_bounded_summary(extra_dir: Path) -> None:
    for path in sorted(extra_dir.glob("*.txt")):
        summary = summarize(_paragraphs(path))
        assert 40 <= len(summary) <= 400, path.name
        assert summary.count("«") == summary.count("»"), path.name
        assert "(CNN)" not in summary
