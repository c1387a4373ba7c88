"""Selectors: what an audit event is about — its request, the gate's decision, the review, the clip.

An event names its target by type and id (`studio.generationrequest:42`); some also name a
generation in their details (a download, a verification). Every lookup here is scoped to
the event's own team: an id that leads into another team's data leads nowhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from audit.models import AuditEvent


@dataclass
class EventLinks:
    generation: object | None = None  # studio.GenerationRequest
    review: object | None = None  # moderation.Review
    appeal: object | None = None  # moderation.Appeal
    clip: object | None = None  # studio.Clip
    verification: object | None = None  # verification.Verification
    policy: object | None = None  # moderation.TeamPolicy
    trail: list[AuditEvent] = field(default_factory=list)  # every event on the same request (or target)

    @property
    def decision(self) -> dict | None:
        """The policy gate's decision on the request, as stored with it."""
        return self.generation.decision if self.generation is not None else None


def event_links(*, access, event: AuditEvent) -> EventLinks:
    """The objects `event` (already scoped to `access.team` by audit.selectors.team_event) refers to."""
    from moderation.models import Appeal, Review, TeamPolicy
    from studio.models import Clip, GenerationRequest
    from verification.models import Verification

    team = access.team
    links = EventLinks()
    kind, ident = event.target_type, event.target_id
    generation_id = None
    if kind == "studio.generationrequest":
        generation_id = ident
    elif kind == "studio.clip":
        links.clip = Clip.objects.filter(pk=_int(ident), request__team=team).first()
        generation_id = links.clip.request_id if links.clip else None
    elif kind == "verification.verification":
        links.verification = Verification.objects.filter(pk=_int(ident), team=team).first()
        generation_id = links.verification.generation_id if links.verification else None
    elif kind == "moderation.teampolicy":
        links.policy = TeamPolicy.objects.filter(pk=_int(ident), team=team).first()
    if generation_id is None and isinstance(event.details, dict):
        generation_id = event.details.get("generation_id")

    generation = GenerationRequest.objects.select_related("requested_by").filter(
        pk=_int(generation_id), team=team).first() if generation_id is not None else None
    if generation is not None:
        links.generation = generation
        links.review = Review.objects.select_related("moderator").filter(request=generation).first()
        links.appeal = Appeal.objects.select_related("decided_by").filter(request=generation).first()
        links.clip = links.clip or Clip.objects.filter(request=generation).first()
        on_request = Q(target_type="studio.generationrequest", target_id=str(generation.pk))
        if links.clip is not None:
            on_request |= Q(target_type="studio.clip", target_id=str(links.clip.pk))
        trail = AuditEvent.objects.filter(on_request, team=team)
    elif kind:
        trail = AuditEvent.objects.filter(team=team, target_type=kind, target_id=ident)
    else:
        trail = AuditEvent.objects.none()
    links.trail = list(trail.order_by("seq")[:100])
    return links


def _int(value) -> int:
    """An id as stored in an event; anything that is not one matches nothing."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1
