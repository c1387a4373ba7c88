"""Writes for moderation: decide a held request, file and decide an appeal, change the team policy.

Separation of duties: nobody reviews their own request, and an appeal goes to a moderator
other than the appellant and the one who rejected it. A block for sexual content involving
minors is never overturned.
"""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.actors import Actor
from accounts.errors import Conflict, Forbidden, InvalidInput
from accounts.roles import Permission
from accounts.selectors import TeamAccess
from audit.services import record_event
from moderation.models import APPROVE_REASONS, REJECT_REASONS, Appeal, Reason, RepeatedBlocksFlag, Review, TeamPolicy
from studio import services as studio
from studio.models import GenerationRequest, Status

NEVER_OVERTURNED = frozenset({"sexual_minors"})
MAX_NOTE_CHARS = 2000


def _locked(request: GenerationRequest) -> GenerationRequest:
    return GenerationRequest.objects.select_for_update().select_related("team").get(pk=request.pk)


def _text(value: str, what: str, *, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"Write the {what}.")
    if len(value) > MAX_NOTE_CHARS:
        raise InvalidInput(f"The {what} is limited to {MAX_NOTE_CHARS} characters.")
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise InvalidInput(f"The {what} may not contain control characters.")
    return value


def _reason(reason: str, allowed) -> str:
    if reason not in [r.value for r in allowed]:
        raise InvalidInput(f"Choose a reason from: {', '.join(r.value for r in allowed)}.")
    return reason


@transaction.atomic
def review_decide(*, actor: Actor, access: TeamAccess, request: GenerationRequest, decision: str, reason: str,
                  note: str = "") -> Review:
    access.require(Permission.MODERATE)
    request = _locked(request)
    if request.team_id != access.team.pk or request.status != Status.IN_REVIEW:
        raise Conflict("This request is not waiting for review.")
    if request.requested_by_id == actor.user.pk:
        raise Forbidden("You cannot review your own request; another moderator will.")
    if decision not in Review.Decision.values:
        raise InvalidInput("Decide 'approve' or 'reject'.")
    reason = _reason(reason, APPROVE_REASONS if decision == Review.Decision.APPROVE else REJECT_REASONS)
    review = Review.objects.create(request=request, moderator=actor.user, decision=decision, reason=reason,
                                   note=_text(note, "note"))
    action = {Review.Decision.APPROVE: "moderation.approved", Review.Decision.REJECT: "moderation.rejected"}[decision]
    record_event(action=action, actor=actor, team=access.team, target=request,
                 details={"reason": reason, "note": review.note,
                          "categories": [c["name"] for c in request.decision["categories"] if not c.get("shadow")]})
    if decision == Review.Decision.APPROVE:
        studio.generation_release(request=request)
    else:
        studio.generation_refuse(actor=actor, request=request, reason=f"Rejected by a moderator: {Reason(reason).label}.")
    return review


@transaction.atomic
def appeal_file(*, actor: Actor, access: TeamAccess, request: GenerationRequest, statement: str) -> Appeal:
    access.require(Permission.GENERATE)
    request = _locked(request)
    if request.team_id != access.team.pk or request.requested_by_id != actor.user.pk:
        raise Forbidden("Only the person who made the request can appeal it.")
    if request.status not in (Status.BLOCKED, Status.REJECTED):
        raise Conflict("Only a blocked or rejected request can be appealed.")
    if request.status == Status.REJECTED and not Review.objects.filter(request=request).exists():
        raise Conflict("The rendered video failed the platform's content checks; that cannot be appealed.")
    if Appeal.objects.filter(request=request).exists():
        raise Conflict("This request has been appealed already; each request can be appealed once.")
    appeal = Appeal.objects.create(request=request, appellant=actor.user,
                                   statement=_text(statement, "reason for your appeal", required=True))
    record_event(action="moderation.appeal_filed", actor=actor, team=access.team, target=request,
                 details={"status": request.status})
    return appeal


