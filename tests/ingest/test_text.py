"""Text helpers every parser shares (`actions.ingest.text`), on titles the corpus prints."""

import pytest

from actions.ingest.text import normalize_number, slugify_title, squash, title_case, title_key


@pytest.mark.parametrize(
    ("title", "key"),
    [
        (
            "Enhancing Public Safety in the Interior of the United States",
            "enhancing public safety in the interior of the united states",
        ),
        # whitehouse.gov's leading "Executive Order on" is not part of the title
        (
            "Executive Order on Declassification Review of Certain Documents Concerning the "
            "Terrorist Attacks of September 11, 2001",
            "declassification review of certain documents concerning the terrorist attacks of "
            "september 11 2001",
        ),
        # curly quotes and an invisible word joiner inside "COVID-19"
        (
            "Protecting the National Security \u201cand\u201d COVID\u206019",
            "protecting the national security and covid 19",
        ),
        (
            "Protecting the National Security and COVID-19",
            "protecting the national security and covid 19",
        ),
    ],
)
def test_title_key_folds_what_printings_differ_in(title, key):
    assert title_key(title) == key


def test_slugs_stop_at_a_word_within_eighty_characters():
    slug = slugify_title(
        "Executive Order on Declassification Review of Certain Documents Concerning the "
        "Terrorist Attacks of September 11, 2001"
    )
    assert slug == "declassification-review-of-certain-documents-concerning-the-terrorist-attacks"
    assert len(slug) <= 80 and slugify_title("") == "untitled"


@pytest.mark.parametrize(
    ("printed", "number"),
    [("11359A", "11359-A"), ("11359 a", "11359-A"), ("11359-A", "11359-A"), ("13768", "13768")],
)
def test_one_spelling_per_order_number(printed, number):
    assert normalize_number(printed) == number


def test_title_case_and_squash():
    assert (
        title_case("PROTECTING THE NATIONAL SECURITY OF THE UNITED STATES")
        == "Protecting the National Security of the United States"
    )
    assert squash(" Sec. 2.\n  Policy. ") == "Sec. 2. Policy."
