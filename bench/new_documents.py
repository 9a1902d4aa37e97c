"""Benchmark: one new document into the full archive, derived rows and related actions
included, as the daily sync brings it.

On a database holding the whole corpus (`bench/ingest.py` makes them), for a hash-stable sample
of actions whose copies are each a file of their own: withdraw the action (its copies removed
by the writer, the archive related again without it), then time `manage.py ingest` of its
files, which is what a sync does with what it downloaded. Also one signing day's documents at
once (a day of the sync). Prints seconds per run and the ingest's own phases, and checks that
the action came back with as many related actions as it had.

    python bench/new_documents.py --database URL [--count 8]
    python bench/new_documents.py --database URL --withdraw KIND/NUMBER ...   (one step)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time

from common import ROOT, environment, setup_django

PHASES_RE = re.compile(r"phases: read and saved ([\d.]+)s, rebuilt ([\d.]+)s, related ([\d.]+)s")


def choose(count: int) -> list[list[str]]:
    """Groups of action keys to withdraw and bring back: `count` single actions and one day."""
    from actions.models import Action, Source

    shared = set(Source.objects.filter(locator__contains="#").values_list("action_id", flat=True))
    candidates = sorted(
        (a for a in Action.objects.exclude(number=None).only("id", "kind", "number", "signed_on")
         if a.pk not in shared),
        key=lambda a: hashlib.sha256(f"{a.kind}/{a.number}".encode()).hexdigest(),
    )  # fmt: skip
    singles = [[f"{a.kind}/{a.number}"] for a in candidates[:count]]
    # A day of the sync: the busiest recent signing day whose actions all have files of their own.
    by_day: dict = {}
    for action in candidates:
        if action.signed_on and action.signed_on.year >= 2021:
            by_day.setdefault(action.signed_on, []).append(f"{action.kind}/{action.number}")
    day = max(by_day, key=lambda d: (len(by_day[d]), d))
    return [*singles, by_day[day]]


def withdraw(keys: list[str]) -> dict:
    """Remove these actions' copies through the writer, relate, and say which files held them."""
    from django.conf import settings

    from actions.graph.relations import relate_pending
    from actions.models import Action, Relation, Source, SourceFile
    from actions.store.writer import remove_sources

    files, related = set(), {}
    for key in keys:
        kind, number = key.split("/", 1)
        action = Action.objects.get(kind=kind, number=number)
        related[key] = Relation.objects.filter(origin="computed", source=action).count()
        locators = list(action.sources.values_list("locator", flat=True))
        remove_sources(Source.objects.filter(locator__in=locators))
        SourceFile.objects.filter(path__in=locators).delete()
        files |= {os.path.join(settings.ARCHIVE_DATA_DIR, locator) for locator in locators}
    relate_pending()
    return {"files": sorted(files), "related": related}


def related_now(keys: list[str]) -> dict:
    from actions.models import Relation

    out = {}
    for key in keys:
        kind, number = key.split("/", 1)
        out[key] = Relation.objects.filter(
            origin="computed", source__kind=kind, source__number=number
        ).count()
    return out


def step(database: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--database", database, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--withdraw", nargs="+")
    parser.add_argument("--choose", action="store_true")
    parser.add_argument("--related", nargs="+")
    args = parser.parse_args()
    if args.withdraw or args.choose or args.related:
        setup_django(args.database)
        if args.choose:
            print(json.dumps(choose(args.count)))
        elif args.withdraw:
            print(json.dumps(withdraw(args.withdraw)))
        else:
            print(json.dumps(related_now(args.related)))
        return
    env = {**os.environ, **environment(args.database)}
    groups = step(args.database, "--choose", "--count", str(args.count))
    print(f"{args.database}: {len(groups) - 1} new documents one at a time, then one day's")
    for keys in groups:
        gone = step(args.database, "--withdraw", *keys)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "manage.py", "ingest", *gone["files"]],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.monotonic() - started
        phases = PHASES_RE.search(result.stdout)
        inside = sum(map(float, phases.groups())) if phases else float("nan")
        back = step(args.database, "--related", *keys)
        same = (
            "same related count"
            if back == gone["related"]
            else f"related {gone['related']} -> {back}"
        )
        label = keys[0] if len(keys) == 1 else f"a day of {len(keys)} actions"
        print(
            f"  {label} ({len(gone['files'])} files): {elapsed:.2f} s with the command's start, "
            f"{inside:.2f} s ingesting (read {phases.group(1)} s, rebuilt {phases.group(2)} s, "
            f"related {phases.group(3)} s); {same}"
        )


if __name__ == "__main__":
    main()
