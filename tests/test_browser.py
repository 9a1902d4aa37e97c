"""A real browser (Debian's chromium via Playwright) on the live site; screenshots are saved."""

import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium on this machine: apt-get install chromium (.ci/run does)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.mark.django_db(transaction=True)
def test_eo_14385_page_in_a_browser(live_server, seeded, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, width in (("desktop", 1280), ("phone", 390)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{live_server.url}/eo/14385")
        assert page.locator("h1").inner_text().startswith("Protecting the National Security")
        assert page.locator("#sec-3 h2").inner_text().startswith("Sec. 3.")
        page.locator(".toc a[href='#sec-2']").click()
        assert page.url.endswith("#sec-2")
        page.screenshot(path=str(ARTIFACTS / f"eo-14385-{name}.png"), full_page=True)
        page.close()


@pytest.mark.django_db(transaction=True)
def test_search_then_open_a_result(live_server, seeded, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url)
    page.fill("#home-q", "8 U.S.C. 1357")
    page.keyboard.press("Enter")
    page.wait_for_selector(".result")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-8-usc-1357.png"), full_page=True)
    page.locator(".result-title a").first.click()
    page.wait_for_selector("h1")
    assert "Enhancing Public Safety" in page.locator("h1").inner_text()
    page.close()
