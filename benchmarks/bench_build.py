"""Cold site builds: digest vs Pelican vs Hugo on the same generated articles.

    python benchmarks/bench_build.py [--sizes 1000 4000 10000] [--repeat 3] [--no-pelican] [--no-hugo]

For each size N: generate N seed-like articles (benchmarks/corpus.py: ~300 Zipf-distributed
hashtags), ingest them once (not timed), then time, in a fresh process each run, with no
caches left from a previous run (site/ and .digest/ removed):

- digest:  `digest build --offline` (publish = "all": every generated entry is a draft),
           on a site never built: no site/, no .digest/. The built-in theme's compiled
           templates, kept per user like Python's .pyc files, exist from the round before;
- digest-first: the same as the first build on a new machine (the per-user cache removed too);
- digest-cached: the same with `.digest/cache` left from the previous run (parsed entries,
           rendered bodies) but site/ removed: a fresh process, every page rendered again;
- Pelican: `pelican` on the same entries exported as Markdown (title, date, tags, body),
           default theme, 20 per page, per-tag Atom feeds, content caching off;
- Hugo:    `hugo` on the same Markdown with minimal layouts (article, paginated home and
           tag pages, tags index, RSS per list page as Hugo does by default).

Everything runs on /dev/shm (no disk noise). The tools take turns, round after round (the
host's speed drifts within minutes); reports the median of --repeat rounds, articles per
second, HTML pages written, and the median of the per-round ratios. Pelican needs the `bench` extra
(`pip install -e '.[bench]'`); Hugo is Debian's `hugo`.
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))
sys.path.insert(0, str(PROJECT))

from corpus import generate_corpus  # noqa: E402

from digest.content.entries import load_entries  # noqa: E402

PELICAN_CONF = """\
AUTHOR = "bench"
SITENAME = "bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/{slug}.tag.atom.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
SLUGIFY_USE_UNICODE = True
"""

HUGO_CONFIG = """\
baseURL = "http://example.org/"
languageCode = "ar"
title = "bench"
paginate = 20
disableKinds = ["sitemap"]
[taxonomies]
  tag = "tags"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        "<body><main>{{ block \"main\" . }}{{ end }}</main></body></html>"
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>'
        "{{ .Content }}<ul>{{ range .Params.tags }}<li><a href=\"{{ \"tags/\" | relURL }}{{ . | urlize }}/\">{{ . }}</a></li>{{ end }}</ul>"
        "{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"
        "{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</article>{{ end }}"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}'
        '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}'
        "{{ template \"_internal/pagination.html\" . }}{{ end }}"
    ),
    "_default/terms.html": (
        '{{ define "main" }}<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}'
    ),
    "index.html": (
        '{{ define "main" }}{{ $p := .Paginate .Site.RegularPages }}{{ range $p.Pages }}'
        '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}'
        "{{ template \"_internal/pagination.html\" . }}{{ end }}"
    ),
}


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def prepare(work: Path, n: int) -> Path:
    """Corpus → digest site root (ingested) + Pelican and Hugo projects with the same articles."""
    root = work / "digest"
    generate_corpus(root / "seeds", n)
    (root / "digest.toml").write_text('[site]\npublish = "all"\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "digest.cli", "-C", str(root), "ingest"], check=True, stdout=subprocess.DEVNULL)
    entries, errors = load_entries(root / "content")
    assert not errors and len(entries) == n, (len(entries), errors[:3])
    pelican = work / "pelican" / "content"
    hugo = work / "hugo"
    pelican.mkdir(parents=True)
    (hugo / "content" / "posts").mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        path = hugo / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (hugo / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (work / "pelican" / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    for i, entry in enumerate(entries):
        title = entry.title.replace("\n", " ")
        (pelican / f"{i:05d}.md").write_text(
            f"Title: {title}\nDate: {entry.date.isoformat()}\nTags: {', '.join(t.replace(',', ' ') for t in entry.tags)}\n"
            f"Slug: a{i:05d}\n\n{entry.body}\n",
            encoding="utf-8",
        )
        tags = ", ".join(_yaml_str(t) for t in entry.tags)
        (hugo / "content" / "posts" / f"a{i:05d}.md").write_text(
            f"---\ntitle: {_yaml_str(title)}\ndate: {entry.date.isoformat()}\ntags: [{tags}]\n---\n\n{entry.body}\n",
            encoding="utf-8",
        )
    return root


def _timed(command: list[str], cwd: Path, clean: list[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children: robust to other load)."""
    for path in clean:
        shutil.rmtree(path, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _html_count(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html"))


# median wall s, median CPU s, HTML pages, per-round wall ÷ digest's (median, lowest, highest), ÷ digest-first's (median)
Result = tuple[float, float, int, tuple[float, float, float], float]


def run_size(base: Path, n: int, repeat: int, pelican: bool, hugo: bool) -> dict[str, Result]:
    """Each tool's median over `repeat` rounds. The rounds interleave the tools (digest,
    digest-cached, Hugo, Pelican, then again): this host's speed drifts by ±15% within
    minutes, so each round compares the tools at one speed, and the ratio reported is the
    median of the per-round ratios."""
    work = base / f"n{n}"
    root = prepare(work, n)
    digest_cmd = [sys.executable, "-m", "digest.cli", "-C", str(root), "build", "--offline"]
    # tool → (command, cwd, paths removed before each run, output folder)
    user_cache = Path(os.environ["DIGEST_CACHE_DIR"])
    tools: dict[str, tuple[list[str], Path, list[Path], Path]] = {
        # As the first build on a new machine: not even the per-user compiled theme.
        "digest-first": (digest_cmd, root, [root / "site", root / ".digest", user_cache], root / "site"),
        "digest": (digest_cmd, root, [root / "site", root / ".digest"], root / "site"),
        # Fresh process and empty output, but .digest/cache kept from the run before.
        "digest-cached": (digest_cmd, root, [root / "site"], root / "site"),
    }
    if hugo and shutil.which("hugo"):
        hugo_dir = work / "hugo"
        cmd = ["hugo", "--quiet", "-s", str(hugo_dir), "-d", str(hugo_dir / "public")]
        tools["hugo"] = (cmd, hugo_dir, [hugo_dir / "public", hugo_dir / "resources"], hugo_dir / "public")
    if pelican:
        pelican_dir = work / "pelican"
        cmd = [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "pelicanconf.py", "-q"]
        tools["pelican"] = (cmd, pelican_dir, [pelican_dir / "output", pelican_dir / "cache"], pelican_dir / "output")
    runs: dict[str, list[tuple[float, float]]] = {tool: [] for tool in tools}
    for _ in range(repeat):
        for tool, (cmd, cwd, clean, _out) in tools.items():
            runs[tool].append(_timed(cmd, cwd, clean))
    results: dict[str, Result] = {}
    for tool, (_cmd, _cwd, _clean, out) in tools.items():
        walls = [wall for wall, _cpu in runs[tool]]
        per_round = [wall / ours for wall, (ours, _c) in zip(walls, runs["digest"])]
        ratio = (statistics.median(per_round), min(per_round), max(per_round))
        first = statistics.median(wall / ours for wall, (ours, _c) in zip(walls, runs["digest-first"]))
        results[tool] = (statistics.median(walls), statistics.median(cpu for _w, cpu in runs[tool]), _html_count(out), ratio, first)
    shutil.rmtree(work, ignore_errors=True)
    return results


def parse_bench_args(doc: str | None, default_sizes: list[int], argv: list[str] | None) -> argparse.Namespace:
    """The options every peer benchmark takes (shared with bench_incremental); also makes
    sure digest's bytecode exists, as for the peers."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=default_sizes)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args(argv)
    compile_bytecode()
    return args


def compile_bytecode() -> None:
    """Write digest's .pyc files, as `pip install` does for Pelican and every other package:
    with PYTHONDONTWRITEBYTECODE set (it is on the development machine) an editable install
    would otherwise compile every module from source in every timed process (~60 ms)."""
    compileall.compile_dir(str(PROJECT / "digest"), quiet=1)


def scratch_dir(prefix: str) -> Path:
    """A fresh directory on /dev/shm where there is one (the disk here is noisy)."""
    tmp_base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    return Path(tempfile.mkdtemp(prefix=prefix, dir=tmp_base))


def main(argv: list[str] | None = None) -> int:
    args = parse_bench_args(__doc__, [1000, 4000, 10000], argv)
    base = scratch_dir("digest-bench-build-")
    # digest's per-user cache (the compiled built-in theme, digest.cache.templatecache) goes here,
    # not in the home folder: "digest-first" times a build without it.
    os.environ["DIGEST_CACHE_DIR"] = str(base / "user-cache")
    print(f"cold builds, median of {args.repeat} interleaved rounds, on {base} ({os.cpu_count()} CPUs)")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    print(f"{'articles':>8}  {'tool':<13} {'wall s':>7} {'CPU s':>7} {'articles/s':>10} {'HTML pages':>10} {'pages/s':>8}  wall ratio")
    try:
        for n in args.sizes:
            results = run_size(base, n, args.repeat, not args.no_pelican, not args.no_hugo)
            for tool, (seconds, cpu, pages, (ratio, low, high), first) in results.items():
                verdict = ""
                if not tool.startswith("digest"):
                    verdict = f"digest {ratio:.1f}x faster" if ratio >= 1 else f"digest {1 / ratio:.1f}x slower"
                    verdict += f" ({tool} ÷ digest per round {low:.2f}–{high:.2f}; first build on the machine: {first:.2f})"
                print(f"{n:>8}  {tool:<13} {seconds:>7.2f} {cpu:>7.2f} {n / seconds:>10.0f} {pages:>10} {pages / seconds:>8.0f}  {verdict}")
            sys.stdout.flush()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
