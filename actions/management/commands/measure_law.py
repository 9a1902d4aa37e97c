"""`python manage.py measure_law`: the law in force, measured on the whole archive.

Prints the share of explicit amendment instructions (both orders archived) applied cleanly,
the rest by reason; the national emergencies found (declared, in effect today, terminated)
and how they agree with the FR's disposition notes. `--sample FILE` writes 30 consolidated
sections drawn at random, for reading (bench/as_amended_sample.md).
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand

from actions.read.law_measure import (
    RECENT,
    measure_amendments,
    measure_emergencies,
    sample_sections,
)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


class Command(BaseCommand):
    help = "Measure amendments applied and the national emergencies register."

    def add_arguments(self, parser):
        parser.add_argument("--sample", help="write 30 consolidated sections to this file")

    def handle(self, *args, **options):
        today = date.today()
        figures = measure_amendments(today)
        self.stdout.write(
            f"amendment instructions aimed at {figures.orders} archived orders by archived "
            f"orders: {figures.applied}/{figures.instructions} applied cleanly "
            f"({_pct(figures.applied, figures.instructions)}); {figures.not_explicit} more "
            'state no edit ("amended accordingly", "as provided in the Annex")'
        )
        self.stdout.write(
            f"    of them in effect since {RECENT}: {figures.recent_applied}/{figures.recent} "
            f"({_pct(figures.recent_applied, figures.recent)})"
        )
        for reason, count in figures.reasons.most_common(15):
            number, example = figures.examples[reason]
            self.stdout.write(f"    {count:5d} {reason}  (EO {number}: {example[:110]})")
        e = measure_emergencies(today)
        self.stdout.write(
            f"national emergencies: {e.declared} in the register ({e.declaring_order_archived} "
            f"with their declaring order archived), {e.in_effect} in effect on {today}, "
            f"{e.terminated} terminated; {e.continuation_notices} continuation notices"
        )
        self.stdout.write(
            f"    terminated, against the FR's notes: {e.notes_agree}/{e.terminated_with_notes} "
            "declaring orders noted as revoked by the terminating order"
        )
        self.stdout.write(
            f'    "Continued by" in the notes: {e.continued_in_notes_found}/'
            f"{e.continued_in_notes} found in the register"
        )
        if e.revoked_in_notes_in_effect:
            self.stdout.write(
                "    in effect here, declaring order noted as revoked: "
                + ", ".join(e.revoked_in_notes_in_effect)
            )
        if options["sample"]:
            self._write_sample(Path(options["sample"]), today)

    def _write_sample(self, path: Path, today: date) -> None:
        lines = [
            "# Consolidated sections, read against their amendments",
            "",
            f"30 sections that amendments changed, drawn at random (seed 19) on {today} by",
            "`manage.py measure_law --sample`. Each was read against the original and the",
            "instructions; the verdict line says what the reading found.",
            "",
        ]
        for index, item in enumerate(sample_sections(today), start=1):
            lines += [
                f"## {index}. EO {item['order']}, section {item['section']}",
                "",
                "Instructions applied:",
                "",
            ]
            lines += [
                f"- {c['date']}: EO {c['number'] or '(unnumbered)'}, sec. {c['section'] or '?'}: "
                f"{' '.join(c['instruction'].split())[:400]}"
                for c in item["changes"]
            ]
            lines += [
                "",
                "Original:",
                "",
                *_quoted(item["original"]),
                "",
                # whole, paragraph by paragraph: a fault past the first lines is read too
                "As amended:",
                "",
                *_quoted(item["as_amended"]),
                "",
                "Verdict: ",
                "",
            ]
        path.write_text("\n".join(lines), encoding="utf-8")
        self.stdout.write(f"wrote {path}")


def _quoted(text: str) -> list[str]:
    """A section's text as a Markdown quotation, one quoted line per paragraph."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    return "\n>\n".join(f"> {p}" for p in paragraphs).split("\n")
