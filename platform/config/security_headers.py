"""Headers Django 5.2's settings cannot express: Content-Security-Policy and Permissions-Policy.

nosniff, X-Frame-Options, Referrer-Policy, Cross-Origin-Opener-Policy and HSTS come from Django's
SecurityMiddleware and XFrameOptionsMiddleware (see config.settings).
"""
from __future__ import annotations

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # setdefault: a view that serves something stricter (a sandboxed report) keeps its own policy.
        response.headers.setdefault("Content-Security-Policy", settings.HALLMARK_CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.HALLMARK_PERMISSIONS_POLICY)
        return response
