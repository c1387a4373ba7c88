"""The worker's render: model → frame checks → watermark → H.264 → C2PA → fingerprint → storage.

Each step is safe to repeat: every attempt stores its file under a name of its own,
`generation_complete` records one Clip per request at most, and an attempt that finds the
clip already recorded (or the request cancelled) deletes its own file. A request cancelled
mid-render stops at the next denoising step.
"""
from __future__ import annotations

import hashlib
import logging
import tempfile
import uuid
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError

from studio import backends, services, sources
from studio.gate import frame_checker
from studio.models import SourceKind

logger = logging.getLogger(__name__)


class RenderCancelled(Exception):
    """The request stopped running (cancelled) while its frames were being made."""


@lru_cache(maxsize=1)
def pipeline():
    import diffusers

    from generation import HallmarkVideoPipeline
    diffusers.utils.logging.disable_progress_bar()
    return HallmarkVideoPipeline.from_pretrained(settings.HALLMARK_MODEL_DIR)


def render_generation(generation_id: int) -> str:
    request = services.generation_start(generation_id=generation_id)
    if request is None:
        return "nothing to do"
    step = "render"
    try:
        with tempfile.TemporaryDirectory(prefix="hallmark-render-") as folder:
            frames = _frames(request, Path(folder))
            step = "deliver"
            return _check_and_deliver(request, frames, Path(folder))
    except RenderCancelled:
        return "cancelled"
    except (OperationalError, InterfaceError):
        # The database went away, not the render, and the request cannot be marked failed without
        # it: the task is retried (tasks.RENDER_RETRY) and claims the request again.
        logger.warning("generation %s: the database went away during %s; the render will run again",
                       generation_id, step)
        raise
    except Exception as exc:
        # Whatever broke (the model, the disk, the signer), the request ends failed and refunded,
        # never stuck in "rendering"; the requester can retry.
        logger.exception("generation %s: %s failed", generation_id, step)
        reason = ("The model could not render this request." if step == "render" else
                  "The video could not be stored: " + (exc.strerror if isinstance(exc, OSError) and exc.strerror
                                                       else "an internal error") + ".")
        services.generation_fail(generation_id=generation_id, reason=reason)
        return "failed"


def _check_and_deliver(request, frames, folder: Path) -> str:
    generation_id = request.pk
    report = frame_checker().check(frames, request.params["fps"])
    if not report.passed:
        services.generation_fail(
            generation_id=generation_id, rejected=True,
            reason="The rendered video did not pass the platform's content checks, so it was not delivered.",
            details={"frame_check": frame_report(report)})
        return "rejected"
    clip = _deliver(request, frames, report, folder)
    return "done" if clip is not None else "cancelled"


def _frames(request, folder: Path):
    """The delivered frames: the prompt's own, or the start (a clip, an upload) and what follows it."""
    from generation.long import continue_video

    params = request.params
    steps = params["steps"]
    window = {"index": 0, "of": 1}

    def on_step(_pipeline, step: int, _timestep, callback_kwargs: dict) -> dict:
        done = (window["index"] + (step + 1) / steps) / window["of"]
        if not services.generation_progress(generation_id=request.pk, progress=0.9 * done):
            raise RenderCancelled()
        return callback_kwargs

    def on_window(index: int, windows: int) -> None:
        window.update(index=index, of=windows)

    options = dict(negative_prompt=request.negative_prompt, num_inference_steps=steps,
                   guidance_scale=params["guidance"], callback_on_step_end=on_step)
    prompt, fps = model_prompt(request), params["fps"]
    if request.backend != backends.DEFAULT:  # an open-weight model, through its adapter
        return backends.loaded(request.backend)(prompt, num_frames=params["frames"], height=params["height"],
                                                width=params["width"], seed=params["seed"], fps=fps, **options)
    start = sources.start_frames(request, folder)
    if start is None:
        return pipeline()(prompt, num_frames=params["frames"], height=params["height"],
                          width=params["width"], seed=params["seed"], fps=fps, **options).frames
    # An image is the first frame of its clip; a video keeps all its frames and goes on.
    count = params["frames"] - len(start) if request.source_kind == SourceKind.IMAGE else params["frames"]
    more = continue_video(pipeline(), start, prompt, count=count, seed=params["seed"], fps=fps,
                          on_window=on_window, **options)
    return np.concatenate([start, more])


def model_prompt(request) -> str:
    """What the model is asked: the prompt (as gated), and the camera pan in the words the default
    model was trained on ("…, as the camera pans left")."""
    camera = request.params.get("camera", "")
    return f"{request.prompt}, as the camera pans {camera}" if camera else request.prompt


def frame_report(report) -> dict:
    return {"passed": report.passed, "worst_score": round(report.worst_score, 4), "model": report.model,
            "frames_checked": len(report.frames_checked),
            "findings": [{"frame": f.frame_index, "label": f.label, "score": round(f.score, 4)} for f in report.findings]}


def _deliver(request, frames, report, folder: Path):
    from provenance import watermark
    from provenance.c2pa import SoftBinding, read, sign
    from provenance.detect import watermark_in_file
    from provenance.fingerprint import fingerprint_frames
    from provenance.media import write_h264

    name, version = backends.identity(request.backend)
    fps = request.params["fps"]
    payload = request.watermark_payload
    keys = settings.HALLMARK_PROVENANCE_KEYS or None
    start = sources.ingredient_path(request, folder)  # the parent video or the animated image
    image = request.source_kind == SourceKind.IMAGE
    marked = watermark.embed(frames, payload, key=watermark_key())
    raw = write_h264(marked, folder / "raw.mp4", fps=fps)
    signed = sign(raw, folder / "clip.mp4", generation_id=str(request.pk), model=name, model_version=version,
                  soft_binding=SoftBinding(value=payload), keys=keys, parent=None if image else start,
                  input_image=start if image else None, source=sources.manifest_source(request))
    manifest = read(signed, anchors=_anchors(keys))
    # Read the mark back from the file as delivered (after H.264), so the credentials panel
    # states what a verifier will find, not what we meant to embed.
    found = watermark_in_file(signed, key=watermark_key()).payload
    data = signed.read_bytes()
    # A name of its own per attempt: two renders of one request (a worker wrongly thought
    # dead) never overwrite each other's file; the one recorded first wins.
    storage_name = f"clips/{request.team.slug}/{payload}-{uuid.uuid4().hex[:8]}.mp4"
    try:
        with open(signed, "rb") as fh:
            stored = default_storage.save(storage_name, File(fh, name=f"{payload}.mp4"))
    except OSError:
        # A full disk leaves part of a file behind: remove it; the caller fails the request (refunded).
        if default_storage.exists(storage_name):
            default_storage.delete(storage_name)
        raise
    clip = services.generation_complete(generation_id=request.pk, clip_fields={
        "file": stored, "sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data),
        "watermark_payload": payload, "watermark_verified": found == payload, "c2pa_state": manifest.state, "c2pa_signer": manifest.signer or "",
        "fingerprint": fingerprint_frames(marked, fps).to_bytes(), "model": name, "model_version": version,
        "frames": len(frames), "fps": fps, "width": frames.shape[2], "height": frames.shape[1],
        "frame_check": frame_report(report)})
    if clip is None or clip.file.name != stored:
        default_storage.delete(stored)  # cancelled while we encoded, or another attempt finished first
    return clip


def watermark_key() -> bytes:
    return settings.HALLMARK_WATERMARK_KEY.encode()


def _anchors(keys):
    from provenance.c2pa import DEV_ANCHORS
    from provenance.keys import KeyStore
    return KeyStore(keys) if keys else DEV_ANCHORS
