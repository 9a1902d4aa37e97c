"""`sync_federal_register` against a local server answering with recorded FR responses, through
a real HTTP client: windows over the cap, retries, a body cut short, an outage midway, a list
that does not add up, and a second run that fetches nothing again."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actions.fr_sync.client import RateLimiter
from actions.models import Action, SyncState
from tests.conftest import CORPUS, require_shared
from tests.jobs.fr_server import Fault, Recorded, RecordedServer

pytestmark = pytest.mark.django_db
SINCE, UNTIL = "2017-01-01", "2017-03-31"  # 27 executive orders, more than a window may hold
CAP = 8
STATE = "federal_register:determination,executive_order,memorandum,notice,proclamation"


@pytest.fixture
def fr(settings, tmp_path):
    require_shared()
    state = Recorded(CORPUS, cap=CAP)
    state.load(SINCE, UNTIL)
    with RecordedServer(state) as server:
        settings.ARCHIVE_FR_API_URL = server.api_url
        settings.ARCHIVE_FR_DIR = tmp_path / "federal-register"
        settings.ARCHIVE_FR_RESULT_CAP = CAP
        settings.ARCHIVE_FR_REQUESTS_PER_SECOND = 0  # the limiter has its own test
        settings.ARCHIVE_FR_XML_REQUESTS_PER_SECOND = 0
        settings.ARCHIVE_FR_BACKOFF_SECONDS = 0.01
        settings.ARCHIVE_FR_USER_AGENT = "archive-tests/1.0 (sync test)"
        yield state


def sync(*args) -> str:
    out = StringIO()
    call_command("sync_federal_register", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def fetched(state: Recorded, kind: str) -> list[str]:
    marker = "/api/v1/documents/" if kind == "json" else "/documents/full_text/xml/"
    return [path for path in state.log if path.startswith(marker)]


def test_windows_over_the_cap_are_split_and_every_document_arrives(fr, settings):
    summary = sync("--since", SINCE, "--until", UNTIL)
    numbers = {r["executive_order_number"] for r in fr.records}
    archived = set(Action.objects.filter(kind="executive_order").values_list("number", flat=True))
    assert len(numbers) == len(fr.records) > 2 * CAP
    assert numbers <= {int(n) for n in archived}
    assert SyncState.objects.get(name=STATE).complete_through == datetime.date(2017, 3, 31)
    # No list page was asked for past the cap: the windows were split instead.
    pages = [p for p in fr.log if p.startswith("/api/v1/documents.json")]
    assert all("per_page=8" in p or "per_page=1&" in p for p in pages)
    assert f"{len(fr.records)} documents listed" in summary
    assert fr.agents == {"archive-tests/1.0 (sync test)"}
    eo = Action.objects.get(kind="executive_order", number="13768")
    assert {s.format for s in eo.sources.all()} == {"federal_register_json", "federal_register_xml"}
    assert eo.sections.count() > 5
    # Saved as files, named in the archive under federal-register/.
    assert all(s.locator.startswith("federal-register/2017/") for s in eo.sources.all())


def test_a_second_run_fetches_nothing_again(fr):
    sync("--since", SINCE, "--until", UNTIL)
    documents, xml = len(fetched(fr, "json")), len(fetched(fr, "xml"))
    assert documents == xml == len(fr.records)
    sync("--since", SINCE, "--until", UNTIL)
    assert (len(fetched(fr, "json")), len(fetched(fr, "xml"))) == (documents, xml)
    # Without --since it starts after the last complete window: nothing to list either.
    before = len(fr.log)
    assert "nothing to do" in sync("--until", UNTIL)
    assert len(fr.log) == before


def test_429_500_and_a_body_cut_short_are_retried(fr):
    fr.faults = [
        Fault(lambda p: p.startswith("/api/v1/documents.json"), "429", times=2),
        Fault(lambda p: p.startswith("/api/v1/documents/"), "500"),
        Fault(lambda p: p.startswith("/documents/full_text/xml/"), "truncate"),
        Fault(lambda p: p.startswith("/api/v1/documents/2017-02102"), "truncate"),
    ]
    summary = sync("--since", SINCE, "--until", UNTIL)
    assert all(f.times == 0 for f in fr.faults)
    assert "5 retries" in summary  # one per fault: two 429s, a 500, two cut bodies
    assert Action.objects.filter(kind="executive_order").count() == len(fr.records)
    # The cut bodies were never kept: every saved file is whole and parses.
    eo = Action.objects.get(kind="executive_order", number="13768")
    assert eo.sources.count() == 2 and eo.sections.count() > 5


def test_a_request_past_its_timeout_is_retried(fr, settings):
    settings.ARCHIVE_FR_TIMEOUT = 0.3
    fr.faults = [Fault(lambda p: p.startswith("/api/v1/documents/"), "slow")]
    summary = sync(
        "--since", SINCE, "--until", "2017-01-31", "--type", "executive_order", "proclamation"
    )
    assert fr.faults[0].times == 0 and "1 retry," in summary
    assert SyncState.objects.filter(name="federal_register:executive_order,proclamation").exists()
    listed = [p for p in fr.log if p.startswith("/api/v1/documents.json")]
    assert all(
        "executive_order" in p and "proclamation" in p and "memorandum" not in p for p in listed
    )
    january = [r for r in fr.records if r["publication_date"] <= "2017-01-31"]
    assert Action.objects.filter(kind="executive_order").count() == len(january)


def test_an_outage_midway_stops_loudly_and_the_next_run_resumes(fr, settings):
    fr.down_after = 30  # requests answered before the server goes away
    with pytest.raises(CommandError, match="resumes after the last complete window"):
        sync("--since", SINCE, "--until", UNTIL)
    done = SyncState.objects.get(name=STATE).complete_through
    assert datetime.date(2017, 1, 1) <= done < datetime.date(2017, 3, 31)
    assert not list(settings.ARCHIVE_FR_DIR.rglob(".*"))  # no half-written file
    partial = Action.objects.filter(kind="executive_order").count()
    fr.down, fr.down_after = False, None
    first_new_request = len(fr.log)
    sync("--until", UNTIL)
    resumed = [p for p in fr.log[first_new_request:] if p.startswith("/api/v1/documents.json")]
    assert resumed and f"gte%5D={(done + datetime.timedelta(days=1)).isoformat()}" in resumed[0]
    assert Action.objects.filter(kind="executive_order").count() > partial
    assert SyncState.objects.get(name=STATE).complete_through == datetime.date(2017, 3, 31)
    numbers = {str(r["executive_order_number"]) for r in fr.records}
    assert numbers <= set(Action.objects.values_list("number", flat=True))


def test_a_list_that_does_not_add_up_fails_loudly(fr):
    fr.drop_from_lists = fr.records[-1]["document_number"]
    with pytest.raises(CommandError, match="announced .* and listed"):
        sync("--since", SINCE, "--until", UNTIL)
    done = SyncState.objects.filter(name=STATE).values_list("complete_through", flat=True)
    last_day = datetime.date.fromisoformat(fr.records[-1]["publication_date"])
    assert not done or done[0] < last_day


def test_the_rate_limiter_spaces_requests():
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 6))
        now[0] += seconds

    limiter = RateLimiter(5, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        limiter.wait()
    assert waits == [0.2, 0.2, 0.2]
    xml = RateLimiter(1, clock=lambda: now[0], sleep=sleep)
    xml.wait()
    xml.wait()
    assert waits[-1] == 1.0
