"""Ingest throughput: seed-like articles → content entries (parse + write), articles/second.

    python benchmarks/bench_ingest.py [--n 10000] [--repeat 3] [--workers 1 2] [--dir /dev/shm]
    python benchmarks/bench_ingest.py --n 4000 --workers 1 --repeat 5 --baseline main

Generates N articles once (benchmarks/corpus.py), then for each worker count runs a cold
`digest ingest` --repeat times in a fresh process (content/ removed before each run, so every
article is parsed, summarised and written), plus one re-ingest of the unchanged corpus.
Reports the median time inside ingest(), articles per second, and CPU seconds of the whole
process (parent + workers, start-up included) — on a busy machine CPU time tells more than
the clock.
Everything runs on /dev/shm unless --dir says otherwise.

--baseline REV also times the digest/ package of git revision REV (extracted with
`git archive`), interleaved round by round with the working tree's, so both see the same
load on a busy machine; it reports both medians and their ratio.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))

from corpus import generate_corpus  # noqa: E402

# Times ingest() itself (interpreter start-up and imports, ~0.5 s, are not ingest work).
INGEST_SNIPPET = """
import sys, time
from pathlib import Path
from digest.core.config import load_config
from digest.ingest.run import ingest
root = Path(sys.argv[1])
config = load_config(root)
start, cpu_start = time.perf_counter(), time.process_time()
report = ingest(root, [root / "seeds"], config, workers=int(sys.argv[2]))
print(time.perf_counter() - start)
print(time.process_time() - cpu_start)
print(report.summary_line())
"""


def timed_ingest(root: Path, workers: int, code: Path | None = None) -> tuple[float, float, str, float]:
    """(seconds inside ingest(), CPU seconds of the process and its workers, summary line,
    CPU seconds of the parent process inside ingest()).

    code: a folder holding another digest/ package to time instead of the installed one."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code) + os.pathsep + env.get("PYTHONPATH", "")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-c", INGEST_SNIPPET, str(root), str(workers)],
        capture_output=True, text=True, check=True, env=env, cwd=root,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    seconds, cpu_inside, summary = proc.stdout.strip().splitlines()
    return float(seconds), cpu, summary, float(cpu_inside)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="cold runs per worker count (median reported)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="process counts to compare")
    parser.add_argument("--dir", type=Path, default=Path("/dev/shm") if Path("/dev/shm").is_dir() else None)
    parser.add_argument("--baseline", metavar="REV", help="also time git revision REV's digest/, interleaved")
    args = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="digest-bench-ingest-", dir=args.dir))
    try:
        root = base / "site"
        started = time.perf_counter()
        generate_corpus(root / "seeds", args.n)
        size = sum(p.stat().st_size for p in (root / "seeds").iterdir())
        print(f"corpus: {args.n} articles, {size / 1e6:.1f} MB, generated in {time.perf_counter() - started:.1f}s "
              f"({os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, on {base})")
        if args.baseline:
            compare_with_baseline(root, args, base / "baseline")
            return 0
        print(f"{'workers':>7} {'median s':>9} {'articles/s':>11} {'CPU s':>7}  runs")
        for workers in args.workers:
            runs = []
            for _ in range(args.repeat):
                shutil.rmtree(root / "content", ignore_errors=True)
                wall, cpu, summary, _cpu_inside = timed_ingest(root, workers)
                expected = f"ingest: {args.n} new, 0 updated, 0 unchanged, 0 failed"
                if summary != expected:
                    raise SystemExit(f"unexpected result: {summary!r} (expected {expected!r})")
                runs.append((wall, cpu))
            median = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(f"{workers:>7} {median:>9.2f} {args.n / median:>11,.0f} {cpu:>7.1f}  "
                  + " ".join(f"{w:.2f}" for w, _ in runs))
        wall, _cpu, summary, _cpu_inside = timed_ingest(root, max(args.workers))
        print(f"re-ingest, nothing changed: {wall:.2f}s ({summary})")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


def compare_with_baseline(root: Path, args: argparse.Namespace, code: Path) -> None:
    """Time REV's digest/ and the working tree's alternately, one cold ingest each per round.

    With one process the CPU time inside ingest() is reported too: on a loaded machine the
    clock mostly measures waiting for a core, CPU time the work."""
    code.mkdir()
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", args.baseline, "digest"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    expected = f"ingest: {args.n} new, 0 updated, 0 unchanged, 0 failed"
    for workers in args.workers:
        times: dict[str, list[float]] = {"baseline": [], "current": []}
        cpu_times: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(args.repeat):
            for label, folder in (("baseline", code), ("current", None)):
                shutil.rmtree(root / "content", ignore_errors=True)
                wall, _cpu, summary, cpu_inside = timed_ingest(root, workers, folder)
                if summary != expected:
                    raise SystemExit(f"unexpected result ({label}): {summary!r}")
                times[label].append(wall)
                cpu_times[label].append(cpu_inside)
        for name, measured in (("clock", times), ("CPU", cpu_times)):
            if name == "CPU" and workers > 1:
                continue  # the workers' CPU time is not inside the parent's
            old, new = (statistics.median(measured[k]) for k in ("baseline", "current"))
            print(f"workers {workers}, {name}: {args.baseline} {old / args.n * 1000:.3f} ms/article, "
                  f"current {new / args.n * 1000:.3f} ms/article, ratio {new / old:.2f} "
                  f"(medians of {args.repeat} interleaved rounds)")
            for label in measured:
                print(f"  {label:>8}: " + " ".join(f"{t:.2f}" for t in measured[label]))


if __name__ == "__main__":
    sys.exit(main())
