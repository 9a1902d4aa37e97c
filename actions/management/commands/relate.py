"""`python manage.py relate`: recompute related actions and commentary links."""

from django.core.management.base import BaseCommand

from actions.graph.relations import relate_all


class Command(BaseCommand):
    help = "Recompute related actions (by content) and commentary links for the whole archive."

    def handle(self, *args, **options):
        counts = relate_all()
        self.stdout.write(
            f"related: {counts['related']}; commentary links: {counts['commentary_links']}"
        )
