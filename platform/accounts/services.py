"""Writes for teams, memberships, invitations, API keys and quotas.

Each change and its audit event commit together or not at all.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.actors import SYSTEM, Actor
from accounts.errors import AuthenticationFailed, Conflict, Forbidden, InvalidInput, NotFound, QuotaExceeded
from accounts.models import (
    ApiKey, Invitation, Membership, QuotaReservation, QuotaUsage, Team, TeamQuota, User, normalize_email,
)
from accounts.quotas import quota_defaults, quota_periods
from accounts.roles import API_KEY_SCOPES, ROLE_PERMISSIONS, Permission, Role
from accounts.selectors import TeamAccess
from accounts.tokens import new_api_key, new_invitation_token, sha256_hex, split_api_key
from audit.services import record_event

# --- users and teams ---------------------------------------------------------------------


@transaction.atomic
def user_create(*, actor: Actor = SYSTEM, email: str, password: str | None, display_name: str = "") -> User:
    email = _valid_email(email)
    if User.objects.filter(email=email).exists():
        raise Conflict(f"An account for {email} already exists.")
    if password is not None:
        try:
            validate_password(password, User(email=email))
        except ValidationError as exc:
            raise InvalidInput(" ".join(exc.messages)) from None
    user = User.objects.create_user(email, password, display_name=display_name.strip())
    record_event(action="user.created", actor=actor, target=user, details={"email": email})
    return user


@transaction.atomic
def team_create(*, actor: Actor = SYSTEM, slug: str, name: str, first_admin: User) -> Team:
    try:
        validate_slug(slug)
    except ValidationError:
        raise InvalidInput("A team slug may hold only letters, digits, hyphens and underscores.") from None
    if Team.objects.filter(slug=slug).exists():
        raise Conflict(f"The team slug '{slug}' is taken.")
    team = Team.objects.create(slug=slug, name=name.strip() or slug)
    clips, seconds = quota_defaults()
    TeamQuota.objects.create(team=team, clips_per_day=clips, video_seconds_per_month=seconds)
    record_event(action="team.created", actor=actor, team=team, target=team, details={"slug": slug, "name": team.name})
    _membership_add(actor=actor, team=team, user=first_admin, role=Role.ADMIN)
    return team


# --- memberships -------------------------------------------------------------------------


@transaction.atomic
def membership_add(*, actor: Actor = SYSTEM, team: Team, user: User, role: str) -> Membership:
    """Add a user directly (platform operators and the demo set-up; people join by invitation)."""
    return _membership_add(actor=actor, team=team, user=user, role=_valid_role(role))


def _membership_add(*, actor: Actor, team: Team, user: User, role: str) -> Membership:
    if Membership.objects.filter(team=team, user=user).exists():
        raise Conflict(f"{user.email} is already a member of {team.name}.")
    membership = Membership.objects.create(team=team, user=user, role=role)
    record_event(
        action="membership.added", actor=actor, team=team, target=membership,
        details={"user": user.email, "role": role},
    )
    return membership


@transaction.atomic
def membership_change_role(*, actor: Actor, access: TeamAccess, membership: Membership, role: str) -> Membership:
    role = _valid_role(role)
    membership = _locked_membership_as_manager(access, membership)
    if membership.role == role:
        return membership
    if membership.role == Role.ADMIN:
        _keep_one_admin(access.team, leaving=membership)
    old_role, membership.role = membership.role, role
    membership.save(update_fields=["role"])
    record_event(
        action="membership.role_changed", actor=actor, team=access.team, target=membership,
        details={"user": membership.user.email, "from": old_role, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Actor, access: TeamAccess, membership: Membership) -> None:
    """Remove a member and revoke the API keys they made for this team."""
    membership = _locked_membership_as_manager(access, membership)
    if membership.role == Role.ADMIN:
        _keep_one_admin(access.team, leaving=membership)
    record_event(
        action="membership.removed", actor=actor, team=access.team, target=membership,
        details={"user": membership.user.email, "role": membership.role},
    )
    # Without this the keys would only sleep, and wake if the person were invited back.
    for api_key in ApiKey.objects.select_for_update().filter(team=access.team, created_by=membership.user,
                                                              revoked_at__isnull=True):
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
        record_event(action="api_key.revoked", actor=actor, team=access.team, target=api_key,
                     details={"name": api_key.name, "prefix": api_key.prefix, "reason": "member removed"})
    membership.delete()


def _locked_membership_as_manager(access: TeamAccess, membership: Membership) -> Membership:
    """Lock the team for a membership change, re-check the actor's right to make it, lock the target.

    One lock per team (FOR NO KEY UPDATE, which audit rows' foreign keys do not wait on) puts
    concurrent changes in a row: two admins cannot demote each other into a team without an
    admin, and an admin demoted a moment ago cannot still act.
    """
    Team.objects.select_for_update(no_key=True).filter(pk=access.team.pk).first()
    acting = Membership.objects.filter(pk=access.membership.pk, team=access.team).first()
    allowed = acting is not None and Permission.MANAGE_TEAM in ROLE_PERMISSIONS[acting.role]
    if not allowed or not access.allows(Permission.MANAGE_TEAM):
        raise Forbidden("You may no longer manage this team's members.")
    locked = Membership.objects.select_for_update().select_related("user").filter(
        pk=membership.pk, team=access.team).first()
    if locked is None:
        raise NotFound("No such member in this team.")
    return locked


def _keep_one_admin(team: Team, *, leaving: Membership) -> None:
    # Called under the team lock, so the count cannot change before this transaction commits.
    admins = list(Membership.objects.filter(team=team, role=Role.ADMIN).values_list("pk", flat=True))
    if admins == [leaving.pk]:
        raise Conflict("A team needs at least one admin: make someone else admin first.")


# --- invitations -------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str  # shown once; only its hash is stored


@transaction.atomic
def invitation_create(*, actor: Actor, access: TeamAccess, email: str, role: str) -> IssuedInvitation:
    email, role = _valid_email(email), _valid_role(role)
    team = access.team
    if Membership.objects.filter(team=team, user__email=email).exists():
        raise Conflict(f"{email} is already a member of {team.name}.")
    now = timezone.now()
    # An expired invitation no longer blocks a new one: close it, on the record.
    for expired in Invitation.objects.select_for_update().filter(
            team=team, email=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now):
        expired.revoked_at = now
        expired.save(update_fields=["revoked_at"])
        record_event(action="invitation.revoked", actor=actor, team=team, target=expired,
                     details={"email": email, "reason": "expired, replaced by a new invitation"})
    token, token_hash = new_invitation_token()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                team=team, email=email, role=role, token_hash=token_hash, invited_by=actor.user,
                expires_at=now + timedelta(days=settings.HALLMARK_INVITATION_DAYS),
            )
    except IntegrityError:
        raise Conflict(f"{email} already has an open invitation to {team.name}.") from None
    record_event(
        action="invitation.created", actor=actor, team=team, target=invitation,
        details={"email": email, "role": role, "expires_at": invitation.expires_at.isoformat()},
    )
    return IssuedInvitation(invitation, token)


@transaction.atomic
def invitation_revoke(*, actor: Actor, access: TeamAccess, invitation: Invitation) -> None:
    updated = Invitation.objects.filter(pk=invitation.pk, team=access.team, accepted_at__isnull=True,
                                        revoked_at__isnull=True).update(revoked_at=timezone.now())
    if not updated:
        raise NotFound("No such open invitation in this team.")
    record_event(action="invitation.revoked", actor=actor, team=access.team, target=invitation,
                 details={"email": invitation.email})


def invitation_by_token(token: str) -> Invitation:
    invitation = Invitation.objects.select_related("team").filter(token_hash=sha256_hex(token)).first()
    if invitation is None or invitation.revoked_at is not None:
        raise NotFound("This invitation link is not valid. Ask a team admin for a new one.")
    if invitation.accepted_at is not None:
        raise Conflict("This invitation has already been used.")
    if invitation.expires_at <= timezone.now():
        raise InvalidInput("This invitation has expired. Ask a team admin for a new one.")
    return invitation


@transaction.atomic
def invitation_accept(*, actor: Actor, token: str) -> Membership:
    user = actor.user
    invitation = invitation_by_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    # Checked again under the lock: a revoke or an accept may have landed since the first look.
    if invitation.revoked_at is not None:
        raise NotFound("This invitation link is not valid. Ask a team admin for a new one.")
    if invitation.accepted_at is not None:
        raise Conflict("This invitation has already been used.")
    if invitation.expires_at <= timezone.now():
        raise InvalidInput("This invitation has expired. Ask a team admin for a new one.")
    if normalize_email(user.email) != invitation.email:
        raise InvalidInput(f"This invitation is for {invitation.email}; you are signed in as {user.email}.")
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record_event(action="invitation.accepted", actor=actor, team=invitation.team, target=invitation,
                 details={"email": invitation.email})
    return _membership_add(actor=actor, team=invitation.team, user=user, role=invitation.role)


# --- API keys ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedApiKey:
    api_key: ApiKey
    token: str  # shown once; only a hash of its secret is stored


@transaction.atomic
def api_key_create(
    *, actor: Actor, access: TeamAccess, name: str, scopes: list[str], expires_in_days: int = 90
) -> IssuedApiKey:
    name = _clean_text(name, what="key name", max_length=80)
    unknown = sorted(set(scopes) - API_KEY_SCOPES)
    if unknown:
        raise InvalidInput(f"Unknown scope(s): {', '.join(unknown)}. Known scopes: {', '.join(sorted(API_KEY_SCOPES))}.")
    if not scopes:
        raise InvalidInput("Choose at least one scope.")
    # A key may only make keys narrower than itself; a person, no wider than their role.
    beyond = sorted(set(scopes) - access.permissions)
    if beyond:
        who = "This API key" if access.api_key is not None else "Your role"
        raise InvalidInput(f"{who} cannot grant: {', '.join(beyond)}.")
    max_days = settings.HALLMARK_API_KEY_MAX_DAYS
    if not 1 <= expires_in_days <= max_days:
        raise InvalidInput(f"A key must expire in 1 to {max_days} days.")
    token, prefix, secret_hash = new_api_key()
    api_key = ApiKey.objects.create(
        team=access.team, created_by=actor.user, name=name, prefix=prefix, secret_hash=secret_hash,
        scopes=sorted(set(scopes)), expires_at=timezone.now() + timedelta(days=expires_in_days),
    )
    record_event(
        action="api_key.created", actor=actor, team=access.team, target=api_key,
        details={"name": name, "prefix": prefix, "scopes": api_key.scopes, "expires_at": api_key.expires_at.isoformat()},
    )
    return IssuedApiKey(api_key, token)


@transaction.atomic
def api_key_revoke(*, actor: Actor, access: TeamAccess, api_key: ApiKey) -> ApiKey:
    api_key = ApiKey.objects.select_for_update().get(pk=api_key.pk, team=access.team)
    if api_key.revoked_at is not None:
        raise Conflict(f"Key hm_{api_key.prefix} was already revoked.")
    api_key.revoked_at = timezone.now()
    api_key.save(update_fields=["revoked_at"])
    record_event(action="api_key.revoked", actor=actor, team=access.team, target=api_key,
                 details={"name": api_key.name, "prefix": api_key.prefix})
    return api_key


def api_key_authenticate(token: str) -> ApiKey:
    """The key a bearer token names, or AuthenticationFailed saying why not."""
    parts = split_api_key(token.strip())
    if parts is None:
        raise AuthenticationFailed("Malformed API key: expected 'hm_<prefix>_<secret>'.")
    prefix, secret = parts
    api_key = ApiKey.objects.select_related("created_by", "team").filter(prefix=prefix).first()
    if api_key is None or not hmac.compare_digest(api_key.secret_hash, sha256_hex(secret)):
        raise AuthenticationFailed("Unknown API key.")
    now = timezone.now()
    if api_key.revoked_at is not None:
        raise AuthenticationFailed(f"API key hm_{prefix} was revoked on {api_key.revoked_at:%Y-%m-%d}.")
    if api_key.expires_at is not None and api_key.expires_at <= now:
        raise AuthenticationFailed(f"API key hm_{prefix} expired on {api_key.expires_at:%Y-%m-%d}.")
    if not api_key.created_by.is_active:
        raise AuthenticationFailed(f"API key hm_{prefix} belongs to a deactivated account.")
    # Touch last-used at most once a minute: one write per request would serialise busy keys.
    if api_key.last_used_at is None or now - api_key.last_used_at > timedelta(minutes=1):
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


# --- quotas ------------------------------------------------------------------------------


@transaction.atomic
def quota_set(*, actor: Actor = SYSTEM, team: Team, clips_per_day: int, video_seconds_per_month: int) -> TeamQuota:
    if clips_per_day < 0 or video_seconds_per_month < 0:
        raise InvalidInput("Quotas cannot be negative.")
    quota = _locked_quota(team)
    before = {"clips_per_day": quota.clips_per_day, "video_seconds_per_month": quota.video_seconds_per_month}
    quota.clips_per_day, quota.video_seconds_per_month = clips_per_day, video_seconds_per_month
    quota.save()
    record_event(action="quota.changed", actor=actor, team=team, target=quota,
                 details={"from": before, "to": {"clips_per_day": clips_per_day,
                                                  "video_seconds_per_month": video_seconds_per_month}})
    return quota


@transaction.atomic
def backends_set(*, actor: Actor = SYSTEM, team: Team, backends: list[str]) -> TeamQuota:
    """Which models the team may render with (platform operators; audited)."""
    from generation.backends import BACKENDS
    unknown = sorted(set(backends) - set(BACKENDS))
    if unknown or not backends:
        raise InvalidInput(f"Backends are {', '.join(BACKENDS)}; got {', '.join(unknown) or 'none'}.")
    quota = _locked_quota(team)
    before, quota.backends = quota.backends, sorted(set(backends))
    quota.save()
    record_event(action="quota.backends_changed", actor=actor, team=team, target=quota,
                 details={"from": before, "to": quota.backends})
    return quota


@transaction.atomic
def quota_reserve(*, actor: Actor, team: Team, clips: int = 1, video_seconds: int) -> QuotaReservation:
    """Reserve clips for today and seconds for this month, or raise QuotaExceeded.

    The team's quota row is locked for the check-and-add, so concurrent requests never overspend.
    """
    if clips < 0 or video_seconds < 0:
        raise InvalidInput("A reservation cannot be negative.")
    quota = _locked_quota(team)
    day, month = quota_periods()
    day_usage = _usage_row(team, QuotaUsage.Period.DAY, day)
    month_usage = _usage_row(team, QuotaUsage.Period.MONTH, month)
    if day_usage.clips + clips > quota.clips_per_day:
        raise QuotaExceeded(
            f"{team.name} has used {day_usage.clips} of its {quota.clips_per_day} clips today (UTC); "
            "the count resets at midnight UTC."
        )
    if month_usage.video_seconds + video_seconds > quota.video_seconds_per_month:
        left = quota.video_seconds_per_month - month_usage.video_seconds
        raise QuotaExceeded(
            f"{team.name} has {left} of its {quota.video_seconds_per_month} seconds of video left this month; "
            f"this request needs {video_seconds}."
        )
    QuotaUsage.objects.filter(pk=day_usage.pk).update(clips=F("clips") + clips, video_seconds=F("video_seconds") + video_seconds)
    QuotaUsage.objects.filter(pk=month_usage.pk).update(clips=F("clips") + clips, video_seconds=F("video_seconds") + video_seconds)
    reservation = QuotaReservation.objects.create(team=team, clips=clips, video_seconds=video_seconds, day=day, month=month)
    record_event(action="quota.reserved", actor=actor, team=team, target=reservation,
                 details={"clips": clips, "video_seconds": video_seconds})
    return reservation


@transaction.atomic
def quota_refund(*, actor: Actor, reservation: QuotaReservation, reason: str) -> bool:
    """Give a reservation back to the periods it was taken from. Refunding twice is a no-op."""
    reservation = QuotaReservation.objects.select_for_update().get(pk=reservation.pk)
    if reservation.refunded_at is not None:
        return False
    _locked_quota(reservation.team)
    for period, start in ((QuotaUsage.Period.DAY, reservation.day), (QuotaUsage.Period.MONTH, reservation.month)):
        QuotaUsage.objects.filter(team=reservation.team, period=period, period_start=start).update(
            clips=F("clips") - reservation.clips, video_seconds=F("video_seconds") - reservation.video_seconds
        )
    reservation.refunded_at, reservation.refund_reason = timezone.now(), reason[:200]
    reservation.save(update_fields=["refunded_at", "refund_reason"])
    record_event(action="quota.refunded", actor=actor, team=reservation.team, target=reservation,
                 details={"clips": reservation.clips, "video_seconds": reservation.video_seconds, "reason": reason[:200]})
    return True


def _locked_quota(team: Team) -> TeamQuota:
    quota = TeamQuota.objects.select_for_update().filter(team=team).first()
    if quota is None:  # teams get one at creation; this covers a team made some other way
        clips, seconds = quota_defaults()
        quota = TeamQuota.objects.create(team=team, clips_per_day=clips, video_seconds_per_month=seconds)
        record_event(action="quota.changed", team=team, target=quota,
                     details={"from": None, "to": {"clips_per_day": clips, "video_seconds_per_month": seconds}})
    return quota


def _usage_row(team: Team, period: str, start) -> QuotaUsage:
    # Only called while the team's quota row is locked, so get_or_create cannot race.
    usage, _ = QuotaUsage.objects.get_or_create(team=team, period=period, period_start=start)
    return usage


# --- validation --------------------------------------------------------------------------


def _valid_role(role: str) -> str:
    if role not in Role.values:
        raise InvalidInput(f"Unknown role '{role}'. Roles are: {', '.join(Role.values)}.")
    return role


def _clean_text(value: str, *, what: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value or len(value) > max_length:
        raise InvalidInput(f"Give the {what} 1 to {max_length} characters.")
    if any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) == 127 for ch in value):
        raise InvalidInput(f"The {what} may not contain control characters.")
    return value


def _valid_email(email: str) -> str:
    email = normalize_email(email or "")
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(f"'{email}' is not a valid email address.") from None
    return email
