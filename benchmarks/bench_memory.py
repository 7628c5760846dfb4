"""Peak memory of a cold build: the main process, each worker, and the whole build.

    python benchmarks/bench_memory.py [--sizes 1000 4000] [--repeat 3] [--before REV]

For each size N: a generated corpus (benchmarks/corpus.py, ingested once, on /dev/shm), then
`digest build --offline` with site/ and .digest/ removed before each run (a cold build; the
per-user compiled theme warm after a first untimed run), `--repeat` times. While it runs,
the build's process tree is sampled from /proc every 10 ms:

- main:    the `digest build` process's own peak RSS (VmHWM: the kernel's high-water mark,
           so no peak between two samples is missed). This is "the build's" memory;
- workers: each forked worker's VmHWM (parse workers, then render workers). A forked worker's
           RSS counts the pages it shares with the main process, so these overlap with main;
- sum RSS: the largest sum of the tree's current RSS at one sample (shared pages counted
           once per process: an upper bound);
- sum PSS: the largest sum of the tree's proportional set size at one sample (a shared page
           split between the processes sharing it): what the build takes from the machine;
- wait4:   ru_maxrss that wait4 reports for the command (Linux: the largest of the process
           and its waited-for children; what tests/hostile/test_size.py measures).

`--before REV`: also measure the code of commit REV (exported with `git archive`, run from
there through PYTHONPATH), taking turns with the working tree. Reports medians in MiB.
Linux only (/proc).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))

from bench_build import compile_bytecode, scratch_dir  # noqa: E402
from corpus import generate_corpus  # noqa: E402

KIB_PER_MIB = 1024


@dataclass
class Peaks:
    main: float = 0.0  # MiB
    workers: dict[int, float] = field(default_factory=dict)  # pid → MiB, in the order they appeared
    sum_rss: float = 0.0
    sum_pss: float = 0.0
    wait4: float = 0.0


def _status_kib(pid: int, fields: tuple[str, ...]) -> dict[str, int]:
    values: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                name, _, rest = line.partition(":")
                if name in fields:
                    values[name] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return values


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found.extend(int(child) for child in handle.read().split())
    except OSError:
        pass
    return found


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(_children(current))
    return seen


def measure_build(root: Path, env: dict[str, str]) -> Peaks:
    """One cold build of `root`, its process tree sampled until it exits."""
    for leftover in (root / "site", root / ".digest"):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "digest.cli", "-C", str(root), "build", "--offline"]
    # cwd=root: `python -m` puts the current folder first on sys.path (run from a checkout, it
    # would import that checkout's digest/ whatever PYTHONPATH says).
    proc = subprocess.Popen(command, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks = Peaks()
    hwm: dict[int, int] = {}
    names: dict[int, bool] = {}  # pid → is a digest worker (not the `rm -rf` of an old tree)
    while True:
        done, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if done:
            break
        rss_total = pss_total = 0
        for pid in _tree(proc.pid):
            values = _status_kib(pid, ("VmHWM", "VmRSS"))
            if not values:
                continue
            hwm[pid] = max(hwm.get(pid, 0), values.get("VmHWM", 0))
            if pid not in names:
                try:
                    names[pid] = pid == proc.pid or "python" in os.readlink(f"/proc/{pid}/exe")
                except OSError:
                    names[pid] = False
            rss_total += values.get("VmRSS", 0)
            pss_total += _pss_kib(pid)
        peaks.sum_rss = max(peaks.sum_rss, rss_total / KIB_PER_MIB)
        peaks.sum_pss = max(peaks.sum_pss, pss_total / KIB_PER_MIB)
        time.sleep(0.01)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(command)}")
    peaks.wait4 = usage.ru_maxrss / KIB_PER_MIB
    peaks.main = hwm.get(proc.pid, 0) / KIB_PER_MIB
    peaks.workers = {pid: kib / KIB_PER_MIB for pid, kib in hwm.items() if pid != proc.pid and names.get(pid)}
    return peaks


def prepare(work: Path, n: int) -> Path:
    root = work / f"n{n}"
    generate_corpus(root / "seeds", n)
    (root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(root), "ingest"], check=True, stdout=subprocess.DEVNULL)
    return root


def _report(n: int, name: str, runs: list[Peaks]) -> None:
    def med(values: list[float]) -> float:
        return statistics.median(values)

    workers = [sorted(run.workers.values(), reverse=True) for run in runs]
    largest = med([w[0] if w else 0.0 for w in workers])
    count = med([len(w) for w in workers])
    print(
        f"{n:>6}  {name:<7} main {med([r.main for r in runs]):6.1f}  largest worker {largest:6.1f} ({count:.0f} workers)  "
        f"sum RSS {med([r.sum_rss for r in runs]):6.1f}  sum PSS {med([r.sum_pss for r in runs]):6.1f}  "
        f"wait4 {med([r.wait4 for r in runs]):6.1f}"
    )
    last = runs[-1]
    print(f"{'':>6}  {'':<7} last run's workers: " + ", ".join(f"{mib:.1f}" for mib in last.workers.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="also measure this commit's digest/ (git archive)")
    args = parser.parse_args()
    compile_bytecode()
    base = scratch_dir("digest-bench-memory-")
    envs = {"after": {**os.environ, "PYTHONPATH": str(PROJECT), "DIGEST_CACHE_DIR": str(base / "cache-after")}}
    if args.before:
        old_code = base / "before"
        old_code.mkdir()
        archive = subprocess.run(["git", "-C", str(PROJECT), "archive", args.before, "digest"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive, check=True)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(old_code)], check=True)
        envs = {"before": {**os.environ, "PYTHONPATH": str(old_code), "DIGEST_CACHE_DIR": str(base / "cache-before")}, **envs}
    print(f"peak memory of cold builds (MiB), median of {args.repeat} runs, on {base} ({os.cpu_count()} CPUs)")
    try:
        for n in args.sizes:
            root = prepare(base, n)
            for env in envs.values():  # each version's per-user compiled theme, warm
                measure_build(root, env)
            runs: dict[str, list[Peaks]] = {name: [] for name in envs}
            for round_ in range(args.repeat):
                order = list(envs) if round_ % 2 == 0 else list(reversed(envs))
                for name in order:
                    runs[name].append(measure_build(root, envs[name]))
            for name in envs:
                _report(n, name, runs[name])
            sys.stdout.flush()
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
