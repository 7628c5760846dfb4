"""Incremental rebuilds: digest vs Pelican (with its content cache) vs Hugo's server.

    python benchmarks/bench_incremental.py [--sizes 4000 10000] [--repeat 3] [--no-pelican] [--no-hugo]
    python benchmarks/bench_incremental.py --serve [--sizes 4000] [--repeat 5] [--no-hugo]
    python benchmarks/bench_incremental.py --only no-op [--sizes 4000] [--repeat 5] --no-pelican --no-hugo

For each size N: N seed-like articles (benchmarks/corpus.py), ingested once, the same
articles exported for Pelican and Hugo (benchmarks/bench_build.py `prepare`), all on
/dev/shm. Then, for digest, the median of --repeat runs of:

- cold:          `digest build --offline` with no site/ and no .digest/ (one run);
- no-op:         the same command again, nothing changed;
- body edit:     a paragraph appended to one entry's body;
- headline edit: one entry's Arabic headline changed (its listings, feeds, neighbours);
- new article:   one new seed, dated after all others (ingest + its pages + front pages);
- template:      an override of article.html appears (every article page re-rendered);

each timed twice: as a command (a fresh `digest` process, Python start-up included) and
in-process (what `digest serve` does on a change: build_site() in a running process).
Wall-clock seconds and CPU seconds (user + system, the build's worker processes included)
are both reported: on a shared machine the CPU figure is the steadier one.

--serve: from a file's save to the changed page served by a running server. `digest
serve --no-browser --port 0` is started on the site (its first preview build is not
timed); for each case the file is written, then the page that must change is fetched over
HTTP every 10 ms until it has changed: body edit (the article's page), headline edit (the
article's page), new article (the front page); a no-op (a content file touched, nothing
changed) has no page to wait for: timed until the server printed that rebuild's line.
The server's own build time (from its line) is shown beside.

--only CASE [CASE ...]: just those cases of digest (no-op, body edit, headline edit, new
article, template change), after the cold build. Hugo: the same save-to-served
measure against `hugo server` on the same articles (a body edit, polling the post's page),
and its own "Total in N ms". The load average is printed with the results.

Pelican: `pelican` with LOAD_CONTENT_CACHE/CACHE_CONTENT on, after one run that fills the
cache: a no-op run and a one-file edit. Hugo: `hugo server` (in memory) — the time it
reports ("Total in N ms") for rebuilding after a one-file edit; and a full `hugo` run.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))
sys.path.insert(0, str(PROJECT))

from bench_build import PELICAN_CONF, parse_bench_args, prepare, scratch_dir  # noqa: E402
from corpus import SEED_ARTICLE, SeedMaterial, article_text, tag_pool, zipf_weights  # noqa: E402

from digest.build.pipeline import build_site  # noqa: E402
from digest.content.entries import read_entry, write_entry  # noqa: E402
from digest.core.config import load_config  # noqa: E402

DIGEST = [sys.executable, "-m", "digest.cli"]
OVERRIDE = '{% extends "!builtin/article.html" %}{% block title %}{{ super() }} · {{ n }}{% endblock %}'


def _median(times: list[float]) -> float:
    return statistics.median(times)


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def _cpu() -> float:
    """User + system time of this process and of its children that have been waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(action: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), _cpu()
    action()
    return time.perf_counter() - wall, _cpu() - cpu