@transaction.atomic
def appeal_decide(*, actor: Actor, access: TeamAccess, appeal: Appeal, outcome: str, reason: str,
                  note: str = "") -> Appeal:
    access.require(Permission.MODERATE)
    appeal = Appeal.objects.select_for_update().select_related("request").get(pk=appeal.pk)
    request = _locked(appeal.request)
    if request.team_id != access.team.pk or appeal.decided_at is not None:
        raise Conflict("This appeal is not waiting for a decision.")
    first_moderator = Review.objects.filter(request=request).values_list("moderator_id", flat=True).first()
    if actor.user.pk in (appeal.appellant_id, first_moderator):
        raise Forbidden("An appeal is decided by a moderator other than the appellant and the first reviewer.")
    if outcome not in Appeal.Outcome.values:
        raise InvalidInput("Decide 'upheld' or 'overturned'.")
    blocked_for = {c["name"] for c in request.decision["categories"] if c["action"] == "block" and not c.get("shadow")}
    if outcome == Appeal.Outcome.OVERTURNED and request.status == Status.BLOCKED and blocked_for & NEVER_OVERTURNED:
        raise Forbidden("A block for sexual content involving minors is never overturned.")
    appeal.outcome, appeal.decided_by, appeal.decided_at = outcome, actor.user, timezone.now()
    appeal.reason = _reason(reason, APPROVE_REASONS if outcome == Appeal.Outcome.OVERTURNED else REJECT_REASONS)
    appeal.note = _text(note, "note")
    appeal.save()
    record_event(action=f"moderation.appeal_{outcome}", actor=actor, team=access.team, target=request,
                 details={"reason": appeal.reason, "note": appeal.note, "was": request.status})
    if outcome == Appeal.Outcome.OVERTURNED:
        studio.generation_reinstate(actor=actor, request=request)
    return appeal


@transaction.atomic
def policy_update(*, actor: Actor, access: TeamAccess, policy: dict) -> TeamPolicy:
    """Replace the team's policy; safety.Policy checks it against the platform's bounds."""
    from safety import Policy, PolicyError

    access.require(Permission.MANAGE_TEAM)
    try:
        checked = Policy.from_dict(policy).to_dict()
    except (PolicyError, TypeError) as exc:
        raise InvalidInput(str(exc)) from None
    current = TeamPolicy.objects.select_for_update().filter(team=access.team).first()
    before = current.policy if current else {"categories": {}}
    if current is None:
        current = TeamPolicy(team=access.team)
    current.policy, current.updated_by, current.updated_at = checked, actor.user, timezone.now()
    current.save()
    record_event(action="policy.changed", actor=actor, team=access.team, target=current,
                 details={"from": before, "to": checked})
    return current


# ---------------------------------------------------------------------------- repeated blocks

def repeated_blocks_check(*, team, account) -> RepeatedBlocksFlag | None:
    """After a blocked prompt: flag the account to the team's moderators when it has had
    HALLMARK_REPEATED_BLOCKS blocks within HALLMARK_REPEATED_BLOCKS_HOURS, once per such window.

    Runs inside the transaction that records the block (studio.services), so the flag and the
    block commit together."""
    from datetime import timedelta

    from django.conf import settings

    from accounts.actors import SYSTEM
    from accounts.models import Membership

    needed, hours = settings.HALLMARK_REPEATED_BLOCKS, settings.HALLMARK_REPEATED_BLOCKS_HOURS
    if needed <= 0:
        return None
    # The account's membership row, locked: two blocks at once cannot both raise the flag.
    Membership.objects.select_for_update().filter(team=team, user=account).first()
    since = timezone.now() - timedelta(hours=hours)
    if RepeatedBlocksFlag.objects.filter(team=team, account=account, raised_at__gt=since).exists():
        return None
    # By the gate's decision, not the status: a block later overturned on appeal was still a block.
    blocks = GenerationRequest.objects.filter(team=team, requested_by=account, decision__action="block",
                                              created_at__gt=since).count()
    if blocks < needed:
        return None
    flag = RepeatedBlocksFlag.objects.create(team=team, account=account, blocks=blocks, window_hours=hours)
    record_event(action="moderation.repeated_blocks_flagged", actor=SYSTEM, team=team, target=flag,
                 details={"account_id": account.pk, "blocks": blocks, "window_hours": hours})
    return flag


@transaction.atomic
def repeated_blocks_dismiss(*, actor: Actor, access: TeamAccess, flag: RepeatedBlocksFlag,
                            note: str = "") -> RepeatedBlocksFlag:
    access.require(Permission.MODERATE)
    flag = RepeatedBlocksFlag.objects.select_for_update().get(pk=flag.pk)
    if flag.team_id != access.team.pk or flag.dismissed_at is not None:
        raise Conflict("This flag is not open.")
    if flag.account_id == actor.user.pk:
        raise Forbidden("A flag about your own account is dismissed by another moderator.")
    flag.dismissed_at, flag.dismissed_by, flag.note = timezone.now(), actor.user, _text(note, "note")
    flag.save(update_fields=["dismissed_at", "dismissed_by", "note"])
    record_event(action="moderation.repeated_blocks_dismissed", actor=actor, team=access.team, target=flag,
                 details={"account_id": flag.account_id, "blocks": flag.blocks, "note": flag.note})
    return flag
