"""Comparing two published copies of one order: the seeds' EO 14385 in two formats."""

import pytest

from actions.web.diff import compare


def test_layout_is_not_a_difference_and_words_are_marked():
    a = "Sec. 1. Policy.\nIt is the policy\nof the nation.\n\nSec. 2. Scope of 8 U.S.C. 1357."
    b = "Sec. 1. Policy. It is the policy of the nation.\n\nSec. 2. Scope of 8 U.S.C. 1357(g)."
    result = compare(a, b)
    assert (result.same_paragraphs, result.changed_paragraphs) == (1, 1)
    changed = [row for row in result.rows if row.op == "changed"]
    assert len(changed) == 1
    pieces = [(p.op, p.text) for p in changed[0].pieces]
    assert ("removed", "1357.") in pieces and ("added", "1357(g).") in pieces
    assert compare(a, a.replace("\n", " \n ")).identical


@pytest.mark.django_db
def test_compare_page_for_two_real_copies(client, eo):
    order = eo("14385")
    with_text = [s for s in order.sources.all() if s.text]
    assert len(with_text) >= 2
    page = client.get(f"/actions/{order.pk}/compare/")
    assert page.status_code == 200
    body = page.content.decode()
    comparison = page.context["comparison"]
    # The whitehouse.gov page and the DCPD copy print the same order with different chrome.
    assert comparison.same_paragraphs >= 5 and 0.5 < comparison.ratio < 1
    assert "word similarity" in body and "<del>" in body or "<ins>" in body
    # The action page links to it; an unknown copy id falls back to the defaults.
    assert f"/actions/{order.pk}/compare/" in client.get(order.get_absolute_url()).content.decode()
    assert client.get(f"/actions/{order.pk}/compare/?a=zzz&b=-1").status_code == 200


@pytest.mark.parametrize(
    ("amending", "target", "section", "inserted"),
    [
        # EO 13284 inserts "(13) the Secretary of Homeland Security;" and renumbers (13)-(18)
        ("13284", "12590", "1", "(13) the Secretary of Homeland Security;"),
        # EO 13286 inserts "(v) the Secretary of Homeland Security;" and renumbers (v)-(viii)
        ("13286", "13257", "1", "(v) the Secretary of Homeland Security;"),
    ],
)
def test_a_part_inserted_and_the_rest_renumbered_compare_as_such(
    amending, target, section, inserted
):
    """The comparison of a list with one item inserted and those after it renumbered: the new
    item added whole, each later one changed in its marker only (never paired with its
    neighbour by position)."""
    from tests.extract.orders import consolidated, order

    before = next(s.text for s in order(target).sections if s.number == section)
    parts, _ = consolidated(target, amending)
    after = next(p.text for p in parts if p.number == section)
    result = compare(before, after)
    added = [row.pieces[0].text for row in result.rows if row.op == "added"]
    assert inserted in added
    changed = [row for row in result.rows if row.op == "changed"]
    assert changed
    for row in changed:
        altered = [p.text for p in row.pieces if p.op != "same"]
        assert all(len(words.split()) == 1 for words in altered), altered


def test_a_paragraph_rewritten_through_is_struck_and_put_in_whole():
    """EO 13886 gives EO 13224's section 1 a new text: its old paragraphs are no versions of
    the new ones that stand where they stood, so each old one is struck whole and each new one
    put in whole ("(c) persons determined by ..." against "(A) to have committed ..."), while
    a paragraph kept but for its marker and a word ("(a) foreign persons listed in the Annex"
    -> "(i) persons listed in the Annex") is compared word by word."""
    import difflib

    from tests.extract.orders import consolidated, order

    before = next(s.text for s in order("13224").sections if s.number == "1")
    parts, _ = consolidated("13224", "13268", "13284", "13372", "13886")
    after = next(p.text for p in parts if p.number == "1")
    result = compare(before, after)
    changed = [row for row in result.rows if row.op == "changed"]
    assert changed
    for row in changed:
        old = " ".join(p.text for p in row.pieces if p.op != "added").split()
        new = " ".join(p.text for p in row.pieces if p.op != "removed").split()
        assert difflib.SequenceMatcher(None, old, new).ratio() >= 0.5
    removed = [row.pieces[0].text for row in result.rows if row.op == "removed"]
    assert any(text.startswith("(c) persons determined by") for text in removed)
