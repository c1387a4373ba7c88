"""API: generations (create, list, get, download, cancel, retry)."""
from __future__ import annotations

from datetime import datetime

from django.http import FileResponse
from ninja import Router, Schema, Status
from pydantic import Field

from accounts.api import StrictSchema
from api.auth import key_access, key_actor
from studio import selectors, services
from studio.models import GenerationRequest

router = Router(tags=["generations"])


class GenerationIn(StrictSchema):
    prompt: str = Field(min_length=1, max_length=services.MAX_PROMPT_CHARS)
    negative_prompt: str = Field("", max_length=services.MAX_PROMPT_CHARS)
    duration_seconds: int = Field(2, description=f"one of {services.DURATIONS}")
    seed: int | None = Field(None, ge=0, lt=2 ** 31)
    steps: int = Field(20, ge=1, le=50)
    guidance: float = Field(4.0, ge=0, le=15)


class CategoryOut(Schema):
    name: str
    action: str
    score: float
    source: str
    message: str


class ClipOut(Schema):
    sha256: str
    size_bytes: int
    duration_seconds: float
    width: int
    height: int
    c2pa_state: str
    c2pa_signer: str
    watermark_payload: str
    model: str
    model_version: str
    download_url: str


class GenerationOut(Schema):
    id: int
    status: str
    progress: float
    prompt: str
    negative_prompt: str
    params: dict
    decision: str
    categories: list[CategoryOut]
    messages: list[str]
    failure: str
    requested_by: str
    created_at: datetime
    finished_at: datetime | None
    clip: ClipOut | None


def _out(request: GenerationRequest) -> dict:
    decision = request.decision
    clip = getattr(request, "clip", None)
    return {
        "id": request.pk, "status": request.status, "progress": round(request.progress, 3), "prompt": request.prompt,
        "negative_prompt": request.negative_prompt, "params": request.params, "decision": decision["action"],
        "categories": [{k: c.get(k, "") for k in ("name", "action", "score", "source", "message")}
                       for c in decision["categories"] if not c.get("shadow")],
        "messages": decision.get("messages", []), "failure": request.failure,
        "requested_by": request.requested_by.email, "created_at": request.created_at,
        "finished_at": request.finished_at,
        "clip": None if clip is None else {
            "sha256": clip.sha256, "size_bytes": clip.size_bytes, "duration_seconds": clip.duration_seconds,
            "width": clip.width, "height": clip.height, "c2pa_state": clip.c2pa_state,
            "c2pa_signer": clip.c2pa_signer, "watermark_payload": clip.watermark_payload, "model": clip.model,
            "model_version": clip.model_version, "download_url": f"/api/v1/generations/{request.pk}/download"},
    }


@router.post("/generations", response={201: GenerationOut},
             summary="Request a video: the prompt is gated first (blocked, held for review, or queued)")
def create_generation(request, payload: GenerationIn):
    access = key_access(request)
    params = services.GenerationParams(duration_seconds=payload.duration_seconds, seed=payload.seed,
                                       steps=payload.steps, guidance=payload.guidance,
                                       negative_prompt=payload.negative_prompt)
    made = services.generation_request(actor=key_actor(request), access=access,
                                       prompt=payload.prompt, params=params)
    return Status(201, _out(made))


@router.get("/generations", response=list[GenerationOut], summary="The team's generations, newest first")
def list_generations(request, status: str | None = None, limit: int = 50, offset: int = 0):
    access = key_access(request)
    limit, offset = max(1, min(limit, 200)), max(0, min(offset, 10 ** 9))
    return [_out(r) for r in selectors.team_generations(access=access, status=status)[offset:offset + limit]]


@router.get("/generations/{generation_id}", response=GenerationOut)
def get_generation(request, generation_id: int):
    access = key_access(request)
    return _out(selectors.team_generation(access=access, generation_id=generation_id))


@router.get("/generations/{generation_id}/download", response={200: None},
            summary="The MP4: watermarked and C2PA-signed")
def download_generation(request, generation_id: int):
    access = key_access(request)
    clip = selectors.team_clip(access=access, generation_id=generation_id)
    services.clip_downloaded(actor=key_actor(request), access=access, clip=clip)
    return FileResponse(clip.file.open("rb"), as_attachment=True, filename=f"hallmark-{generation_id}.mp4",
                        content_type="video/mp4")


@router.post("/generations/{generation_id}/cancel", response=GenerationOut)
def cancel_generation(request, generation_id: int):
    access = key_access(request)
    target = selectors.team_generation(access=access, generation_id=generation_id)
    return _out(services.generation_cancel(actor=key_actor(request), access=access,
                                           request=target))


@router.post("/generations/{generation_id}/retry", response=GenerationOut)
def retry_generation(request, generation_id: int):
    access = key_access(request)
    target = selectors.team_generation(access=access, generation_id=generation_id)
    return _out(services.generation_retry(actor=key_actor(request), access=access,
                                          request=target))
