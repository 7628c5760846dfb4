"""The console script exits through the normal interpreter shutdown (no os._exit)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_WITH_ATEXIT = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('atexit handler ran'))\n"
    "from digest.cli import main\n"
    "main(sys.argv[1:])\n"
)


def test_atexit_handlers_run_and_the_status_survives(site_root: Path) -> None:
    ok = subprocess.run([sys.executable, "-c", _WITH_ATEXIT, "-C", str(site_root), "ingest"], capture_output=True, text=True)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "ingest: 1 new, 0 updated, 0 unchanged, 0 failed\natexit handler ran\n", "")
    bad = subprocess.run([sys.executable, "-c", _WITH_ATEXIT, "no-such-command"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == "atexit handler ran\n" and "No such command 'no-such-command'" in bad.stderr


def test_a_reader_that_goes_away_gets_no_traceback(site_root: Path) -> None:
    """`digest list --json | head -c 40`: the pipe closes early (~85 KB of output, more than
    a pipe holds); no BrokenPipeError at shutdown."""
    for n in range(40):  # enough rows that the output outgrows what the reader takes
        (site_root / "seeds" / f"2024-01-{n % 28 + 1:02d}-{n:03d}_x.txt").write_text(
            f"عنوان الخبر رقم {n} عن المؤتمر\n\nوكالات\n\n" + "افتتح الرئيس المؤتمر السنوي اليوم في العاصمة. " * 3 + "\n",
            encoding="utf-8",
        )
    assert subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(site_root), "ingest"], capture_output=True).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "-C", str(site_root), "list", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(40)
    proc.stdout.close()
    errors = proc.stderr.read().decode()
    proc.wait()
    assert first and "Traceback" not in errors and "BrokenPipeError" not in errors and "Exception ignored" not in errors
