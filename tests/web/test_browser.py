"""A real browser (Debian's chromium via Playwright) on the live site; screenshots are saved."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
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
def test_eo_14385_page_in_a_browser(live_server, seeded_committed, browser):
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


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page, one line each."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"axe-core is missing at {AXE}: `make install-dev` runs npm ci")
        pytest.skip("axe-core is not installed (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def main_urls(seeded_committed):
    """The pages every reader meets, read from the database before the browser starts (the
    browser's event loop forbids database calls)."""
    from actions.models import Action, Agency, President

    order = Action.objects.get(kind="executive_order", number="14385")
    return [
        "/",
        "/search/?q=immigration",
        "/search/?q=zzzzqqq",
        "/eo/13768",
        order.get_absolute_url(),
        f"/actions/{order.pk}/compare/",
        "/statutes/",
        "/statutes/usc/8",
        "/statutes/usc/8/1357",
        "/agencies/",
        Agency.objects.filter(mentions__isnull=False).first().get_absolute_url(),
        "/presidents/",
        President.objects.filter(actions__isnull=False).first().get_absolute_url(),
        "/timeline/",
        "/coverage/",
        "/emergencies/",
        "/actions/?agency=DHS&directed=true&kind=executive_order",  # chips, the datalist
        "/statutes/jump?to=hello",  # the index with its error
        "/eo/99999",  # the 404 page
    ]


@pytest.mark.django_db(transaction=True)
def test_main_pages_have_no_serious_accessibility_violations(live_server, main_urls, browser):
    pages = main_urls
    found = {}
    for width in (1280, 390):
        # axe is injected as an inline script, which the site's CSP rightly refuses.
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        for url in pages:
            page.goto(f"{live_server.url}{url}")
            problems = serious_violations(page)
            if problems:
                found[f"{url} @{width}px"] = problems
        context.close()
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.fixture
def lineage(seeded_committed):
    """The seeds plus the two later orders that revoked EO 13768 and then its revoker, as
    published (the Markdown collection), so that the graph has a chain to follow."""
    from tests.conftest import CORPUS

    orders = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"
    call_command(
        "ingest",
        str(orders / "joe-biden/2021/01-January/2021-01-20-executive-order-13993.md"),
        str(orders / "donald-trump/2025/01-January/2025-01-20-executive-order-14159.md"),
        stdout=StringIO(),
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name,width", [("desktop", 1280), ("phone", 390)])
def test_a_readers_journey(live_server, lineage, browser, name, width):
    """Search a statute, filter, open a result, follow a relation both ways, open the statute
    page: a screenshot of each step at this width."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})

    def shot(step: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"journey-{name}-{step}.png"), full_page=True)

    page.goto(live_server.url)
    page.fill("#home-q", "8 U.S.C. 1357")
    page.keyboard.press("Enter")
    # (the home page lists results of its own: wait for the search page, not any result)
    page.wait_for_url("**/search/?*")
    page.wait_for_selector(".result")
    titles = page.locator(".result-title").all_inner_texts()
    assert any("Enhancing Public Safety" in title for title in titles)
    shot("1-search")

    # A facet narrows the results and keeps the query.
    page.locator(".facet a", has_text="Donald J. Trump").first.click()
    page.wait_for_load_state()
    assert "president=" in page.url and "q=8+U.S.C.+1357" in page.url
    filtered = page.locator(".result-title").all_inner_texts()
    assert 0 < len(filtered) <= len(titles)
    shot("2-filtered")

    page.locator(".result-title a", has_text="Enhancing Public Safety").first.click()
    page.wait_for_selector("h1")
    assert "Enhancing Public Safety" in page.locator("h1").inner_text()
    # The revocation stated in EO 13993's text shows on the order it revoked.
    revoked_by = page.locator("#relations li", has_text="13993")
    assert "Revoked by" in revoked_by.inner_text()
    shot("3-action")

    revoked_by.locator("a[href='/eo/13993']").first.click()
    page.wait_for_selector("h1")
    assert page.url.endswith("/eo/13993")
    relations = page.locator("#relations").inner_text()
    assert "13768" in relations and "14159" in relations  # what it revoked, what revoked it
    shot("4-relation")

    page.go_back()
    page.locator("a.cite", has_text="1357").first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text().startswith("8 U.S.C. 1357")
    shot("5-statute")
    # The statute page lists the order and links back to its section.
    page.locator(".results a[href*='/eo/13768#sec-']").first.click()
    page.wait_for_selector("h1")
    assert "/eo/13768#sec-" in page.url
    page.close()


@pytest.mark.django_db(transaction=True)
def test_related_actions_link_both_ways(live_server, seeded_committed, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/eo/13768")
    page.locator("#related a").first.click()
    page.wait_for_selector("h1")
    assert page.locator("#related a[href='/eo/13768']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "related-action.png"), full_page=True)
    page.close()


@pytest.mark.django_db(transaction=True)
def test_keyboard_reaches_search_with_a_visible_focus(live_server, seeded_committed, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/eo/13768")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.close()


@pytest.fixture
def hostile_page(db, tmp_path):
    """A real whitehouse.gov page with a script, an onerror handler, javascript: links and a
    javascript: source address planted in it, ingested."""
    from io import StringIO

    from django.core.management import call_command

    from actions.models import Source
    from tests.conftest import seed

    page = seed("whitehouse_markdown").read_text(encoding="utf-8")
    head, body = page.split("\n---", 1)
    head = head.replace("source_url:", "source_url: javascript:window.__owned=3\nold_url:", 1)
    body = body.replace(
        "\n\n",
        '\n\n<script>window.__owned = 1</script><img src=x onerror="window.__owned=2">'
        ' [click](javascript:window.__owned=4) <svg onload="window.__owned=5"></svg>\n\n',
        2,
    )
    path = tmp_path / "hostile.md"
    path.write_text(head + "\n---" + body, encoding="utf-8")
    call_command("ingest", "--no-relate", str(path), stdout=StringIO())
    return Source.objects.get(locator__endswith="hostile.md").action.get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_no_script_from_a_source_runs_and_the_pages_carry_a_csp(live_server, hostile_page, browser):
    page = browser.new_page()
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(f"{live_server.url}{hostile_page}")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.locator("h1").inner_text().startswith("Protecting the National Security")
    for link in page.locator("a").all():
        href = (link.get_attribute("href") or "").strip().lower()
        assert not href.startswith("javascript:"), href
    if page.locator("text=click").count():
        page.locator("text=click").first.click()  # the word of a javascript: link, now text
    assert page.evaluate("typeof window.__owned") == "undefined"
    assert dialogs == []
    # The site's own pages break none of their own policy.
    for url in ("/", "/search/?q=immigration", "/timeline/", hostile_page):
        page.goto(f"{live_server.url}{url}")
    assert violations == []
    page.close()


def tabs_to(page, selector: str, limit: int = 60) -> int:
    """Tab presses from a fresh page until the element matching `selector` has the focus;
    the skip link is followed with Enter, as a keyboard user would."""
    target = page.locator(selector).first.element_handle()
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        if page.evaluate("([a, b]) => a === b", [focused, target]):
            return presses
        if presses == 1 and page.evaluate("document.activeElement.className") == "skip-link":
            page.keyboard.press("Enter")
    return limit + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("name", "width"), [("desktop", 1280), ("phone", 390)])
def test_few_tab_presses_reach_the_first_result(
    live_server, seeded_committed, browser, name, width
):
    """Goal: at most 10 (52 before the results came first in the page)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{live_server.url}/search/?q=immigration&kind=executive_order")
    presses = tabs_to(page, "ol.results li.result h3 a")
    print(f"tab presses to the first result ({name}): {presses}")
    assert presses <= 10, presses
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"tabs-to-first-result-{name}.png"), full_page=False)
    # on a phone the filters are one link away, above the results
    assert page.locator("a.to-filters").is_visible()
    # no date or badge breaks over two lines
    broken = page.evaluate(
        "[...document.querySelectorAll('time, .status, .kind')]"
        ".filter(e => e.getClientRects().length > 1).map(e => e.textContent)"
    )
    assert broken == []
    page.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("name", "width"), [("desktop", 1280), ("phone", 390)])
