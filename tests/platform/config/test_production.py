"""Production settings: `check --deploy` is clean, secrets come only from the environment, and the
service refuses to start while a signing key is readable by other users.

Each case starts manage.py in a subprocess, since settings are read once, at start-up.
"""
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from audit.signed_checkpoint import generate_private_key
from provenance import init_keys


def _manage(*args, **env):
    # Start from an environment without any of our settings (CI may set DATABASE_URL).
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "HALLMARK_")) and k != "DATABASE_URL"}
    return subprocess.run([sys.executable, str(settings.ROOT_DIR / "manage.py"), *args],
                          env={**clean, **env}, capture_output=True, text=True, timeout=180)


@pytest.fixture
def production(tmp_path):
    """The variables production needs, with real keys made as the tools make them (mode 600)."""
    keys = tmp_path / "provenance-keys"
    init_keys(keys)
    audit_key = tmp_path / "audit-checkpoint.pem"
    generate_private_key(audit_key)
    return {
        "HALLMARK_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "hallmark.example.org",
        "DATABASE_URL": "postgres://hallmark@db.example.org:5432/hallmark",
        "HALLMARK_PROVENANCE_KEYS": str(keys),
        "HALLMARK_WATERMARK_KEY": secrets.token_urlsafe(32),
        "HALLMARK_AUDIT_SIGNING_KEY": str(audit_key),
    }


def test_check_deploy_passes_under_production_settings(production):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL",
                                     "HALLMARK_PROVENANCE_KEYS", "HALLMARK_WATERMARK_KEY",
                                     "HALLMARK_AUDIT_SIGNING_KEY"])
def test_production_refuses_to_start_without_its_secrets(production, missing):
    env = {k: v for k, v in production.items() if k != missing}
    result = _manage("check", **env)
    assert result.returncode != 0 and f"{missing} must be set in production" in result.stderr


@pytest.mark.parametrize("variable, weak, message", [
    ("DJANGO_SECRET_KEY", "django-insecure-" + "x1y2z3" * 10, "DJANGO_SECRET_KEY is too weak"),
    ("DJANGO_SECRET_KEY", "short-secret", "DJANGO_SECRET_KEY is too weak"),
    ("HALLMARK_WATERMARK_KEY", "hallmark-watermark-v1", "HALLMARK_WATERMARK_KEY must be set in production"),
])
def test_production_refuses_development_defaults_and_weak_secrets(production, variable, weak, message):
    result = _manage("check", **{**production, variable: weak})
    assert result.returncode != 0 and message in result.stderr


@pytest.mark.parametrize("which, mode", [("signing-0001.key", 0o640), ("root-ca.key", 0o604), ("audit", 0o644)])
def test_production_refuses_signing_keys_other_users_can_read(production, which, mode):
    if which == "audit":
        path, variable = production["HALLMARK_AUDIT_SIGNING_KEY"], "HALLMARK_AUDIT_SIGNING_KEY"
    else:
        path, variable = os.path.join(production["HALLMARK_PROVENANCE_KEYS"], which), "HALLMARK_PROVENANCE_KEYS"
    os.chmod(path, mode)
    result = _manage("check", **production)
    assert result.returncode != 0
    assert f"{variable}: the private key {path} is accessible to other users (mode {mode:04o})" in result.stderr
    assert f"chmod 600 {path}" in result.stderr


def test_production_refuses_a_key_folder_without_keys(production, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _manage("check", **{**production, "HALLMARK_PROVENANCE_KEYS": str(empty)})
    assert result.returncode != 0 and "holds no private key" in result.stderr


def test_production_sends_hsts_and_secure_cookies(production):
    shown = ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
             "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "DEBUG")
    result = _manage("shell", "-c", "from django.conf import settings; "
                     f"print(*(getattr(settings, n) for n in {shown!r}))", **production)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["31536000", "True", "True", "True", "True", "False"]
