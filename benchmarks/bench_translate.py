"""Translation throughput: digest's concurrent client vs deep-translator's translate_batch.

1,000 generated entries (headline + summary each, tags covered by the glossary) are
translated through deep-translator's real LibreTranslator HTTP path against the loopback
LibreTranslate stub (tests/libre_stub.py) with 50 ms latency per request:

  1. deep-translator's own `translate_batch` (a sequential loop) over the same texts;
  2. `translate_entries` with the default concurrency (translate.workers = 4), cold memory;
  3. the same with 8 workers (scaling);
  4. `translate_entries` again over unchanged content: nothing to do, 0 requests;
  5. `translate_entries` over a fresh copy of the content (no English) with the warm
     translation memory: everything from the memory, 0 requests.

The stub runs in its own process (as a real server would), so its request handling does
not compete with the client for the GIL. Corpora live on /dev/shm when present. The
all-cached pass is repeated and its median shown.

    python benchmarks/bench_translate.py [--entries 1000] [--latency 0.05] [--repeat 3]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

import requests  # noqa: E402
from deep_translator import LibreTranslator  # noqa: E402

from digest.content.entries import load_entries, write_entry  # noqa: E402
from digest.core.config import Config  # noqa: E402
from digest.core.model import Entry  # noqa: E402
from digest.translate import translate_entries  # noqa: E402

VOCABULARY = (
    "قال المتحدث الحكومة البرلمان الانتخابات القوات الأمن الوزير الاقتصاد النفط الحدود المدينة "
    "الهجوم الاتفاق المفاوضات المحكمة الرئيس اللجنة التقرير المنظمة الأمم المتحدة المساعدات"
).split()
TAGS = ["داعش", "العراق", "سوريا", "بغداد", "أربيل"]


def make_root(base: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    root = base / "site"
    (root / "content").mkdir(parents=True)
    shutil.copy(PROJECT / "glossary.toml", root / "glossary.toml")
    for i in range(count):
        words = lambda n: " ".join(rng.choice(VOCABULARY) for _ in range(n))  # noqa: E731
        title = f"{words(7)} {i}"
        summary = f"{words(20)} رقم {i}. {words(15)}."
        entry = Entry(slug=f"e{i:05d}", title=title, body=summary, date=dt.date(2026, 1, 1), summary_ar=summary, tags=rng.sample(TAGS, 2))
        for name in ("title", "summary_ar", "tags", "body"):
            entry.record_machine(name)
        write_entry(entry, root / "content")
    return root


class StubProcess:
    """tests/libre_stub.py in a child process; counts requests through /_stats."""

    def __init__(self, latency: float):
        self.process = subprocess.Popen(
            [sys.executable, str(PROJECT / "tests" / "libre_stub.py"), "--latency", str(latency)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()

    def reset(self) -> None:
        requests.post(self.url + "_reset", timeout=5)

    def requests(self) -> int:
        return int(requests.get(self.url + "_stats", timeout=5).json()["requests"])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)


def timed_translate(root: Path, stub: StubProcess, workers: int) -> tuple[float, int]:
    entries, _ = load_entries(root / "content")
    config = Config.for_test(translate={"workers": workers})
    stub.reset()
    started = time.perf_counter()
    report = translate_entries(root, entries, config, provider="libre", provider_url=stub.url)
    elapsed = time.perf_counter() - started
    assert not report.pending and not report.failed, report.summary_line()
    return elapsed, stub.requests()


def timed_batch(root: Path, stub: StubProcess) -> tuple[float, int]:
    entries, _ = load_entries(root / "content")
    texts = [t for e in entries for t in (e.title, e.summary_ar)]
    translator = LibreTranslator(source="ar", target="en", api_key="none", custom_url=stub.url)
    stub.reset()
    started = time.perf_counter()
    translator.translate_batch(texts)
    return time.perf_counter() - started, stub.requests()


def measure(stub: StubProcess, base: Path, entries: int, repeat: int) -> list[tuple[str, int, int, float]]:
    rows: list[tuple[str, int, int, float]] = []
    seconds, requests = timed_batch(make_root(base / "batch", entries), stub)
    rows.append(("deep-translator translate_batch", 1, requests, seconds))
    root = make_root(base / "w4", entries)
    seconds, requests = timed_translate(root, stub, workers=4)
    rows.append(("digest translate (default)", 4, requests, seconds))
    seconds, requests = timed_translate(make_root(base / "w8", entries), stub, workers=8)
    rows.append(("digest translate", 8, requests, seconds))
    unchanged = [timed_translate(root, stub, workers=4) for _ in range(repeat)]
    assert all(r == 0 for _, r in unchanged)
    rows.append((f"digest translate, unchanged (median of {repeat})", 4, 0, statistics.median(s for s, _ in unchanged)))
    from_memory = []
    for i in range(repeat):
        fresh = make_root(base / f"memory{i}", entries)
        shutil.copytree(root / ".digest", fresh / ".digest")
        from_memory.append(timed_translate(fresh, stub, workers=4))
    assert all(r == 0 for _, r in from_memory)
    rows.append((f"digest translate, all from memory (median of {repeat})", 4, 0, statistics.median(s for s, _ in from_memory)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per request at the stub")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the cached passes (median)")
    args = parser.parse_args()
    shm = Path("/dev/shm")
    base = Path(tempfile.mkdtemp(prefix="bench-translate-", dir=shm if shm.is_dir() else None))
    stub = StubProcess(args.latency)
    try:
        rows = measure(stub, base, args.entries, args.repeat)
    finally:
        stub.close()
        shutil.rmtree(base, ignore_errors=True)
    baseline = rows[0][3]
    print(f"{args.entries} entries, {args.latency * 1000:.0f} ms per request (loopback LibreTranslate stub)\n")
    print(f"| {'method':<50} | workers | requests | wall (s) | speed-up vs translate_batch |")
    print(f"|{'-' * 52}|---------|----------|----------|-----------------------------|")
    for name, workers, request_count, seconds in rows:
        print(f"| {name:<50} | {workers:>7} | {request_count:>8} | {seconds:>8.2f} | {baseline / seconds:>26.1f}× |")


if __name__ == "__main__":
    main()
