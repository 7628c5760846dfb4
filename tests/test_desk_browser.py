"""The review desk in headless Chromium: click Approve, edit a summary, batch-approve from
the dashboard; then check the files and the rebuilt pages."""
from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from tests.libre_stub import LibreStub
from tests.test_desk import _front_matter, _start_serve
from tests.test_serve import Server, _eventually


@pytest.fixture
def translated_root(site_root: Path) -> Iterator[Path]:
    """Two machine-translated draft entries (the seed's, and a copy under another slug)."""
    runner = CliRunner()
    assert runner.invoke(cli, ["-C", str(site_root), "ingest"]).exit_code == 0
    first = next((site_root / "content").glob("*.md"))
    (site_root / "content" / "second-entry.md").write_bytes(first.read_bytes())
    with LibreStub() as stub:
        (site_root / "digest.toml").write_text(f'[translate]\nprovider = "libre"\nprovider_url = "{stub.url}"\n', encoding="utf-8")
        result = runner.invoke(cli, ["-C", str(site_root), "translate"], env={"LIBRE_API_KEY": "test"})
        assert result.exit_code == 0, result.output
    yield site_root


@pytest.fixture
def served(translated_root: Path) -> Iterator[Server]:
    srv = _start_serve(translated_root, "--by", "Huda", env={**os.environ, "LIBRE_API_KEY": "test"})
    try:
        yield srv
    finally:
        srv.proc.kill()
        srv.proc.wait()


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[object]:
    from chromium import chromium_driver

    gen = chromium_driver(tmp_path / "profile", {"browser": "ALL"})
    browser = next(gen)
    yield browser
    gen.close()


def _page(driver: object, srv: Server, path: str) -> None:
    driver.get(f"http://127.0.0.1:{srv.port}/" + urllib.parse.quote(path))  # type: ignore[attr-defined]


def _text(driver: object, element_id: str) -> str:
    """The element's text, "" while the page that has it is not there yet."""
    return str(driver.execute_script("var e=document.getElementById(arguments[0]);return e?e.textContent:'';", element_id))  # type: ignore[attr-defined]


def _severe(driver: object) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]


def test_click_approve_then_edit_the_summary(driver: object, served: Server, translated_root: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    slug = "second-entry"
    path = translated_root / "content" / f"{slug}.md"
    _page(driver, served, f"articles/{slug}/")
    find = driver.find_element  # type: ignore[attr-defined]
    assert find(By.ID, "desk-editor").text == "Huda"
    # Bidirectional fields, as Chromium resolves them.
    directions = driver.execute_script(  # type: ignore[attr-defined]
        "return ['desk-title-ar','desk-summary-ar','desk-title-en','desk-summary-en'].map(function(id){"
        "var e=document.getElementById(id);return [e.lang, getComputedStyle(e).direction];});"
    )
    assert directions == [["ar", "rtl"], ["ar", "rtl"], ["en", "ltr"], ["en", "ltr"]]
    # Keyboard: ? opens the help, Escape closes it, e goes to the English headline.
    body = find(By.TAG_NAME, "body")
    body.send_keys("?")
    assert driver.execute_script("return document.getElementById('desk-help').open")  # type: ignore[attr-defined]
    find(By.ID, "desk-help").send_keys(Keys.ESCAPE)
    _eventually(lambda: not driver.execute_script("return document.getElementById('desk-help').open"), "the help to close")  # type: ignore[attr-defined]
    body.send_keys("e")
    assert driver.switch_to.active_element.get_attribute("id") == "desk-title-en"  # type: ignore[attr-defined]

    find(By.ID, "desk-approve").click()
    _eventually(lambda: "approved by Huda" in _text(driver, "desk-notice"), "the rebuilt page after Approve")
    assert find(By.CSS_SELECTOR, "#review-panel-title .state").text == "approved"
    data = _front_matter(path)
    assert data["review"]["state"] == "approved" and data["review"]["by"] == "Huda"

    summary = find(By.ID, "desk-summary-en")
    summary.clear()
    summary.send_keys("The coalition says it has no bases; an editor's summary.")
    find(By.ID, "desk-save").click()
    _eventually(lambda: "saved summary_en" in _text(driver, "desk-notice"), "the rebuilt page after Save")
    data = _front_matter(path)
    assert data["summary_en"] == "The coalition says it has no bases; an editor's summary."
    assert data["translation"]["status"] == "edited"
    assert data["edited"]["by"] == "Huda" and "summary_en" in data["edited"]["machine"]
    assert "The coalition says it has no bases; an editor&#39;s summary." in (
        translated_root / ".digest" / "preview" / "articles" / slug / "index.html"
    ).read_text(encoding="utf-8") or "an editor's summary." in find(By.CSS_SELECTOR, ".review-en").text
    assert _severe(driver) == []


def test_batch_approve_all_matching_the_filter_from_the_dashboard(driver: object, served: Server, translated_root: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _page(driver, served, "review/")
    find = driver.find_element  # type: ignore[attr-defined]
    Select(find(By.ID, "filter-state")).select_by_value("draft")
    assert find(By.ID, "desk-matching").text == "2"
    find(By.ID, "desk-all").click()
    assert find(By.ID, "desk-selected").text == "2 selected"
    find(By.ID, "desk-batch-approve").click()
    _eventually(lambda: _text(driver, "desk-confirm-title") == "Approve 2 entries?", "the confirmation page")
    find(By.ID, "desk-confirm").click()
    _eventually(lambda: "approve: 2 entries changed by Huda" in _text(driver, "desk-notice"), "the rebuilt dashboard")
    states = [row.get_attribute("data-state") for row in driver.find_elements(By.CSS_SELECTOR, "#review-table tbody tr")]  # type: ignore[attr-defined]
    assert states == ["approved", "approved"]
    for path in sorted((translated_root / "content").glob("*.md")):
        review = _front_matter(path)["review"]
        assert (review["state"], review["by"]) == ("approved", "Huda")
    # The rebuilt article page says so too.
    _page(driver, served, "articles/second-entry/")
    assert find(By.CSS_SELECTOR, "#review-panel-title .state").text == "approved"
    assert _severe(driver) == []
