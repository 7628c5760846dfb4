"""Size: a 50 MB article, an article with 10,000 hashtags, many tiny entries. Either a
result or a clear refusal naming the configurable limit; memory stays bounded (peak RSS of
the real command, from wait4). The 100,000-entry case is benchmarks/bench_scale.py."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from digest.build.pipeline import build_site

from .sites import DIGEST, PROJECT, hostile_config, html_problems, make_entry, site_with_entries

MIB = 1024 * 1024


# The command is started by a small Python process, not by pytest itself: Linux carries the
# RSS of a forked process image into ru_maxrss across exec, so a command forked straight
# from a pytest that has grown to hundreds of MiB would be charged for pytest's memory.
_MEASURE = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_pid, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def _run_peak(*args: str, cwd: Path) -> tuple[int, str, float]:
    """(exit status, output, peak RSS in MiB) of the real command (ru_maxrss from wait4)."""
    report = cwd / ".run-peak"
    with open(cwd / ".run-output", "w+b") as sink:
        subprocess.run([sys.executable, "-c", _MEASURE, str(report), str(DIGEST), *args], cwd=cwd, stdout=sink,
                       stderr=subprocess.STDOUT, check=True)
        sink.seek(0)
        output = sink.read().decode("utf-8")
    code, maxrss_kib = (int(value) for value in report.read_text().split())
    (cwd / ".run-output").unlink()
    report.unlink()
    return code, output, maxrss_kib / 1024


def _seed_paragraphs() -> list[str]:
    text = (PROJECT / "seeds" / "000_645458abd9460e4c.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if len(p) > 80][:10]


def test_a_50_mb_article_is_refused_by_the_configurable_limit_in_bounded_memory(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    paragraph = ("\n\n".join(_seed_paragraphs()) + "\n\n").encode("utf-8")
    seed = root / "seeds" / "2024-01-01-huge.txt"
    with seed.open("wb") as handle:
        handle.write("عنوان مقال ضخم\n\n".encode())
        while handle.tell() < 50 * MIB:
            handle.write(paragraph)
    size = seed.stat().st_size
    (root / "seeds" / "2024-01-02-small.txt").write_text("خبر صغير\n\nنص الخبر الصغير #وسم.\n", encoding="utf-8")
    (root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")

    code, output, peak = _run_peak("build", "--offline", cwd=root)
    assert code == 1
    assert f"{seed.name}: file is {size:,} bytes, over the limit of 20,000,000 (ingest.max_article_bytes in digest.toml)" in output
    assert [line for line in output.splitlines() if line.startswith("error: ")] == [
        f"error: seeds/{seed.name}: file is {size:,} bytes, over the limit of 20,000,000 (ingest.max_article_bytes in digest.toml)"
    ]
    assert "Traceback" not in output and " 1 entry," in output  # the small one is published
    assert peak < 300, f"peak RSS {peak:.0f} MiB just to refuse a file"  # the file is never read


def test_an_article_with_10000_hashtags_keeps_the_first_200(tmp_path: Path) -> None:
    """ingest.max_hashtags (default 200) bounds the tag list and the tag pages; every
    hashtag stays visible in the body, the ones beyond the limit as plain text."""
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    tags = " ".join(f"#وسم_{i}" for i in range(10_000))
    (root / "seeds" / "2024-01-01-tags.txt").write_text(f"خبر بعشرة آلاف وسم\n\nنص الخبر {tags}\n", encoding="utf-8")
    config = hostile_config(site={"publish": "all"})
    report = build_site(root, config, offline=True)
    assert report.errors == [] and report.entries == 1 and report.tags == 200
    site = root / "site"
    assert len([p for p in (site / "tags").iterdir() if p.is_dir()]) == 200
    html = next((site / "articles").iterdir()).joinpath("index.html").read_text(encoding="utf-8")
    assert html.count('class="hashtag"') == 10_000  # every one shown; the first 200 are links
    assert html.count('<a class="hashtag"') == 200
    assert html_problems(site) == []


def test_thousands_of_tiny_entries_build(tmp_path: Path) -> None:
    """The small-scale version of benchmarks/bench_scale.py (100,000 entries, peak RSS)."""
    count = 500
    entries = [
        make_entry(f"e{i:05d}", f"خبر قصير {i}", tags=[f"وسم {i % 50}", "عام"], body=f"نص {i} #عام",
                   date=dt.date(2015, 1, 1) + dt.timedelta(days=i % 2000))
        for i in range(count)
    ]
    root = site_with_entries(tmp_path / "root", entries)
    config = hostile_config(build={"workers": 2})
    report = build_site(root, config, offline=True)
    assert report.errors == [] and report.entries == count and report.tags == 51
    assert len(list((root / "site" / "articles").iterdir())) == count
    again = build_site(root, config, offline=True)  # a no-op rebuild
    assert again.errors == [] and again.pages == 0
