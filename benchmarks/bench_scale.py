"""Scale: `digest build` over 100,000 tiny entries — time and peak memory.

Writes N tiny content entries (a headline, a date, one or two tags from a pool of 500, a
one-line body) into a site root on /dev/shm (RAM, so the disk is not what is measured),
then runs the real command line `digest build --offline` in a subprocess, twice: a cold
build and a no-op rebuild. Peak memory is reported two ways:

- main process: its own peak RSS (`ru_maxrss` from wait4);
- whole tree: the largest sum of VmRSS over the build and the worker processes it forks,
  sampled from /proc every 50 ms (forked workers share pages with their parent, so this
  over-counts: an upper bound).

    python benchmarks/bench_scale.py [--entries 100000] [--workers 2] [--keep]
    python benchmarks/bench_scale.py --article-mb 50    # one huge seed, limit raised to fit
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DIGEST = Path(sys.executable).parent / "digest"
TAG_POOL = 500
ENTRY = """---
title: خبر قصير رقم {n} عن {tag}
title_en: Short story number {n}
source: وكالات
date: {date}
date_source: editor
tags:
- {tag}
- {tag2}
summary_ar: ملخص قصير للخبر رقم {n}.
summary_en: A short summary of story {n}.
translation: {{status: edited, provider: editors, at: null, source_hash: null}}
review: {{state: approved, by: bench, at: null, reason: null}}
---

نص قصير للخبر رقم {n} عن #{tag_raw} في يومه.
"""


def write_corpus(root: Path, n: int) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    first = dt.date(2015, 1, 1)
    for i in range(n):
        tag_raw = f"وسم_{i % TAG_POOL}"
        (content / f"entry-{i:06d}.md").write_text(
            ENTRY.format(n=i, tag=tag_raw.replace("_", " "), tag_raw=tag_raw, tag2=f"موضوع {i % 37}",
                         date=(first + dt.timedelta(days=i % 3650)).isoformat()),
            encoding="utf-8",
        )


def write_big_article(root: Path, megabytes: int) -> int:
    """One seed of `megabytes` MiB (the project seed's paragraphs, repeated, with hashtags),
    and a digest.toml whose ingest.max_article_bytes lets it in. Returns its size."""
    seed_text = (Path(__file__).resolve().parent.parent / "seeds" / "000_645458abd9460e4c.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 80][:10]
    (root / "seeds").mkdir(parents=True)
    path = root / "seeds" / "2024-01-01-huge.txt"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("عنوان مقال ضخم للاختبار\n\n")
        i = 0
        while handle.tell() < megabytes * 1024 * 1024:
            handle.write(f"{paragraphs[i % len(paragraphs)]} #وسم_{i % 50}\n\n")
            i += 1
    size = path.stat().st_size
    (root / "digest.toml").write_text(f'[site]\npublish = "all"\n[ingest]\nmax_article_bytes = {size + 1}\n', encoding="utf-8")
    return size


def _tree_rss_kib(pid: int) -> int:
    """VmRSS of pid and every descendant, in KiB (0 once it has exited)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def run_build(root: Path) -> tuple[float, float, float, str]:
    """(seconds, main-process peak MiB, process-tree peak MiB, summary line)."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(DIGEST), "-C", str(root), "build", "--offline"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    out, err = proc.stdout.read() if proc.stdout else "", proc.stderr.read() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss / 1024, peak_tree / 1024, (out.strip() or err.strip()).splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--article-mb", type=int, default=0, help="instead: build one seed of this many MiB")
    parser.add_argument("--keep", action="store_true", help="keep the site root (printed)")
    args = parser.parse_args(argv)
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    root = Path(tempfile.mkdtemp(prefix="digest-scale-", dir=base))
    if args.article_mb:
        try:
            size = write_big_article(root, args.article_mb)
            seconds, main_mib, tree_mib, summary = run_build(root)
            print(f"one {size:,}-byte article: {seconds:.1f}s, peak RSS {main_mib:.0f} MiB (main process), "
                  f"{tree_mib:.0f} MiB (process tree, sampled)\n  {summary}")
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
        return 0
    try:
        started = time.perf_counter()
        write_corpus(root, args.entries)
        (root / "digest.toml").write_text(f"[build]\nworkers = {args.workers}\n", encoding="utf-8")
        print(f"{args.entries:,} entries written in {time.perf_counter() - started:.1f}s → {root}")
        for label in ("cold build", "no-op rebuild"):
            seconds, main_mib, tree_mib, summary = run_build(root)
            print(f"{label}: {seconds:.1f}s, peak RSS {main_mib:.0f} MiB (main process), "
                  f"{tree_mib:.0f} MiB (process tree, sampled)")
            print(f"  {summary}")
        files = sum(len(names) for _dir, _dirs, names in os.walk(root / "site"))
        print(f"site: {files:,} files")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
