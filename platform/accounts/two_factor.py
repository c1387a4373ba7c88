"""Two-factor sign-in (TOTP, django-otp) for people who moderate, administer or audit a team.

A member's password is enough to generate; reviewing, managing and reading the record need more.
Whoever holds one of those roles in any team enrols an authenticator app once and enters a code
after each password sign-in (TwoFactorRequiredMiddleware sends them to do so until they have).
"""
from __future__ import annotations

import base64

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.actors import Actor
from accounts.models import Membership, User
from accounts.roles import Role
from audit.services import record_event

PRIVILEGED_ROLES = (Role.MODERATOR, Role.ADMIN, Role.AUDITOR)


# --- selectors --------------------------------------------------------------------------

def two_factor_required(user: User) -> bool:
    # Asked on each unverified request, so a promotion takes effect at once.
    return Membership.objects.filter(user=user, role__in=PRIVILEGED_ROLES).exists()


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def device_secret(device: TOTPDevice) -> str:
    """The key as an authenticator app's "enter a setup key" wants it: base32, no padding."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def wait_seconds(device: TOTPDevice) -> int:
    """Seconds until django-otp's throttle (it doubles after each wrong code) accepts another code."""
    allowed, data = device.verify_is_allowed()
    if allowed or not data or not data.get("locked_until"):
        return 0
    return max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)


# --- services ---------------------------------------------------------------------------

@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """The device being enrolled: one unconfirmed device per person, kept until it is confirmed."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, actor: Actor, device: TOTPDevice, token: str) -> bool:
    """Enrolment: the first correct code from the app confirms the device."""
    if not device.verify_token(token):
        record_event(action="user.totp_failed", actor=actor, target=device.user, details={"step": "enrol"})
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record_event(action="user.totp_enrolled", actor=actor, target=device.user, details={"device": device.pk})
    return True


@transaction.atomic
def totp_verify(*, actor: Actor, device: TOTPDevice, token: str) -> bool:
    """A sign-in's second step. A used code cannot be replayed (django-otp keeps the last step)."""
    ok = device.verify_token(token)
    record_event(action="user.totp_verified" if ok else "user.totp_failed", actor=actor, target=device.user,
                 details={"device": device.pk} if ok else {"step": "verify"})
    return ok


@transaction.atomic
def totp_device_provision(*, actor: Actor, user: User) -> TOTPDevice:
    """A confirmed device made for someone (the demo's people), so their first sign-in asks for a code."""
    device = confirmed_device(user) or TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
    record_event(action="user.totp_enrolled", actor=actor, target=user, details={"device": device.pk,
                                                                                 "provisioned": True})
    return device
