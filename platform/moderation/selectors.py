"""Reads for moderators: the review queue and pending appeals, and a team's policy."""
from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from accounts.errors import InvalidInput, NotFound
from accounts.roles import Permission
from accounts.selectors import TeamAccess
from moderation.models import Appeal, RepeatedBlocksFlag, TeamPolicy
from studio.models import GenerationRequest, Status


MAX_AGE_MINUTES = 366 * 24 * 60


def review_queue(*, access: TeamAccess, category: str | None = None,
                 older_than_minutes: int | None = None) -> QuerySet[GenerationRequest]:
    """Held requests, oldest first; `category` keeps those flagged for it."""
    from safety import CATEGORIES

    access.require(Permission.MODERATE)
    queue = GenerationRequest.objects.filter(team=access.team, status=Status.IN_REVIEW).select_related("requested_by")
    if category:
        if category not in CATEGORIES:
            raise InvalidInput(f"Unknown category '{category}'.")
        queue = queue.filter(decision__categories__contains=[{"name": category}])
    if older_than_minutes:
        if not 0 <= older_than_minutes <= MAX_AGE_MINUTES:
            raise InvalidInput(f"older_than_minutes must be from 0 to {MAX_AGE_MINUTES} (a year).")
        queue = queue.filter(created_at__lte=timezone.now() - timedelta(minutes=older_than_minutes))
    return queue.order_by("created_at", "pk")


def queued_request(*, access: TeamAccess, generation_id: int) -> GenerationRequest:
    request = review_queue(access=access).filter(pk=generation_id).first()
    if request is None:
        raise NotFound("No such request waiting for review in this team.")
    return request


def pending_appeals(*, access: TeamAccess) -> QuerySet[Appeal]:
    access.require(Permission.MODERATE)
    return Appeal.objects.filter(request__team=access.team, decided_at__isnull=True).select_related(
        "request", "appellant").order_by("created_at", "pk")


def team_appeal(*, access: TeamAccess, appeal_id: int) -> Appeal:
    access.require(Permission.MODERATE)
    appeal = Appeal.objects.filter(pk=appeal_id, request__team=access.team).select_related("request").first()
    if appeal is None:
        raise NotFound("No such appeal in this team.")
    return appeal


def team_policy_dict(team) -> dict:
    stored = TeamPolicy.objects.filter(team=team).values_list("policy", flat=True).first()
    return stored or {"categories": {}}


def open_repeated_blocks_flags(*, access: TeamAccess) -> QuerySet[RepeatedBlocksFlag]:
    """Accounts whose prompts were blocked again and again, newest flag first."""
    access.require(Permission.MODERATE)
    return RepeatedBlocksFlag.objects.filter(team=access.team, dismissed_at__isnull=True).select_related(
        "account").order_by("-raised_at", "-pk")


def team_repeated_blocks_flag(*, access: TeamAccess, flag_id: int) -> RepeatedBlocksFlag:
    access.require(Permission.MODERATE)
    flag = RepeatedBlocksFlag.objects.filter(pk=flag_id, team=access.team).first()
    if flag is None:
        raise NotFound("No such flag in this team.")
    return flag
