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


def test_slugs_stop_at_a_word_within_eighty_characters_and_end_in_a_digest():
    slug = slugify_title(
        "Executive Order on Declassification Review of Certain Documents Concerning the "
        "Terrorist Attacks of September 11, 2001"
    )
    words, digest = slug.rsplit("-", 1)
    assert words == "declassification-review-of-certain-documents-concerning-the-terrorist-attacks"
    assert len(words) <= 80 and len(digest) == 6 and int(digest, 16) >= 0
    assert slugify_title("") == "untitled"
    assert slugify_title("Nominations Sent to the Senate") == "nominations-sent-to-the-senate"


def test_long_titles_alike_in_their_first_words_have_their_own_slugs():
    """Three messages of March 1, 2023 (White House pages) whose titles part only after the
    eightieth character."""
    titles = [
        "Message to the Congress on the Continuation of the National Emergency with Respect "
        f"to {country}"
        for country in ("Ukraine", "Venezuela", "Zimbabwe")
    ]
    slugs = {slugify_title(title) for title in titles}
    assert len(slugs) == 3
    assert all(s.startswith("message-to-the-congress-on-the-continuation-of-the-") for s in slugs)
    # A printing of the same title in other case and quotes is the same address.
    assert slugify_title(titles[0].upper()) == slugify_title(titles[0])


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
