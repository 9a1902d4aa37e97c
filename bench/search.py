"""Benchmark: the search page against the raw engine query, same queries, interleaved.

    python bench/search.py --database URL --label NAME [--rounds 20]

For each query of a fixed mix, each round times (1) the real search view through Django's test
client (server time: routing, search, count, facets, snippets, template; the page cache off)
as a first request, with Django's cache emptied before it, so nothing about the query is
remembered; (2) the same request again, as a repeated query is served (large match sets and
their facet counts come from the cache, actions/search/memo.py); and (3) the naive engine
query for the same words: FTS5 `MATCH` ordered by `bm25`, or `websearch_to_tsquery` ordered by
`ts_rank_cd`, top 20 ids and nothing else (no count, no facets, no snippets). Prints p50 and
p95 of each, the ratio first/raw, and the SQL statements of a first request; flags any query
whose first-request median is over 3x the median of the mix.
"""

from __future__ import annotations

import argparse
import re
import statistics
from urllib.parse import urlencode

from common import (
    cpu_ticks,
    fragment,
    fresh_statistics,
    p50,
    percentile,
    setup_django,
    stolen_share,
    table,
    timed,
)

# (label, parameters): rare and common words, phrases, citations, agencies, identifiers,
# operators, and filters combined with text.
MIX = [
    ("rare word", {"q": "manzanita"}),
    ("common words", {"q": "united states"}),
    ("common word", {"q": "security"}),
    ("two common words", {"q": "national emergency"}),
    ("phrase", {"q": '"artificial intelligence"'}),
    ("phrase, common", {"q": '"national security"'}),
    ("U.S.C. section", {"q": "8 U.S.C. 1357"}),
    ("U.S.C. section, common", {"q": "50 U.S.C. 1701"}),
    ("Act section", {"q": "section 232 of the Trade Expansion Act of 1962"}),
    ("agency", {"q": "Department of Homeland Security"}),
    ("identifier", {"q": "EO 13768"}),
    ("OR and NOT", {"q": "steel OR aluminum -Canada"}),
    ("text + kind", {"q": "tariff", "kind": "proclamation"}),
    ("text + president + dates", {"q": "immigration", "signed_after": "2017-01-01"}),
    ("common words, newest", {"q": "united states", "sort": "newest"}),
    ("common words, page 5", {"q": "united states", "page": "5"}),
]
_WORD = re.compile(r'"([^"]+)"|(-?)(\w+)')


def fts5_naive(query: str) -> str:
    """The query as FTS5 syntax the simplest way: quoted words and phrases, OR, NOT."""
    expression, pending = "", " AND "
    for phrase, minus, word in _WORD.findall(query):
        if word == "OR":
            pending = " OR "
            continue
        token = '"' + (phrase or word).replace('"', "") + '"'
        if not expression:
            expression = token
        elif minus:
            expression = f"({expression}) NOT {token}"
        else:
            expression += pending + token
        pending = " AND "
    return expression


