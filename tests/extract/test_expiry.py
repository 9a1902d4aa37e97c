"""The end an order's own text sets, read from real orders; what it quotes is not its own."""

from datetime import date

import pytest

from actions.extract.expiry import expiry_date, unquoted
from tests.extract.orders import order


@pytest.mark.parametrize(
    ("number", "signed", "ends"),
    [
        ("13794", date(2017, 4, 28), date(2021, 1, 20)),
        ("13381", date(2005, 6, 27), date(2006, 7, 1)),  # as signed; later orders extend it
        ("12140", date(1979, 5, 29), date(1979, 9, 30)),
    ],
)
def test_an_order_says_when_it_ends(number, signed, ends):
    assert expiry_date(order(number).text, signed) == ends


@pytest.mark.parametrize("number", ["13224", "13780", "13471"])
def test_orders_that_set_no_end(number):
    assert expiry_date(order(number).text, date(2001, 1, 1)) is None


def test_an_amending_order_quoting_a_new_end_does_not_end_itself():
    # EO 13471 gives EO 13285 its new end in quotes.
    text = order("13471").text
    assert "shall expire on June 30, 2009" in text
    assert expiry_date(text, date(2008, 9, 29)) is None


def test_quotes_nest_and_a_closing_mark_with_none_open_is_kept():
    assert unquoted("a “b “c” d” e”f") == "a  e”f"
    assert unquoted("open “never closed") == "open "
    assert unquoted('straight "quoted" too') == "straight  too"
