"""API: generations (create — from a prompt, extending a clip, or from an upload — list, get, download, cancel, retry)."""
from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import FileResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from accounts.api import StrictSchema
from accounts.errors import InvalidInput, PayloadTooLarge
from api.auth import key_access, key_actor
from studio import selectors, services, sources
from studio.models import GenerationRequest

router = Router(tags=["generations"])


class GenerationIn(StrictSchema):
    prompt: str = Field(min_length=1, max_length=services.MAX_PROMPT_CHARS)
    negative_prompt: str = Field("", max_length=services.MAX_PROMPT_CHARS)
    duration_seconds: int = Field(2, description=f"one of {services.DURATIONS}")
    seed: int | None = Field(None, ge=0, lt=2 ** 31)
    steps: int | None = Field(None, ge=1, le=50, description="default: the model's recommended number")
    guidance: float | None = Field(None, ge=0, le=15, description="default: the model's recommended scale")
    camera: str = Field("", description="'' (a still camera), 'left' or 'right' (a pan)")
    fps: int | None = Field(None, description=f"frames per second, one of {services.FRAME_RATES}; default: the "
                                              "model's own (8 for the default model; an extension keeps its video's)")
    aspect_ratio: str | None = Field(None, description=f"one of {', '.join(services.ASPECT_RATIOS)}; default: the "
                                                       "model's own size (1:1 for the default model; a start's own)")
    model: str = Field("default", description="the backend: default, wan, ltx or cogvideox (as the team is granted)")


class ExtensionIn(GenerationIn):
    extends: int | None = Field(None, description="the id of one of the team's finished generations to continue")


class SourceOut(Schema):
    kind: str
    extends_generation: int | None
    sha256: str
    frame_check: dict | None


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
    model: str
    requested_by: str
    created_at: datetime
    finished_at: datetime | None
    source: SourceOut | None
    clip: ClipOut | None


def _out(request: GenerationRequest) -> dict:
    decision = request.decision
    clip = getattr(request, "clip", None)
    return {
        "id": request.pk, "status": request.status, "progress": round(request.progress, 3), "prompt": request.prompt,
        "negative_prompt": request.negative_prompt, "params": request.params, "decision": decision["action"],
        "categories": [{k: c.get(k, "") for k in ("name", "action", "score", "source", "message")}
                       for c in decision["categories"] if not c.get("shadow")],
        "messages": decision.get("messages", []), "failure": request.failure, "model": request.backend,
        "requested_by": request.requested_by.email, "created_at": request.created_at,
        "finished_at": request.finished_at,
        "source": None if not request.source_kind else {
            "kind": request.source_kind, "extends_generation": request.source_clip.request_id if request.source_clip else None,
            "sha256": request.source_sha256, "frame_check": request.source_check},
        "clip": None if clip is None else {
            "sha256": clip.sha256, "size_bytes": clip.size_bytes, "duration_seconds": clip.duration_seconds,
            "width": clip.width, "height": clip.height, "c2pa_state": clip.c2pa_state,
            "c2pa_signer": clip.c2pa_signer, "watermark_payload": clip.watermark_payload, "model": clip.model,
            "model_version": clip.model_version, "download_url": f"/api/v1/generations/{request.pk}/download"},
    }


def _params(payload: GenerationIn) -> services.GenerationParams:
    return services.GenerationParams(duration_seconds=payload.duration_seconds, seed=payload.seed,
                                     steps=payload.steps, guidance=payload.guidance,
                                     negative_prompt=payload.negative_prompt, backend=payload.model,
                                     camera=payload.camera, fps=payload.fps, aspect_ratio=payload.aspect_ratio)


@router.post("/generations", response={201: GenerationOut},
             summary="Request a video: the prompt is gated first (blocked, held for review, or queued). "
                     "With `extends`, the video continues one of the team's clips.")
def create_generation(request, payload: ExtensionIn):
    access = key_access(request)
    source = None if payload.extends is None else \
        sources.clip_source(access=access, generation_id=payload.extends)
    made = services.generation_request(actor=key_actor(request), access=access, prompt=payload.prompt,
                                       params=_params(payload), source=source)
    return Status(201, _out(made))


@router.post("/generations/from-upload", response={201: GenerationOut},
             summary="Extend an uploaded video (MP4, MOV, WebM) or animate an uploaded image (PNG, JPEG, WebP): "
                     "multipart, the file in `source`; the upload must pass the frame checks")
def create_generation_from_upload(request, payload: Form[GenerationIn], source: UploadedFile | None = File(None)):
    if getattr(request, "upload_too_large", False):
        limit = settings.HALLMARK_MAX_UPLOAD_BYTES
        raise PayloadTooLarge(f"The file is larger than {limit / 2 ** 20:.0f} MB, the upload limit.")
    access = key_access(request)
    unknown = sorted(set(request.POST) - set(GenerationIn.model_fields))
    if unknown:  # a form ignores fields it does not know; a request that sends them meant something
        raise InvalidInput(f"Unknown field(s): {', '.join(unknown)}. Fields are: {', '.join(GenerationIn.model_fields)}"
                           ", and the file in 'source'.")
    if source is None:
        raise InvalidInput("Send the video or image as a multipart/form-data field named 'source'.")
    start = sources.upload_source(actor=key_actor(request), access=access, upload=source)
    made = services.generation_request(actor=key_actor(request), access=access, prompt=payload.prompt,
                                       params=_params(payload), source=start)
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