def _run(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


class DigestSite:
    def __init__(self, root: Path):
        self.root = root
        self.entries = sorted((root / "content").glob("*.md"))
        self.rng = random.Random(1)
        material = SeedMaterial(SEED_ARTICLE.read_text(encoding="utf-8"))
        self.pool = tag_pool(material)
        self.weights = zipf_weights(len(self.pool))
        self.material = material
        self.newest = max(dt.date.fromisoformat(p.name[:10]) for p in (root / "seeds").glob("*.txt"))
        self.edits = 0

    def command(self) -> Timing:
        return _timed(lambda: _run([*DIGEST, "-C", str(self.root), "build", "--offline"]))

    def in_process(self) -> Timing:
        return _timed(lambda: build_site(self.root, load_config(self.root), offline=True))

    def settle(self) -> None:
        """Builds until one finds nothing to do (ingest and translation write content/)."""
        for _ in range(3):
            self.in_process()

    # -- the edits --

    def _pick(self) -> Path:
        self.edits += 1
        return self.entries[(self.edits * 7919) % len(self.entries)]

    def edit_body(self) -> str:
        """Returns a text the rebuilt page shows."""
        path = self._pick()
        marker = f"فقرة أضافها المحرر رقم {self.edits}."
        path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        return marker

    def edit_headline(self) -> str:
        path = self._pick()
        entry = read_entry(path)
        entry.title = f"{entry.title} ({self.edits})"
        write_entry(entry, self.root / "content")
        return entry.title

    def new_article(self) -> None:
        self.newest += dt.timedelta(days=1)
        text = article_text(self.rng, self.material, self.pool, self.weights)
        (self.root / "seeds" / f"{self.newest.isoformat()}-new{self.edits}.txt").write_text(text, encoding="utf-8")
        self.edits += 1

    def template_on(self) -> None:
        (self.root / "templates").mkdir(exist_ok=True)
        (self.root / "templates" / "article.html").write_text(OVERRIDE.replace("{{ n }}", str(self.edits)), encoding="utf-8")
        self.edits += 1

    def template_off(self) -> None:
        (self.root / "templates" / "article.html").unlink()


NAN = (float("nan"), float("nan"))


def bench_digest(root: Path, repeat: int, only: list[str] | None = None) -> dict[str, tuple[Timing, Timing]]:
    site = DigestSite(root)
    results: dict[str, tuple[Timing, Timing]] = {}
    shutil.rmtree(root / "site", ignore_errors=True)
    shutil.rmtree(root / ".digest", ignore_errors=True)
    results["cold"] = (site.command(), NAN)
    site.settle()

    def case(name: str, change: Callable[[], None], undo: Callable[[], None] | None = None) -> None:
        if only and name not in only:
            return
        timings: dict[str, list[Timing]] = {"command": [], "in-process": []}
        for how, build in (("command", site.command), ("in-process", site.in_process)):
            for _ in range(repeat):
                change()
                timings[how].append(build())
                if undo is not None:
                    undo()
                site.settle()
        results[name] = (
            (_median([t[0] for t in timings["command"]]), _median([t[1] for t in timings["command"]])),
            (_median([t[0] for t in timings["in-process"]]), _median([t[1] for t in timings["in-process"]])),
        )

    case("no-op", lambda: None)
    case("body edit", site.edit_body)
    case("headline edit", site.edit_headline)
    case("new article", site.new_article)
    case("template change", site.template_on, site.template_off)
    return results


def bench_pelican(work: Path, repeat: int) -> dict[str, float]:
    project = work / "pelican"
    conf = PELICAN_CONF.replace("LOAD_CONTENT_CACHE = False", "LOAD_CONTENT_CACHE = True").replace(
        "CACHE_CONTENT = False", "CACHE_CONTENT = True"
    )
    (project / "pelicanconf.py").write_text(conf, encoding="utf-8")
    command = [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "pelicanconf.py", "-q"]
    results = {"cold": _run(command, project)}
    results["no-op"] = _median([_run(command, project) for _ in range(repeat)])
    files = sorted((project / "content").glob("*.md"))
    edits = []
    for i in range(repeat):
        path = files[(i * 7919) % len(files)]
        path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة {i}.\n", encoding="utf-8")
        edits.append(_run(command, project))
    results["body edit"] = _median(edits)
    return results


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_hugo(work: Path, repeat: int) -> dict[str, float]:
    project = work / "hugo"
    results = {"cold": _run(["hugo", "--quiet", "-s", str(project), "-d", str(project / "public")])}
    server = subprocess.Popen(
        ["hugo", "server", "-s", str(project), "-p", str(_free_port()), "--disableLiveReload"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    totals: list[float] = []
    ready = threading.Event()

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            if "Web Server is available" in line:
                ready.set()
            found = re.search(r"Total in (\d+) ms", line)
            if found and ready.is_set():
                totals.append(int(found.group(1)) / 1000)

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(600):
            raise RuntimeError("hugo server did not start")
        files = sorted((project / "content" / "posts").glob("*.md"))
        for i in range(repeat):
            before = len(totals)
            path = files[(i * 7919) % len(files)]
            path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة {i}.\n", encoding="utf-8")
            deadline = time.monotonic() + 120
            while len(totals) == before and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(1.0)  # let the watcher settle before the next edit
        results["body edit"] = _median(totals) if totals else float("nan")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


POLL = 0.01  # seconds between two fetches of the page being waited for


def _fetch(url: str) -> bytes:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}".encode()


def _served_after(url: str, before: bytes, saved: float, deadline: float = 120.0, marker: str | None = None) -> float:
    """Seconds from `saved` (perf_counter) until `url` serves something else than `before`
    — or, with `marker`, until it serves a page containing it. (An article page of the
    preview carries the review desk's form, made from the content file as the page is
    served: it changes at once after a save, before any rebuild. The edit's own text shows
    the rebuilt page.)"""
    while time.perf_counter() - saved < deadline:
        page = _fetch(url)
        desk = page.find(b'<section class="desk"')  # it shows the file's headline: not the rebuilt page
        built = page[:desk] if desk != -1 else page
        if (marker.encode("utf-8") in built) if marker is not None else page != before:
            return time.perf_counter() - saved
        time.sleep(POLL)
    raise RuntimeError(f"{url} did not change within {deadline:.0f}s")


class ServerLines:
    """A server's output, line by line, with the time each arrived."""

    def __init__(self, process: subprocess.Popen[str]):
        self.lines: list[tuple[float, str]] = []
        self.process = process
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def wait_for(self, pattern: str, start: int = 0, timeout: float = 600) -> tuple[float, str, int]:
        """The first line from index `start` on matching `pattern`: (arrival, line, its index)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i in range(start, len(self.lines)):
                if re.search(pattern, self.lines[i][1]):
                    return (*self.lines[i], i)
            if self.process.poll() is not None and not any(re.search(pattern, line) for _t, line in self.lines[start:]):
                raise RuntimeError("server stopped: " + " | ".join(line for _t, line in self.lines[-5:]))
            time.sleep(POLL)
        raise RuntimeError(f"no line matching {pattern!r}: " + " | ".join(line for _t, line in self.lines[-5:]))


BUILD_LINE = r"(pages rendered|build failed) in ([0-9.]+)s"


def bench_serve(root: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """digest serve: case → (median save-to-served seconds, median of the server's own build time)."""
    import urllib.parse

    site = DigestSite(root)
    site.settle()
    server = subprocess.Popen(
        [*DIGEST, "-C", str(root), "serve", "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines = ServerLines(server)
    results: dict[str, tuple[float, float]] = {}
    try:
        _t, line, _i = lines.wait_for(r"serving the preview at (http://\S+/)")
        base = re.search(r"(http://\S+/)", line).group(1)  # type: ignore[union-attr]

        def article_url(path: Path) -> str:
            return base + "articles/" + urllib.parse.quote(read_entry(path).slug) + "/"

        def case(name: str, change: Callable[[], object], url_of: Callable[[Path | None], str | None]) -> None:
            served, built = [], []
            for _ in range(repeat):
                time.sleep(0.6)  # the watcher has seen the last change settle
                mark = len(lines.lines)
                target = url_of(site.entries[((site.edits + 1) * 7919) % len(site.entries)]) if name != "new article" else base
                before = _fetch(target) if target else b""
                saved = time.perf_counter()
                changed = change()
                marker = changed if isinstance(changed, str) else None
                if target and name != "no-op":
                    served.append(_served_after(target, before, saved, marker=marker))
                    arrived, line, _i = lines.wait_for(BUILD_LINE, mark)
                else:
                    arrived, line, _i = lines.wait_for(BUILD_LINE, mark)
                    served.append(arrived - saved)
                built.append(float(re.search(BUILD_LINE, line).group(2)))  # type: ignore[union-attr]
            results[name] = (_median(served), _median(built))

        def touch() -> None:
            path = site.entries[((site.edits + 1) * 7919) % len(site.entries)]
            site.edits += 1
            os.utime(path)

        case("body edit", site.edit_body, article_url)
        case("headline edit", site.edit_headline, article_url)
        case("new article", site.new_article, lambda _p: base)
        case("no-op", touch, lambda _p: None)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return results


def bench_hugo_served(work: Path, repeat: int) -> tuple[float, float]:
    """hugo server: (median save-to-served seconds of a body edit, median of its "Total in")."""
    project = work / "hugo"
    port = _free_port()
    server = subprocess.Popen(
        ["hugo", "server", "-s", str(project), "-p", str(port), "--disableLiveReload"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines = ServerLines(server)
    served, totals = [], []
    try:
        lines.wait_for("Web Server is available")
        files = sorted((project / "content" / "posts").glob("*.md"))
        for i in range(repeat):
            time.sleep(1.0)
            path = files[(i * 7919 + 13) % len(files)]
            url = f"http://localhost:{port}/posts/{path.stem}/"
            before = _fetch(url)
            mark = len(lines.lines)
            saved = time.perf_counter()
            path.write_text(path.read_text(encoding="utf-8") + f"\nفقرة {i}.\n", encoding="utf-8")
            served.append(_served_after(url, before, saved))
            _t, line, _i = lines.wait_for(r"Total in (\d+) ms", mark)
            totals.append(int(re.search(r"Total in (\d+) ms", line).group(1)) / 1000)  # type: ignore[union-attr]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _median(served), _median(totals)


def main_serve(argv: list[str]) -> int:
    args = parse_bench_args(__doc__, [4000], argv)
    base = scratch_dir("digest-bench-serve-")
    os.environ["DIGEST_CACHE_DIR"] = str(base / "user-cache")
    print(f"save → served page, median of {args.repeat}, on {base} ({os.cpu_count()} CPUs); seconds")
    try:
        for n in args.sizes:
            work = base / f"n{n}"
            root = prepare(work, n)
            ours = bench_serve(root, args.repeat)
            hugo = bench_hugo_served(work, args.repeat) if not args.no_hugo and shutil.which("hugo") else (float("nan"),) * 2
            print(f"{'articles':>8}  {'case':<14} {'digest serve':>12} {'(its build)':>11} {'hugo server':>11} {'(its build)':>11}")
            for name, (served, built) in ours.items():
                other = f"{hugo[0]:>11.3f} {hugo[1]:>11.3f}" if name == "body edit" else ""
                print(f"{n:>8}  {name:<14} {served:>12.3f} {built:>11.3f} {other}")
            print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
            sys.stdout.flush()
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    only: list[str] = []
    if "--only" in argv:  # --only no-op "body edit"
        at = argv.index("--only")
        rest = argv[at + 1 :]
        while rest and not rest[0].startswith("--"):
            only.append(rest.pop(0))
        argv = argv[:at] + rest
    if "--serve" in argv:
        argv.remove("--serve")
        return main_serve(argv)
    args = parse_bench_args(__doc__, [4000, 10000], argv)
    base = scratch_dir("digest-bench-incremental-")
    os.environ["DIGEST_CACHE_DIR"] = str(base / "user-cache")  # digest's per-user cache: here, not in the home folder
    print(f"incremental rebuilds, median of {args.repeat}, on {base} ({os.cpu_count()} CPUs); seconds, wall/CPU")
    print(f"{'articles':>8}  {'case':<16} {'digest command':>15} {'in-process':>13} {'pelican':>8} {'hugo':>8}")
    try:
        for n in args.sizes:
            work = base / f"n{n}"
            root = prepare(work, n)
            ours = bench_digest(root, args.repeat, only)
            pelican = bench_pelican(work, args.repeat) if not args.no_pelican else {}
            hugo = bench_hugo(work, args.repeat) if not args.no_hugo and shutil.which("hugo") else {}
            for name, (command, in_process) in ours.items():
                other = [f"{tool.get(name, float('nan')):>8.2f}" for tool in (pelican, hugo)]
                ours_text = f"{command[0]:>7.2f}/{command[1]:<7.2f} {in_process[0]:>6.2f}/{in_process[1]:<6.2f}"
                print(f"{n:>8}  {name:<16} {ours_text} {other[0]} {other[1]}")
            sys.stdout.flush()
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
