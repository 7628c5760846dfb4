"""Time the review flags (and near-duplicate detection alone) on a generated corpus.

    python benchmarks/bench_review.py [N ...] [--repeat R] [--dir /dev/shm/digest-bench-review]

Generates N seed-like articles (benchmarks/corpus.py), ingests them once, then runs
`compute_flags` R times and prints the median CPU and wall time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_corpus

from digest.content.entries import load_entries
from digest.core.config import Config
from digest.ingest.run import ingest
from digest.review.flags import compute_flags
from digest.review.shingles import near_duplicate_words, words_of
from digest.translate.glossary import Glossary


def _timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench(n: int, repeat: int, base: Path) -> None:
    root = base / f"n{n}"
    if not (root / "content").is_dir():
        generate_corpus(root / "seeds", n)
        ingest(root, [root / "seeds"], Config())
    entries, _ = load_entries(root / "content")
    config, glossary = Config(), Glossary()
    flags_runs = [_timed(lambda: compute_flags(entries, glossary, config)) for _ in range(repeat)]
    words = {e.slug: words_of(e.body) for e in entries}
    near_runs = [_timed(lambda: near_duplicate_words(words, config.review.near_duplicate)) for _ in range(repeat)]
    for label, runs in (("compute_flags", flags_runs), ("near-duplicates", near_runs)):
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"{len(entries):>6} entries  {label:<16} median wall {wall:6.2f} s  cpu {cpu:6.2f} s  ({repeat} runs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/dev/shm/digest-bench-review"))
    args = parser.parse_args(argv)
    for n in args.sizes:
        bench(n, args.repeat, args.dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
