"""Time a review-desk click to the reloaded page in `digest serve` on a generated corpus.

    python benchmarks/bench_desk.py [N] [--repeat R] [--dir /dev/shm/digest-bench-desk]

Generates N seed-like articles (benchmarks/corpus.py), ingests them once, starts
`digest serve` on them, then R times: GET an article page (the desk form), POST the desk's
Reject (each time of another draft), then a Save of the English summary, follow the 303 to the
rebuilt page and read it whole. That is what a browser does between the click and the
reloaded page, minus painting. Prints the median and the worst, per action.
"""
from __future__ import annotations

import argparse
import html
import http.client
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_corpus

from digest.core.config import Config
from digest.ingest.run import ingest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _request(port: int, method: str, path: str, body: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Origin": f"http://127.0.0.1:{port}"}
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8")
    conn.close()
    return response.status, dict(response.getheaders()), text


def _form(page: str, selector: str) -> dict[str, str]:
    form = page[page.index(selector) :]
    form = form[: form.index("</form>")]
    return {m[1]: html.unescape(m[2]) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)}


def click(port: int, page_path: str, selector: str, fields: dict[str, str]) -> float:
    """Seconds from the POST to the rebuilt page read whole."""
    _status, _h, page = _request(port, "GET", page_path)
    form = _form(page, selector) | fields
    start = time.perf_counter()
    status, headers, _ = _request(port, "POST", "/_desk/entry", form)
    if status != 303:
        raise SystemExit(f"desk answered {status}")
    status, _h, _ = _request(port, "GET", headers["Location"])
    took = time.perf_counter() - start
    if status != 200:
        raise SystemExit(f"page answered {status}")
    return took


def bench(n: int, repeat: int, base: Path) -> None:
    root = base / f"n{n}"
    if not (root / "content").is_dir():
        generate_corpus(root / "seeds", n)
        ingest(root, [root / "seeds"], Config())
    slug = sorted(p.stem for p in (root / "content").glob("*.md"))[-1]
    page_path = "/articles/" + urllib.parse.quote(slug) + "/"
    port = _free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "-C", str(root), "serve", "--no-browser", "--port", str(port), "--by", "bench"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "serving the preview at" in line:
                break
        else:
            raise SystemExit("serve did not start")
        print(f"{n} entries: first preview build and start {time.perf_counter() - started:.1f} s")
        # Drafts only (a corpus used before has rejected entries, which have no page).
        slugs = sorted(p.stem for p in (root / "content").glob("*.md") if "\n  state: draft" in p.read_text(encoding="utf-8"))
        states = [  # each click rejects another draft (its page is gone; on to the next draft)
            click(port, "/articles/" + urllib.parse.quote(slugs[i]) + "/", '<form class="desk-actions"', {"action": "reject", "reason": "bench"})
            for i in range(repeat)
        ]
        saves = [
            click(port, page_path, '<form class="desk-edit"', {"action": "save", "summary_en": f"Edited summary {i}."})
            for i in range(repeat)
        ]
        for label, runs in (("reject", states), ("save English", saves)):
            print(f"{n:>6} entries  {label:<14} click → reloaded page: median {statistics.median(runs):.3f} s, worst {max(runs):.3f} s ({repeat} clicks)")
    finally:
        proc.terminate()
        proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[4000])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--dir", type=Path, default=Path("/dev/shm/digest-bench-desk"))
    args = parser.parse_args(argv)
    for n in args.sizes:
        bench(n, args.repeat, args.dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
