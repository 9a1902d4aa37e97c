"""The prefix-tree pattern matches what the alternation sorted longest first matched: the
same spans, on agency names over real orders' texts and on words that are prefixes of each
other."""

import re

import pytest

from actions.extract.agencies import _name_index
from actions.extract.word_trie import words_pattern
from tests.extract.orders import order


def _alternation(words) -> re.Pattern:
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in longest_first), re.IGNORECASE)


def test_the_longest_word_wins_and_a_shorter_one_when_the_longer_cannot_end():
    words = ["dot", "do", "department", "department of state", "department of the"]
    bounded = re.compile(rf"(?:{words_pattern(words)})(?!\w)", re.IGNORECASE)
    text = "Do the Department of State, the department of the Treasury and DOT, dog."
    assert [m.group() for m in bounded.finditer(text)] == [
        "Do",
        "Department of State",
        "department of the",
        "DOT",
    ]


def test_special_characters_are_matched_as_printed():
    pattern = re.compile(words_pattern(["U.S. Army", "AT&T", "a+b"]))
    assert pattern.findall("the U.S. Army, AT&T, a+b, UxS. Army") == ["U.S. Army", "AT&T", "a+b"]


@pytest.mark.parametrize("number", ["13224", "13780", "12333", "14159", "13526"])
def test_agency_names_match_as_the_sorted_alternation_did_on_real_orders(number):
    pattern, by_name = _name_index()
    before = re.compile(rf"(?<![\w.])(?:{_alternation(by_name).pattern})(?![\w])", re.IGNORECASE)
    text = order(number).text
    spans = [m.span() for m in pattern.finditer(text)]
    assert spans == [m.span() for m in before.finditer(text)]
    assert len(spans) > 5
