"""Reads for teams, members, keys and quotas. Every lookup is scoped to the actor's team."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from accounts.errors import Forbidden, NotFound
from accounts.quotas import quota_defaults, quota_periods
from accounts.models import ApiKey, Invitation, Membership, QuotaUsage, Team, TeamQuota, User
from accounts.roles import ROLE_PERMISSIONS, Permission


@dataclass(frozen=True)
class TeamAccess:
    """What one actor may do in one team (a person's role, narrowed by a key's scopes)."""

    team: Team
    membership: Membership
    permissions: frozenset[str]
    api_key: ApiKey | None = None

    def allows(self, permission: str) -> bool:
        return permission in self.permissions

    def require(self, permission: str) -> "TeamAccess":
        if permission not in self.permissions:
            label = Permission(permission).label.lower()
            if self.api_key is not None:
                raise Forbidden(f"This API key may not {label}: it needs the '{permission}' scope and a role that allows it.")
            raise Forbidden(f"Your role in {self.team.name} ({self.membership.role}) may not {label}.")
        return self


def access_team_by_slug(*, user: User, slug: str) -> TeamAccess:
    membership = (
        Membership.objects.select_related("team", "user")
        .filter(user=user, user__is_active=True, team__slug=slug)
        .first()
    )
    if membership is None:
        raise NotFound("No such team.")
    return TeamAccess(membership.team, membership, ROLE_PERMISSIONS[membership.role])


def access_team_by_api_key(*, api_key: ApiKey) -> TeamAccess:
    membership = Membership.objects.select_related("team", "user").filter(
        user_id=api_key.created_by_id, team_id=api_key.team_id
    ).first()
    if membership is None:
        raise NotFound("No such team.")
    allowed = ROLE_PERMISSIONS[membership.role] & frozenset(api_key.scopes)
    return TeamAccess(membership.team, membership, allowed, api_key)


def teams_of_user(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.select_related("team").filter(user=user).order_by("team__name")


def team_members(*, access: TeamAccess) -> QuerySet[Membership]:
    return Membership.objects.select_related("user").filter(team=access.team).order_by("user__email")


def team_membership(*, access: TeamAccess, membership_id: int) -> Membership:
    membership = team_members(access=access).filter(pk=membership_id).first()
    if membership is None:
        raise NotFound("No such member in this team.")
    return membership


def team_open_invitations(*, access: TeamAccess) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        team=access.team, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def team_invitation(*, access: TeamAccess, invitation_id: int) -> Invitation:
    invitation = team_open_invitations(access=access).filter(pk=invitation_id).first()
    if invitation is None:
        raise NotFound("No such open invitation in this team.")
    return invitation


def team_api_keys(*, access: TeamAccess) -> QuerySet[ApiKey]:
    return ApiKey.objects.select_related("created_by").filter(team=access.team).order_by("-created_at")


def team_api_key(*, access: TeamAccess, key_id: int) -> ApiKey:
    key = team_api_keys(access=access).filter(pk=key_id).first()
    if key is None:
        raise NotFound("No such API key in this team.")
    return key


@dataclass(frozen=True)
class QuotaStatus:
    clips_per_day: int
    clips_today: int
    video_seconds_per_month: int
    video_seconds_this_month: int

    @property
    def clips_left_today(self) -> int:
        return max(0, self.clips_per_day - self.clips_today)

    @property
    def video_seconds_left_this_month(self) -> int:
        return max(0, self.video_seconds_per_month - self.video_seconds_this_month)


def quota_status(*, access: TeamAccess, today: date | None = None) -> QuotaStatus:
    day, month = quota_periods(today)
    quota = TeamQuota.objects.filter(team=access.team).first()
    limits = (quota.clips_per_day, quota.video_seconds_per_month) if quota else quota_defaults()
    usage = {
        row.period: row
        for row in QuotaUsage.objects.filter(
            team=access.team, period_start__in=[day, month]
        ).filter(period__in=["day", "month"])
        if (row.period, row.period_start) in (("day", day), ("month", month))
    }
    return QuotaStatus(
        clips_per_day=limits[0],
        clips_today=usage["day"].clips if "day" in usage else 0,
        video_seconds_per_month=limits[1],
        video_seconds_this_month=usage["month"].video_seconds if "month" in usage else 0,
    )
