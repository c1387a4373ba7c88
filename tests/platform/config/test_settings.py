"""Settings: the database URL, production refusals, and `check --deploy`."""
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from config.database import parse_database_url


def test_database_urls_for_tcp_and_sockets():
    tcp = parse_database_url("postgres://app:s%40cret@db.internal:6543/hallmark?sslmode=require")
    assert (tcp["HOST"], tcp["PORT"], tcp["USER"], tcp["PASSWORD"], tcp["NAME"]) == (
        "db.internal", "6543", "app", "s@cret", "hallmark")
    assert tcp["OPTIONS"] == {"sslmode": "require"}
    socket = parse_database_url("postgresql://postgres:@/hallmark?host=/tmp/pg")
    assert socket["HOST"] == "/tmp/pg" and socket["NAME"] == "hallmark"


@pytest.mark.parametrize("url, message", [
    ("sqlite:///db.sqlite3", "PostgreSQL only"),
    ("postgres://localhost/", "names no database"),
])
def test_other_databases_are_refused(url, message):
    with pytest.raises(ValueError, match=message):
        parse_database_url(url)


def _manage(*args, **env):
    # Start from an environment without any of our settings (CI may set DATABASE_URL).
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "HALLMARK_")) and k != "DATABASE_URL"}
    return subprocess.run([sys.executable, str(settings.ROOT_DIR / "manage.py"), *args],
                          env={**clean, **env}, capture_output=True, text=True, timeout=120)


PRODUCTION = {
    "HALLMARK_ENV": "production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "hallmark.example.org",
    "DATABASE_URL": "postgres://hallmark@db.example.org:5432/hallmark",
    "HALLMARK_PROVENANCE_KEYS": "/srv/hallmark/provenance-keys",
    "HALLMARK_WATERMARK_KEY": secrets.token_urlsafe(32),
}


def test_check_deploy_passes_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL",
                                     "HALLMARK_PROVENANCE_KEYS", "HALLMARK_WATERMARK_KEY"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = _manage("check", **env)
    assert result.returncode != 0 and f"{missing} must be set in production" in result.stderr
