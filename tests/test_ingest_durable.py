"""Issue 16: new entries are made durable in batches (digest.core.output.DurableBatch): one
file-system sync per batch instead of an fsync per entry, and still never a lost or
half-written entry: nothing is renamed into content/ before its batch's data is synced."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.core import output
from digest.core.config import Config
from digest.ingest import run

HEADLINES = ["انتخابات بلدية في تونس", "افتتاح معرض الكتاب", "أمطار غزيرة في المغرب", "اتفاق تجاري جديد", "فوز المنتخب الوطني"]


def _seeds(root: Path) -> list[str]:
    """Five new seeds (besides the project's one); the slugs their entries get, sorted."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    for n, headline in enumerate(HEADLINES, 1):
        (root / "seeds" / f"2024-03-0{n}-news.txt").write_text(
            f"{headline}\n\nوكالات\n\nنص الخبر رقم {n} عن {headline}. وفيه جملة ثانية #وسم.\n", encoding="utf-8"
        )
    return sorted(h.replace(" ", "-") + ".md" for h in HEADLINES)


def _files(folder: Path | str) -> list[str]:
    return sorted(os.listdir(folder))  # hidden temporary files too


def test_cli_ingest_in_small_batches_writes_the_same_entries_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_batch, small_batches = tmp_path / "one", tmp_path / "small"
    names = _seeds(one_batch)
    _seeds(small_batches)
    runner = CliRunner()
    assert runner.invoke(cli, ["-C", str(one_batch), "ingest"]).output == "ingest: 5 new, 0 updated, 0 unchanged, 0 failed\n"
    monkeypatch.setattr(run, "NEW_ENTRIES_PER_SYNC", 2)
    result = runner.invoke(cli, ["-C", str(small_batches), "ingest"])
    assert (result.exit_code, result.output) == (0, "ingest: 5 new, 0 updated, 0 unchanged, 0 failed\n")
    assert _files(small_batches / "content") == _files(one_batch / "content") == names
    for name in names:
        assert (small_batches / "content" / name).read_bytes() == (one_batch / "content" / name).read_bytes()


def test_nothing_is_renamed_into_place_before_its_batch_is_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seeds(tmp_path)
    events: list[str] = []
    real_syncfs, real_replace = output._syncfs, os.replace

    def syncfs(function: object, folder: str) -> None:
        waiting = [n for n in _files(folder) if n.startswith(".") and n.endswith(".tmp")]
        events.append(f"sync {len(waiting)} written")
        real_syncfs(function, folder)  # type: ignore[arg-type]

    def replace(src: str, dst: str) -> None:
        events.append(f"rename {os.path.basename(dst)}")
        real_replace(src, dst)

    monkeypatch.setattr(output, "_syncfs", syncfs)
    monkeypatch.setattr(output.os, "replace", replace)
    monkeypatch.setattr(run, "NEW_ENTRIES_PER_SYNC", 2)
    if output._syncfs_function() is None:
        pytest.skip("no syncfs here: each file is fsynced before its rename")
    report = run.ingest(tmp_path, [tmp_path / "seeds"], Config.for_test())
    assert report.summary_line() == "ingest: 5 new, 0 updated, 0 unchanged, 0 failed"
    kinds = [e if e.startswith("sync") else "rename" for e in events]
    # Batches of two: both written, synced, renamed; the last batch holds one entry.
    assert kinds == ["sync 2 written", "rename", "rename"] * 2 + ["sync 1 written", "rename"]
    renamed = [e.split(" ", 1)[1] for e in events if e.startswith("rename")]
    assert sorted(renamed) == _seeds(tmp_path) and renamed == [f"{s}.md" for s in report.new]


def test_a_failed_sync_writes_no_entry_one_line_each_and_the_next_run_ingests_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _seeds(tmp_path)

    def failing_syncfs(function: object, folder: str) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO), folder)

    monkeypatch.setattr(output, "_syncfs", failing_syncfs)
    monkeypatch.setattr(output, "_syncfs_function", lambda: lambda fd: 0)  # as on Linux, wherever this runs
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "ingest"])
    assert result.exit_code == 1
    assert sorted(result.output.splitlines()[:-1]) == [
        f"error: content/{name}: cannot write: Input/output error" for name in names
    ]
    assert result.output.splitlines()[-1] == "ingest: 0 new, 0 updated, 0 unchanged, 5 failed"
    assert _files(tmp_path / "content") == []  # neither entries nor temporary files
    monkeypatch.undo()
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "ingest"])
    assert (result.exit_code, result.output) == (0, "ingest: 5 new, 0 updated, 0 unchanged, 0 failed\n")
    assert _files(tmp_path / "content") == names


def test_an_interrupted_batch_leaves_no_entry_and_no_temporary_file(tmp_path: Path) -> None:
    names = _seeds(tmp_path)

    def interrupted_after_three(items, _total):  # type: ignore[no-untyped-def]
        for n, item in enumerate(items):
            if n == 3:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        run.ingest(tmp_path, [tmp_path / "seeds"], Config.for_test(), progress=interrupted_after_three)
    assert _files(tmp_path / "content") == []
    report = run.ingest(tmp_path, [tmp_path / "seeds"], Config.for_test())
    assert report.summary_line() == "ingest: 5 new, 0 updated, 0 unchanged, 0 failed"
    assert _files(tmp_path / "content") == names


def test_without_syncfs_each_new_entry_is_fsynced_before_its_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = _seeds(tmp_path)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(output, "_syncfs_function", lambda: None)  # as on macOS or Windows
    monkeypatch.setattr(output.os, "fsync", fsync)
    monkeypatch.setattr(output.os, "replace", replace)
    report = run.ingest(tmp_path, [tmp_path / "seeds"], Config.for_test())
    assert report.summary_line() == "ingest: 5 new, 0 updated, 0 unchanged, 0 failed"
    # Five files fsynced as written, renamed at the end of the batch, then the folder fsynced.
    assert events == ["fsync"] * 5 + ["rename"] * 5 + ["fsync"]
    assert _files(tmp_path / "content") == names


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_new_entries_get_the_umask_mode_and_a_rewritten_entry_keeps_its_own(tmp_path: Path, umask: int) -> None:
    """Issue 16 (h-ingfast2): a new entry's temporary file is made without looking for an
    old file's mode (there is none); an entry rewritten by a later ingest keeps the mode
    its editor gave it. Run as a real process under the umask."""
    import stat
    import subprocess
    import sys

    names = _seeds(tmp_path)
    command = [sys.executable, "-m", "digest.cli", "-C", str(tmp_path), "ingest"]

    def run_under_umask() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.umask(umask))

    first = run_under_umask()
    assert (first.returncode, first.stdout.strip()) == (0, "ingest: 5 new, 0 updated, 0 unchanged, 0 failed")
    content = tmp_path / "content"
    assert _files(content) == names
    assert {stat.S_IMODE((content / name).stat().st_mode) for name in names} == {0o666 & ~umask}

    edited = content / (HEADLINES[0].replace(" ", "-") + ".md")  # the entry of 2024-03-01-news.txt
    edited.chmod(0o604)
    seed = tmp_path / "seeds" / "2024-03-01-news.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nفقرة جديدة أضيفت إلى الخبر.\n", encoding="utf-8")
    second = run_under_umask()
    assert (second.returncode, second.stdout.strip()) == (0, "ingest: 0 new, 1 updated, 4 unchanged, 0 failed")
    assert "فقرة جديدة أضيفت إلى الخبر." in edited.read_text(encoding="utf-8")
    assert stat.S_IMODE(edited.stat().st_mode) == 0o604
    assert _files(content) == names
