"""Dates as the documents print them (`actions.ingest.dates`)."""

from datetime import date

import pytest

from actions.ingest.dates import parse_date, parse_written_date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("EO 13993 of January 20, 2021", date(2021, 1, 20)),
        ("EO 12987, January 31, 1996", date(1996, 1, 31)),
        # The FR's notes print some dates without the space after the comma (118 in the corpus)
        ("EO 13138, September 30,1999", date(1999, 9, 30)),
        ("Proclamation 7463 of Sept. 14, 2001", date(2001, 9, 14)),
        ("no date here", None),
        ("February 30, 2021", None),  # no such day: nothing, never a guess
    ],
)
def test_written_dates(text, day):
    assert parse_written_date(text) == day


@pytest.mark.parametrize(
    ("value", "day"),
    [("2017-01-25", date(2017, 1, 25)), ("01/30/2017", date(2017, 1, 30)), (None, None)],
)
def test_structured_dates(value, day):
    assert parse_date(value) == day
