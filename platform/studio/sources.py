"""Where a generation starts when it does not start from nothing: one of the team's clips
(an extension), an uploaded video (an extension of someone else's video) or an uploaded image
(animated from its first frame).

Uploads meet the verification limits (size cap while the body streams, type by magic bytes,
bounded decoding) and then the frame checks, before anything is queued; a refused upload is
recorded in the audit log. An upload is brought to what the default model delivers: a square
SIZE×SIZE picture (centre crop, then resize), at FPS frames per second for its checks and at
the request's rate for the render. A video made from a start keeps the start's shape, and an
extension of one of our clips its frame rate too.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from accounts.actors import Actor
from accounts.errors import InvalidInput, PayloadTooLarge, UnsupportedMediaType
from accounts.ratelimits import rate_limit_take
from accounts.roles import Permission
from accounts.selectors import TeamAccess
from audit.services import record_event
from studio import selectors
from studio.models import Clip, GenerationRequest, SourceKind

FPS = 8
SIZE = 256
MAX_TOTAL_SECONDS = 60  # an extension and what it extends, together
MAX_IMAGE_SIDE = 8192
_EXTENSIONS = {"mp4": ".mp4", "mov": ".mov", "webm": ".webm", "image/png": ".png", "image/jpeg": ".jpg",
               "image/webp": ".webp"}


@dataclass
class Source:
    """A checked start, not yet stored: `attach` stores it on the request."""

    kind: str
    frames: int  # how many frames (at `fps`) it brings to the delivered clip
    clip: Clip | None = None
    fps: int = FPS
    width: int = SIZE
    height: int = SIZE
    upload: Path | None = None  # the upload as received, in a temporary folder
    suffix: str = ""
    sha256: str = ""
    check: dict | None = None
    rate_counted: bool = False  # an upload counts against the rate limit before it is decoded
    _folder: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    @property
    def seconds(self) -> float:
        return self.frames / self.fps

    def shape(self, *, duration_seconds: int, fps: int | None, aspect: str | None) -> dict:
        """What the render makes after the start: its size, and one of our clips' frame rate too
        (an upload is resampled to the rate asked for). InvalidInput when the request asks otherwise."""
        from generation.formats import aspect_of

        own = aspect_of(self.height, self.width)
        if aspect is not None and aspect != own:
            raise InvalidInput(f"A video made from a start keeps the start's shape ({self.width}×{self.height}"
                               f"{', ' + own if own else ''}): leave the aspect ratio out or ask for {own or 'it'}.")
        if self.kind == SourceKind.CLIP and fps is not None and fps != self.fps:
            raise InvalidInput(f"An extension keeps its video's frame rate ({self.fps} fps): leave fps out or "
                               f"ask for {self.fps}.")
        fps = self.fps if self.kind == SourceKind.CLIP else fps or FPS
        return {"frames": duration_seconds * fps, "fps": fps, "width": self.width, "height": self.height,
                "aspect_ratio": own}

    def audit(self) -> dict:
        if self.kind == SourceKind.CLIP:
            return {"kind": self.kind, "generation_id": self.clip.request_id}
        return {"kind": self.kind, "sha256": self.sha256, "frame_check": self.check}

    def attach(self, request: GenerationRequest) -> None:
        """Point the (unsaved) request at this start; an upload is copied into storage."""
        request.source_kind = self.kind
        request.source_clip = self.clip
        if self.upload is not None:
            with open(self.upload, "rb") as fh:
                name = f"sources/{request.team.slug}/{self.sha256[:16]}{self.suffix}"
                request.source_file = default_storage.save(name, File(fh, name=name))
            request.source_sha256, request.source_check = self.sha256, self.check

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()


def clip_source(*, access: TeamAccess, generation_id: int) -> Source:
    """One of the team's own finished clips (another team's reads as not found)."""
    clip = selectors.team_clip(access=access, generation_id=generation_id)
    return Source(kind=SourceKind.CLIP, frames=clip.frames, clip=clip, fps=clip.fps, width=clip.width,
                  height=clip.height)


def upload_source(*, actor: Actor, access: TeamAccess, upload) -> Source:
    """A video (MP4, MOV, WebM) or image (PNG, JPEG, WebP) someone uploaded, after the frame checks."""
    from verification.services import container_of, save_capped

    access.require(Permission.GENERATE)
    rate_limit_take(actor=actor, team=access.team, action="generate")
    limit = settings.HALLMARK_MAX_UPLOAD_BYTES
    if getattr(upload, "size", None) is not None and upload.size > limit:
        raise PayloadTooLarge(f"The file is {upload.size / 2 ** 20:.1f} MB; uploads are limited to "
                              f"{limit / 2 ** 20:.0f} MB.")
    folder = tempfile.TemporaryDirectory(prefix="hallmark-source-")
    try:
        path = Path(folder.name) / "upload"
        sha256, size, head = save_capped(upload, path, limit, purpose="upload")
        if size == 0:
            raise InvalidInput("The uploaded file is empty.")
        container = container_of(head)
        kind = SourceKind.VIDEO if container else SourceKind.IMAGE
        if container is None:
            container = _image_type(path)
        frames = video_frames(path) if kind == SourceKind.VIDEO else image_frame(path)
        check = _frame_check(frames)
        source = Source(kind=kind, frames=len(frames), upload=path, suffix=_EXTENSIONS[container], sha256=sha256,
                        check=check, rate_counted=True, _folder=folder)
        if not check["passed"]:
            _refused(actor, access, source)
            raise InvalidInput(f"The uploaded {'video' if kind == SourceKind.VIDEO else 'image'} did not pass the "
                               "platform's content checks, so nothing can be made from it.")
        return source
    except BaseException:
        folder.cleanup()
        raise


def _image_type(path: Path) -> str:
    from provenance.c2pa import InvalidMediaError, image_mime
    try:
        return image_mime(path)
    except InvalidMediaError:
        raise UnsupportedMediaType("Start from an MP4, MOV or WebM video, or a PNG, JPEG or WebP image; "
                                   "this file is none of them.") from None


def video_frames(path: Path, *, max_seconds: int = MAX_TOTAL_SECONDS, fps: int = FPS) -> np.ndarray:
    """An uploaded video as square SIZE×SIZE frames at `fps`; InvalidInput when it cannot be read or is too long."""
    from provenance import MediaError
    from provenance.media import square_frames
    from studio.services import DURATIONS

    try:
        # Resampled and cropped while decoding: a long, fast or thin video costs no more memory
        # than the SIZE×SIZE frames we keep (hostile uploads, tests/platform/verification).
        return square_frames(path, side=SIZE, fps=fps, max_video_seconds=max_seconds - min(DURATIONS),
                             max_source_frames=int(max_seconds * 120) + 1)
    except MediaError as exc:
        message = str(exc).replace("upload", "The video", 1)
        if "longer than" in message:  # refused before the frame checks: it could not be extended anyway
            message = (f"The video is longer than {max_seconds - min(DURATIONS)} s; an extension adds at least "
                       f"{min(DURATIONS)} s and a video may last {max_seconds} s.")
        raise InvalidInput(message) from None


def image_frame(path: Path) -> np.ndarray:
    """An uploaded image as one square SIZE×SIZE frame; InvalidInput when it cannot be read."""
    try:
        with Image.open(path) as image:
            if max(image.size) > MAX_IMAGE_SIDE:
                raise InvalidInput(f"The image is {image.size[0]}×{image.size[1]}; images up to "
                                   f"{MAX_IMAGE_SIDE} pixels on a side are accepted.")
            rgb = np.asarray(image.convert("RGB"))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise InvalidInput(f"The image could not be read ({exc}).") from None
    return _square(rgb)[None]


def _square(frame: np.ndarray) -> np.ndarray:
    h, w = frame.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    crop = Image.fromarray(np.ascontiguousarray(frame[top:top + side, left:left + side]))
    return np.asarray(crop.resize((SIZE, SIZE), Image.Resampling.LANCZOS))


def _frame_check(frames: np.ndarray) -> dict:
    from studio.gate import frame_checker
    from studio.rendering import frame_report
    return frame_report(frame_checker().check(frames, FPS))


@transaction.atomic
def _refused(actor: Actor, access: TeamAccess, source: Source) -> None:
    # The hash and the checks' findings; never the file or its name (uploads stay out of logs).
    record_event(action="generation.source_refused", actor=actor, team=access.team, details={
        "kind": source.kind, "sha256": source.sha256, "frame_check": source.check})


# ---------------------------------------------------------------------------- the worker's side

def start_frames(request: GenerationRequest, folder: Path) -> np.ndarray | None:
    """The frames a request continues (or the one it animates), at the request's size and frame
    rate; None for a prompt-only request. The file it came from is copied into `folder`."""
    path = ingredient_path(request, folder)
    if path is None:
        return None
    if request.source_kind == SourceKind.IMAGE:
        return image_frame(path)
    if request.source_kind == SourceKind.CLIP:
        from provenance.media import rgb_frames
        return rgb_frames(path)[0]  # ours: already at the request's size and rate (it inherits them)
    return video_frames(path, fps=request.params["fps"])


def ingredient_path(request: GenerationRequest, folder: Path) -> Path | None:
    stored = request.source_clip.file if request.source_kind == SourceKind.CLIP else request.source_file
    if not request.source_kind or not stored:
        return None
    suffix = Path(stored.name).suffix
    path = folder / f"source-{request.source_clip.request_id if request.source_clip else request.pk}{suffix}"
    if not path.exists():
        with stored.open("rb") as src, open(path, "wb") as dst:
            shutil.copyfileobj(src, dst)
    return path


def manifest_source(request: GenerationRequest) -> dict | None:
    """What the clip's manifest says about its start."""
    if request.source_kind == SourceKind.CLIP:
        return {"kind": "hallmark_clip", "generation_id": str(request.source_clip.request_id)}
    if request.source_kind:
        return {"kind": f"upload_{request.source_kind}", "frame_check": "passed", "sha256": request.source_sha256}
    return None
