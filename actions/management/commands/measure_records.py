"""`python manage.py measure_records`: are the modern records right? Joins, schedules, kinds.

Prints the share of whitehouse.gov order and proclamation pages joined to their numbered
action (every miss with why), the items of revocation and amendment schedules resolved as
their own relation, the kinds of the sample of pages checked by reading, and remaining twins.
"""

from django.core.management.base import BaseCommand

from actions.store.measure import find_twins, kind_accuracy, page_joins, schedule_items


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


class Command(BaseCommand):
    help = "Measure joined copies, schedule items, kinds and twins of the 2021-2026 records."

    def handle(self, *args, **options):
        for kind in ("executive_order", "proclamation"):
            joins = page_joins(kind)
            if joins.window is None:
                self.stdout.write(f"{kind}: no FR records in the archive")
                continue
            first, last = joins.window
            self.stdout.write(
                f"{kind} pages signed {first} .. {last} (the FR's records reach {last}): "
                f"{joins.joined}/{joins.pages} joined to their numbered action "
                f"({_pct(joins.joined, joins.pages)})"
            )
            for locator, title, why in joins.misses:
                self.stdout.write(f"    miss: {title[:70]} ({locator.rsplit('/', 1)[-1]}): {why}")
        items = schedule_items()
        accounted = items.unnumbered_linked + items.unnumbered_labelled
        self.stdout.write(
            f"schedule items (revokes/amends read from orders of 2021 on): numbered "
            f"{items.numbered_linked}/{items.numbered_archived} linked where the order is "
            f"archived ({_pct(items.numbered_linked, items.numbered_archived)}; "
            f"{items.numbered} in all); by date and title {items.unnumbered}: "
            f"{items.unnumbered_linked} linked, {items.unnumbered_labelled} labelled as not "
            f"archived ({_pct(accounted, items.unnumbered)})"
        )
        for miss in items.unlinked_archived[:30]:
            self.stdout.write(f"    not linked though archived: {miss}")
        right, total, wrong = kind_accuracy()
        self.stdout.write(
            f"kinds of {total} pages checked by reading (bench/kind_sample.md): "
            f"{right}/{total} ({_pct(right, total)})"
        )
        for page, read, parsed in wrong:
            self.stdout.write(f"    {page}: read {read}, parsed {parsed}")
        twins = find_twins()
        self.stdout.write(f"twins (one kind, within 3 days, near-identical text): {len(twins)}")
        for first, second, score in twins[:30]:
            self.stdout.write(
                f"    {first.get_absolute_url()} ~ {second.get_absolute_url()} (text {score:.2f})"
            )
