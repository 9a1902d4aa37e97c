"""The action page's reads compiled once (`actions.read.prepared`) give what their QuerySets
give, on the seeded real documents, on both databases."""

import pytest

from actions.models import Action, Relation
from actions.read import page
from actions.read.prepared import Prepared
from tests.web.test_page_rows import FILES, ingest

pytestmark = pytest.mark.django_db


def _relation_view(relation: Relation, end: str) -> tuple:
    other = getattr(relation, end)
    section = relation.section
    return (
        relation.pk,
        relation.kind,
        relation.effective_on,
        other and (other.pk, other.kind, other.number, other.title, other.signed_on),
        section and (section.pk, section.number),
    )


def test_each_page_read_gives_what_its_queryset_gives(seeded):
    # Orders that revoke and amend one another, cite statutes and declare an emergency
    ingest(*FILES)
    actions = list(Action.objects.order_by("pk"))
    assert len(actions) >= 9
    found_any = dict.fromkeys(["outgoing", "incoming", "related", "commentary", "acts"], False)
    for action in actions:
        pk = action.pk
        for name, prepared, end in (
            ("outgoing", page._OUTGOING, "target"),
            ("incoming", page._INCOMING, "source"),
        ):
            expected = [_relation_view(r, end) for r in prepared.build(pk)]
            got = [_relation_view(r, end) for r in prepared.all(pk)]
            assert sorted(got) == sorted(expected)
            found_any[name] |= bool(got)
        rows = page._RELATED.all(pk)
        assert sorted(rows) == sorted(page._RELATED.build(pk))
        found_any["related"] |= bool(rows)
        for name, prepared in (("commentary", page._COMMENTARY), ("acts", page._EMERGENCY_ACTS)):
            got = [(r.pk, str(r)) for r in prepared.all(pk)]
            assert got == [(r.pk, str(r)) for r in prepared.build(pk)]
            found_any[name] |= bool(got)
        by_number = page.PAGE_ACTION.first(action.kind, action.number or "")
        if action.number:
            assert by_number.pk == pk and by_number.page.pk == pk
            # read as `for_page()` reads it: its words deferred, its page row at hand
            assert "text" in by_number.get_deferred_fields()
    assert all(found_any.values()), found_any


def test_an_address_of_no_action_reads_nothing(seeded):
    assert page.PAGE_ACTION.first("executive_order", "99999") is None
    assert page._OUTGOING.all(-1) == []


def test_compiled_once_per_database_and_kind_of_parameter(seeded):
    prepared = Prepared(lambda pk: Relation.objects.filter(source_id=pk).values_list("id"))
    for action in Action.objects.all()[:5]:
        prepared.all(action.pk)
    assert len(prepared._compiled) == 1


def test_a_parameter_changed_on_its_way_to_sql_is_refused(seeded):
    prepared = Prepared(lambda words: Action.objects.filter(title__contains=words))
    with pytest.raises(ValueError, match="do not reach the SQL as themselves"):
        prepared.all("Border")
