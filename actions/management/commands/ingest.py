"""`python manage.py ingest PATH...`: read published documents into the archive."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from actions.jobs.ingest import ingest_paths
from actions.jobs.progress import progress_for


class Command(BaseCommand):
    help = "Ingest files or folders (recursively) of presidential documents and commentary."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--no-relate", action="store_true", help="skip computed links")
        parser.add_argument(
            "--reparse",
            action="store_true",
            help="read every file again, even unchanged ones (after a parser changed)",
        )

    def handle(self, *args, paths, no_relate, reparse=False, **options):
        report = ingest_paths(
            paths,
            reparse=reparse,
            relate=not no_relate,
            progress=progress_for(),
            on_error=lambda path, reason: self.stderr.write(f"error: {path}: {reason}"),
        )
        if report.related is not None:
            links = report.related
            how = "changed actions only" if links.get("incremental") else "whole archive"
            self.stdout.write(
                f"related ({how}): {links['related']} links; "
                f"commentary: {links['commentary_links']} links"
            )
        phases = report.phases
        self.stdout.write(
            f"phases: read and saved {phases['read and saved']:.1f}s, "
            f"rebuilt {phases['rebuilt']:.1f}s, related {phases['related']:.1f}s"
        )
        counts = report.outcomes
        self.stdout.write(
            f"ingested {report.files} files in {sum(phases.values()):.1f}s: {counts['new']} new, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged documents, "
            f"{report.failed} failed files; {report.rebuilt} actions rebuilt"
        )
        if report.failed:
            raise CommandError(f"{report.failed} file(s) could not be ingested", returncode=1)
