"""`python manage.py audit`: what a curator should look at, with counts and examples."""

import json

from django.core.management.base import BaseCommand

from actions.store.audit import audit_report


class Command(BaseCommand):
    help = "Report actions with no text or sections, unparsed dates, duplicates, conflicts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the report as JSON"
        )
        parser.add_argument("--examples", type=int, default=5)

    def handle(self, *args, as_json: bool = False, examples: int = 5, **options):
        report = audit_report(examples)
        if as_json:
            self.stdout.write(json.dumps(report, indent=2, default=str))
            return
        for name, value in report.items():
            if isinstance(value, dict) and "count" in value:
                self.stdout.write(f"{name.replace('_', ' ')}: {value['count']}")
                for example in value["examples"]:
                    self.stdout.write(f"    {example}")
            else:
                self.stdout.write(f"{name.replace('_', ' ')}: {value}")
