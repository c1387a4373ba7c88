"""The two-factor page: enrol an authenticator app (first time), or enter its code (every sign-in)."""
from __future__ import annotations

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from accounts import two_factor
from accounts.actors import Actor


class CodeForm(forms.Form):
    code = forms.RegexField(regex=r"^\s*\d{6}\s*$", label="6-digit code", error_messages={
        "invalid": "Enter the 6 digits your authenticator app shows."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}))


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return "/"


@login_required
def two_factor_page(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    device = two_factor.confirmed_device(user)
    enrolling = device is None
    if enrolling:
        device = two_factor.totp_device_start(user=user)
    form = CodeForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        wait = two_factor.wait_seconds(device)
        if wait:
            error = f"Too many wrong codes. Wait {wait} seconds, then enter the code your app shows."
        else:
            actor, token = Actor.from_request(request), form.cleaned_data["code"].strip()
            service = two_factor.totp_device_confirm if enrolling else two_factor.totp_verify
            if service(actor=actor, device=device, token=token):
                otp_login(request, device)  # django-otp marks this session verified
                return redirect(_next_url(request))
            error = "That code is not right. Check the app's clock and enter the current code."
    context = {"form": form, "enrolling": enrolling, "next": _next_url(request), "error": error,
               "required": two_factor.two_factor_required(user)}
    if enrolling:
        uri = device.config_url
        context.update(secret=two_factor.device_secret(device), otpauth_uri=uri,
                       qr_data_uri=segno.make(uri, error="m").svg_data_uri(scale=4, dark="#1d2330"))
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/two_factor.html", context, status=status)
