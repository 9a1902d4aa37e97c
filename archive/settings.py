"""Settings for the archive, read from the environment (twelve-factor).

Every value a deployment changes comes from an environment variable; the defaults are for a
developer's machine: DEBUG on, an SQLite file beside the code, the shared corpus one folder up.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from archive.replicas import replica_databases

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    "dev-only-insecure-key-set-DJANGO_SECRET_KEY-in-production" if DEBUG else ""
)
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

# Where the published documents are read from: never copied into the repository.
ARCHIVE_DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR.parent / "shared")).resolve()
# Processes that parse files and read copies during a large ingest (0: one per core).
ARCHIVE_INGEST_WORKERS = int(os.environ.get("ARCHIVE_INGEST_WORKERS", "0"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "django_filters",
    "ninja",  # serves the API docs' Swagger UI from this site (no CDN; CSP allows only self)
    "actions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Where this request reads from: a replica or the primary (archive/replicas.py).
    "archive.replicas.ReadFromReplicaMiddleware",
    # ETags on every page and API answer; If-None-Match / If-Modified-Since get a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

# Content-Security-Policy (django-csp): only this site's own files run or style a page; no
# inline script, no plugin, no framing. Text from sources is escaped anyway: this is the
# second wall.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the site read while an ingest writes; a busy timeout rather than instant errors;
    # transactions take the write lock when they begin, so two writers queue instead of failing
    # when one would upgrade its read lock (SQLite does not wait in that case).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 60,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Read replicas (comma-separated URLs, optional): pages, search, feeds and the API read from
# one that is reachable and at most ARCHIVE_MAX_REPLICA_LAG_SECONDS behind; writes, and a
# reader's requests just after a write, go to the primary (archive/replicas.py).
ARCHIVE_MAX_REPLICA_LAG_SECONDS = float(os.environ.get("ARCHIVE_MAX_REPLICA_LAG_SECONDS", "30"))
ARCHIVE_REPLICA_CHECK_SECONDS = float(os.environ.get("ARCHIVE_REPLICA_CHECK_SECONDS", "5"))
if os.environ.get("DATABASE_REPLICA_URLS", "").strip():
    DATABASES.update(
        replica_databases(
            os.environ["DATABASE_REPLICA_URLS"], DATABASES["default"].get("CONN_MAX_AGE", 0)
        )
    )
    DATABASE_ROUTERS = ["archive.replicas.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security headers that cost nothing in development and are required in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Off only for `make serve` on plain HTTP on one's own machine.
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Search results per page, and the API's page size bounds.
ARCHIVE_PAGE_SIZE = 20
ARCHIVE_API_MAX_PAGE_SIZE = 200
# A query matching at most this many actions is ranked by scoring every match (about 2 us a
# match with FTS5's bm25, 17 us with ts_rank_cd, which reads the whole vector); one matching
# more ranks its title matches first, then the rest newest first (see
# actions/search/__init__.py): the bound that keeps `united states` fast at 100k actions.
ARCHIVE_SEARCH_RANK_LIMIT = int(os.environ.get("ARCHIVE_SEARCH_RANK_LIMIT", "1000"))
# Large match sets (500+ actions) and their facet counts are kept in the cache this long,
# under the archive's version, so they stay exact (actions/search/memo.py); 0 turns it off.
ARCHIVE_SEARCH_CACHE_SECONDS = int(os.environ.get("ARCHIVE_SEARCH_CACHE_SECONDS", "600"))
# Smaller match sets are found again faster than a cache entry is read.
ARCHIVE_SEARCH_CACHE_MIN_MATCHES = int(os.environ.get("ARCHIVE_SEARCH_CACHE_MIN_MATCHES", "500"))
# Django's cache holds rendered pages, large match sets, facet indexes, the API rate counts
# and the archive's version. In one process the default (per-process memory) is enough;
# several processes, on one host or many, share Redis when ARCHIVE_REDIS_URL names it
# (Django's RedisCache, forgiving Redis being away: archive/cache.py), or one host's
# processes share a folder when ARCHIVE_CACHE_DIR names one (a file cache).
ARCHIVE_REDIS_RETRY_SECONDS = float(os.environ.get("ARCHIVE_REDIS_RETRY_SECONDS", "5"))
# With Redis and no replica, readers take the archive's version from the cache, for at most
# this long between reads of the database (see ArchiveVersion).
ARCHIVE_VERSION_CACHE_SECONDS = int(os.environ.get("ARCHIVE_VERSION_CACHE_SECONDS", "10"))
if os.environ.get("ARCHIVE_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "archive.cache.ForgivingRedisCache",
            "LOCATION": os.environ["ARCHIVE_REDIS_URL"],
            "KEY_PREFIX": os.environ.get("ARCHIVE_REDIS_PREFIX", "archive"),
            # A reader waits this long at most for Redis before the page is made without it.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
elif os.environ.get("ARCHIVE_CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ["ARCHIVE_CACHE_DIR"],
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
# Pages are served from the cache until the archive changes (see actions.web.views.archive_cached).
ARCHIVE_PAGE_CACHE_SECONDS = int(os.environ.get("ARCHIVE_PAGE_CACHE_SECONDS", "600"))
# The Federal Register API (`manage.py sync_federal_register`): where it is (a test server or
# a mirror may stand in), where its documents are saved as files, how politely it is asked.
ARCHIVE_FR_API_URL = os.environ.get("ARCHIVE_FR_API_URL", "https://www.federalregister.gov/api/v1")
ARCHIVE_FR_DIR = Path(os.environ.get("ARCHIVE_FR_DIR", BASE_DIR / "var" / "federal-register"))
ARCHIVE_FR_USER_AGENT = os.environ.get(
    "ARCHIVE_FR_USER_AGENT",
    "presidential-actions-archive/1.0 (open-source archive of US presidential actions; "
    "python urllib)",
)
ARCHIVE_FR_REQUESTS_PER_SECOND = float(os.environ.get("ARCHIVE_FR_REQUESTS_PER_SECOND", "5"))
ARCHIVE_FR_XML_REQUESTS_PER_SECOND = float(
    os.environ.get("ARCHIVE_FR_XML_REQUESTS_PER_SECOND", "1")
)
ARCHIVE_FR_TIMEOUT = float(os.environ.get("ARCHIVE_FR_TIMEOUT", "30"))
ARCHIVE_FR_BACKOFF_SECONDS = float(os.environ.get("ARCHIVE_FR_BACKOFF_SECONDS", "1"))
# The API answers at most this many results for one query (then silently starts over).
ARCHIVE_FR_RESULT_CAP = int(os.environ.get("ARCHIVE_FR_RESULT_CAP", "10000"))
# Anonymous API clients: requests per period ("60/m"); empty turns the limit off.
ARCHIVE_API_RATE_LIMIT = os.environ.get("ARCHIVE_API_RATE_LIMIT", "120/m")
