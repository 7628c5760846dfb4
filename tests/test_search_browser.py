"""The search page in headless Chromium: each result is an Arabic line (headline and date) and,
below it, an English line (headline, or what is pending), each laid out in its own
direction, at desktop and phone widths."""
from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from chromium import chromium_driver
from click.testing import CliRunner
from conftest import PROJECT, extra_seeds_dir

from digest.cli import cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = PROJECT / "test-artifacts"
SEED_TITLE_EN_START = "International Coalition on the shelling of its forces"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed (with the editors' English of this repository's content/) and the 15 shared
    articles (English pending), built offline with drafts, on 127.0.0.1."""
    root = tmp_path_factory.mktemp("search-browser")
    shutil.copytree(PROJECT / "seeds", root / "seeds")
    shutil.copytree(PROJECT / "content", root / "content")
    for path in sorted(extra_seeds_dir().glob("*.txt")):
        shutil.copy(path, root / "seeds")
    result = CliRunner().invoke(cli, ["-C", str(root), "build", "--offline", "--drafts"])
    assert result.exit_code == 0, result.output
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    yield from chromium_driver(tmp_path_factory.mktemp("chromium-profile"), {"browser": "ALL"})


# Per result: the boxes of its two lines, of the headline links, of the date, and the texts.
LAYOUT = """
return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
  function box(el) { return el ? el.getBoundingClientRect().toJSON() : null; }
  var ar = li.querySelector('p.result-ar'), en = li.querySelector('p.result-en');
  var enText = en.querySelector('a') || en;
  var range = document.createRange();
  range.selectNodeContents(enText);
  return {
    li: box(li), ar: box(ar), en: box(en), arLink: box(ar.querySelector('a')), date: box(ar.querySelector('time')),
    enRects: Array.from(range.getClientRects()).map(function (r) { return r.toJSON(); }),
    arDir: getComputedStyle(ar).direction, enDir: getComputedStyle(en).direction,
    dateLines: ar.querySelector('time').getClientRects().length, arText: ar.innerText, enText: en.innerText, dateText: ar.querySelector('time').innerText,
    children: Array.from(li.children).map(function (c) { return c.className; }),
  };
});
"""


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (390, "phone")])
def test_each_result_has_an_arabic_line_and_an_english_line(served: str, driver, width: int, name: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.set_window_size(width, 900)
    driver.get(served + "search/?q=" + quote("التحالف"))
    WebDriverWait(driver, 15).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#search-results li p.result-en")))
    results = driver.execute_script(LAYOUT)
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"search-results-{name}.png"))
    assert len(results) >= 2
    status = driver.find_element(By.ID, "search-status")
    assert status.text == f"{len(results)} نتيجة · {len(results)} results"
    counts = driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-status span')).map(s => [s.lang, getComputedStyle(s).direction, s.textContent])"
    )
    assert counts == [["ar", "rtl", f"{len(results)} نتيجة"], ["en", "ltr", f"{len(results)} results"]]
    english = [r for r in results if r["enText"].startswith(SEED_TITLE_EN_START)]
    pending = [r for r in results if r["enText"] == "English translation pending"]
    assert len(english) == 1 and pending, [r["enText"] for r in results]
    if width == 390:
        assert len(english[0]["enRects"]) > 1  # the long English headline wraps on a phone
    for r in results:
        assert r["children"] == ["result-ar", "result-en"] or r["children"] == ["result-ar", "result-en pending"]
        assert (r["arDir"], r["enDir"]) == ("rtl", "ltr")
        # Two lines: the English one starts below the Arabic one, and all of it stays there.
        assert r["en"]["top"] >= r["ar"]["bottom"] - 0.5
        assert all(rect["top"] >= r["ar"]["bottom"] - 0.5 for rect in r["enRects"])
        # The date is on the Arabic line, in order, and never among the English words.
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["dateText"])
        assert r["dateLines"] == 1  # never broken at its hyphens
        assert r["date"]["bottom"] <= r["en"]["top"] + 0.5
        assert r["dateText"] not in r["enText"]
        # Each line starts at its own side: Arabic at the right, English at the left.
        assert abs(r["arLink"]["right"] - r["li"]["right"]) < 2
        assert abs(min(rect["left"] for rect in r["enRects"]) - r["li"]["left"]) < 2
