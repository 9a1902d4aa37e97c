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


def test_export_jsonl_round_trip(db, tmp_path, capsys):
    """export -> empty database -> ingest the export -> export again: identical files."""
    from django.apps import apps

    from actions.models import Action, Relation
    from tests.conftest import default_data

    call_command("ingest", *default_data(), stdout=StringIO())
    first = tmp_path / "archive.jsonl"
    call_command("export", "--format", "jsonl", "--output", str(first), stderr=StringIO())
    lines = first.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    paths = {r["action"]["url"] for r in records if "action" in r}
    assert {"/eo/14385", "/eo/13768"} <= paths
    eo = next(r["action"] for r in records if r.get("action", {}).get("url") == "/eo/13768")
    assert len(eo["sections"]) == 18
    assert {"key": "8 U.S.C. 1357", "pin": "(g)"}.items() <= next(
        c for c in eo["citations"] if c["pin"] == "(g)"
    ).items()
    # The export is the API's serializer without database ids or computed links.
    assert "id" not in eo and eo["title"] == Action.objects.get(number="13768").title
    assert Relation.objects.filter(kind="related", source__number="13768").exists()
    assert all(r["kind"] != "related" and "target_id" not in r for r in eo["relations"])
    assert any(r.get("commentary") for r in records)

    # Empty the archive: children before the rows they protect.
    for model in reversed(list(apps.get_app_config("actions").get_models())):
        model.objects.all().delete()
    assert not apps.get_model("actions", "Action").objects.exists()
    call_command("ingest", str(first), stdout=StringIO())
    second = tmp_path / "again.jsonl"
    call_command("export", "--output", str(second), stderr=StringIO())
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")

    # Standard output carries the data and nothing else.
    capsys.readouterr()
    call_command("export", stderr=StringIO())
    out = capsys.readouterr().out
    assert out.splitlines() == lines
