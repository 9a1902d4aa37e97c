"""Benchmark: a bounded fuzz run of at least 10,000 generated requests; every 500 is a failure.

Requests are drawn (seeded, reproducible) across the whole site and API: search queries in the
syntax of both engines and worse (quotes, parentheses, operators, 10 kB strings, control
characters), every filter with values in and out of range, page numbers, action, statute,
agency and president addresses that exist and that do not, feeds and CSV exports. They run
through Django's test client against the database DATABASE_URL names (the whole corpus after
`make serve`). Prints the count per status and every request that gave a 500; exits 1 if any.

Run: `python bench/fuzz.py [--requests 10000] [--seed 1]`.
"""

from __future__ import annotations

import argparse
import os
import random
import string
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("ARCHIVE_API_RATE_LIMIT", "")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from actions.models import Action, Agency, President, Statute  # noqa: E402

SYNTAX = [
    '"',
    "(",
    ")",
    "*",
    "-",
    ":",
    "^",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "&",
    "|",
    "!",
    "<->",
    "''",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "§",
    "§§",
    "+",
    "~",
    "%",
    "_",
    "\u00a0",
    "\u200b",
    "\ufffd",
    "😀",
    "\x01",
    "\x1f",
    "\x7f",
    "<script>",
    "javascript:",
    "' OR 1=1 --",
    "%00",
    "..",
    "/",
]
WORDS = [
    "united states",
    "immigration",
    "national emergency",
    "tariff",
    "8 U.S.C. 1357",
    "50 U.S.C. 1701 et seq.",
    "section 287(g) of the INA",
    "DHS",
    "the Attorney General",
    "EO 13768",
    "Proclamation 9645",
    "82 FR 8799",
    "2017-02102",
    "DCPD202600090",
    "manzanita",
    "artificial intelligence",
    "Secure Communities",
    "revoked",
    "climate",
]
KINDS = ["executive_order", "proclamation", "memorandum", "notice", "x", ""]


def weird_number(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randint(-5, 5)),
            str(rng.randint(1, 10**6)),
            str(10 ** rng.randint(10, 40)),
            "1e400",
            "-0",
            "nan",
            "",
            "٣",
            rng.choice(string.ascii_letters) * rng.randint(1, 5),
        ]
    )


def query(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(WORDS)
    if roll < 0.75:
        return " ".join(rng.choice(SYNTAX + WORDS) for _ in range(rng.randint(1, 8)))
    if roll < 0.9:
        return "".join(rng.choice(string.printable) for _ in range(rng.randint(1, 60)))
    return "".join(rng.choice('ab ()"-*') for _ in range(rng.randint(2000, 10000)))


def params(rng: random.Random) -> dict:
    out = {}
    choices = {
        "kind": lambda: rng.choice(KINDS),
        "year": lambda: weird_number(rng),
        "term": lambda: weird_number(rng),
        "page": lambda: weird_number(rng),
        "page_size": lambda: weird_number(rng),
        "signed_after": lambda: rng.choice(["2017-01-01", "0000-00-00", "9999-12-31", "soon"]),
        "signed_before": lambda: rng.choice(["2020-12-31", "2017-13-45", ""]),
        "statute": lambda: rng.choice(["8 U.S.C. 1357", "8 U.S.C.", "50 U.S.C. 1701(a", "x"]),
        "agency": lambda: rng.choice(["homeland-security", "justice", "nope", "%"]),
        "directed": lambda: rng.choice(["true", "false", "maybe"]),
        "status": lambda: rng.choice(["revoked", "amended", "in_force", "??"]),
        "sort": lambda: rng.choice(["relevance", "newest", "oldest", "sideways"]),
        "topic": lambda: rng.choice(["immigration", "", "'"]),
        "fields": lambda: rng.choice(["id,title", "nope", "id,,", ""]),
    }
    for name in rng.sample(list(choices), rng.randint(0, 5)):
        out[name] = choices[name]()
    return out


def targets(rng: random.Random, known: dict) -> tuple[str, dict]:
    roll = rng.random()
    if roll < 0.30:
        return "/search/", {"q": query(rng), **params(rng)}
    if roll < 0.45:
        return "/api/actions/", {"q": query(rng), **params(rng)}
    if roll < 0.50:
        return "/actions/", params(rng)
    if roll < 0.53:
        return "/search/export.csv", {"q": rng.choice(WORDS[9:]), **params(rng)}
    if roll < 0.56:
        return "/feeds/search/", {"q": query(rng), **params(rng)}
    if roll < 0.70:
        path = rng.choice(known["actions"]) if rng.random() < 0.7 else None
        if path is None:
            path = f"/{rng.choice(['eo', 'proclamation', 'memorandum', 'EO', 'executive-order'])}/"
            path += rng.choice([weird_number(rng), "13768", "11359a", "2017-01-25/x", "%2e%2e"])
        return path, {}
    if roll < 0.80:
        path = rng.choice(known["statutes"]) if rng.random() < 0.7 else None
        if path is None:
            path = f"/statutes/usc/{weird_number(rng)}/{weird_number(rng)}"
        return path, {}
    if roll < 0.85:
        return rng.choice(known["agencies"] + ["/agencies/nope/"]), {}
    if roll < 0.88:
        return rng.choice(known["presidents"] + ["/presidents/nope/"]), {}
    if roll < 0.95:
        endpoint = rng.choice(
            [
                "/api/statutes/",
                f"/api/statutes/{weird_number(rng)}/",
                "/api/agencies/",
                f"/api/agencies/{rng.choice(['justice', 'x'])}/",
                "/api/presidents/",
                f"/api/relations/?action={weird_number(rng)}",
                f"/api/actions/{weird_number(rng)}/",
            ]
        )
        return endpoint, params(rng)
    return rng.choice(["/", "/timeline/", "/statutes/", "/statutes/usc/8", "/sitemap.xml"]), {}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sample = list(Action.objects.order_by("?")[:300])
    known = {
        "actions": [a.get_absolute_url() for a in sample],
        "statutes": [s.get_absolute_url() for s in Statute.objects.order_by("?")[:200]],
        "agencies": [a.get_absolute_url() for a in Agency.objects.all()],
        "presidents": [p.get_absolute_url() for p in President.objects.all()],
    }
    client = Client(raise_request_exception=False)
    statuses: Counter = Counter()
    failures = []
    started = time.monotonic()
    for number in range(args.requests):
        path, data = targets(rng, known)
        response = client.get(path, data)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            failures.append((path, {k: str(v)[:80] for k, v in data.items()}))
        if (number + 1) % 1000 == 0:
            print(f"  {number + 1} requests, {len(failures)} server errors", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"fuzz: {args.requests} requests in {elapsed:.0f} s (seed {args.seed})")
    print("statuses: " + ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items())))
    print(f"server errors (5xx): {len(failures)}")
    for path, data in failures[:50]:
        print(f"  500 {path} {data}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
