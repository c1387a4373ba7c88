"""Signing in with a password: django-axes throttles failures per email and client IP.

Axes counts failures and refuses a locked-out attempt before the password is checked (its backend
comes first in AUTHENTICATION_BACKENDS); these hooks tell it who is trying, render its lockout as
the sign-in page, and put each failure in the audit log. Two-factor comes after, see two_factor.
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import render

from accounts.actors import Actor, client_ip
from accounts.forms import EmailLoginForm
from accounts.models import User, normalize_email
from audit.services import record_event


def attempted_email(request, credentials) -> str:
    """The email an attempt names, spelled as accounts store it, so "Ann@x" and "ann@x" share a count."""
    raw = (credentials or {}).get("username") or request.POST.get("username") or ""
    return normalize_email(raw)


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request, original_response=None, credentials=None):
    """Axes' lockout response: the sign-in page, saying why and for how long (429 Too Many Requests)."""
    context = {"form": EmailLoginForm(request), "locked_out": True, "cooloff_minutes": cooloff_minutes()}
    return render(request, "registration/login.html", context, status=429)


@transaction.atomic
def login_failure_record(*, email: str, ip: str | None, locked: bool) -> None:
    """Audit a failed sign-in; the actor is the account named, when there is one."""
    user = User.objects.filter(email=email).first() if email else None
    record_event(action="user.login_failed", actor=Actor(user=user, client_ip=ip),
                 target=user,
                 details={"email": email[:254], "locked_out": locked})


class SignInView(auth_views.LoginView):
    authentication_form = EmailLoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        login_failure_record(email=attempted_email(self.request, None), ip=client_ip(self.request),
                             locked=bool(getattr(self.request, "axes_locked_out", False)))
        return super().form_invalid(form)
