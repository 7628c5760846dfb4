"""Mutation score per module from mutmut's results in .mutation/<module>/ (after
benchmarks/mutation.sh). Prints one Markdown table row per module, then the surviving
mutants (`cd .mutation/<module> && mutmut show NAME` prints each diff).

    python benchmarks/mutation_scores.py [MODULE ...]   # e.g. translate.state text.slugs

Score = (killed + timed out) / checked. For a module checked on a sample of its mutants,
the row also gives the 95% Wilson interval of the score of all its mutants.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

WORK = Path(__file__).resolve().parent.parent / ".mutation"
KILLED = {1, 3, 37}  # a failing test, pytest's internal error, or mypy's type check
TIMEOUT = {-24, 24, 36, 152, 255}  # killed for using too much CPU time: the mutant hangs (a loop that never ends)
NOT_RUN = {None, 2}  # not checked yet, or interrupted
NO_TESTS = {5, 33}


def wilson(killed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% interval of a proportion measured on a random sample of n."""
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def module_rows(modules: list[str]) -> tuple[list[str], list[str]]:
    rows: list[str] = []
    survivors: list[str] = []
    for work in sorted(WORK.glob("*")):
        module = work.name
        if modules and module not in modules:
            continue
        meta = work / "mutants" / "digest" / (module.replace(".", "/") + ".py.meta")
        if not meta.exists():
            continue
        codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        sample_file = work / "sample.json"
        names = json.loads(sample_file.read_text(encoding="utf-8"))["names"] if sample_file.exists() else list(codes)
        ran = {name: codes[name] for name in names if name in codes and codes[name] not in NOT_RUN}
        if not ran:
            continue
        killed = sum(code in KILLED for code in ran.values())
        timeouts = sum(code in TIMEOUT for code in ran.values())
        survived = sorted(name for name, code in ran.items() if code == 0)
        no_tests = sum(code in NO_TESTS for code in ran.values())
        other = len(ran) - killed - timeouts - len(survived) - no_tests
        survivors += [f"{module}: {name}" for name in survived + sorted(n for n, c in ran.items() if c in NO_TESTS)]
        score = (killed + timeouts) / len(ran)
        scope = f"{len(ran)} of {len(codes)}"
        if len(ran) < len(codes):
            low, high = wilson(killed + timeouts, len(ran))
            interval = f" (95%: {100 * low:.0f}–{100 * high:.0f}%)"
        else:
            interval = ""
        rows.append(
            f"| digest.{module} | {scope} | {killed} | {timeouts} | {len(survived)} | {no_tests} | {other} | {100 * score:.1f}%{interval} |"
        )
    return rows, survivors


def main(modules: list[str]) -> int:
    rows, survivors = module_rows(modules)
    if not rows:
        print("no results: run benchmarks/mutation.sh first", file=sys.stderr)
        return 1
    print("| module | checked | killed | timed out | survived | no test runs it | other | score |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if survivors:
        print("\nsurvived (or no test runs them):")
        print("\n".join(f"  {name}" for name in survivors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
