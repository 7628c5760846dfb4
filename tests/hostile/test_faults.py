"""Smaller faults (issue 13, point 10): file modes are kept (new files get the umask), a
failed write names the file and what failed, `digest translate` counts only what it saved,
and seeds or content files leading outside the site root are refused unless
`ingest.allow_outside_root = true`.

Tests run as root, whom a read-only folder does not stop: disk full and read-only are
simulated with os.replace raising ENOSPC/EROFS in-process, a file where content/ belongs,
and /proc as the output's parent."""
from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from libre_stub import LibreStub, fake_translate

import digest.core.output
from digest.cli import cli
from digest.content.entries import read_entry, write_entry
from digest.core.model import Review

from .sites import make_entry, site_with_entries, snapshot

SEED = "عنوان الخبر الأول عن الاقتصاد\n\nوكالات\n\nنص الخبر الأول في بغداد اليوم مع تفاصيل كافية.\n"


def _digest(root: Path, *args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["-C", str(root), *args])
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result.exit_code, result.stderr.strip().splitlines(), result.stdout


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _seeded_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "2024-03-01-a.txt").write_text(SEED, encoding="utf-8")
    return root


# --- modes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("mask", "expected"), [(0o002, 0o664), (0o022, 0o644), (0o077, 0o600)])
def test_new_entries_get_the_users_umask(tmp_path: Path, umask: None, mask: int, expected: int) -> None:
    root = _seeded_root(tmp_path)
    os.umask(mask)
    code, _errors, _out = _digest(root, "ingest")
    assert code == 0
    [entry] = (root / "content").glob("*.md")
    assert _mode(entry) == expected


@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_review_approve_keeps_the_files_mode(tmp_path: Path, umask: None, mode: int) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد")])
    path = root / "content" / "one.md"
    code, _errors, _out = _digest(root, "review", "reject", "one", "--reason", "x")
    assert code == 0
    path.chmod(mode)
    code, _errors, out = _digest(root, "review", "approve", "one", "--force")
    assert code == 0 and "rejected → approved" in out
    assert _mode(path) == mode
    assert read_entry(path).review.state == "approved"


# --- failed writes -----------------------------------------------------------------------

