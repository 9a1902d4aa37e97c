"""Addresses built by `links.fast_reverse` are the ones Django's `reverse()` builds, for every
statute and action of a real slice of the archive, whatever characters their keys hold."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from actions.links import fast_reverse
from actions.models import Action, Statute
from actions.vocabulary import KIND_PATHS
from tests.conftest import CORPUS, require_shared

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"


@pytest.mark.django_db
def test_fast_addresses_equal_django_reverse(seeded):
    require_shared()
    files = sorted(FR.glob("EO_1322*.xml"))[:40]
    call_command("ingest", "--no-relate", *map(str, files), stdout=StringIO())
    statutes = list(Statute.objects.all())
    assert len(statutes) > 30
    assert any("§" in s.key for s in statutes)  # keys with spaces and symbols to quote
    for statute in statutes:
        if statute.in_code_proper:
            expected = reverse("actions:usc_section", args=[statute.title, statute.section])
        else:
            expected = reverse("actions:statute", args=[statute.key])
        assert statute.get_absolute_url() == expected
    for action in Action.objects.all():
        if action.number:
            args = [KIND_PATHS[action.kind], action.number]
            assert action.get_absolute_url() == reverse("actions:numbered", args=args)
    odd = ["a b", "§ 2", "x/y", "50 U.S.C. App. 2401", "Const. art. II, § 2, cl. 1", "é?#%"]
    for key in odd:
        assert fast_reverse("actions:statute", key) == reverse("actions:statute", args=[key])
