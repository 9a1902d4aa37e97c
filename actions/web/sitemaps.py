"""sitemap.xml (django.contrib.sitemaps): every action at its canonical address, and the
statute, agency, president and browse pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from actions.models import Action, Agency, President, Statute


class ActionSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Action.objects.only(
            "id", "kind", "number", "signed_on", "slug", "updated_at"
        ).order_by("id")

    def lastmod(self, action: Action):
        return action.updated_at


class StatuteSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Statute.objects.cited().only("id", "kind", "key", "title", "section").order_by("id")


class AgencySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Agency.objects.order_by("slug")


class PresidentSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return President.objects.order_by("slug")


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "actions:home",
            "actions:browse",
            "actions:timeline",
            "actions:statutes",
            "actions:agencies",
            "actions:presidents",
        ]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "actions": ActionSitemap,
    "statutes": StatuteSitemap,
    "agencies": AgencySitemap,
    "presidents": PresidentSitemap,
}
