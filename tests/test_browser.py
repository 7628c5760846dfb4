"""Headless Chromium on the built site, served over 127.0.0.1: directions, console, requests,
search, screenshots (saved under test-artifacts/)."""
from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from chromium import chromium_driver

from digest.build.pipeline import build_site
from digest.content.entries import load_entries
from digest.core.config import Config

PROJECT = Path(__file__).resolve().parent.parent
ARTIFACTS = PROJECT / "test-artifacts"
SEED_TITLE_START = "التحالف الدولي عن قصف قواتها"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The seed site (with this repository's content/, so editors' English if any) on 127.0.0.1."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(PROJECT / "seeds", root / "seeds")
    shutil.copytree(PROJECT / "content", root / "content")
    shutil.copy(PROJECT / "glossary.toml", root / "glossary.toml")
    build_site(root, Config.for_test(), drafts=True, offline=True)
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", root
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    yield from chromium_driver(tmp_path_factory.mktemp("chromium-profile"), {"browser": "ALL", "performance": "ALL"})


BROWSER_INTERNAL = ("chrome://", "chrome-extension://", "devtools://", "data:", "about:")


def _network(driver) -> tuple[list[str], list[str]]:
    """(every URL the pages requested, every failed request) since the last call.
    The browser's own chrome:// resources are not the page's requests."""
    requested, failed, ours = [], [], set()
    for record in driver.get_log("performance"):
        message = json.loads(record["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent" and not params["request"]["url"].startswith(BROWSER_INTERNAL):
            requested.append(params["request"]["url"])
            ours.add(params["requestId"])
        elif message["method"] == "Network.loadingFailed" and params.get("requestId") in ours:
            failed.append(f"{params.get('errorText')} ({params.get('requestId')})")
        elif message["method"] == "Network.responseReceived" and params["response"]["status"] >= 400:
            failed.append(f"{params['response']['status']} {params['response']['url']}")
    return requested, failed


def _severe_console(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_article_page_directions_requests_and_screenshots(served, driver) -> None:
    base, root = served
    entries, _ = load_entries(root / "content")
    seed = next(e for e in entries if e.title.startswith(SEED_TITLE_START))
    driver.get_log("performance")  # start clean
    ARTIFACTS.mkdir(exist_ok=True)
    driver.set_window_size(1280, 1000)
    driver.get(base + "articles/" + quote(seed.slug) + "/")
    direction = "return getComputedStyle(document.querySelector(arguments[0])).direction"
    assert driver.execute_script(direction, "section.original") == "rtl"
    assert driver.execute_script(direction, "section.original h1") == "rtl"
    assert driver.execute_script(direction, "section.english") == "ltr"
    assert driver.execute_script("return document.documentElement.lang") == "ar"
    # Wide screen: the Arabic original and the English summary side by side.
    original = driver.execute_script("return document.querySelector('section.original').getBoundingClientRect().toJSON()")
    english = driver.execute_script("return document.querySelector('section.english').getBoundingClientRect().toJSON()")
    assert english["right"] <= original["left"] + 1  # RTL: the English column sits to the left
    driver.save_screenshot(str(ARTIFACTS / "article-desktop.png"))
    driver.set_window_size(390, 844)
    driver.refresh()
    original = driver.execute_script("return document.querySelector('section.original').getBoundingClientRect().toJSON()")
    english = driver.execute_script("return document.querySelector('section.english').getBoundingClientRect().toJSON()")
    assert english["top"] >= original["bottom"] - 1  # narrow screen: stacked
    driver.save_screenshot(str(ARTIFACTS / "article-phone.png"))
    requested, failed = _network(driver)
    assert any(url.endswith("assets/style.css") for url in requested), requested
    assert all(url.startswith(base) for url in requested), requested
    assert failed == []
    assert _severe_console(driver) == []


# Spellings a reader may type: the index holds «أربيل», «لإيران», «المسلحة» and «ردٍ» (folded
# when the index was built); search.js must fold the query the same way, or none is found.
@pytest.mark.parametrize(
    "query",
    ["أربيل", "إربيل", "آربيل", "ٱربيل", "إيران", "المسلحة", "المسلحه", "ردٍ", "أربيـــل", "أربيل إيران"],
    ids=["hamza-above", "hamza-below", "madda", "wasla", "hamza-below-iran", "ta-marbuta", "ha", "tanwin", "tatweel", "two-words"],
)
def test_search_folds_hamza_and_other_forms_in_the_query(served, driver, query: str) -> None:
    base, _root = served
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "search/?q=" + quote(query))
    WebDriverWait(driver, 15).until(ec.text_to_be_present_in_element((By.ID, "search-status"), "result"))
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li p.result-ar a")]
    assert [t[: len(SEED_TITLE_START)] for t in titles] == [SEED_TITLE_START]
    assert driver.find_element(By.ID, "search-status").text == "1 نتيجة · 1 result"


def test_search_for_a_word_not_in_the_index_finds_nothing(served, driver) -> None:
    base, _root = served
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "search/?q=" + quote("أربيلا"))
    WebDriverWait(driver, 15).until(ec.text_to_be_present_in_element((By.ID, "search-status"), "results"))
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results li") == []
    assert driver.find_element(By.ID, "search-status").text == "0 نتيجة · 0 results"


def test_search_for_arbil_without_hamza_finds_the_seed(served, driver) -> None:
    base, _root = served
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("performance")
    driver.set_window_size(1280, 1000)
    driver.get(base + "search/?q=" + quote("اربيل"))
    WebDriverWait(driver, 15).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#search-results li a")))
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
    assert any(t.startswith(SEED_TITLE_START) for t in titles), titles
    driver.save_screenshot(str(ARTIFACTS / "search.png"))
    # An English query works on the same index (tag labels from the glossary).
    search_box = driver.find_element(By.ID, "q")
    search_box.clear()
    search_box.send_keys("erbil")
    WebDriverWait(driver, 15).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#search-results li a")))
    requested, failed = _network(driver)
    assert any(url.endswith("search.json") for url in requested), requested
    assert all(url.startswith(base) for url in requested), requested
    assert failed == []
    assert _severe_console(driver) == []
