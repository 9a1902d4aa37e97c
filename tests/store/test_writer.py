"""The store on real documents: merging copies, idempotency, atomicity, conflicts."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actions.ingest.detect import parse_document
from actions.models import Action, Citation, Commentary, Conflict, Relation, Section, Source
from actions.store import derive
from actions.store.files import sha256_of
from actions.store.writer import save_document
from tests.conftest import EO_13768_JSON, default_data, seed

pytestmark = pytest.mark.django_db


def ingest(*paths) -> str:
    out = StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_two_copies_of_eo_14385_are_one_action_with_two_sources(eo):
    action = eo("14385")
    assert Action.objects.filter(title_key=action.title_key).count() == 1
    assert sorted(action.sources.values_list("format", flat=True)) == [
        "dcpd_text",
        "whitehouse_markdown",
    ]
    assert action.signed_on == date(2026, 2, 6)
    assert action.filed_on == date(2026, 2, 10)
    assert action.published_on == date(2026, 2, 11)
    assert action.dcpd_number == "DCPD202600090"
    assert action.place == "The White House"
    assert list(action.signatories.values_list("name", flat=True)) == ["DONALD J. TRUMP"]
    assert action.president.name == "Donald J. Trump" and action.term.ordinal == 47
    assert action.subjects[0] == "Attorney General"
    assert [s.heading for s in action.sections.all()][:2] == ["Policy", "Providing CHRI to DHS"]
    assert action.sections.count() == 4
    # The official DCPD text is the one shown; "its"/"Its" is no conflict.
    assert action.text_source.format == "dcpd_text"
    assert not action.conflicts.exists()


def test_eo_13768_seed_and_fr_record_match_by_title_and_date(eo):
    action = eo("13768")
    assert sorted(action.sources.values_list("format", flat=True)) == [
        "federal_register_json",
        "whitehouse_legacy_markdown",
    ]
    assert action.title == "Enhancing Public Safety in the Interior of the United States"
    assert action.fr_citation == "82 FR 8799" and action.fr_document_number == "2017-02102"
    assert action.sections.count() == 18
    assert action.term.ordinal == 45


def test_citations_carry_section_span_key_pin_and_via(eo):
    action = eo("13768")
    by_section = Citation.objects.filter(action=action).select_related("statute", "section")
    sec8 = [
        (c.statute.key, c.pin, c.via, c.act)
        for c in by_section
        if c.section and c.section.number == "8"
    ]
    assert ("8 U.S.C. 1357", "(g)", "", "INA 287(g)") in sec8
    assert ("8 U.S.C. 1357", "(g)", "INA 287(g)", "") in sec8
    for cite in by_section:
        text = cite.section.text if cite.section else action.preamble
        assert text[cite.start : cite.end] == cite.text
    preamble = [c.statute.key for c in by_section if c.section is None]
    assert "8 U.S.C. 1101" in preamble  # the INA (8 U.S.C. 1101 et seq.) stands in the preamble
    fourteen = eo("14385").citations.get()
    assert (fourteen.statute.key, fourteen.pin, fourteen.section) == (
        "6 U.S.C. 122",
        "(a)(2)",
        None,
    )


def test_ingest_twice_changes_nothing(seeded):
    before = (Action.objects.count(), Source.objects.count(), Section.objects.count())
    output = ingest(*default_data())
    assert "0 new, 0 updated, 6 unchanged documents, 0 failed files" in output
    assert (Action.objects.count(), Source.objects.count(), Section.objects.count()) == before


def test_a_failing_document_leaves_nothing_behind(db, monkeypatch):
    path = seed("dcpd_text")
    parsed = parse_document(path.read_bytes())

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(derive, "_search_document", explode)

    def counts() -> tuple[int, int, int]:
        return (Action.objects.count(), Source.objects.count(), Section.objects.count())

    before = counts()  # the module may have seeded the archive already
    with pytest.raises(RuntimeError):
        save_document(parsed, locator="x", sha256=sha256_of(path.read_bytes()))
    assert counts() == before and not Source.objects.filter(locator="x").exists()


def test_bad_files_are_reported_and_skipped(db, tmp_path):
    (tmp_path / "broken.json").write_text('{"document_number": ')
    (tmp_path / "README.md").write_text("not a document, skipped in folders")
    good = tmp_path / "eo.json"
    good.write_bytes(EO_13768_JSON.read_bytes())
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(tmp_path), stdout=StringIO(), stderr=err)
    assert failure.value.returncode == 1
    assert f"error: {tmp_path / 'broken.json'}: malformed JSON" in err.getvalue()
    assert "README" not in err.getvalue()
    assert Action.objects.filter(number="13768").exists()


def test_a_printed_number_that_disagrees_is_a_conflict_not_a_merge(seeded, tmp_path):
    # A real DCPD copy of EO 14385 that prints EO 13768's number by mistake.
    text = seed("dcpd_text").read_text().replace("Executive Order 14385", "Executive Order 13768")
    text = text.replace("DCPD202600090", "DCPD202600091")
    wrong = tmp_path / "misnumbered.txt"
    wrong.write_text(text)
    ingest(wrong)
    eo_13768 = Action.objects.get(kind="executive_order", number="13768")
    assert eo_13768.title.startswith("Enhancing Public Safety")
    assert not eo_13768.sources.filter(locator__endswith="misnumbered.txt").exists()
    holder = Source.objects.get(locator__endswith="misnumbered.txt").action
    assert holder.title_key == Action.objects.get(number="14385").title_key
    assert Conflict.objects.filter(action=holder, field="number").exists()


def test_commentary_is_not_an_action(seeded):
    assert Commentary.objects.count() == 2
    assert Action.objects.count() == 2
    assert not Relation.objects.filter(origin="text", found_in__number="14385").exists()
