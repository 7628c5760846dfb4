"""The review dashboard's filters in headless Chromium (file:// — no server, no network)."""
from __future__ import annotations

from pathlib import Path

import pytest
from chromium import chromium_driver
from test_review_dashboard import ENTRIES

from digest.build.pipeline import build_site
from digest.content.entries import write_entry
from digest.core.config import Config

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review-browser")
    for entry in ENTRIES:
        write_entry(entry, root / "content")
    build_site(root, Config.for_test(), review=True, offline=True)
    return root / "site" / "review" / "index.html"


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    yield from chromium_driver(tmp_path_factory.mktemp("chromium-review"), {"browser": "ALL"})


def _visible_states(driver) -> list[str]:
    rows = driver.find_elements("css selector", "#review-table tbody tr")
    return [r.get_attribute("data-state") for r in rows if r.is_displayed()]


def test_filters_by_state_and_flag_and_keep_the_choice_in_the_url(driver, dashboard: Path) -> None:
    from selenium.webdriver.support.ui import Select

    driver.get(dashboard.as_uri())
    assert _visible_states(driver) == ["approved", "draft", "rejected"]
    Select(driver.find_element("id", "filter-state")).select_by_value("draft")
    assert _visible_states(driver) == ["draft"]
    assert driver.find_element("id", "review-shown").text == "1 shown"
    Select(driver.find_element("id", "filter-state")).select_by_value("")
    Select(driver.find_element("id", "filter-flag")).select_by_value("date-unknown")
    assert _visible_states(driver) == ["rejected"]
    Select(driver.find_element("id", "filter-flag")).select_by_value("-")
    assert _visible_states(driver) == ["approved"]
    assert driver.current_url.endswith("#flag=-")
    # Reloading with a hash restores the filter.
    driver.get(dashboard.as_uri() + "#state=draft")
    driver.refresh()
    assert _visible_states(driver) == ["draft"]
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []
    artifacts = PROJECT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    driver.set_window_size(1280, 800)
    driver.get(dashboard.as_uri())
    driver.save_screenshot(str(artifacts / "review-dashboard.png"))