def test_the_eleven_tasks_of_a_reporter(live_server, lineage, browser, name, width):
    """The everyday tasks, as a reporter on deadline types them, a screenshot per step."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    base = live_server.url

    def shot(step: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"tasks-{name}-{step}.png"), full_page=True)

    # 1. A statute, typed as people type it.
    page.goto(base)
    page.fill("#home-q", "8 USC 1357")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?*")
    page.wait_for_selector(".result")
    assert "Enhancing Public Safety" in page.locator(".results").inner_text()
    shot("01-statute")

    # 2. "Orders directing DHS since 2017": the agency by its acronym, directed, a date.
    page.goto(f"{base}/actions/")
    page.fill("#f-agency", "DHS")
    page.check("input[name=directed]")
    page.fill("#f-after", "2017-01-01")
    page.select_option("select[name=kind]", "executive_order")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_load_state()
    chips = page.locator(".chips").inner_text()
    assert "Department of Homeland Security, directed" in chips and "2017-01-01" in chips
    assert page.locator(".result").count() >= 1
    assert page.is_checked("input[name=directed]")
    shot("02-agency-directed")

    # 3. What an order revoked, and 4. whether the revoked order is in force.
    page.goto(f"{base}/eo/13993")
    assert "13768" in page.locator("#relations").inner_text()
    # 5. The chain of acts: the lineage picture says what it acts on and what acted on it.
    assert page.locator("svg.lineage title").first.text_content().startswith("Lineage of EO 13993")
    shot("03-revocations")
    page.goto(f"{base}/eo/13768")
    assert "Revoked" in page.locator("main").inner_text()
    shot("04-in-force")

    # 6. A dated search.
    page.goto(f"{base}/search/?q=immigration&signed_before=2019-12-31")
    listed = page.locator(".result-title").all_inner_texts()
    assert listed and all("Protecting the National Security and Welfare" not in t for t in listed)
    shot("06-dated")

    # 7. Comparing copies (EO 14385: the DCPD printing and the whitehouse.gov page).
    page.goto(f"{base}/eo/14385")
    page.locator("a[href*='/compare/']").first.click()
    page.wait_for_selector(".diff")
    options = page.locator("#cmp-a option").all_inner_texts()
    assert "Daily Compilation of Presidential Documents" in " ".join(options)
    assert "dcpd_text" not in page.content()
    shot("07-compare")

    # 8. Citing it: a Bluebook citation ready to paste.
    page.goto(f"{base}/eo/13768")
    assert "Exec. Order No. 13768, 82 Fed. Reg. 8799" in page.locator(".cite-formats").inner_text()
    shot("08-cite")

    # 9. Browsing the statutes: the jump box, in the form of the Act.
    page.goto(f"{base}/statutes/")
    page.fill("#jump-to", "INA 287(g)")
    page.keyboard.press("Enter")
    page.wait_for_url("**/statutes/usc/8/1357")  # (the index has a heading of its own)
    page.wait_for_selector("h1")
    assert page.url.endswith("/statutes/usc/8/1357")
    assert "By subsection" in page.content()
    shot("09-statute")

    # 10. Bad input is said, never a server error.
    response = page.goto(f"{base}/actions/?agency=Department+of+Nonsense&page=999")
    assert response.status == 200
    assert "no agency is known as" in page.content()
    shot("10-bad-input")

    # 11. Keyboard only: the first result in a few Tab presses.
    page.goto(f"{base}/search/?q=immigration")
    assert tabs_to(page, "ol.results li.result h3 a") <= 10
    shot("11-keyboard")
    page.close()


@pytest.fixture
def law_in_force(seeded_committed):
    """EO 13224 with the two orders that rewrote its sections 4 (2005) and 1 (2019), and a
    yearly notice continuing its emergency."""
    from tests.conftest import CORPUS

    orders = CORPUS / "fr-eo-1994-2020" / "executive_orders"
    notices = CORPUS / "whitehouse-2021-2026" / "presidential-actions" / "2023-09"
    call_command(
        "ingest",
        *(str(orders / name) for name in ("EO_13224.xml", "EO_13372.xml", "EO_13886.xml")),
        str(
            notices / "2023-09-07-notice-on-the-continuation-of-the-national-emergency-with"
            "-respect-to-persons-who-commit-threaten-to-commit-or-support-terrorism-2.md"
        ),
        stdout=StringIO(),
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name,width", [("desktop", 1280), ("phone", 390)])
def test_is_this_still_the_law(live_server, law_in_force, browser, name, width):
    """An amended order, its text on two dates with the change marked, its emergency's page;
    no serious accessibility finding on either new page."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()

    def shot(step: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"law-{name}-{step}.png"), full_page=True)

    page.goto(f"{live_server.url}/eo/13224")
    page.locator("a", has_text="Read the text as amended").click()
    page.wait_for_selector("h1")
    assert "/eo/13224/as-amended" in page.url
    section_1 = page.locator("#sec-1")
    assert "Executive Order 13886" in section_1.inner_text()  # today: rewritten in 2019
    shot("1-as-amended-today")

    page.fill("#as-of", "2010-01-01")
    page.locator("form.inline-filters button").click()
    page.wait_for_load_state()
    assert "Executive Order 13886" not in page.locator("#sec-1").inner_text()
    assert "Executive Order 13372" in page.locator("#sec-4").inner_text()
    shot("2-as-amended-2010")

    page.fill("#as-of", "2020-01-01")
    page.fill("#since", "2010-01-01")
    page.locator("form.inline-filters button").click()
    page.wait_for_load_state()
    assert page.locator("#sec-1 ins").count() > 0 and page.locator("#sec-1 del").count() > 0
    assert page.locator("#sec-4 ins").count() == 0  # unchanged between the two days
    assert serious_violations(page) == []
    shot("3-between-two-dates")

    page.goto(f"{live_server.url}/eo/13224")
    page.locator(".status-panel a[href^='/emergencies/']").first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text().startswith("National emergency")
    assert page.locator("svg.timeline").count() == 1
    assert "Continued" in page.locator("table.emergency-years").inner_text()
    assert serious_violations(page) == []
    shot("4-emergency")
    page.goto(f"{live_server.url}/emergencies/?in_effect_on=2010-01-01")
    assert "Persons Who Commit" in page.locator("table.emergencies").inner_text()
    assert serious_violations(page) == []
    shot("5-register")
    context.close()
