"""Issue 16 follow-up: making ingest faster changed no entry. `digest ingest`'s output for a
generated corpus (1,500 articles), the project's seeds/ and ../shared/seeds-extra/ is
compared entry by entry with the sha256 stored once from main's code before the speed work
(tests/ingest_eval/entries_reference.json, written by tests/ingest_eval/entry_reference.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from ingest_eval.entry_reference import EXTRA, REFERENCE, build_site, entry_hashes


def test_every_entry_is_byte_identical_to_mains(tmp_path: Path) -> None:
    if not EXTRA.is_dir():
        pytest.skip("../shared/seeds-extra/ is not there")
    root = tmp_path / "site"
    hashes = entry_hashes(root, build_site(root))
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert len(hashes) == 1516
    changed = sorted(name for name in reference if hashes.get(name) != reference[name])
    assert (changed, sorted(set(hashes) - set(reference))) == ([], [])
