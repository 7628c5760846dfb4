"""Mutation score per module from mutmut's results (mutants/**/*.py.meta), after
benchmarks/mutation.sh. Prints one Markdown table row per module, then the surviving
mutants (`mutmut show NAME` prints each diff).

    python benchmarks/mutation_scores.py [MODULE ...]   # e.g. translate.state text.slugs
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

KILLED = {1, 3, 37}  # a failing test, pytest's internal error, or mypy's type check
NOT_RUN = {None, 2}  # not checked yet, or interrupted


def main(modules: list[str]) -> int:
    metas = sorted(Path("mutants").glob("digest/**/*.py.meta"))
    if not metas:
        print("no results: run benchmarks/mutation.sh first", file=sys.stderr)
        return 1
    print("| module | mutants | killed | survived | no tests / timeout / other | score |")
    print("|---|---|---|---|---|---|")
    survivors: list[str] = []
    for meta in metas:
        module = str(meta.relative_to("mutants"))[: -len(".py.meta")].replace("/", ".")
        if modules and not any(module.endswith(m) for m in modules):
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        ran = {name: code for name, code in codes.items() if code not in NOT_RUN}
        if not ran:
            continue
        killed = sum(code in KILLED for code in ran.values())
        survived = [name for name, code in ran.items() if code == 0]
        other = len(ran) - killed - len(survived)
        survivors += sorted(survived)
        print(f"| {module} | {len(ran)} | {killed} | {len(survived)} | {other} | {100 * killed / len(ran):.0f}% |")
    if survivors:
        print("\nsurvived:")
        print("\n".join(f"  {name}" for name in survivors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
