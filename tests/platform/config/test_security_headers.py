"""Security headers on pages and API responses, and templates that a strict CSP does not break."""
import re

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _assert_headers(response):
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
    policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"  # no inline script, no eval
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert "unsafe" not in policy["style-src"]
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_a_page_sends_the_security_headers(make_team, logged_in):
    team = make_team()
    _assert_headers(Client().get("/accounts/login/"))
    _assert_headers(logged_in(team.user("admin")).get(f"/t/{team.team.slug}/"))


def test_an_api_response_sends_them_too(make_team, api_client):
    team = make_team()
    response = api_client(team.api_key()).get("/api/v1/me")
    assert response.status_code == 200
    _assert_headers(response)
    _assert_headers(Client().get("/api/v1/me"))  # and an error


def test_hsts_on_https_with_the_production_values(settings):
    # The values production sets (tests/platform/config/test_production.py reads them there).
    settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = 31536000, True
    settings.SECURE_HSTS_PRELOAD = True
    response = Client().get("/accounts/login/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
_EVENT_HANDLER = re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.I)
# A compliance report is a file: it carries its own styles and is served with its own sandboxed policy.
_OWN_POLICY = {"audit/report.html"}


def test_templates_have_no_inline_script_or_style_the_policy_would_block():
    templates = [p for p in settings.ROOT_DIR.joinpath("platform").rglob("templates/**/*.html")]
    assert templates
    for path in templates:
        name = "/".join(path.parts[path.parts.index("templates") + 1:])
        text = path.read_text()
        assert not _INLINE_SCRIPT.search(text), f"{name}: inline <script> (the CSP blocks it; use a static file)"
        assert not _EVENT_HANDLER.search(text), f"{name}: inline event handler (the CSP blocks it)"
        if name not in _OWN_POLICY:
            assert "<style" not in text, f"{name}: inline <style> (the CSP blocks it; use hallmark.css)"


def test_htmx_is_told_to_add_no_inline_style_or_eval():
    base = (settings.ROOT_DIR / "platform" / "templates" / "base.html").read_text()
    assert '"includeIndicatorStyles": false' in base and '"allowEval": false' in base
