"""A statute index a person can use, a box that jumps to a section, pins with their orders."""

import pytest


def test_the_index_puts_the_us_code_first_by_title_number(client, seeded):
    page = client.get("/statutes/")
    html = page.content.decode()
    titles = [title for title, _, _ in page.context["titles"]]
    assert titles == sorted(titles, key=int) and "8" in titles
    others = [label for _, label, _ in page.context["groups"]]
    assert others, "the seeds cite more than the U.S. Code"
    assert all(html.index("United States Code") < html.index(label) for label in others)
    assert 'href="/statutes/usc/8"' in html
    # a line per title, not every section of the Code on one page
    assert "8 U.S.C. 1357</a>" not in html


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("8 USC 1357", "/statutes/usc/8/1357"),
        ("INA 287(g)", "/statutes/usc/8/1357"),
        ("section 1357 of title 8", "/statutes/usc/8/1357"),
        ("8 U.S.C. 9999", "/statutes/usc/8"),  # a section nobody cites: its title
    ],
)
def test_the_jump_box_goes_to_the_section(client, seeded, typed, address):
    response = client.get("/statutes/jump", {"to": typed})
    assert response.status_code == 302 and response["Location"] == address


@pytest.mark.parametrize(
    ("typed", "status", "says"),
    [("99 U.S.C. 1", 404, "No action in the archive cites"), ("hello", 404, "is not a citation")],
)
def test_the_jump_box_says_what_it_could_not_find(client, seeded, typed, status, says):
    response = client.get("/statutes/jump", {"to": typed})
    assert response.status_code == status and says in response.content.decode()


def test_a_statute_page_lists_the_citing_orders_by_pin(client, eo):
    order = eo("13768")
    page = client.get("/statutes/usc/8/1357")
    by_pin = {pin: actions for pin, actions, _ in page.context["by_pin"]}
    assert order in by_pin["(g)"]
    assert f'href="{order.get_absolute_url()}">EO 13768</a>' in page.content.decode()
