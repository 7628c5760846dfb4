"""Reading front matter with and without the fast reader (digest.content.frontmatter.fast).

    python benchmarks/bench_frontmatter.py SITE_ROOT [--rounds 5]

Reads every content/*.md of SITE_ROOT (split + load, as `read_entry` does) with the fast
reader, then with PyYAML only, interleaved; prints the median of the rounds for each.
Generate a site with `python benchmarks/corpus.py ROOT/seeds 4000 && digest -C ROOT ingest`.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from digest.content import frontmatter


def read_all(texts: list[tuple[Path, str]], fast: bool) -> float:
    start = time.perf_counter()
    for path, text in texts:
        yaml_text, _body, _line = frontmatter.split(text, path)
        frontmatter.load(yaml_text, path, fast=fast)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    paths = sorted((args.root / "content").glob("*.md"))
    texts = [(path, path.read_text(encoding="utf-8")) for path in paths]
    fast_times, yaml_times = [], []
    for _ in range(args.rounds):
        fast_times.append(read_all(texts, fast=True))
        yaml_times.append(read_all(texts, fast=False))
    fast, slow = statistics.median(fast_times), statistics.median(yaml_times)
    print(f"{len(texts)} entries, median of {args.rounds}: fast reader {fast * 1000:.0f} ms, "
          f"PyYAML (C loader) only {slow * 1000:.0f} ms ({slow / fast:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
