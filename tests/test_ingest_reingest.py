"""Re-ingest: idempotent, editors' hand edits win, machine fields refresh, workers agree."""
from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
from pathlib import Path

import pytest
from conftest import PROJECT, SEED_FILE

from digest.content.entries import load_entries, read_entry
from digest.core.config import Config
from digest.ingest.run import ingest

TODAY = dt.date(2026, 1, 2)


def run(root: Path, workers: int | None = None):
    return ingest(root, [root / "seeds"], Config.for_test(), today=TODAY, workers=workers)


def only_entry_path(root: Path) -> Path:
    (path,) = (root / "content").glob("*.md")
    return path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_unchanged_seed_is_not_rewritten(site_root: Path) -> None:
    assert run(site_root).summary_line() == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed"
    path = only_entry_path(site_root)
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp - 10**9, stamp - 10**9))  # a rewrite would be visible
    stamp = path.stat().st_mtime_ns
    before = path.read_bytes()
    for _ in range(2):
        assert run(site_root).summary_line() == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"
    assert path.stat().st_mtime_ns == stamp and path.read_bytes() == before


def test_touched_but_identical_seed_is_unchanged(site_root: Path) -> None:
    run(site_root)
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_bytes(seed.read_bytes())
    os.utime(seed, None)
    assert run(site_root).summary_line() == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"


def test_hand_edits_survive_and_untouched_machine_fields_refresh(site_root: Path) -> None:
    run(site_root)
    path = only_entry_path(site_root)
    # An editor fixes the headline, rewrites the summary, edits the body and the tags.
    entry = read_entry(path)
    edit(path, f"title: {_yaml_title(path)}", 'title: "عنوان حرره المحرر"')
    edit(path, f"summary_ar: {entry.summary_ar}", "summary_ar: ملخص كتبه المحرر.")
    edit(path, "في ردٍ من التحالف الدولي،", "في ردٍ رسمي من التحالف الدولي،")
    edit(path, "tags:\n- داعش\n", "tags:\n- تنظيم داعش\n")
    # The seed changes: another byline, a new closing paragraph with a new tag.
    seed = site_root / "seeds" / SEED_FILE.name
    text = seed.read_text(encoding="utf-8").replace("\nوكالات\n", "\nرويترز\n")
    text = text.replace("\n\nهل أعجبك", "\n\nفقرة جديدة عن #الموصل في آخر الخبر.\n\nهل أعجبك")
    seed.write_text(text, encoding="utf-8")

    assert run(site_root).summary_line() == "ingest: 0 new, 1 updated, 0 unchanged, 0 failed"
    after = read_entry(path)
    # The editor's fields are kept…
    assert after.title == "عنوان حرره المحرر"
    assert after.summary_ar == "ملخص كتبه المحرر."
    assert "في ردٍ رسمي من التحالف الدولي" in after.body and "#الموصل" not in after.body
    assert after.tags[0] == "تنظيم داعش" and "الموصل" not in after.tags
    # …the fields the editor did not touch follow the seed.
    assert after.source == "رويترز"
    assert after.seed_sha256 != entry.seed_sha256
    assert [b["reason"] for b in after.boilerplate] == ["pattern", "pattern"]
    # And a third run changes nothing: the editor's values are stable.
    before = path.read_bytes()
    assert run(site_root).summary_line() == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"
    assert path.read_bytes() == before


def test_untouched_entry_follows_its_changed_seed(site_root: Path) -> None:
    run(site_root)
    path = only_entry_path(site_root)
    seed = site_root / "seeds" / SEED_FILE.name
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("#بغداد", "#البصرة"), encoding="utf-8")
    assert run(site_root).summary_line() == "ingest: 0 new, 1 updated, 0 unchanged, 0 failed"
    entry = read_entry(path)
    assert "البصرة" in entry.tags and "بغداد" not in entry.tags and "#البصرة" in entry.body
    assert entry.slug == path.stem  # the slug is kept even if the headline changes


def test_changed_headline_makes_machine_translation_stale(site_root: Path) -> None:
    run(site_root)
    path = only_entry_path(site_root)
    edit(path, "status: pending", "status: machine")
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("ليس لدينا قواعد", "لا قواعد لنا"), encoding="utf-8")
    run(site_root)
    entry = read_entry(path)
    assert "لا قواعد لنا" in entry.title
    assert entry.translation.status == "stale"
    assert path.stem.startswith("التحالف-الدولي-عن-قصف-قواتها-ليس-لدينا")  # slug kept


def test_editor_review_and_translation_fields_are_never_touched(site_root: Path) -> None:
    run(site_root)
    path = only_entry_path(site_root)
    edit(path, "title_en: null", "title_en: Coalition says it has no bases")
    edit(path, "state: draft", "state: approved")
    seed = site_root / "seeds" / SEED_FILE.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("وكالات", "رويترز"), encoding="utf-8")
    run(site_root)
    entry = read_entry(path)
    assert entry.title_en == "Coalition says it has no bases" and entry.review.state == "approved"


def test_deleted_entry_is_recreated_and_moved_seed_is_new(site_root: Path) -> None:
    run(site_root)
    path = only_entry_path(site_root)
    path.unlink()
    assert run(site_root).new == [path.stem]


def _yaml_title(path: Path) -> str:
    match = re.search(r"^title: (.*)$", path.read_text(encoding="utf-8"), re.M)
    assert match
    return match.group(1)


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", PROJECT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_worker_processes_give_byte_identical_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.ingest import prepare

    monkeypatch.setattr(prepare, "MIN_FILES_PER_WORKER", 10)  # use the pool on a small batch
    monkeypatch.setattr(prepare, "CHUNK_SIZE", 4)
    assert prepare.worker_count(61, 2) == min(2, os.cpu_count() or 1)
    corpus = _load_corpus_module()
    roots = [tmp_path / "one", tmp_path / "two"]
    for root in roots:
        corpus.generate_corpus(root / "seeds", 60, seed=7)
    bad = "empty-in-the-middle.txt"
    for root in roots:
        (root / "seeds" / bad).write_bytes(b"")
    one, two = run(roots[0], workers=1), run(roots[1], workers=2)
    assert one.summary_line() == two.summary_line() == "ingest: 60 new, 0 updated, 0 unchanged, 1 failed"
    assert [str(e).replace(str(roots[0]), "") for e in one.errors] == [str(e).replace(str(roots[1]), "") for e in two.errors]
    files = sorted(p.name for p in (roots[0] / "content").iterdir())
    assert files == sorted(p.name for p in (roots[1] / "content").iterdir())
    for name in files:
        assert (roots[0] / "content" / name).read_bytes() == (roots[1] / "content" / name).read_bytes()
    entries, errors = load_entries(roots[1] / "content")
    assert errors == [] and len(entries) == 60