def raw_statement(vendor: str, params: dict) -> tuple[str, list]:
    """The naive engine query: top 20 by the engine's own score, the filters as a subquery."""
    query = params["q"]
    where, where_params = "", []
    if "kind" in params:
        where, where_params = "kind = %s", [params["kind"]]
    if "signed_after" in params:
        where, where_params = "signed_on >= %s", [params["signed_after"]]
    if vendor == "postgresql":
        sql = (
            "SELECT action_id, ts_rank_cd(vector, q) AS rank FROM actions_searchdocument, "
            "websearch_to_tsquery('english', %s) q WHERE vector @@ q"
        )
        if where:
            sql += f" AND action_id IN (SELECT id FROM actions_action WHERE {where})"
        return sql + " ORDER BY rank DESC LIMIT 20", [query, *where_params]
    sql = (
        "SELECT rowid, bm25(actions_search_fts) AS rank FROM actions_search_fts "
        "WHERE actions_search_fts MATCH %s"
    )
    if where:
        sql += f" AND rowid IN (SELECT id FROM actions_action WHERE {where})"
    return sql + " ORDER BY rank LIMIT 20", [fts5_naive(query), *where_params]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--name", help="fragment name for RESULTS.md")
    args = parser.parse_args()
    setup_django(args.database)

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from actions.models import Action
    from actions.search.facets import facet_index

    fresh_statistics()
    client = Client()
    actions = Action.objects.count()
    index_ms, _ = timed(facet_index)
    view: dict[str, list[float]] = {label: [] for label, _ in MIX}
    again: dict[str, list[float]] = {label: [] for label, _ in MIX}
    raw: dict[str, list[float]] = {label: [] for label, _ in MIX}
    queries: dict[str, int] = {}
    totals: dict[str, str] = {}
    for label, params in MIX:  # one warm-up pass: caches of the engines and of the process
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/?" + urlencode(params))
        assert response.status_code == 200, (label, response.status_code)
        queries[label] = len(captured)
        found = re.search(rb'class="result-count">([\d,]+) action', response.content)
        totals[label] = found.group(1).decode() if found else "0"
    ticks = cpu_ticks()
    with connection.cursor() as cursor:
        for _ in range(args.rounds):
            for label, params in MIX:
                path = "/search/?" + urlencode(params)
                cache.clear()  # a first request: nothing remembered
                ms, response = timed(lambda p=path: client.get(p))
                assert response.status_code == 200, (label, response.status_code)
                view[label].append(ms)
                ms, _ = timed(lambda p=path: client.get(p))
                again[label].append(ms)
                sql, sql_params = raw_statement(connection.vendor, params)
                ms, _ = timed(lambda s=sql, p=sql_params: cursor.execute(s, p).fetchall())
                raw[label].append(ms)

    stolen = stolen_share(ticks, cpu_ticks())
    rows, medians = [], {label: p50(view[label]) for label, _ in MIX}
    mix_median = statistics.median(medians.values())
    for label, params in MIX:
        v50, v95 = p50(view[label]), percentile(view[label], 0.95)
        r50, r95 = p50(raw[label]), percentile(raw[label], 0.95)
        flag = " **>3x**" if v50 > 3 * mix_median else ""
        rows.append(
            [
                label,
                "`" + urlencode(params).replace("|", "%7C") + "`",
                totals[label],
                f"{v50:.1f}",
                f"{v95:.1f}{flag}",
                f"{p50(again[label]):.1f}",
                f"{percentile(again[label], 0.95):.1f}",
                f"{r50:.1f}",
                f"{r95:.1f}",
                f"{v50 / r50:.1f}" if r50 else "-",
                queries[label],
            ]
        )
    all_view = [ms for values in view.values() for ms in values]
    all_again = [ms for values in again.values() for ms in values]
    summary = (
        f"## Search: {args.label} ({actions:,} actions, {connection.vendor})\n\n"
        f"{args.rounds} rounds, queries interleaved, times in ms. `first` is the search page "
        "through Django's test client with nothing about the query cached (server time, page "
        "cache off); `again` the same request repeated (large match sets and their facets from "
        "the cache); `raw` the naive engine query (top 20 by bm25 or ts_rank_cd, nothing "
        f"else). Facet index built in {index_ms:.0f} ms once per archive version per process "
        "(not in the figures).\n\n"
        + table(
            [
                "query",
                "parameters",
                "matches",
                "first p50",
                "first p95",
                "again p50",
                "again p95",
                "raw p50",
                "raw p95",
                "first/raw",
                "SQL",
            ],
            rows,
        )
        + f"\n\nWhole mix: first requests p50 {p50(all_view):.1f} ms, p95 "
        f"{percentile(all_view, 0.95):.1f} ms; repeated p50 {p50(all_again):.1f} ms, p95 "
        f"{percentile(all_again, 0.95):.1f} ms; median of first-request medians "
        f"{mix_median:.1f} ms. CPU time stolen by the hypervisor during the measurements: "
        f"{stolen:.0%} (other guests' load on this shared machine; the p95s move with it).\n"
    )
    fragment(args.name or f"search-{connection.vendor}-{actions}", summary)


if __name__ == "__main__":
    main()
