"""digest serve keeps the seed list of its last scan while nothing under seeds/ changed
(digest.cache.seedscan.KeptSeedList): after any sequence of seed operations, a scan with
the kept list must find what a fresh walk of the folder finds."""
from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from digest.cache.inputs import InputCheck
from digest.cache.seedscan import KeptSeedList, scan_seeds


def _scan(root: Path, kept: KeptSeedList | None) -> tuple[list[tuple[str, str]], dict[str, str | None]]:
    scan = scan_seeds(root, InputCheck(root, root / "site", "key"), kept)
    return sorted(scan.files), scan.digests


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_kept_seed_list_equals_a_fresh_walk_after_random_seed_operations(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = tmp_path / "site-root"
    seeds = root / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (root / "content").mkdir()
    for n in range(6):
        (seeds / f"2026-01-0{n + 1}-a{n}.txt").write_text(f"عنوان {n}\n\nنص {n}.\n", encoding="utf-8")
    kept = KeptSeedList()

    def files() -> list[Path]:
        return sorted(p for p in seeds.rglob("*.txt") if p.is_file())

    def add() -> None:
        folder = rng.choice([seeds, seeds / "sub"])
        (folder / f"2026-02-{rng.randint(10, 28)}-n{rng.randint(1, 999)}.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")

    def delete() -> None:
        if files():
            rng.choice(files()).unlink()

    def rename() -> None:
        if files():
            path = rng.choice(files())
            path.rename(path.with_name(f"2026-03-{rng.randint(10, 28)}-r{rng.randint(1, 999)}.txt"))

    def modify() -> None:  # same name, new bytes (and size)
        if files():
            path = rng.choice(files())
            path.write_text(path.read_text(encoding="utf-8") + "فقرة.\n", encoding="utf-8")

    def hidden_or_other() -> None:  # not seeds: a hidden file, another suffix
        name = rng.choice([".hidden.txt", "notes.docx", "sub/.swp.txt"])
        (seeds / name).write_text("x", encoding="utf-8")

    def link() -> None:  # a symlinked seed is a seed
        target = tmp_path / f"outside-{rng.randint(1, 999)}.txt"
        target.write_text("عنوان\n\nنص.\n", encoding="utf-8")
        os.symlink(target, seeds / target.name)

    assert _scan(root, kept) == _scan(root, None)
    for _step in range(25):
        rng.choice([add, delete, rename, modify, hidden_or_other, link])()
        assert _scan(root, kept) == _scan(root, None)
        assert _scan(root, kept) == _scan(root, None)  # twice: the second from the kept list


def test_the_kept_seed_list_is_used_while_nothing_under_seeds_changed(tmp_path: Path) -> None:
    root = tmp_path / "site-root"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "2026-01-01-a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    kept = KeptSeedList()
    first = _scan(root, kept)
    assert kept.files == [("seeds/2026-01-01-a.txt", str(root / "seeds" / "2026-01-01-a.txt"))]
    kept.files = [*kept.files]  # a new list object: the next scan must hand out a copy of it
    listed = kept.files
    assert _scan(root, kept) == first
    assert kept.files is listed  # not walked again
    (root / "seeds" / "2026-01-02-b.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    files, _digests = _scan(root, kept)
    assert [rel for rel, _name in files] == ["seeds/2026-01-01-a.txt", "seeds/2026-01-02-b.txt"]
    assert kept.files is not listed


def test_a_new_seed_dropped_into_seeds_is_added_without_a_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.cache import seedscan

    root = tmp_path / "site-root"
    (root / "seeds" / "sub").mkdir(parents=True)
    (root / "seeds" / "2026-01-01-a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    kept = KeptSeedList()
    _scan(root, kept)
    walks: list[str] = []
    real = seedscan.iter_article_files
    monkeypatch.setattr(seedscan, "iter_article_files", lambda folder: walks.append(folder) or real(folder))
    (root / "seeds" / "2026-01-03-c.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    (root / "seeds" / "2026-01-02-b.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    files, digests = _scan(root, kept)
    assert walks == []
    assert [rel for rel, _name in files] == ["seeds/2026-01-01-a.txt", "seeds/2026-01-02-b.txt", "seeds/2026-01-03-c.txt"]
    assert (files, digests) == _scan(root, None)
    (root / "seeds" / "sub" / "2026-01-04-d.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    assert _scan(root, kept) == _scan(root, None)
    assert walks  # in a folder: walked
