"""Writes for generation requests: request, cancel, retry, and the worker's start/progress/finish.

Every change records its audit event in the same transaction. Quota is reserved when a
request is made and refunded exactly once if it ends without a clip (blocked, rejected,
cancelled or failed).
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from accounts.actors import SYSTEM, Actor
from accounts.errors import Conflict, Forbidden, InvalidInput
from accounts.ratelimits import rate_limit_take
from accounts.roles import Permission
from accounts.selectors import TeamAccess
from accounts.services import quota_refund, quota_reserve
from audit.services import record_event
from generation import formats
from studio.models import Clip, GenerationRequest, Status

if TYPE_CHECKING:
    from studio.sources import Source

MAX_PROMPT_CHARS = 2000
DURATIONS = (1, 2, 3, 4)  # seconds: the default model is trained on 2-second clips
CAMERA_PANS = ("", "left", "right")
FRAME_RATES = formats.FRAME_RATES  # delivered rates; the default model renders 8 fps and is resampled
ASPECT_RATIOS = tuple(formats.ASPECT_RATIOS)
MAX_ATTEMPTS = 3  # renders whose worker died are tried again, this many times in all


@dataclass(frozen=True)
class GenerationParams:
    """What a requester may choose. Checked here so the API, the pages and the command agree."""

    duration_seconds: int = 2
    seed: int | None = None
    steps: int | None = None  # None: the model's recommended number
    guidance: float | None = None  # None: the model's recommended scale
    negative_prompt: str = ""
    backend: str = "default"
    camera: str = ""  # "" (still), "left" or "right": a camera pan
    fps: int | None = None  # None: the model's recommended rate (a start's own, for an extension)
    aspect_ratio: str | None = None  # None: the model's recommended size (a start's own, for an extension)

    def validated(self) -> "GenerationParams":
        if self.duration_seconds not in DURATIONS:
            raise InvalidInput(f"Duration must be one of {', '.join(map(str, DURATIONS))} seconds.")
        if self.fps is not None and formats.fps_error(self.fps):
            raise InvalidInput(formats.fps_error(self.fps))
        if self.aspect_ratio is not None and formats.aspect_error(self.aspect_ratio):
            raise InvalidInput(formats.aspect_error(self.aspect_ratio))
        if self.seed is not None and not 0 <= self.seed < 2 ** 31:
            raise InvalidInput("The seed must be a whole number from 0 to 2147483647.")
        if self.steps is not None and not 1 <= self.steps <= 50:
            raise InvalidInput("Steps must be from 1 to 50.")
        if self.guidance is not None and not 0.0 <= self.guidance <= 15.0:
            raise InvalidInput("Guidance must be from 0 to 15.")
        if self.camera not in CAMERA_PANS:
            raise InvalidInput("The camera is still (''), or pans 'left' or 'right'.")
        if len(self.negative_prompt) > MAX_PROMPT_CHARS:
            raise InvalidInput(f"The negative prompt is limited to {MAX_PROMPT_CHARS} characters.")
        if any(ord(c) < 32 and c not in "\t\n" for c in self.negative_prompt):
            raise InvalidInput("The negative prompt may not contain control characters.")
        return self

    def render_params(self, source: "Source | None" = None) -> dict:
        """What the worker renders; the seed is fixed now, so a retry makes the same clip. With a
        start, its shape (and for one of our clips, its frame rate) is the video's."""
        from studio.backends import render_shape, spec

        seed = self.seed if self.seed is not None else secrets.randbelow(2 ** 31)
        recommended = spec(self.backend).defaults
        shape = render_shape(self.backend, self.duration_seconds, fps=self.fps, aspect=self.aspect_ratio) \
            if source is None else source.shape(duration_seconds=self.duration_seconds, fps=self.fps,
                                                 aspect=self.aspect_ratio)
        return {**shape, "backend": self.backend,
                "steps": self.steps if self.steps is not None else recommended["steps"],
                "guidance": self.guidance if self.guidance is not None else recommended["guidance"], "seed": seed,
                "camera": self.camera}


def _gate():
    from studio.gate import policy_gate
    return policy_gate()


def _decision_summary(decision: dict) -> dict:
    """The decision as the audit log keeps it: action, categories and scores, never the prompt; the
    language the gate read and its concern score too (they decide whether the model's verdicts count)."""
    return {"action": decision["action"], "gate_version": decision["gate_version"],
            **{k: decision[k] for k in ("language", "concern") if k in decision},
            "categories": [{k: c[k] for k in ("name", "action", "score", "threshold", "source", "rules", "shadow") if k in c}
                           for c in decision["categories"]]}


