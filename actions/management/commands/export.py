"""`python manage.py export --format jsonl [--output FILE]`: the whole archive, one action per
line (standard output by default, with nothing else printed there); `ingest FILE` reads it
back into an empty database."""

import sys

from django.core.management.base import BaseCommand, CommandError

from actions.api.export import export_lines


class Command(BaseCommand):
    help = "Write every action with its sections, citations, relations and sources as JSONL."

    def add_arguments(self, parser):
        parser.add_argument("--format", default="jsonl", choices=["jsonl"])
        parser.add_argument("--output", default="-", help="a file path, or - for stdout")

    def handle(self, *args, output: str = "-", **options):
        if output == "-":
            count = self.write(sys.stdout)
        else:
            try:
                with open(output, "w", encoding="utf-8") as handle:
                    count = self.write(handle)
            except OSError as error:
                raise CommandError(f"cannot write {output}: {error}") from error
        self.stderr.write(  # never on stdout: that is the data
            f"exported {count} lines to {'standard output' if output == '-' else output}"
        )

    def write(self, handle) -> int:
        count = 0
        for line in export_lines():
            handle.write(line + "\n")
            count += 1
        return count
