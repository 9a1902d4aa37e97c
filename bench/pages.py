"""Benchmark: the pages people read, p50/p95 server time and SQL statements per page.

    python bench/pages.py --database URL --label NAME [--rounds 5]

Action pages (a seeded random sample, long orders included), statute pages, and the browse
pages (home, timeline, statute, agency and president indexes and details, the unfiltered
list), through Django's test client with the page cache off, interleaved over rounds.
"""

from __future__ import annotations

import argparse
import random

from common import fragment, fresh_statistics, p50, percentile, setup_django, table, timed


def sample_pages(seed: int = 7) -> dict[str, list[str]]:
    from django.db.models import Count, Max
    from django.db.models.functions import Length

    from actions.models import Action, Agency, President, Statute

    rng = random.Random(seed)
    ids = list(Action.objects.values_list("id", flat=True))
    chosen = rng.sample(ids, min(40, len(ids)))
    # The longest orders too: the slowest pages to render.
    longest = list(
        Action.objects.annotate(n=Length("text")).order_by("-n").values_list("id", flat=True)[:5]
    )
    actions = [a.get_absolute_url() for a in Action.objects.filter(id__in=chosen + longest)]
    statutes = list(
        Statute.objects.filter(kind="usc")
        .annotate(n=Count("citations"))
        .order_by("-n", "key")[:200]
    )
    picked = rng.sample(statutes, min(20, len(statutes)))
    # The site's own addresses: a title's appendix (50 U.S.C. App. 2401) has its own form.
    statute_pages = [statute.get_absolute_url() for statute in picked if statute.section]
    agency = Agency.objects.annotate(n=Count("mentions")).order_by("-n").first()
    president = President.objects.annotate(n=Max("actions__signed_on")).order_by("-n").first()
    busiest_title = statutes[0].title if statutes else "8"
    browse = [
        "/",
        "/timeline/",
        "/actions/",
        "/statutes/",
        f"/statutes/usc/{busiest_title}",
        "/agencies/",
        "/presidents/",
    ]
    if agency:
        browse.append(f"/agencies/{agency.slug}/")
    if president:
        browse.append(f"/presidents/{president.slug}/")
    return {"action page": actions, "statute page": statute_pages, "browse": browse}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--name")
    args = parser.parse_args()
    setup_django(args.database)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from actions.models import Action

    fresh_statistics()
    client = Client()
    pages = sample_pages()
    counts: dict[str, int] = {}
    for paths in pages.values():  # warm-up, and the SQL statements of each page
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            counts[path] = len(captured)
    times: dict[str, list[float]] = {path: [] for paths in pages.values() for path in paths}
    for _ in range(args.rounds):
        for paths in pages.values():
            for path in paths:
                ms, _ = timed(lambda p=path: client.get(p))
                times[path].append(ms)

    rows = []
    for group, paths in pages.items():
        values = [ms for path in paths for ms in times[path]]
        statements = sorted(counts[path] for path in paths)
        rows.append(
            [
                group,
                len(paths),
                f"{p50(values):.1f}",
                f"{percentile(values, 0.95):.1f}",
                f"{max(values):.1f}",
                f"{statements[len(statements) // 2]} (max {statements[-1]})",
            ]
        )
    browse_rows = [
        [
            f"`{path}`",
            f"{p50(times[path]):.1f}",
            f"{percentile(times[path], 0.95):.1f}",
            counts[path],
        ]
        for path in pages["browse"]
    ]
    text = (
        f"## Pages: {args.label} ({Action.objects.count():,} actions, {connection.vendor})\n\n"
        f"{args.rounds} rounds, times in ms (server time, page cache off).\n\n"
        + table(["pages", "count", "p50", "p95", "max", "SQL per page: median"], rows)
        + "\n\n"
        + table(["browse page", "p50", "p95", "SQL"], browse_rows)
        + "\n"
    )
    fragment(args.name or f"pages-{connection.vendor}", text)


if __name__ == "__main__":
    main()