def generation_request(*, actor: Actor, access: TeamAccess, prompt: str,
                       params: GenerationParams = GenerationParams(), source: "Source | None" = None
                       ) -> GenerationRequest:
    """Gate the prompt, reserve quota, and queue the render (or hold it for review, or block it).

    `source` (studio.sources): the clip or upload the video continues or animates. Quota is
    reserved for the new seconds only."""
    try:
        if source is None or not source.rate_counted:
            # Its own transaction, first: a refused or failing request still counts as an attempt.
            access.require(Permission.GENERATE)
            rate_limit_take(actor=actor, team=access.team, action="generate")
        return _generation_request(actor=actor, access=access, prompt=prompt, params=params, source=source)
    finally:
        if source is not None:
            source.close()


@transaction.atomic
def _generation_request(*, actor, access, prompt, params, source) -> GenerationRequest:
    from safety import PromptError
    from studio.policy import team_policy
    from studio.backends import require_usable
    from studio.sources import MAX_TOTAL_SECONDS
    from studio.tasks import enqueue_render

    access.require(Permission.GENERATE)
    params = params.validated()
    require_usable(access, params.backend)
    if source is not None and params.backend != "default":
        raise InvalidInput("Extending a video or animating an image works with the default model only.")
    if source is not None and source.seconds + params.duration_seconds > MAX_TOTAL_SECONDS:
        raise InvalidInput(f"The start is {source.seconds:g} s long; with {params.duration_seconds} s more it would "
                           f"pass the {MAX_TOTAL_SECONDS} s a video may last.")
    try:
        decision = _gate().check(prompt, team_policy(access.team)).to_dict()
    except PromptError as exc:
        raise InvalidInput(str(exc)) from None
    render = params.render_params(source)
    status = {"allow": Status.QUEUED, "review": Status.IN_REVIEW, "block": Status.BLOCKED}[decision["action"]]
    # A blocked prompt costs nothing and is recorded even when the team is out of quota:
    # attempts are exactly what moderators and auditors need to see.
    reservation = None if status == Status.BLOCKED else \
        quota_reserve(actor=actor, team=access.team, video_seconds=params.duration_seconds)
    now = timezone.now()
    request = GenerationRequest(
        team=access.team, requested_by=access.membership.user, api_key=access.api_key, prompt=prompt,
        negative_prompt=params.negative_prompt, params=render, backend=params.backend, decision=decision, status=status,
        reservation=reservation, created_at=now, updated_at=now,
        finished_at=now if status == Status.BLOCKED else None)
    if source is not None:
        source.attach(request)  # stores an upload: removed again below if the request is not saved
    try:
        request.save()
        details = {"decision": _decision_summary(decision), "status": status, "params": render,
                   "prompt_sha256": hashlib.sha256(prompt.encode()).hexdigest(), "prompt_chars": len(prompt)}
        if source is not None:
            details["source"] = source.audit()
        record_event(action="generation.requested", actor=actor, team=access.team, target=request, details=details)
        if status == Status.BLOCKED:
            from moderation.services import repeated_blocks_check  # moderation imports studio: import late
            repeated_blocks_check(team=access.team, account=access.membership.user)
    except BaseException:
        if request.source_file:
            request.source_file.delete(save=False)
        raise
    if status == Status.QUEUED:
        enqueue_render(request)
    return request


@transaction.atomic
def generation_cancel(*, actor: Actor, access: TeamAccess, request: GenerationRequest) -> GenerationRequest:
    access.require(Permission.GENERATE)
    request = GenerationRequest.objects.select_for_update().get(pk=request.pk)
    _require_own_or_moderator(actor, access, request, "cancel")
    if request.status not in (Status.IN_REVIEW, Status.QUEUED, Status.RUNNING):
        raise Conflict(f"This request is {request.get_status_display().lower()}: there is nothing to cancel.")
    who = "the requester" if request.requested_by_id == actor.user.pk else "a moderator"
    _finish(request, Status.CANCELLED, actor=actor, action="generation.cancelled", reason=f"cancelled by {who}")
    return request


def _require_own_or_moderator(actor: Actor, access: TeamAccess, request: GenerationRequest, verb: str) -> None:
    if request.requested_by_id != actor.user.pk and not access.allows(Permission.MODERATE):
        raise Forbidden(f"Only the person who made this request, or a moderator, can {verb} it.")


@transaction.atomic
def generation_retry(*, actor: Actor, access: TeamAccess, request: GenerationRequest) -> GenerationRequest:
    """Queue a failed request again, with the same seed; it reserves quota afresh."""
    from studio.tasks import enqueue_render

    access.require(Permission.GENERATE)
    request = GenerationRequest.objects.select_for_update().get(pk=request.pk)
    _require_own_or_moderator(actor, access, request, "retry")
    if request.status != Status.FAILED:
        raise Conflict("Only a failed request can be retried.")
    request.reservation = quota_reserve(actor=actor, team=request.team,
                                        video_seconds=round(request.duration_seconds))
    request.status, request.progress, request.failure = Status.QUEUED, 0.0, ""
    request.finished_at, request.updated_at = None, timezone.now()
    request.save()
    record_event(action="generation.retried", actor=actor, team=request.team, target=request)
    enqueue_render(request)
    return request


