"""`python manage.py rebuild`: derive every action's rows again from its stored sources.

After a change to an extractor (citations, references, agencies), the archive's derived rows
(sections, citations, mentions, relations, search index) are recomputed from the parsed
sources kept in the database, without reading the files again. Related actions follow.
"""

import time

from django.core.management.base import BaseCommand

from actions.graph.relations import relate_all
from actions.jobs.progress import progress_for
from actions.models import Action
from actions.store.rebuild import rebuild_in_batches


class Command(BaseCommand):
    help = "Re-derive sections, citations, agencies, relations and the search index from sources."

    def add_arguments(self, parser):
        parser.add_argument("--no-relate", action="store_true", help="skip computed links")

    def handle(self, *args, no_relate: bool = False, **options):
        started = time.monotonic()
        ids = list(Action.objects.order_by("id").values_list("id", flat=True))

        bar = progress_for()
        rebuilt = rebuild_in_batches(
            ids, (lambda done, total: bar("actions rebuilt", done, total)) if bar else None
        )
        message = f"rebuilt {rebuilt} actions in {time.monotonic() - started:.1f}s"
        if not no_relate:
            links = relate_all()
            message += f"; related: {links['related']}; commentary: {links['commentary_links']}"
        self.stdout.write(message)
