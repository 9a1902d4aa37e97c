"""One row per other action: what the text and the FR's notes each state about it."""

from types import SimpleNamespace

from actions.graph.reconcile import fold_cross_references, reconcile


def relation(kind, origin, other=None, in_part=False, section=None):
    other = other or SimpleNamespace(pk=7)
    return SimpleNamespace(
        kind=kind,
        origin=origin,
        in_part=in_part,
        target=other,
        target_label="EO 13769",
        section_id=1 if section else None,
        section=SimpleNamespace(number=section) if section else None,
        evidence="Executive Order 13769 of January 27, 2017, is revoked",
    )


def test_text_and_notes_agree():
    [row] = reconcile(
        [relation("revokes", "text", section="13"), relation("revokes", "fr_notes")], "target"
    )
    assert (row.kind, row.agreement) == ("revokes", "agree")
    assert row.summary == "stated in the text (Sec. 13) and the FR's notes"


def test_a_stronger_statement_beside_a_cross_reference_is_not_a_disagreement():
    [row] = reconcile(
        [relation("revokes", "text", section="13"), relation("see_also", "fr_notes")], "target"
    )
    assert row.agreement == "text"
    assert row.summary == "stated in the text (Sec. 13); the FR's notes only cross-reference it"


def test_two_different_effects_differ():
    [row] = reconcile(
        [relation("amends", "text"), relation("revokes", "fr_notes", in_part=True)], "target"
    )
    assert (row.kind, row.agreement) == ("revokes", "differ")
    assert row.summary == "the text says amends; the FR's notes say revokes"


def test_a_mention_and_a_cross_reference_agree():
    [row] = reconcile([relation("cites", "text"), relation("see_also", "fr_notes")], "target")
    assert row.agreement == "agree"
    assert row.summary == "named in the text and cross-referenced in the FR's notes"


def test_see_also_from_the_other_record_folds_into_one_row():
    other = SimpleNamespace(pk=9)
    outgoing = reconcile([relation("revokes", "text", other)], "target")
    incoming = reconcile([relation("see_also", "fr_notes", other)], "target")
    fold_cross_references(outgoing, incoming)
    assert incoming == [] and len(outgoing[0].statements) == 2
