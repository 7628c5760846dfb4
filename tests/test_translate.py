"""digest translate through deep-translator's real LibreTranslator HTTP path, against a
LibreTranslate-compatible stub on 127.0.0.1 with injected latency and failures."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from libre_stub import LibreStub

from digest.content.entries import load_entries, read_entry, write_entry
from digest.core.config import Config
from digest.core.model import Entry
from digest.translate import RetryPolicy, translate_entries, translation_state
from digest.translate.providers import ProviderError

PROJECT = Path(__file__).resolve().parent.parent
FAST = RetryPolicy(workers=4, timeout=0.5, retries=2, backoff_base=0.01, backoff_max=0.02, breaker_threshold=4)

SEED_TITLE = "التحالف الدولي عن قصف قواتها: ليس لدينا قواعد.. الميليشيات تستهدف العراقيين"
SEED_SUMMARY = (
    "في ردٍ من التحالف الدولي، بشأن استمرار الميليشيات الموالية لإيران، قال التحالف إنه لا يملك أي قواعد في العراق. "
    "ويعمل التحالف الدولي كقوة دولية لمحاربة تنظيم “داعش” في بعض المناطق الحدودية بين العراق وسوريا."
)


def make_entry(slug: str, title: str, summary: str, tags: list[str]) -> Entry:
    entry = Entry(slug=slug, title=title, body=summary, date=dt.date(2026, 11, 26), summary_ar=summary, tags=tags)
    for name in ("title", "summary_ar", "tags", "body"):
        entry.record_machine(name)
    return entry


@pytest.fixture
def stub():
    with LibreStub() as server:
        yield server


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A site root with the glossary and three pending entries."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    shutil.copy(PROJECT / "glossary.toml", site / "glossary.toml")
    entries = [
        make_entry("seed", SEED_TITLE, SEED_SUMMARY, ["داعش", "أربيل", "قوات البيشمركة", "الرمادي"]),
        make_entry("second", "قال التحالف الدولي في العراق", "قال التحالف إنه ليس لدينا قواعد في العراق.", ["العراق"]),
        make_entry("third", "البيشمركة في أربيل", "وصلت قوات البيشمركة إلى أربيل.", []),
    ]
    for entry in entries:
        write_entry(entry, site / "content")
    return site


def run(root: Path, stub: LibreStub | None, url: str | None = None, **kwargs):
    entries, errors = load_entries(root / "content")
    assert not errors
    return translate_entries(
        root, entries, Config.for_test(), provider="libre",
        provider_url=url or (stub.url if stub else None), policy=kwargs.pop("policy", FAST), **kwargs,
    )


def entry(root: Path, slug: str) -> Entry:
    return read_entry(root / "content" / f"{slug}.md")


def test_translates_through_libre_and_records_provenance(root: Path, stub: LibreStub) -> None:
    report = run(root, stub)
    assert sorted(report.translated) == ["second", "seed", "third"]
    assert report.counts() == {"translated": 3, "cached": 0, "pending": 0, "failed": 0, "edited_kept": 0, "unchanged": 0}
    assert not report.warnings
    seed = entry(root, "seed")
    assert seed.translation.status == "machine" and seed.translation.provider == "libre"
    assert seed.translation.source_hash == seed.arabic_fingerprint()
    assert seed.translation.at == dt.date.today().isoformat()
    assert translation_state(seed) == "machine"
    # Glossary terms come out in the English, whatever the provider does with the rest.
    assert seed.title_en.startswith("International Coalition")
    assert "ISIS" in seed.summary_en and "Syria" in seed.summary_en and "Iraq" in seed.summary_en
    assert "Peshmerga forces" in entry(root, "third").summary_en
    # Tag labels the glossary covers cost no request; the one it lacks is translated.
    assert seed.tags_en["داعش"] == "ISIS" and seed.tags_en["قوات البيشمركة"] == "Peshmerga forces"
    assert seed.tags_en["الرمادي"].startswith("w")  # the stub's rendering of an unknown word
    assert "داعش" not in stub.texts and "أربيل" not in stub.texts
    assert stub.texts.count("الرمادي") == 1
    # Only headlines, summaries and the unknown tag were sent; no glossary term left in Arabic.
    assert stub.requests == 7
    assert not any("داعش" in text or "البيشمركة" in text for text in stub.texts)


def test_second_run_on_unchanged_content_sends_no_request(root: Path, stub: LibreStub) -> None:
    run(root, stub)
    before = {p.name: p.read_bytes() for p in (root / "content").iterdir()}
    stub.reset_counts()
    report = run(root, stub)
    assert stub.requests == 0
    assert sorted(report.unchanged) == ["second", "seed", "third"]
    assert {p.name: p.read_bytes() for p in (root / "content").iterdir()} == before  # nothing rewritten
    # Losing the English (e.g. a reverted file) is refilled from the memory, still 0 requests.
    seed = entry(root, "seed")
    seed.title_en = seed.summary_en = None
    seed.machine.pop("title_en"), seed.machine.pop("summary_en")
    seed.translation.status = "pending"
    write_entry(seed, root / "content")
    report = run(root, stub)
    assert report.cached == ["seed"] and stub.requests == 0
    assert entry(root, "seed").translation.status == "machine"


def test_editors_text_is_never_overwritten(root: Path, stub: LibreStub) -> None:
    run(root, stub)
    seed = entry(root, "seed")
    seed.summary_en = "The editors' own summary."
    write_entry(seed, root / "content")
    stub.reset_counts()
    for retranslate in (False, True):
        report = run(root, stub, retranslate=retranslate)
        assert "seed" in report.edited_kept
        kept = entry(root, "seed")
        assert kept.summary_en == "The editors' own summary."
        assert kept.translation.status == "edited"
    assert not any(SEED_SUMMARY[:20] in text for text in stub.texts)
    # Hand-written English in a pending entry is the editor's too.
    third = entry(root, "third")
    third.title_en, third.summary_en = "Peshmerga in Erbil", "Written by hand."
    third.translation.status = "pending"
    third.machine.pop("title_en"), third.machine.pop("summary_en")
    write_entry(third, root / "content")
    run(root, stub)
    assert entry(root, "third").translation.status == "edited"
    assert entry(root, "third").title_en == "Peshmerga in Erbil"


def test_changed_arabic_summary_turns_translation_stale(root: Path, stub: LibreStub) -> None:
    run(root, stub)
    seed = entry(root, "seed")
    seed.summary_ar = "قال التحالف الدولي إنه ليس لدينا قواعد."
    write_entry(seed, root / "content")
    assert translation_state(entry(root, "seed")) == "stale"
    report = run(root, None, offline=True)
    assert entry(root, "seed").translation.status == "stale"
    assert report.pending == ["seed"] and len(report.warnings) == 1 and "offline" in report.warnings[0]
    report = run(root, stub)
    fresh = entry(root, "seed")
    assert report.translated == ["seed"]
    assert fresh.translation.status == "machine" and fresh.translation.source_hash == fresh.arabic_fingerprint()
    assert fresh.summary_en.startswith("said International Coalition")


def test_429_and_500_are_retried(root: Path, stub: LibreStub) -> None:
    stub.fail_next(2, "429")
    stub.fail_next(1, "500")
    report = run(root, stub)
    assert sorted(report.translated) == ["second", "seed", "third"]
    assert stub.requests == 7 + 3
    assert not report.warnings


def test_persistent_500_opens_the_breaker_and_keeps_earlier_work(root: Path, stub: LibreStub) -> None:
    run(root, stub)
    new = make_entry("fourth", "عاجل من بغداد", "قال مسؤول في بغداد إن الوضع هادئ.", [])
    write_entry(new, root / "content")
    stub.mode = "500"
    stub.reset_counts()
    report = run(root, stub)
    assert report.pending == ["fourth"] and report.failed == []
    assert sorted(report.unchanged) == ["second", "seed", "third"]
    assert len(report.warnings) == 1 and "stopped calling it" in report.warnings[0] and "1 entry" in report.warnings[0]
    assert stub.requests <= FAST.breaker_threshold + FAST.workers
    assert entry(root, "fourth").translation.status == "pending"
    assert entry(root, "seed").translation.status == "machine"  # nothing already translated is lost


def test_partial_progress_survives_a_failing_server(root: Path, stub: LibreStub) -> None:
    stub.fail_next(3, "ok")  # the first three requests succeed, everything after fails
    stub.mode = "500"
    report = run(root, stub, policy=RetryPolicy(workers=1, timeout=0.5, retries=0, backoff_base=0.01, breaker_threshold=2))
    assert len(report.translated) <= 1 and len(report.warnings) == 1
    stub.mode = "ok"
    stub.reset_counts()
    report = run(root, stub)
    assert sorted(report.translated + report.cached + report.unchanged) == ["second", "seed", "third"]
    assert stub.requests == 7 - 3  # the three finished translations came from the memory


def test_server_slower_than_timeout(root: Path, stub: LibreStub) -> None:
    stub.mode = "slow"
    stub.slow_seconds = 3.0
    policy = RetryPolicy(workers=4, timeout=0.2, retries=1, backoff_base=0.01, breaker_threshold=3)
    report = run(root, stub, policy=policy)
    assert sorted(report.pending) == ["second", "seed", "third"]
    assert len(report.warnings) == 1 and "no answer within 0.2 s" in report.warnings[0]
    assert all(entry(root, s).translation.status == "pending" for s in ("seed", "second", "third"))


def test_connection_refused_leaves_entries_pending(root: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    report = run(root, None, url=f"http://127.0.0.1:{port}")
    assert sorted(report.pending) == ["second", "seed", "third"]
    assert len(report.warnings) == 1 and "cannot connect" in report.warnings[0]


def test_malformed_json_is_retried_then_pending(root: Path, stub: LibreStub) -> None:
    stub.fail_next(1, "malformed")
    report = run(root, stub)
    assert sorted(report.translated) == ["second", "seed", "third"]
    stub.mode = "malformed"
    new = make_entry("fourth", "عاجل من بغداد", "قال مسؤول في بغداد إن الوضع هادئ.", [])
    write_entry(new, root / "content")
    report = run(root, stub)
    assert report.pending == ["fourth"] and "malformed response" in report.warnings[0]


def test_rejected_key_stops_at_once(root: Path, stub: LibreStub) -> None:
    stub.mode = "403"
    report = run(root, stub)
    assert sorted(report.pending) == ["second", "seed", "third"]
    assert stub.requests <= FAST.workers
    assert "refused" in report.warnings[0]


def test_long_summary_is_chunked_under_the_url_limit(root: Path, stub: LibreStub) -> None:
    sentence = "قال التحالف الدولي في بيان إن قواته لا تملك أي قواعد عسكرية في العراق منذ سنوات طويلة. "
    long = make_entry("long", "بيان طويل", sentence * 40, [])
    write_entry(long, root / "content")
    run(root, stub)
    result = entry(root, "long")
    assert result.translation.status == "machine"
    assert stub.max_query_chars <= 1000
    assert result.summary_en.count("International Coalition") == 40


def test_unusable_providers_are_refused(root: Path) -> None:
    entries, _ = load_entries(root / "content")
    for name, words in [("deepl", "no Arabic"), ("nonsense", "unknown"), ("libre", "needs a server URL")]:
        with pytest.raises(ProviderError, match=words):
            translate_entries(root, entries, Config.for_test(), provider=name)


def test_corrupt_translation_memory_is_rebuilt(root: Path, stub: LibreStub) -> None:
    (root / ".digest").mkdir()
    (root / ".digest" / "tm.sqlite").write_bytes(b"this is not a database" * 100)
    report = run(root, stub)
    assert sorted(report.translated) == ["second", "seed", "third"]
    assert any("translation memory unreadable" in w for w in report.warnings)
    assert (root / ".digest" / "tm.sqlite.corrupt").exists()
    stub.reset_counts()
    seed = entry(root, "seed")
    seed.translation.status = "pending"
    write_entry(seed, root / "content")
    assert run(root, stub).cached == ["seed"] and stub.requests == 0


def test_cli_translate(root: Path, stub: LibreStub) -> None:
    from click.testing import CliRunner

    from digest.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["-C", str(root), "translate", "--offline"])
    assert result.exit_code == 0, result.output
    assert "3 pending" in result.output and "left pending (offline)" in result.output
    result = runner.invoke(cli, ["translate", "-C", str(root), "--provider", "libre", "--provider-url", stub.url])
    assert result.exit_code == 0, result.output
    assert "3 translated" in result.output
    assert "translate: 7/7 texts" in result.output  # plain progress lines, not a TTY
    assert "(7 requests)" in result.output
    result = runner.invoke(cli, ["translate", "-C", str(root), "--provider", "deepl"])
    assert result.exit_code == 1 and "cannot translate Arabic" in result.output
    assert "Traceback" not in result.output
    listed = runner.invoke(cli, ["-C", str(root), "list", "--json"])
    assert listed.exit_code == 0, listed.output
    data = {d["slug"]: d for d in json.loads(listed.stdout)}
    # What `digest list` shows of the translation (the stub's glossary terms kept, other words hashed).
    machine = {"status": "machine", "provider": "libre"}
    assert {slug: d["translation"] for slug, d in data.items()} == {"seed": machine, "second": machine, "third": machine}
    assert (data["second"]["title_en"], data["second"]["summary_en"]) == (
        "said International Coalition in Iraq", "said coalition w44630b not we have bases in Iraq."
    )
    assert (data["third"]["title_en"], data["third"]["summary_en"]) == ("Peshmerga in Erbil", "wa378a5 Peshmerga forces w8ab803 Erbil.")
    assert data["seed"]["title_en"].startswith("International Coalition ")


def test_text_left_without_arabic_is_not_sent(root: Path, stub: LibreStub) -> None:
    write_entry(make_entry("names", "داعش في أربيل", "2020", []), root / "content")
    run(root, stub)
    names = entry(root, "names")
    assert names.translation.status == "machine"
    assert names.summary_en == "2020"
    assert "2020" not in stub.texts and "ISIS في Erbil" in stub.texts


def test_a_bad_provider_in_digest_toml_names_the_file(root: Path) -> None:
    from click.testing import CliRunner

    from digest.cli import cli

    (root / "digest.toml").write_text('[translate]\nprovider = "deepl"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(root), "translate"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: digest.toml: provider 'deepl' cannot translate Arabic → English: "
        "DeepL in deep-translator 1.11.4 has no Arabic (its language list lacks it)"
    )


def test_a_text_the_provider_refuses_fails_alone(root: Path, stub: LibreStub) -> None:
    stub.fail_next(1, "400")  # the first text sent: the headline of "second" (files load sorted)
    report = run(root, stub, policy=RetryPolicy(workers=1, timeout=0.5, retries=2, backoff_base=0.01))
    assert report.failed == ["second"] and sorted(report.translated) == ["seed", "third"]
    assert stub.requests == 7  # a 400 is not retried
    assert len(report.warnings) == 1 and "1 entry failed" in report.warnings[0] and "HTTP 400" in report.warnings[0]
    assert entry(root, "second").translation.status == "pending"
    stub.reset_counts()
    assert run(root, stub).translated == ["second"] and stub.requests == 1  # only the missing headline
