"""Until a privileged person has entered a code this session, every page sends them to enter one.

Every page, not only those of their privileged teams: the account is the privileged thing, and a
stolen password should not act under its name anywhere (the API takes keys and is not affected).
"""
from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.two_factor import two_factor_required


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open = None

    def _open_prefixes(self) -> tuple[str, ...]:
        # Signing in or out, the two-factor page itself, static files; the API takes keys, not sessions.
        if self._open is None:
            self._open = (reverse("accounts:login"), reverse("accounts:logout"), reverse("accounts:two_factor"),
                          "/" + settings.STATIC_URL.lstrip("/"), "/api/")
        return self._open

    def __call__(self, request):
        user = request.user
        if (user.is_authenticated and not user.is_verified()
                and not request.path.startswith(self._open_prefixes()) and two_factor_required(user)):
            return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
