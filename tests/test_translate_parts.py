"""The pieces of digest.translate: glossary protection, chunking, memory, timeouts,
per-thread translators, failure classification, providers, progress, the demo entry."""
from __future__ import annotations

import io
import sqlite3
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest
import requests
from deep_translator import LibreTranslator, MyMemoryTranslator
from deep_translator import exceptions as dt_exc

sys.path.insert(0, str(Path(__file__).parent))
from libre_stub import LibreStub

from digest.content.entries import load_entries
from digest.core.errors import ConfigError
from digest.translate import translation_state
from digest.translate.chunking import chunk_text
from digest.translate.client import ProviderClient
from digest.translate.failures import FAIL, RETRY, STOP, QuotaExhausted, classify
from digest.translate.glossary import Glossary, load_glossary
from digest.translate.http import last_status, request_timeout
from digest.translate.memory import TranslationMemory
from digest.translate.progress import RequestProgress
from digest.translate.providers import PROVIDERS, ProviderError, resolve_provider, translator_factory
from digest.translate.resilience import CircuitBreaker, RetryPolicy
from digest.translate.terms import TermProtector

PROJECT = Path(__file__).resolve().parent.parent
GLOSSARY = Glossary(
    terms={"داعش": "ISIS", "البيشمركة": "Peshmerga", "قوات البيشمركة": "Peshmerga forces", "العراق": "Iraq", "أربيل": "Erbil"},
    labels={"القاعدة": "al-Qaeda"},
)


# --- glossary protect-and-restore --------------------------------------------------------

@pytest.mark.parametrize(
    "arabic, expected",
    [
        ("قاتلت قوات البيشمركة تنظيم داعش", "قاتلت Peshmerga forces تنظيم ISIS"),  # longest term first
        ("وصلوا إلى اربيل والعراق", "وصلوا إلى Erbil و Iraq"),  # variant spelling, clitic و
        ("دعم للعراق وبالعراق", "دعم ل Iraq وب Iraq"),  # ل + ال → لل
        ("تنظيم دَاعِش", "تنظيم ISIS"),  # diacritics
        ("القوات العراقية في العراقيين", "القوات العراقية في العراقيين"),  # not inside longer words
        ("«#داعش»", "«#ISIS»"),
    ],
)
def test_protect_replaces_terms_with_their_english(arabic: str, expected: str) -> None:
    assert TermProtector(GLOSSARY).protect(arabic).text == expected


def test_labels_are_not_forced_into_running_text() -> None:
    protector = TermProtector(GLOSSARY)
    assert protector.protect("ليس لدينا القاعدة هنا").text == "ليس لدينا القاعدة هنا"
    assert protector.label("القاعدة") == "al-Qaeda" and protector.label("داعش") == "ISIS"


def test_restore_fixes_what_the_provider_changed() -> None:
    assert TermProtector.restore("isis attacked peshmerga forces near erbil", ["Peshmerga forces", "ISIS", "Erbil"]) == (
        "ISIS attacked Peshmerga forces near Erbil"
    )
    assert TermProtector.restore("Isisx stays", ["ISIS"]) == "Isisx stays"


def test_glossary_restore_through_a_provider_that_lowercases(tmp_path: Path) -> None:
    import datetime as dt

    from digest.content.entries import write_entry
    from digest.core.config import Config
    from digest.core.model import Entry
    from digest.translate import RetryPolicy as Policy
    from digest.translate import translate_entries

    (tmp_path / "content").mkdir()
    (tmp_path / "glossary.toml").write_text('[terms]\n"داعش" = "ISIS"\n', encoding="utf-8")
    write_entry(Entry(slug="a", title="هزيمة داعش", body="x", date=dt.date(2026, 1, 1), summary_ar="هزيمة داعش."), tmp_path / "content")
    entries, _ = load_entries(tmp_path / "content")
    with LibreStub() as stub:
        stub.lowercase_latin = True
        translate_entries(tmp_path, entries, Config.for_test(), provider="libre", provider_url=stub.url, policy=Policy(workers=1))
        assert stub.texts and all("ISIS" in t for t in stub.texts)
    entries, _ = load_entries(tmp_path / "content")
    assert entries[0].title_en.endswith("ISIS") and "isis" not in entries[0].title_en


# --- glossary file ----------------------------------------------------------------------

