"""Management commands that do not need a browser."""

import json
from io import StringIO

from django.core.management import call_command

from tests.conftest import seed


def test_inspect_document_prints_the_parse_as_json_without_a_database():
    out = StringIO()
    call_command("inspect_document", str(seed("whitehouse_legacy_markdown")), stdout=out)
    data = json.loads(out.getvalue())
    assert data["kind"] == "executive_order" and data["signed_on"] == "2017-01-25"
    assert len(data["sections"]) == 18
    assert data["sections"][7] == {
        **data["sections"][7],
        "number": "8",
        "heading": "Federal-State Agreements",
        "anchor": "sec-8",
    }
    cites = {(c["key"], c["pin"], c["section"]) for c in data["citations"]}
    assert ("8 U.S.C. 1357", "(g)", "8") in cites
    assert "homeland-security" in data["agencies"]


def test_audit_reports_counts(seeded):
    out = StringIO()
    call_command("audit", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["actions"] == 2 and report["sources"] == 6
    assert report["no_signing_date"]["count"] == 0
    assert report["by_kind"] == {"executive_order": 2}


def test_reparse_updates_only_copies_whose_parse_changed(db, tmp_path):
    """`ingest --reparse` reads unchanged files again: the same parse is 'unchanged'."""
    from tests.conftest import default_data

    out = StringIO()
    call_command("ingest", *default_data(), stdout=out)
    out = StringIO()
    call_command("ingest", "--reparse", *default_data(), stdout=out)
    assert "0 new, 0 updated" in out.getvalue()
