from django.urls import path, register_converter

from actions.vocabulary import KIND_PATHS
from actions.web import as_amended as as_amended_views
from actions.web import browse as browse_views
from actions.web import emergencies as emergency_views
from actions.web import feeds, views


class KindPathConverter:
    regex = "|".join(KIND_PATHS.values())

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KindPathConverter, "kindpath")

app_name = "actions"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("actions/", views.search, name="browse"),
    path("actions/<int:pk>/", views.action_by_id, name="by_id"),
    path("actions/<int:pk>/compare/", views.compare_sources, name="compare"),
    path("timeline/", browse_views.timeline, name="timeline"),
    path("coverage/", browse_views.coverage, name="coverage"),
    path("search/export.csv", views.export_csv, name="export_csv"),
    path("feeds/search/", feeds.SearchFeed(), name="search_feed"),
    path("feeds/statutes/usc/<str:title>/<str:section>", feeds.StatuteFeed(), name="usc_feed"),
    path("feeds/statutes/key/<path:key>/", feeds.StatuteFeed(), name="statute_feed"),
    path("feeds/agencies/<slug:slug>/", feeds.AgencyFeed(), name="agency_feed"),
    path("feeds/presidents/<slug:slug>/", feeds.PresidentFeed(), name="president_feed"),
    path("statutes/", browse_views.statute_index, name="statutes"),
    path("statutes/jump", browse_views.statute_jump, name="statute_jump"),
    path("statutes/usc/<str:title>", browse_views.usc_title, name="usc_title"),
    path("statutes/usc/<str:title>/<str:section>", browse_views.usc_section, name="usc_section"),
    path("statutes/usc/<str:title>/<str:section>/", views.slash_redirect),
    path("statutes/key/<path:key>/", browse_views.statute_detail, name="statute"),
    path("agencies/", browse_views.agency_index, name="agencies"),
    path("agencies/<slug:slug>/", browse_views.agency_detail, name="agency"),
    path("agencies/<slug:slug>", views.append_slash),
    path("presidents/", browse_views.president_index, name="presidents"),
    path("presidents/<slug:slug>/", browse_views.president_detail, name="president"),
    path("presidents/<slug:slug>", views.append_slash),
    path("emergencies/", emergency_views.emergency_index, name="emergencies"),
    path("emergencies/export.csv", emergency_views.emergency_csv, name="emergencies_csv"),
    path("emergencies/<slug:slug>/", emergency_views.emergency_detail, name="emergency"),
    path("emergencies/<slug:slug>", views.append_slash),
    path("feeds/emergencies/", feeds.EmergencyFeed(), name="emergencies_feed"),
    path("feeds/emergencies/<slug:slug>/", feeds.EmergencyFeed(), name="emergency_feed"),
    path("favicon.ico", views.favicon),
    path("eo/<str:number>/as-amended", as_amended_views.as_amended_page, name="as_amended"),
    # Canonical action URLs have no trailing slash (`/eo/14385`); the slashed form redirects.
    path("<kindpath:kind_path>/<str:number>", views.action_by_number, name="numbered"),
    path("<kindpath:kind_path>/<str:number>/", views.slash_redirect),
    path("<kindpath:kind_path>/<str:day>/<slug:slug>", views.action_by_date, name="dated"),
    path("<kindpath:kind_path>/<str:day>/<slug:slug>/", views.slash_redirect),
    path("<str:alias>/<str:number>", views.alias_redirect),
    path("<str:alias>/<str:number>/", views.alias_redirect),
]
