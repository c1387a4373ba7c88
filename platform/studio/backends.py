"""Which model renders a request: the registry in `generation.backends`, each backend's folder
and options from settings, the models a team was granted (`TeamQuota.backends`), and one
procrastinate queue per backend, so GPU workers take only the jobs meant for them.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from accounts.errors import Forbidden, InvalidInput
from accounts.selectors import TeamAccess

DEFAULT = "default"
RENDER_QUEUE = "render"  # the default model's queue; every other backend has its own
_LOAD_OPTIONS = ("dtype", "cpu_offload", "vae_tiling", "device")


def queue_for(backend: str) -> str:
    """`render` for the default model; `render-wan`, `render-ltx`, … for the others."""
    return RENDER_QUEUE if backend == DEFAULT else f"{RENDER_QUEUE}-{backend}"


def spec(backend: str):
    from generation.backends import BACKENDS
    if backend not in BACKENDS:
        raise InvalidInput(f"Unknown model '{backend}'. Models are: {', '.join(BACKENDS)}.")
    return BACKENDS[backend]


def require_usable(access: TeamAccess, backend: str) -> None:
    """The team was granted the backend and its weights are in place; a clear error otherwise."""
    from generation.backends import BackendError, weights_folder

    known = spec(backend)
    granted = access.team.quota.backends if hasattr(access.team, "quota") else [DEFAULT]
    if backend not in granted:
        raise Forbidden(f"This team may not use the {backend} model (it may use: {', '.join(granted)}); "
                        "a platform operator grants models.")
    try:
        weights_folder(known, settings.HALLMARK_BACKEND_DIRS.get(backend))
    except BackendError as exc:
        variable = "HALLMARK_MODEL_DIR" if backend == DEFAULT else f"HALLMARK_{backend.upper()}_DIR"
        raise InvalidInput(f"{exc} (The platform reads the folder from {variable}.)") from None


def render_shape(backend: str, duration_seconds: int, *, fps: int | None = None, aspect: str | None = None) -> dict:
    """Frames, fps and size for `duration_seconds` of video, as the backend accepts them.

    `fps` None: the backend's own rate. At its own rate the frames are fitted to what it accepts
    (Wan: 33 for 2 s); at another it renders at its own rate and the clip is resampled to exactly
    duration × fps frames. `aspect` None: the backend's own size; otherwise its recommended size
    for that aspect, or — when the operator set a width and height (HALLMARK_BACKEND_OPTIONS) —
    that size's short side at the aspect."""
    from generation.formats import aspect_of

    known = spec(backend)
    defaults = known.defaults
    options = settings.HALLMARK_BACKEND_OPTIONS.get(backend, {})
    width, height = options.get("width", defaults["width"]), options.get("height", defaults["height"])
    if aspect is not None:
        sized = "width" in options or "height" in options
        height, width = known.size_for(aspect, short_side=min(width, height) if sized else None)
    native_frames, height, width = known.fit(duration_seconds * defaults["fps"], height, width)
    fps = fps or defaults["fps"]
    frames = native_frames if fps == defaults["fps"] else duration_seconds * fps
    return {"frames": frames, "fps": fps, "width": width, "height": height,
            "aspect_ratio": aspect or aspect_of(height, width)}


@lru_cache(maxsize=4)
def loaded(backend: str):
    """The backend's pipeline, loaded once per worker process."""
    from generation.backends import load_backend
    options = {k: v for k, v in settings.HALLMARK_BACKEND_OPTIONS.get(backend, {}).items() if k in _LOAD_OPTIONS}
    return load_backend(backend, settings.HALLMARK_BACKEND_DIRS.get(backend), **options)


@lru_cache(maxsize=4)
def identity(backend: str) -> tuple[str, str]:
    """(model, version) for the manifest: the version is a hash of the transformer's weights,
    so it names exactly the weights that rendered the clip."""
    folder = Path(settings.HALLMARK_BACKEND_DIRS[backend])
    digest = hashlib.sha256()
    for path in sorted((folder / "transformer").glob("*.safetensors")):
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 24):
                digest.update(chunk)
    name = settings.HALLMARK_MODEL_NAME if backend == DEFAULT else f"{spec(backend).pipeline}"
    return name, digest.hexdigest()[:12]
