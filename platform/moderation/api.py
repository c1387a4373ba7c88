"""API: the review queue and appeals (moderators), appeals by requesters, the team policy."""
from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import Field

from accounts.api import StrictSchema
from api.auth import key_access, key_actor
from moderation import selectors, services
from moderation.models import Appeal, Reason, Review
from studio import selectors as studio_selectors

router = Router(tags=["moderation"])


class QueuedOut(Schema):
    id: int
    prompt: str
    requested_by: str
    created_at: datetime
    categories: list[dict]


class ReviewIn(StrictSchema):
    decision: Review.Decision
    reason: Reason
    note: str = Field("", max_length=2000)


class AppealIn(StrictSchema):
    statement: str = Field(min_length=1, max_length=2000)


class AppealDecisionIn(StrictSchema):
    outcome: Appeal.Outcome
    reason: Reason
    note: str = Field("", max_length=2000)


class AppealOut(Schema):
    id: int
    generation_id: int
    status: str
    appellant: str
    statement: str
    created_at: datetime
    outcome: str
    decided_at: datetime | None


class FlagOut(Schema):
    id: int
    account: str
    blocks: int
    window_hours: int
    raised_at: datetime


class DismissIn(StrictSchema):
    note: str = Field("", max_length=2000)


class PolicyIn(StrictSchema):
    categories: dict[str, dict] = Field(default_factory=dict)


def _queued(r) -> dict:
    return {"id": r.pk, "prompt": r.prompt, "requested_by": r.requested_by.email, "created_at": r.created_at,
            "categories": [{k: c.get(k) for k in ("name", "action", "score", "source", "message")}
                           for c in r.decision["categories"] if not c.get("shadow")]}


def _appeal(a: Appeal) -> dict:
    return {"id": a.pk, "generation_id": a.request_id, "status": a.request.status, "appellant": a.appellant.email,
            "statement": a.statement, "created_at": a.created_at, "outcome": a.outcome, "decided_at": a.decided_at}


@router.get("/moderation/queue", response=list[QueuedOut], summary="Requests held for review, oldest first")
def review_queue(request, category: str | None = None, older_than_minutes: int | None = None):
    queue = selectors.review_queue(access=key_access(request), category=category,
                                   older_than_minutes=older_than_minutes)
    return [_queued(r) for r in queue[:200]]


@router.post("/moderation/queue/{generation_id}", response=dict, summary="Approve or reject a held request")
def review_decide(request, generation_id: int, payload: ReviewIn):
    access = key_access(request)
    held = selectors.queued_request(access=access, generation_id=generation_id)
    review = services.review_decide(actor=key_actor(request), access=access, request=held, decision=payload.decision,
                                    reason=payload.reason, note=payload.note)
    held.refresh_from_db()
    return {"generation_id": held.pk, "decision": review.decision, "reason": review.reason, "status": held.status}


@router.get("/moderation/appeals", response=list[AppealOut], summary="Appeals waiting for a decision")
def appeals(request):
    return [_appeal(a) for a in selectors.pending_appeals(access=key_access(request))]


@router.post("/moderation/appeals/{appeal_id}", response=AppealOut, summary="Uphold or overturn an appeal")
def appeal_decide(request, appeal_id: int, payload: AppealDecisionIn):
    access = key_access(request)
    appeal = selectors.team_appeal(access=access, appeal_id=appeal_id)
    decided = services.appeal_decide(actor=key_actor(request), access=access, appeal=appeal, outcome=payload.outcome,
                                     reason=payload.reason, note=payload.note)
    decided.request.refresh_from_db()
    return _appeal(decided)


def _flag(f) -> dict:
    return {"id": f.pk, "account": f.account.email, "blocks": f.blocks, "window_hours": f.window_hours,
            "raised_at": f.raised_at}


@router.get("/moderation/flags", response=list[FlagOut],
            summary="Accounts whose prompts were blocked repeatedly (open flags, newest first)")
def repeated_blocks_flags(request):
    return [_flag(f) for f in selectors.open_repeated_blocks_flags(access=key_access(request))[:200]]


@router.post("/moderation/flags/{flag_id}/dismiss", response=FlagOut, summary="Dismiss a repeated-blocks flag")
def repeated_blocks_dismiss(request, flag_id: int, payload: DismissIn):
    access = key_access(request)
    flag = selectors.team_repeated_blocks_flag(access=access, flag_id=flag_id)
    return _flag(services.repeated_blocks_dismiss(actor=key_actor(request), access=access, flag=flag,
                                                  note=payload.note))


@router.post("/generations/{generation_id}/appeal", response={201: AppealOut},
             summary="Appeal a block or a rejection (once, by the requester)")
def appeal_file(request, generation_id: int, payload: AppealIn):
    access = key_access(request)
    target = studio_selectors.team_generation(access=access, generation_id=generation_id)
    appeal = services.appeal_file(actor=key_actor(request), access=access, request=target,
                                  statement=payload.statement)
    return Status(201, _appeal(appeal))


@router.get("/policy", response=dict, summary="The team's safety policy (platform defaults where unset)")
def get_policy(request):
    return selectors.team_policy_dict(key_access(request).team)


@router.put("/policy", response=dict, summary="Replace the team's safety policy (admins; within platform bounds)")
def put_policy(request, payload: PolicyIn):
    updated = services.policy_update(actor=key_actor(request), access=key_access(request),
                                     policy={"categories": payload.categories})
    return updated.policy
