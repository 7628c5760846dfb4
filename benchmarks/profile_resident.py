"""Profile digest serve's resident rebuild after one edit (what the preview builder does).

    python benchmarks/profile_resident.py SITE_ROOT [--case body|headline|new|touch] [--top 40]

SITE_ROOT: an ingested site (e.g. made by benchmarks/bench_build.py `prepare`). The
preview is built once (not profiled), then the edit is made and the rebuild is profiled
with cProfile; stage times of each rebuild are printed.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from digest.content.entries import read_entry, write_entry  # noqa: E402
from digest.core.watch import DebouncedWatcher  # noqa: E402
from digest.serve import server  # noqa: E402
from digest.serve.server import PreviewBuilder  # noqa: E402

_build_site = server.build_site


def _timed_build(*args, **kwargs):  # type: ignore[no-untyped-def]
    report = _build_site(*args, **kwargs)
    print("   stages: " + " ".join(f"{name} {took:.3f}" for name, took in report.timings.items()))
    return report


server.build_site = _timed_build


def edit(root: Path, case: str, n: int) -> None:
    files = sorted((root / "content").glob("*.md"))
    path = files[(n * 7919) % len(files)]
    if case == "body":
        path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة أضافها المحرر رقم {n}.\n", encoding="utf-8")
    elif case == "headline":
        entry = read_entry(path)
        entry.title = f"{entry.title} ({n})"
        write_entry(entry, root / "content")
    elif case == "touch":
        os.utime(path)
    elif case == "new":
        seeds = sorted((root / "seeds").glob("*.txt"))
        newest = max(dt.date.fromisoformat(p.name[:10]) for p in seeds)
        day = newest + dt.timedelta(days=1)
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (root / "seeds" / f"{day.isoformat()}-new{n}.txt").write_text(text + f"\nفقرة {n}.\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--case", default="body")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--times", type=int, default=2)
    args = parser.parse_args()
    builder = PreviewBuilder(args.root)
    builder.build("first: ")
    builder.build("again: ")
    watcher = DebouncedWatcher(args.root)  # as digest serve: the rebuild takes its stamps
    if watcher.event_driven:
        builder.resident.watch = watcher.current
    for n in range(args.times):
        time.sleep(0.02)
        edit(args.root, args.case, 100 + n)
        last = n == args.times - 1 and args.top > 0
        profile = cProfile.Profile()
        if last:
            profile.enable()
        builder.build(f"{args.case} {n}: ")
        profile.disable()
        if last:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
