"""Reads for generation requests and clips, always scoped to the actor's team."""
from __future__ import annotations

from django.db.models import Count, QuerySet

from accounts.errors import InvalidInput, NotFound
from accounts.roles import Permission
from accounts.selectors import TeamAccess
from studio.models import Clip, GenerationRequest, Status


def team_generations(*, access: TeamAccess, status: str | None = None) -> QuerySet[GenerationRequest]:
    access.require(Permission.VIEW_CLIPS)
    requests = GenerationRequest.objects.filter(team=access.team).select_related("requested_by", "clip", "source_clip")
    if status:
        if status not in Status.values:
            raise InvalidInput(f"Unknown status '{status}'. Statuses are: {', '.join(Status.values)}.")
        requests = requests.filter(status=status)
    return requests.order_by("-created_at", "-pk")


def status_counts(*, access: TeamAccess) -> dict[str, int]:
    """How many of the team's requests are in each status: the dashboard's numbers."""
    rows = dict(team_generations(access=access).order_by().values_list("status").annotate(n=Count("pk")))
    counts = {status: rows.get(status, 0) for status in Status.values}
    counts["active"] = counts[Status.QUEUED] + counts[Status.RUNNING]
    return counts


def team_generation(*, access: TeamAccess, generation_id: int) -> GenerationRequest:
    request = team_generations(access=access).filter(pk=generation_id).first()
    if request is None:
        raise NotFound("No such generation in this team.")
    return request


def team_clip(*, access: TeamAccess, generation_id: int) -> Clip:
    request = team_generation(access=access, generation_id=generation_id)
    clip = Clip.objects.filter(request=request).first()
    if clip is None:
        raise NotFound(f"Generation {generation_id} has no clip ({request.get_status_display().lower()}).")
    return clip