# ---------------------------------------------------------------------------- moderation's side
# Called by moderation.services inside its transaction, with the request row locked.

def generation_release(*, request: GenerationRequest) -> None:
    """A held request was approved: queue its render (its quota is still reserved)."""
    from studio.tasks import enqueue_render

    request.status, request.updated_at = Status.QUEUED, timezone.now()
    request.save(update_fields=["status", "updated_at"])
    enqueue_render(request)


def generation_refuse(*, actor: Actor, request: GenerationRequest, reason: str) -> None:
    """A held request was rejected: final, refunded."""
    _finish(request, Status.REJECTED, actor=actor, action="generation.rejected", reason=reason)


def generation_reinstate(*, actor: Actor, request: GenerationRequest) -> None:
    """An appeal was won: reserve quota afresh and queue the render."""
    from studio.tasks import enqueue_render

    request.reservation = quota_reserve(actor=actor, team=request.team, video_seconds=round(request.duration_seconds))
    request.status, request.failure, request.finished_at, request.updated_at = Status.QUEUED, "", None, timezone.now()
    request.save()
    enqueue_render(request)


def _finish(request: GenerationRequest, status: str, *, actor: Actor, action: str, reason: str,
            details: dict | None = None) -> None:
    """End a request without a clip: final status, refund, audit. Caller holds the row lock."""
    now = timezone.now()
    request.status, request.finished_at, request.updated_at = status, now, now
    if status in (Status.FAILED, Status.REJECTED):
        request.failure = reason
    request.save()
    if request.reservation_id:
        quota_refund(actor=actor, reservation=request.reservation, reason=reason)
    record_event(action=action, actor=actor, team=request.team, target=request, details={"reason": reason, **(details or {})})


# ---------------------------------------------------------------------------- the worker's side

@transaction.atomic
def generation_start(*, generation_id: int) -> GenerationRequest | None:
    """Claim a request for rendering; None when there is nothing to do (cancelled, done, …).

    A request already RUNNING is claimed again: its worker died and the job was retried.
    """
    request = GenerationRequest.objects.select_for_update().filter(pk=generation_id).first()
    if request is None or request.status not in (Status.QUEUED, Status.RUNNING):
        return None
    if Clip.objects.filter(request=request).exists():  # finished before a crash hid it: settle it
        _mark_done(request)
        return None
    if request.attempts >= MAX_ATTEMPTS:  # it took its worker down every time: stop trying
        _finish(request, Status.FAILED, actor=SYSTEM, action="generation.failed",
                reason=f"Rendering stopped {request.attempts} times without finishing.")
        return None
    request.status, request.progress, request.attempts = Status.RUNNING, 0.0, request.attempts + 1
    request.started_at = request.updated_at = timezone.now()
    request.save()
    record_event(action="generation.started", team=request.team, target=request, details={"attempt": request.attempts})
    return request


def generation_progress(*, generation_id: int, progress: float) -> bool:
    """Record progress; False when the request is no longer running (cancelled): stop rendering."""
    updated = GenerationRequest.objects.filter(pk=generation_id, status=Status.RUNNING).update(
        progress=max(0.0, min(progress, 1.0)), updated_at=timezone.now())
    return updated == 1


@transaction.atomic
def generation_complete(*, generation_id: int, clip_fields: dict) -> Clip | None:
    """Store the clip row and finish the request. Running twice yields one clip."""
    request = GenerationRequest.objects.select_for_update().get(pk=generation_id)
    existing = Clip.objects.filter(request=request).first()
    if existing is not None:
        return existing
    if request.status != Status.RUNNING:
        return None  # cancelled while rendering: the caller discards the file
    clip = Clip.objects.create(request=request, **clip_fields)
    _mark_done(request)
    return clip


def _mark_done(request: GenerationRequest) -> None:
    clip = request.clip
    request.status, request.progress = Status.DONE, 1.0
    request.finished_at = request.updated_at = timezone.now()
    request.save()
    record_event(action="generation.completed", team=request.team, target=request, details={
        "clip_sha256": clip.sha256, "watermark_payload": clip.watermark_payload, "c2pa_state": clip.c2pa_state,
        "model": clip.model, "model_version": clip.model_version})


@transaction.atomic
def generation_fail(*, generation_id: int, reason: str, rejected: bool = False, details: dict | None = None) -> None:
    """End a running request without a clip: a render error, or frames the frame checks refused."""
    request = GenerationRequest.objects.select_for_update().get(pk=generation_id)
    if request.status != Status.RUNNING:
        return
    status, action = (Status.REJECTED, "generation.rejected_by_frame_check") if rejected else \
        (Status.FAILED, "generation.failed")
    _finish(request, status, actor=SYSTEM, action=action, reason=reason, details=details)


def clip_downloaded(*, actor: Actor, access: TeamAccess, clip: Clip) -> None:
    record_event(action="clip.downloaded", actor=actor, team=access.team, target=clip,
                 details={"generation_id": clip.request_id, "sha256": clip.sha256})
