"""The review dashboard, the review panel and the publish gate, on real builds."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import html5lib
import pytest

from digest.build.pipeline import build_site
from digest.content.entries import write_entry
from digest.core.config import Config
from digest.core.model import Entry, Review, Translation
from digest.review.flags import Flag
from digest.sitemodel.dashboard import dashboard_context

BODIES = {
    "approved-one": "افتتحت البلدية جسراً جديداً فوق النهر بعد عامين من العمل المتواصل.\n\nوقال المهندسون إن الجسر يخفف الزحام في وسط المدينة.",
    "draft-one": "أعلنت وزارة الصحة حملة تطعيم واسعة تشمل المدارس في جميع المحافظات.\n\nوتستمر الحملة ثلاثة أسابيع بمشاركة آلاف المتطوعين.",
    "rejected-one": "شهدت الأسواق ارتفاعاً في أسعار الخضار بسبب موجة الحر الأخيرة.\n\nوطالب التجار بخطة لدعم المزارعين المتضررين هذا الموسم.",
}


def _entry(slug: str, title: str, state: str, *, english: bool, day: int, **fields: object) -> Entry:
    entry = Entry(
        slug=slug,
        title=title,
        body=BODIES[slug],
        date=dt.date(2020, 5, day),
        date_source="filename",
        tags=["بغداد"],
        tags_en={"بغداد": "Baghdad"},
        summary_ar="قال مسؤولون إن 12 شخصاً أصيبوا في الحادث الذي وقع صباح اليوم في المدينة.",
        review=Review(state=state, by="Ana" if state != "draft" else None),
        boilerplate=[{"text": "تابعونا على تويتر", "reason": "pattern"}],
    )
    if english:
        entry.title_en = f"English headline of {slug}"
        entry.summary_en = "Officials said 12 people were injured in the accident this morning in the city centre."
        entry.translation = Translation(status="machine", provider="google", source_hash=entry.arabic_fingerprint())
    for name, value in fields.items():
        setattr(entry, name, value)
    return entry


ENTRIES = [
    _entry("approved-one", "خبر معتمد عن بغداد", "approved", english=True, day=3),
    _entry("draft-one", "مسودة خبر عن بغداد", "draft", english=False, day=2),
    _entry("rejected-one", "خبر مرفوض عن بغداد", "rejected", english=True, day=1, date_source="ingest"),
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review-site")
    for entry in ENTRIES:
        write_entry(entry, root / "content")
    return root


@pytest.fixture(scope="module")
def review_site(root: Path) -> Path:
    out = root / "preview"
    build_site(root, Config.for_test(), out=out, review=True, offline=True)
    return out


@pytest.fixture(scope="module")
def public_site(root: Path) -> Path:
    out = root / "public"
    build_site(root, Config.for_test(), out=out, offline=True)
    return out


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _all_text(site: Path) -> str:
    return "\n".join(_text(p) for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt", ".js"))


def test_dashboard_lists_every_entry_with_state_flags_provider_date(review_site: Path) -> None:
    html = _text(review_site / "review" / "index.html")
    html5lib.HTMLParser(strict=True).parse(html)
    rows = re.findall(r'<tr data-state="(\w+)" data-flags="([^"]*)">', html)
    assert rows == [("approved", ""), ("draft", "translation-pending"), ("rejected", "date-unknown")]
    assert "Google" in html and "2020-05-03" in html and "by <bdi>Ana</bdi>" in html
    # Preview links for built entries; a rejected entry is not built, so it is not linked.
    assert 'href="../articles/approved-one/"' in html and 'href="../articles/draft-one/"' in html
    assert "articles/rejected-one/" not in html
    for url in ("approved-one", "draft-one"):
        assert (review_site / "articles" / url / "index.html").is_file()


def test_dashboard_filters_by_state_and_flag_without_external_requests(review_site: Path) -> None:
    html = _text(review_site / "review" / "index.html")
    assert '<select id="filter-state"' in html and '<select id="filter-flag"' in html
    assert '<option value="draft">draft (1)</option>' in html
    assert '<option value="translation-pending"' in html and '<option value="date-unknown"' in html
    assert "addEventListener" in html  # the inline filter script
    assert not re.search(r'(src|href)="(https?:)?//', html), "no external requests"


def test_review_panel_shows_both_summaries_flags_provenance_boilerplate_and_command(review_site: Path) -> None:
    html = _text(review_site / "articles" / "draft-one" / "index.html")
    html5lib.HTMLParser(strict=True).parse(html)
    panel = html[html.index('<aside class="review-panel"') : html.index("</aside>")]
    assert '<section class="review-ar" lang="ar" dir="rtl"' in panel and '<section class="review-en" lang="en" dir="ltr"' in panel
    assert "قال مسؤولون إن 12 شخصاً" in panel
    assert "<code>translation-pending</code>" in panel and "No English yet" in panel
    assert "تابعونا على تويتر" in panel  # the stripped boilerplate
    assert "content/draft-one.md" in panel
    assert "<code>digest review approve draft-one --force</code>" in panel  # pending English needs --force
    approved = _text(review_site / "articles" / "approved-one" / "index.html")
    assert "<code>digest review reopen approved-one</code>" in approved and "digest review approve" not in approved


def test_public_build_has_approved_entries_only_and_no_review_information(public_site: Path) -> None:
    assert (public_site / "articles" / "approved-one" / "index.html").is_file()
    assert not (public_site / "articles" / "draft-one").exists()
    assert not (public_site / "articles" / "rejected-one").exists()
    assert not (public_site / "review").exists()
    everything = _all_text(public_site)
    assert "review-panel" not in everything and "digest review approve" not in everything
    assert "draft-one" not in everything and "rejected-one" not in everything
    assert "مسودة خبر" not in everything and "خبر مرفوض" not in everything


def test_publish_all_adds_drafts_but_never_rejected(root: Path) -> None:
    out = root / "public-all"
    build_site(root, Config.for_test(site={"publish": "all"}), out=out, offline=True)
    assert (out / "articles" / "draft-one" / "index.html").is_file()
    assert not (out / "articles" / "rejected-one").exists()
    assert "خبر مرفوض" not in _all_text(out)


def test_dashboard_context_counts() -> None:
    flags = {"draft-one": [Flag("translation-pending", "x")], "rejected-one": [Flag("date-unknown", "y")]}
    context = dashboard_context(ENTRIES, flags)
    assert context["state_counts"] == {"draft": 1, "approved": 1, "rejected": 1}
    assert context["flag_counts"] == {"translation-pending": 1, "date-unknown": 1}
    assert [r.slug for r in context["rows"]] == ["approved-one", "draft-one", "rejected-one"]
    assert context["rows"][1].title_en is None and context["rows"][0].title_en == "English headline of approved-one"


def test_review_pages_link_to_the_dashboard_and_public_pages_do_not(review_site: Path, public_site: Path) -> None:
    assert 'href="../../review/"' in _text(review_site / "articles" / "draft-one" / "index.html")
    assert 'href="review/"' in _text(review_site / "index.html")
    assert "review/" not in _text(public_site / "index.html")


def test_a_dashboard_row_is_looked_up_by_its_value() -> None:
    """DashboardRow is looked up by value (the preview keeps 4,000 rows' HTML by row): rows
    made separately with equal values are equal and hash alike; any field changed, not equal."""
    import datetime as dt

    from digest.sitemodel.dashboard import DashboardRow

    row = DashboardRow(slug="خبر", title="عنوان", title_en=None, date=dt.date(2024, 1, 2), state="draft", by=None, at=None,
                       reason=None, translation="pending", provider=None, flags=(), url="articles/خبر/")
    twin = DashboardRow(**{name: getattr(row, name) for name in DashboardRow._fields})
    assert twin == row and hash(twin) == hash(row) and {row: 1}[twin] == 1
    for name, value in [("title", "آخر"), ("state", "approved"), ("title_en", "Title"), ("date", dt.date(2024, 1, 3)), ("url", None)]:
        other = row._replace(**{name: value})
        assert other != row and other not in {row: 1}, name


def test_each_row_field_holds_its_own_value() -> None:
    """dashboard_rows makes a row from its fields in order (no names): an entry whose fields
    all differ gives the row the keyword constructor gives."""
    from digest.sitemodel.dashboard import DashboardRow, dashboard_rows

    entry = Entry(
        slug="خبر-كامل", title="عنوان كامل", date=dt.date(2024, 3, 4), body="نص", title_en="A headline", summary_en="A summary",
        review=Review(state="approved", by="editor", at="2024-03-05", reason="checked"),
        translation=Translation(status="edited", provider="libre"),
    )
    flags = [Flag("glossary-miss", "term")]
    [row] = dashboard_rows([entry], {entry.slug: flags})
    assert row == DashboardRow(
        slug="خبر-كامل", title="عنوان كامل", title_en="A headline", date=dt.date(2024, 3, 4), state="approved", by="editor",
        at="2024-03-05", reason="checked", translation="edited", provider="libre", flags=tuple(flags), url="articles/خبر-كامل/",
    )


def test_the_row_memo_gives_the_very_row_for_the_very_entry_with_equal_flags() -> None:
    """digest serve keeps the last dashboard's rows by entry object (sitemodel.dashboard.RowMemo):
    the same entry object with equal flags gets the very row object (its HTML is then found
    by identity); a new entry object or other flags make the row again, equal to a fresh one."""
    import dataclasses

    from digest.sitemodel.dashboard import RowMemo, dashboard_rows

    memo = RowMemo()
    entries = list(ENTRIES)
    flags = {"draft-one": [Flag("translation-pending", "x")]}
    first = dashboard_rows(entries, flags, memo)
    assert first == dashboard_rows(entries, flags)
    again = dashboard_rows(entries, {"draft-one": [Flag("translation-pending", "x")]}, memo)  # equal flags, a new list
    assert all(a is b for a, b in zip(again, first, strict=True))

    edited = [dataclasses.replace(e, title="عنوان آخر") if e.slug == "approved-one" else e for e in entries]
    other_flags = {"draft-one": [Flag("glossary-miss", "y")]}
    third = dashboard_rows(edited, other_flags, memo)
    assert third == dashboard_rows(edited, other_flags)
    fresh = {row.slug for a, row in zip(again, third, strict=True) if a is not row}
    assert fresh == {"approved-one", "draft-one"}  # a new object, new flags; the rejected one kept


def test_the_site_model_keeper_forgets_the_rows_with_its_model() -> None:
    """The row memo trusts an entry object not to change; a build stage that edits entries in
    place (translation filling English from the memory, ingest updating an entry) makes the
    keeper forget its model, and the rows go with it."""
    from digest.cache.keptmodel import ModelKeeper

    keeper = ModelKeeper()

    def model() -> Any:
        return keeper.site_model(Config(), list(ENTRIES[:2]), {}, lambda _e: "", "", base_url="/", review_mode=True, flags={}, all_entries=list(ENTRIES))

    first = model()
    assert first.row_memo is keeper.rows
    dashboard_context(ENTRIES, {}, first.row_memo)
    assert len(keeper.rows.rows) == len(ENTRIES)
    assert model().row_memo is keeper.rows and len(keeper.rows.rows) == len(ENTRIES)  # patched: kept
    keeper.forget()
    assert model().row_memo is keeper.rows and keeper.rows.rows == {}
