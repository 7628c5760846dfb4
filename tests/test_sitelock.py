"""The build lock: exclusive, refused at once when held, released with the block or the process."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digest.build.sitelock import LockHeld, exclusive_lock


def test_a_held_lock_is_refused_at_once_and_free_again_after(tmp_path: Path) -> None:
    path = tmp_path / "build.lock"
    with exclusive_lock(path), pytest.raises(LockHeld), exclusive_lock(path):
        pass
    with exclusive_lock(path):  # released: taken again
        pass


def test_a_lock_held_by_another_process_is_refused_and_dies_with_it(tmp_path: Path) -> None:
    path = tmp_path / "build.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from digest.build.sitelock import exclusive_lock\n"
         "with exclusive_lock(Path(sys.argv[1])):\n print('held', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld), exclusive_lock(path):
            pass
    finally:
        holder.kill()
        holder.wait()
    with exclusive_lock(path):  # a killed holder leaves no lock behind
        pass
