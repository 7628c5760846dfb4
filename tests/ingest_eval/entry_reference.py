"""Whole-entry equivalence of ingest (issue 16 follow-up): the sha256 of every entry that
`digest ingest` writes for a generated corpus (benchmarks/corpus.py), the project's seeds/
and ../shared/seeds-extra/ (read from there, never copied), as main's code wrote them.

    python tests/ingest_eval/entry_reference.py [--code DIR]   # rewrite the reference

--code: a folder holding the digest/ package to run (e.g. main's, from `git archive`).
The reference was written once, with main's code, before ingest was made faster; the test
(tests/test_ingest_equivalence.py) runs today's `digest ingest` and compares entry by entry."""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).with_name("entries_reference.json")
EXTRA = PROJECT.parent / "shared" / "seeds-extra"
CORPUS_ARTICLES = 1500
TODAY = "2026-01-02"  # for seeds whose name holds no date

_INGEST = """
import datetime as dt, sys
from pathlib import Path
from digest.core.config import load_config
from digest.ingest.run import ingest
root = Path(sys.argv[1])
report = ingest(root, [Path(p) for p in sys.argv[3:]], load_config(root), today=dt.date.fromisoformat(sys.argv[2]),
                workers=1, trusted=[Path(p) for p in sys.argv[3:]])
print(report.summary_line())
"""


def build_site(root: Path) -> list[Path]:
    """A site whose seeds/ holds the generated corpus and the project's seeds; returns the
    seed folders to ingest."""
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from corpus import generate_corpus

    generate_corpus(root / "seeds", CORPUS_ARTICLES)
    for seed in sorted((PROJECT / "seeds").glob("*.txt")):
        shutil.copyfile(seed, root / "seeds" / seed.name)
    (root / "digest.toml").write_text("", encoding="utf-8")
    return [root / "seeds", *([EXTRA] if EXTRA.is_dir() else [])]


def entry_hashes(root: Path, folders: list[Path], code: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-c", _INGEST, str(root), TODAY, *map(str, folders)],
                          check=False, env=env, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed:\n{proc.stderr}")
    # An entry names its seed by absolute path when the seed lies outside the site root, and
    # ../shared/ sits wherever the clone is: hash that prefix as a placeholder.
    extra_prefix = f"seed: {EXTRA}{os.sep}".encode()
    return {p.name: hashlib.sha256(p.read_bytes().replace(extra_prefix, b"seed: <seeds-extra>/")).hexdigest()
            for p in sorted((root / "content").glob("*.md"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", type=Path, help="folder holding the digest/ package to run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        hashes = entry_hashes(root, build_site(root), args.code)
    REFERENCE.write_text(json.dumps(hashes, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(hashes)} entry hashes to {REFERENCE.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
