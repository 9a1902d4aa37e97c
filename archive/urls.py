from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from actions.api.actions import api
from actions.web.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("api/", api.urls),
    path("", include("actions.urls")),
]
