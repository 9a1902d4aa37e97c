"""Which action a copy joins (`actions.store.identity`), on real documents."""

from io import StringIO

import pytest
from django.core.management import call_command

from actions.models import Action
from tests.conftest import seed

pytestmark = pytest.mark.django_db


def ingest(*paths) -> None:
    call_command("ingest", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def test_order_of_ingest_does_not_matter():
    ingest(seed("dcpd_text"))
    ingest(seed("whitehouse_markdown"))
    assert Action.objects.count() == 1
    assert Action.objects.get().number == "14385"