def _failing_replace(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def replace(_src: object, _dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(digest.core.output.os, "replace", replace)


def test_disk_full_during_review_approve_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد", review=Review(state="draft"))])
    before = snapshot(root / "content")
    _failing_replace(monkeypatch, errno.ENOSPC)
    code, errors, _out = _digest(root, "review", "approve", "one")
    assert code == 1
    assert errors == ["error: content/one.md: cannot write: No space left on device"]
    assert snapshot(root / "content") == before  # unchanged, no temporary file left


def test_content_path_that_is_a_file_names_the_entry_and_the_folder(tmp_path: Path) -> None:
    root = _seeded_root(tmp_path)
    (root / "content").write_text("not a folder", encoding="utf-8")
    code, errors, out = _digest(root, "ingest")
    assert code == 1
    assert len(errors) == 1
    assert errors[0].startswith("error: content/") and errors[0].endswith(
        ".md: cannot create the folder content/: File exists"
    )
    assert out.strip() == "ingest: 0 new, 0 updated, 0 unchanged, 1 failed"
    assert (root / "content").read_text(encoding="utf-8") == "not a folder"


def test_site_that_cannot_be_written_names_the_file(tmp_path: Path) -> None:
    """/proc refuses every new file, even root's: the output folder's parent is unusable."""
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد")])
    code, errors, _out = _digest(root, "build", "--offline", "--out", "/proc/digest-test-site")
    assert code == 1
    assert errors == ["error: /proc/digest-test-site: cannot write the site: No such file or directory"]


def test_translate_counts_only_saved_entries_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = site_with_entries(tmp_path / "root", [])
    pending = make_entry("one", "قال التحالف الدولي", title_en=None, summary_en=None, summary_ar="في العراق.")
    pending.translation.status, pending.translation.provider = "pending", None
    write_entry(pending, root / "content")
    before = snapshot(root / "content")
    with LibreStub() as stub:
        _failing_replace(monkeypatch, errno.EROFS)
        code, errors, out = _digest(root, "translate", "--provider", "libre", "--provider-url", stub.url)
        assert code == 1
        assert [line for line in errors if line.startswith("error:")] == [
            "error: content/one.md: cannot write: Read-only file system"
        ]
        assert "translate: 0 translated, 0 from memory, 0 pending, 0 failed, 0 edited kept, 0 current, 1 not saved (2 requests)" in out
        assert snapshot(root / "content") == before
        monkeypatch.undo()  # writable again: the next run saves it from the translation memory
        code, errors, out = _digest(root, "translate", "--provider", "libre", "--provider-url", stub.url)
        assert code == 0, errors
        assert "translate: 0 translated, 1 from memory" in out
    assert read_entry(root / "content" / "one.md").title_en == fake_translate("قال التحالف الدولي")


# --- outside the site root ----------------------------------------------------------------

def test_a_seed_linked_outside_the_root_is_refused_and_never_published(tmp_path: Path) -> None:
    root = _seeded_root(tmp_path)
    (root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر الخاصة بالخادم\n\nنص سري لا ينشر أبدا في أي مكان.\n", encoding="utf-8")
    (root / "seeds" / "2024-03-02-link.txt").symlink_to(secret)
    code, errors, _out = _digest(root, "build", "--offline")
    assert code == 1
    assert errors[0] == (
        f"error: seeds/2024-03-02-link.txt: refused: it leads outside the site root "
        f"(to {secret}); set ingest.allow_outside_root = true in digest.toml to allow it"
    )
    assert len(list((root / "content").glob("*.md"))) == 1  # the ordinary seed only
    assert not any("كلمة السر" in p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))
    code, errors, _out = _digest(root, "ingest")
    assert code == 1 and "refused: it leads outside the site root" in errors[0]


def test_a_content_file_linked_outside_the_root_is_refused_everywhere(tmp_path: Path) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("one", "خبر واحد")])
    (root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    elsewhere = site_with_entries(tmp_path / "other", [make_entry("secret", "مسودة سرية من موقع آخر")])
    (root / "content" / "secret.md").symlink_to(elsewhere / "content" / "secret.md")
    expected = (
        f"error: content/secret.md: refused: it leads outside the site root "
        f"(to {elsewhere / 'content' / 'secret.md'}); set ingest.allow_outside_root = true in digest.toml to allow it"
    )
    code, errors, _out = _digest(root, "build", "--offline")
    assert code == 1 and expected in errors
    assert "مسودة سرية" not in (root / "site" / "index.html").read_text(encoding="utf-8")
    for command in (["list"], ["check", "--no-site"], ["review", "list"]):
        code, errors, _out = _digest(root, *command)
        assert code == 1 and expected in errors, command


def test_allow_outside_root_lets_linked_seeds_and_entries_in(tmp_path: Path) -> None:
    root = _seeded_root(tmp_path)
    (root / "digest.toml").write_text('[site]\npublish = "all"\n[ingest]\nallow_outside_root = true\n', encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "2024-03-02-b.txt").write_text(SEED.replace("الأول", "الثاني"), encoding="utf-8")
    (root / "seeds" / "2024-03-02-b.txt").symlink_to(shared / "2024-03-02-b.txt")
    code, errors, out = _digest(root, "build", "--offline")
    assert code == 0, errors
    assert "ingest: 2 new, 0 updated, 0 unchanged, 0 failed" in errors
    assert "build: " in out and " 2 entries" in out


def test_a_folder_named_on_the_ingest_command_line_is_trusted(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "2024-03-01-a.txt").write_text(SEED, encoding="utf-8")
    code, errors, out = _digest(root, "ingest", str(feeds))
    assert code == 0, errors
    assert out.strip() == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed"


def test_review_approve_refuses_an_entry_linked_outside_the_root(tmp_path: Path) -> None:
    root = site_with_entries(tmp_path / "root", [])
    elsewhere = site_with_entries(tmp_path / "other", [make_entry("secret", "مسودة سرية", review=Review(state="draft"))])
    (root / "content" / "secret.md").symlink_to(elsewhere / "content" / "secret.md")
    before = (elsewhere / "content" / "secret.md").read_bytes()
    code, errors, _out = _digest(root, "review", "approve", "secret")
    assert code == 1
    assert errors == [
        f"error: content/secret.md: refused: it leads outside the site root "
        f"(to {elsewhere / 'content' / 'secret.md'}); set ingest.allow_outside_root = true in digest.toml to allow it"
    ]
    assert (root / "content" / "secret.md").is_symlink()
    assert (elsewhere / "content" / "secret.md").read_bytes() == before


def test_init_where_a_file_blocks_a_folder_names_it(tmp_path: Path) -> None:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "seeds").write_text("a file", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "new")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'new' / 'seeds'}: cannot create the folder seeds/: File exists"


def test_an_os_error_no_command_handles_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import digest.cli
    import digest.cli.commands.list

    def full(_content_dir: Path, _allow: bool = False) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "x.md"))

    monkeypatch.setattr(digest.cli.commands.list, "load_entries", full)
    assert digest.cli.run(["-C", str(tmp_path), "list"]) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'x.md'}: No space left on device\n"
