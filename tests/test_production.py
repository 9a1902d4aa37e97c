"""The production configuration, run as production runs it: separate processes with the
production environment variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def production_env(tmp_path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="a-production-secret-for-this-test-only-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="archive.example.org",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    return env


def run_django(env: dict, script: str) -> subprocess.CompletedProcess:
    """A Python snippet run with Django set up from these environment variables."""
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "archive.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_no_warning(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_static_files_are_hashed_and_compressed(tmp_path):
    env = production_env(tmp_path)
    result = manage(env, "collectstatic", "--noinput", "-v0")
    assert result.returncode == 0, result.stderr
    css = list((tmp_path / "static" / "css").glob("site.*.css"))
    hashed = [p for p in css if len(p.name.split(".")) == 3]
    assert hashed, [p.name for p in css]
    assert Path(f"{hashed[0]}.gz").exists() or Path(f"{hashed[0]}.br").exists()


def test_security_headers_and_the_admin_behind_login(tmp_path):
    env = production_env(tmp_path)
    assert manage(env, "migrate", "-v0").returncode == 0
    assert manage(env, "collectstatic", "--noinput", "-v0").returncode == 0
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "c = Client(HTTP_HOST='archive.example.org');"
        "r = c.get('/', secure=True);"
        "print(r.status_code);"
        "[print(k + ': ' + r.headers.get(k, '')) for k in ('Strict-Transport-Security',"
        " 'X-Content-Type-Options', 'Referrer-Policy', 'Content-Security-Policy',"
        " 'X-Frame-Options')];"
        "a = c.get('/admin/', secure=True);"
        "print('admin', a.status_code, a.headers.get('Location'));"
        "h = c.get('/', secure=False); print('http', h.status_code, h.headers.get('Location'))"
    )
    result = run_django(env, script)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert out.startswith("200")
    assert "Strict-Transport-Security: max-age=31536000; includeSubDomains; preload" in out
    assert "X-Content-Type-Options: nosniff" in out
    assert "Referrer-Policy: same-origin" in out
    assert "script-src 'self'" in out and "X-Frame-Options: DENY" in out
    assert "admin 302 /admin/login/?next=/admin/" in out
    assert "http 301 https://archive.example.org/" in out


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "gunicorn").exists(), reason="no gunicorn")
def test_the_readme_gunicorn_command_serves_the_site(tmp_path):
    import time
    import urllib.request

    env = production_env(tmp_path)
    env["DJANGO_SECURE_SSL_REDIRECT"] = "false"
    env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1"
    assert manage(env, "migrate", "-v0").returncode == 0
    assert manage(env, "collectstatic", "--noinput", "-v0").returncode == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "gunicorn archive.wsgi" in readme
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "archive.wsgi",
            "--bind",
            "127.0.0.1:8799",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                with urllib.request.urlopen("http://127.0.0.1:8799/", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer")
        with urllib.request.urlopen("http://127.0.0.1:8799/static/css/site.css") as response:
            assert response.status == 200  # whitenoise serves the static files
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_make_serve_serves_the_site_as_a_reader_meets_it(tmp_path):
    """`make serve` runs with the settings its Makefile line gives: the archive's own 404 page
    (never Django's debug page listing the URL patterns), over plain HTTP on this machine."""
    import re

    makefile = (ROOT / "Makefile").read_text()
    line = re.search(r"^LOCAL_SITE := (.+?)(?<!\\)$", makefile, re.M | re.S).group(1)
    settings_given = dict(re.findall(r"(DJANGO_\w+)=(\"[^\"]*\"|\S+)", line.replace("\\\n", " ")))
    env = production_env(tmp_path)
    env.update({k: v.strip('"') for k, v in settings_given.items() if k != "DJANGO_SECRET_KEY"})
    env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    assert manage(env, "migrate", "--noinput").returncode == 0
    assert manage(env, "collectstatic", "--noinput", "-v0").returncode == 0  # as `make static`
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.test import Client; r = Client().get('/eo/99999'); "
        "print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, "
        "r.status_code, 'Not in the archive' in r.content.decode(), "
        "'URLconf' in r.content.decode())"
    )
    result = run_django(env, script)
    assert result.stdout.split() == ["False", "False", "False", "404", "True", "False"], (
        result.stderr
    )
