"""A cold build, the code of one commit against another, interleaved rounds.

    python benchmarks/bench_before_after.py BEFORE_COMMIT [--sizes 1000 4000] [--repeat 5] [--no-cache]

The BEFORE commit's `digest/` is exported with `git archive` to a scratch folder and run from
there (PYTHONPATH); AFTER is this working tree. For each size: one generated corpus
(benchmarks/corpus.py, ingested once, on /dev/shm), then rounds of `digest build --offline`
with site/ and .digest/ removed before each run, the two versions taking turns (who goes
first alternates: the host's speed drifts). Each version has its own per-user cache folder
(the compiled built-in theme, warm after its first run). Reports the median wall and CPU
seconds (user + system, workers included) per version and the median of per-round ratios.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))

from bench_build import compile_bytecode, prepare, scratch_dir  # noqa: E402


def _cold_build(root: Path, env: dict[str, str], options: list[str]) -> tuple[float, float]:
    for leftover in (root / "site", root / ".digest"):
        shutil.rmtree(leftover, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # cwd=root: `python -m` puts the current folder first on sys.path, so run from a checkout
    # it would import that checkout's digest/ instead of the one PYTHONPATH names.
    subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(root), "build", "--offline", *options], env=env, check=True, cwd=root,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-cache", action="store_true", help="time `digest build --offline --no-cache`")
    args = parser.parse_args()
    options = ["--no-cache"] if args.no_cache else []
    base = scratch_dir("digest-bench-ab-")
    old_code = base / "before"
    old_code.mkdir()
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", args.before, "digest"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive, check=True)
    # Both versions' bytecode written first (as pip does): with PYTHONDONTWRITEBYTECODE set,
    # BEFORE would otherwise compile every module from source in every timed run.
    compile_bytecode()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(old_code)], check=True)
    envs = {
        "before": {**os.environ, "PYTHONPATH": str(old_code), "DIGEST_CACHE_DIR": str(base / "cache-before")},
        "after": {**os.environ, "PYTHONPATH": str(PROJECT), "DIGEST_CACHE_DIR": str(base / "cache-after")},
    }
    print(f"cold builds{' --no-cache' if args.no_cache else ''}, {args.before[:10]} (before) vs working tree (after), median of {args.repeat} interleaved rounds, {base}")
    try:
        for n in args.sizes:
            root = prepare(base / f"n{n}", n)
            for env in envs.values():  # warm each version's per-user cache once
                _cold_build(root, env, options)
            walls: dict[str, list[float]] = {"before": [], "after": []}
            cpus: dict[str, list[float]] = {"before": [], "after": []}
            for round_ in range(args.repeat):
                order = ["before", "after"] if round_ % 2 == 0 else ["after", "before"]
                for name in order:
                    wall, cpu = _cold_build(root, envs[name], options)
                    walls[name].append(wall)
                    cpus[name].append(cpu)
            ratio = statistics.median(a / b for a, b in zip(walls["after"], walls["before"]))
            for name in ("before", "after"):
                print(f"  {n:>6} {name:<7} wall {statistics.median(walls[name]):.2f}s  cpu {statistics.median(cpus[name]):.2f}s")
            print(f"  {n:>6} after/before wall ratio (median of rounds): {ratio:.3f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
