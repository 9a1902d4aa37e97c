"""`python manage.py measure_relations`: the relation graph against the FR editors' notes."""

import json

from django.core.management.base import BaseCommand

from actions.graph.quality import relation_agreement, relation_recall, see_pair_recall


class Command(BaseCommand):
    help = "Recall of revokes/amends read from the text against the FR notes; See: pairs found."

    def add_arguments(self, parser):
        parser.add_argument("--misses", type=int, default=20)
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, misses: int = 20, as_json: bool = False, **options):
        report = {
            "relations": relation_recall(misses),
            "agreement": relation_agreement(),
            "see_pairs": see_pair_recall(),
        }
        if as_json:
            self.stdout.write(json.dumps(report, indent=2))
            return
        rel = report["relations"]
        self.stdout.write(
            f"FR-noted revokes/amends/supersedes whose acting order's text is archived: "
            f"{rel['noted_pairs']}; left out: {rel['unnamed']} whose text never prints the "
            f"other order's number, {rel['impossible']} whose acting order is the older"
        )
        self.stdout.write(
            f"measured: {rel['expected']}; "
            f"read from the text, same kind: {rel['found']} "
            f"({_pct(rel['found'], rel['expected'])}); "
            f"revokes/supersedes counted as one: {rel['lenient']} "
            f"({_pct(rel['lenient'], rel['expected'])})"
        )
        pair = [rel["by_kind"].get(k, {"found": 0, "expected": 0}) for k in ("revokes", "amends")]
        found, expected = sum(r["found"] for r in pair), sum(r["expected"] for r in pair)
        self.stdout.write(f"revokes and amends: {found}/{expected} ({_pct(found, expected)})")
        for kind, row in sorted(rel["by_kind"].items()):
            share = _pct(row["found"], row["expected"])
            self.stdout.write(f"  {kind}: {row['found']}/{row['expected']} ({share})")
        if rel["misses"]:
            self.stdout.write(f"misses ({rel['missed_total']}; first {len(rel['misses'])}):")
            for line in rel["misses"]:
                self.stdout.write(f"  {line}")
        agree = report["agreement"]
        self.stdout.write(
            f"read from the text between two orders whose FR records carry notes: "
            f"{agree['checked']}; also in the notes: {agree['confirmed']} "
            f"({_pct(agree['confirmed'], agree['checked'])})"
        )
        see = report["see_pairs"]
        self.stdout.write(
            f'FR "See:" pairs in either\'s top related: {see["found"]}/{see["pairs"]} '
            f"({_pct(see['found'], see['pairs'])})"
        )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"