def test_glossary_files(tmp_path: Path) -> None:
    assert load_glossary(tmp_path) == Glossary()
    (tmp_path / "glossary.yaml").write_text("terms:\n  داعش: ISIS\nlabels:\n  القاعدة: al-Qaeda\n", encoding="utf-8")
    glossary = load_glossary(tmp_path)
    assert glossary.terms == {"داعش": "ISIS"} and glossary.lookup("القاعده") == "al-Qaeda"
    (tmp_path / "glossary.yaml").write_text("terms:\n  داعش: ISIS\n  دَاعش: Daesh\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="one term but have different English"):
        load_glossary(tmp_path)
    (tmp_path / "glossary.toml").write_text("[terms]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="two glossaries"):
        load_glossary(tmp_path)
    (tmp_path / "glossary.yaml").unlink()
    (tmp_path / "glossary.toml").write_text("[names]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown section"):
        load_glossary(tmp_path)


def test_starter_glossary_labels_every_tag_of_the_seed() -> None:
    glossary = load_glossary(PROJECT)
    entries, errors = load_entries(PROJECT / "content")
    assert not errors and entries
    for entry in entries:
        assert all(glossary.lookup(tag) for tag in entry.tags), entry.tags
    assert (PROJECT / "digest" / "data" / "glossary.toml").read_text(encoding="utf-8") == (PROJECT / "glossary.toml").read_text(encoding="utf-8")


def test_demo_entry_is_the_editors_english() -> None:
    entries, _ = load_entries(PROJECT / "content")
    for entry in entries:
        assert entry.translation.status == "edited" and entry.translation.provider == "editors"
        assert translation_state(entry) == "edited"
        assert entry.title_en and entry.summary_en and "ISIS" in entry.summary_en
        # Not recorded as machine output: the tool treats it as the editors' text.
        assert "title_en" not in entry.machine and "summary_en" not in entry.machine
        assert entry.translation.source_hash == entry.arabic_fingerprint()


# --- chunking ---------------------------------------------------------------------------

def test_chunks_end_at_sentence_boundaries() -> None:
    sentence = "قال المتحدث إن الهجمات تستهدف مواقع القوات العراقية. "
    text = sentence * 30
    chunks = chunk_text(text, 200)
    assert all(len(c) <= 200 for c in chunks) and len(chunks) > 1
    assert all(c.endswith(".") for c in chunks)
    assert " ".join(chunks) == " ".join(text.split())


def test_chunks_of_one_huge_sentence() -> None:
    text = "، ".join(["كلمة أخرى هنا"] * 100)
    chunks = chunk_text(text, 100)
    assert all(len(c) <= 100 for c in chunks) and " ".join(chunks) == text
    assert chunk_text("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]
    assert chunk_text("", 100) == [] and chunk_text("قصير", 100) == ["قصير"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(["قال", "الوزير", "،", "؛", ".", "؟", "«نعم»", "3.5", "ISIS", "كلمةطويلةجدابلامسافات"]), max_size=120).map(" ".join),
    st.integers(min_value=25, max_value=300),  # longer than any single word: no hard cuts
)
def test_chunks_never_exceed_the_limit_and_rebuild_the_text(text: str, limit: int) -> None:
    chunks = chunk_text(text, limit)
    assert all(0 < len(c) <= limit for c in chunks)
    assert " ".join(chunks) == " ".join(text.split())


# --- translation memory -----------------------------------------------------------------

def test_memory_persists_and_normalises(tmp_path: Path) -> None:
    memory = TranslationMemory.for_root(tmp_path)
    memory.put("libre", "ar>en", "  نص   عربي ", "Arabic text")
    memory.close()
    again = TranslationMemory.for_root(tmp_path)
    assert again.get("libre", "ar>en", "نص عربي") == "Arabic text"
    assert again.get("google", "ar>en", "نص عربي") is None and again.get("libre", "ar>fr", "نص عربي") is None
    assert not again.warnings and len(again) == 1


def test_memory_with_a_foreign_schema_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / ".digest" / "tm.sqlite"
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    memory = TranslationMemory.for_root(tmp_path)
    assert memory.warnings and "rebuilt" in memory.warnings[0]
    memory.put("p", "ar>en", "a", "b")
    assert memory.get("p", "ar>en", "a") == "b"


def test_memory_that_cannot_be_opened_degrades_to_this_run_only(tmp_path: Path) -> None:
    (tmp_path / ".digest").write_text("a file where the cache folder should be")
    memory = TranslationMemory.for_root(tmp_path)
    assert len(memory.warnings) == 1 and "in memory only" in memory.warnings[0]
    memory.put("p", "ar>en", "a", "b")
    assert memory.get("p", "ar>en", "a") == "b"


# --- request timeout --------------------------------------------------------------------

def test_timeout_applies_to_deep_translator_and_only_inside_the_context() -> None:
    with LibreStub(mode="slow", slow_seconds=2.0) as stub:
        translator = LibreTranslator(source="ar", target="en", api_key="k", custom_url=stub.url)
        with request_timeout(0.2), pytest.raises(requests.exceptions.Timeout):
            translator.translate("نص")
        stub.mode = "ok"
        with request_timeout(0.5):
            assert translator.translate("قال") == "said"
            assert last_status() == 200
        seen: list[object] = []

        def other_thread() -> None:  # a thread outside the context gets no imposed timeout
            from digest.translate import http

            seen.append(getattr(http._local, "timeout", None))

        with request_timeout(0.5):
            worker = threading.Thread(target=other_thread)
            worker.start()
            worker.join()
        assert seen == [None]


# --- failures, breaker, client ----------------------------------------------------------

@pytest.mark.parametrize(
    "exc, status, action",
    [
        (requests.exceptions.ReadTimeout(), None, RETRY),
        (requests.exceptions.ConnectionError(), None, RETRY),
        (dt_exc.TooManyRequests(), 429, RETRY),
        (dt_exc.ServerException(429), 429, RETRY),
        (dt_exc.ServerException(500), 500, RETRY),
        (dt_exc.RequestError(), 503, RETRY),
        (dt_exc.ServerException(400), 400, FAIL),
        (dt_exc.ServerException(403), 403, STOP),
        (dt_exc.AuthorizationException("k"), 403, STOP),
        (dt_exc.TranslationNotFound("x"), 200, FAIL),
        (requests.exceptions.JSONDecodeError("x", "doc", 0), 200, RETRY),
        (ZeroDivisionError(), None, FAIL),
        (QuotaExhausted("MYMEMORY WARNING"), 200, STOP),
    ],
)
def test_classify(exc: BaseException, status: int | None, action: str) -> None:
    assert classify(exc, status, 1.0).action == action


def test_a_quota_message_is_not_a_translation() -> None:
    class QuotaUsedUp:
        def translate(self, text: str) -> str:
            return "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY. NEXT AVAILABLE IN 11 HOURS"

    client = ProviderClient(QuotaUsedUp, RetryPolicy(workers=1))
    results = client.translate_many(["نص 1", "نص 2"])
    assert not any(r.ok for r in results.values())
    assert client.breaker.open and "quota" in (client.breaker.reason or "")
    assert client.requests == 1  # stopped at once


def test_breaker_opens_after_consecutive_failures_only() -> None:
    breaker = CircuitBreaker(3)
    for _ in range(5):
        breaker.failure("x")
        breaker.failure("x")
        breaker.success()
    assert not breaker.open
    for _ in range(3):
        breaker.failure("boom")
    assert breaker.open and breaker.reason == "boom"


class CountingTranslator:
    instances: ClassVar[list[CountingTranslator]] = []
    lock = threading.Lock()

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        with self.lock:
            self.instances.append(self)

    def translate(self, text: str) -> str | None:
        assert threading.get_ident() == self.thread  # never shared between threads
        return f"EN[{text}]"


def test_client_uses_one_translator_per_thread_and_skips_letterless_text() -> None:
    CountingTranslator.instances = []
    client = ProviderClient(CountingTranslator, RetryPolicy(workers=3))
    results = client.translate_many([f"نص {i}" for i in range(30)] + ["2020", "ISIS", "نص 1"])
    assert results["نص 5"].text == "EN[نص 5]"
    assert results["2020"].text == "2020" and results["ISIS"].text == "ISIS"  # nothing Arabic: never sent
    assert 1 <= len(CountingTranslator.instances) <= 3
    assert client.requests == 30  # duplicates sent once


def test_an_interrupted_run_sends_nothing_more() -> None:
    calls: list[str] = []

    def stop_on_third(text: str, result: object) -> None:
        if len(calls) == 3:
            raise KeyboardInterrupt

    class Recording:
        def translate(self, text: str) -> str:
            calls.append(text)
            return "EN"

    client = ProviderClient(Recording, RetryPolicy(workers=2))
    with pytest.raises(KeyboardInterrupt):
        client.translate_many([f"نص {i}" for i in range(50)], on_done=stop_on_third)
    assert client.breaker.open and len(calls) < 10


def test_client_retries_then_gives_up_with_jitter_and_backoff() -> None:
    sleeps: list[float] = []

    class Flaky:
        calls = 0

        def translate(self, text: str) -> str:
            Flaky.calls += 1
            raise requests.exceptions.ConnectionError("refused")

    policy = RetryPolicy(workers=1, retries=3, backoff_base=1.0, backoff_max=3.0, breaker_threshold=100)
    result = ProviderClient(Flaky, policy, sleep=sleeps.append).translate_one("نص")
    assert not result.ok and result.transient and "cannot connect" in (result.error or "")
    assert Flaky.calls == 4 and len(sleeps) == 3
    assert 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0 and 1.5 <= sleeps[2] <= 3.0


def test_rate_limit_spaces_request_starts() -> None:
    from digest.translate.resilience import RateLimiter

    now = [100.0]
    waits: list[float] = []
    limiter = RateLimiter(4.0, clock=lambda: now[0], sleep=waits.append)
    for _ in range(4):
        limiter.wait()  # four callers arriving at the same instant
    assert waits == [0.25, 0.5, 0.75]
    now[0] = 200.0  # long after: no wait
    limiter.wait()
    assert waits == [0.25, 0.5, 0.75]
    unlimited = RateLimiter(0.0, clock=lambda: now[0], sleep=waits.append)
    unlimited.wait()
    assert len(waits) == 3


# --- providers --------------------------------------------------------------------------

def test_providers_and_their_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_provider("google", None).max_chars < 5000
    mymemory = resolve_provider("mymemory", None)
    assert (mymemory.source, mymemory.target) == ("ar-SA", "en-GB") and mymemory.max_chars * 2 <= 500
    translator = translator_factory(mymemory, None)()
    assert isinstance(translator, MyMemoryTranslator) and translator.source == "ar-SA"
    libre = translator_factory(resolve_provider("libre", "http://127.0.0.1:9"), "http://127.0.0.1:9")()
    assert libre._base_url == "http://127.0.0.1:9/" and libre.api_key  # trailing slash, non-empty key
    monkeypatch.delenv("MICROSOFT_API_KEY", raising=False)
    with pytest.raises(ProviderError, match="MICROSOFT_API_KEY"):
        resolve_provider("microsoft", None)
    for name in ("deepl", "papago", "pons"):
        with pytest.raises(ProviderError, match="cannot translate Arabic"):
            resolve_provider(name, None)
    assert PROVIDERS["deepl"].note  # deep-translator's DeepL table really lacks Arabic:
    from deep_translator.constants import DEEPL_LANGUAGE_TO_CODE

    assert "arabic" not in DEEPL_LANGUAGE_TO_CODE and "ar" not in DEEPL_LANGUAGE_TO_CODE.values()


# --- progress ---------------------------------------------------------------------------

def test_plain_progress_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = RequestProgress(100, enabled=True, stream=stream)
    for _ in range(100):
        bar.advance()
    bar.close()
    lines = stream.getvalue().splitlines()
    assert lines[-1] == "translate: 100/100 texts" and 5 <= len(lines) <= 12
    quiet = io.StringIO()
    RequestProgress(10, enabled=False, stream=quiet).advance()
    assert quiet.getvalue() == ""


# --- the benchmark still runs ------------------------------------------------------------

def test_benchmark_runs_on_a_tiny_corpus() -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, str(PROJECT / "benchmarks" / "bench_translate.py"), "--entries", "4", "--latency", "0", "--repeat", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "| deep-translator translate_batch" in result.stdout
    assert "all from memory" in result.stdout and "|        8 |" in result.stdout


def test_an_unresolvable_host_stops_the_provider_at_once() -> None:
    """Offline machines fail DNS: that is not worth retrying (a build would just wait)."""
    import socket

    import requests
    import urllib3

    from digest.translate.failures import RETRY, STOP, classify

    dns = urllib3.exceptions.NameResolutionError("translate.example", None, socket.gaierror(-3, "Temporary failure"))
    offline = requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(None, "/", reason=dns))
    assert classify(offline, None, 5.0).action == STOP
    refused = requests.exceptions.ConnectionError(ConnectionRefusedError(111, "refused"))
    assert classify(refused, None, 5.0).action == RETRY
