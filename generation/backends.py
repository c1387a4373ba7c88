"""Backends: the models that can render a clip, each loaded from a local folder.

`default` is ours (HallmarkVideoPipeline); `wan`, `ltx` and `cogvideox` are open-weight models
run through diffusers. Every backend renders through the same call and returns uint8 frames
(T×H×W×3, RGB), so the platform treats them alike. Weights are never downloaded: a backend
loads from a folder in diffusers format, or says clearly which folder is missing.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from generation.formats import ASPECT_RATIOS, size_for
from generation.retime import retime

log = logging.getLogger(__name__)

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


class BackendError(ValueError):
    """A request a backend cannot honour, or weights that are missing; the message says why."""


@dataclass(frozen=True)
class BackendSpec:
    """What a backend is, its recommended defaults, and the shapes it accepts."""

    name: str
    label: str
    pipeline: str  # the diffusers pipeline class
    defaults: dict = field(hash=False)  # width, height, frames, steps, guidance, fps
    needs_gpu: bool
    source: str  # where diffusers-format weights come from, for error messages
    # Valid frames are frame_step·k + frame_offset within [min_frames, max_frames] (the VAE's
    # temporal compression); sizes are multiples of size_step within [min_size, max_size].
    frame_step: int
    frame_offset: int
    min_frames: int
    max_frames: int
    size_step: int
    min_size: int
    max_size: int
    text_tokens: int = 0  # the pipeline's default max_sequence_length; 0: it has none
    # Recommended (width, height) per aspect ratio (generation.formats.ASPECT_RATIOS); the
    # defaults' width and height are the backend's own size, used when no aspect is asked for.
    sizes: dict = field(default_factory=dict, hash=False)

    def size_for(self, aspect: str, short_side: int | None = None) -> tuple[int, int]:
        """(height, width) for an aspect ratio: the recommended size, or with `short_side` pixels
        on the short side (an operator's size class), fitted to what the backend accepts."""
        if short_side is None:
            width, height = self.sizes[aspect]
        else:
            height, width = size_for(aspect, short_side, self.size_step)
        return self.fit(self.min_frames, height, width)[1:]

    def fit(self, frames: int, height: int, width: int) -> tuple[int, int, int]:
        """The nearest (frames, height, width) this backend accepts."""
        frames = _nearest(frames, self.frame_step, self.frame_offset, self.min_frames, self.max_frames)
        height, width = (_nearest(size, self.size_step, 0, self.min_size, self.max_size) for size in (height, width))
        return frames, height, width


def _nearest(value: int, step: int, offset: int, low: int, high: int) -> int:
    value = min(max(int(value), low), high)
    k = int(np.floor((value - offset) / step + 0.5))  # halves round up, not to even
    fitted = k * step + offset
    if fitted > high:
        fitted -= step
    return max(fitted, low)


# Wan 2.1 1.3B is trained at 832×480 and 480×832 (its 480p sizes); LTX-Video takes any multiple
# of 32 up to 720p; CogVideoX 2b/5b is trained at 720×480 alone, so its other sizes are outside
# its training (CogVideoX 1.5 takes more). The default model's sizes come from generation.formats.
_WAN_SIZES = {"16:9": (832, 480), "9:16": (480, 832), "1:1": (624, 624), "4:3": (704, 528)}
_LTX_SIZES = {"16:9": (832, 480), "9:16": (480, 832), "1:1": (576, 576), "4:3": (640, 480)}
_COGVIDEOX_SIZES = {"16:9": (768, 432), "9:16": (432, 768), "1:1": (480, 480), "4:3": (640, 480)}
_DEFAULT_SIZES = {aspect: size_for(aspect)[::-1] for aspect in ASPECT_RATIOS}

BACKENDS: dict[str, BackendSpec] = {spec.name: spec for spec in (
    BackendSpec("default", "Hallmark (built in)", "HallmarkVideoPipeline",
                dict(width=256, height=256, frames=16, steps=20, guidance=4.0, fps=8), needs_gpu=False,
                source="the checkpoint shipped in generation/weights, rebuilt by `make train`",
                frame_step=2, frame_offset=0, min_frames=2, max_frames=64, size_step=8, min_size=64, max_size=1024,
                sizes=_DEFAULT_SIZES),
    BackendSpec("wan", "Wan 2.1 T2V 1.3B", "WanPipeline",
                dict(width=832, height=480, frames=81, steps=50, guidance=5.0, fps=16), needs_gpu=True,
                source="Wan-AI/Wan2.1-T2V-1.3B-Diffusers",
                frame_step=4, frame_offset=1, min_frames=5, max_frames=129, size_step=16, min_size=16, max_size=1280,
                text_tokens=512, sizes=_WAN_SIZES),
    BackendSpec("ltx", "LTX-Video", "LTXPipeline",
                dict(width=704, height=480, frames=161, steps=50, guidance=3.0, fps=24), needs_gpu=True,
                source="Lightricks/LTX-Video",
                frame_step=8, frame_offset=1, min_frames=9, max_frames=257, size_step=32, min_size=32, max_size=1280,
                text_tokens=128, sizes=_LTX_SIZES),
    BackendSpec("cogvideox", "CogVideoX", "CogVideoXPipeline",
                dict(width=720, height=480, frames=49, steps=50, guidance=6.0, fps=8), needs_gpu=True,
                source="THUDM/CogVideoX-2b or THUDM/CogVideoX-5b",
                frame_step=8, frame_offset=1, min_frames=9, max_frames=49, size_step=16, min_size=16, max_size=1280,
                text_tokens=226, sizes=_COGVIDEOX_SIZES),
)}


class VideoBackend:
    """A loaded backend: call it with a prompt, get uint8 frames (T×H×W×3, RGB)."""

    def __init__(self, spec: BackendSpec, pipe, max_sequence_length: int | None = None):
        self.spec = spec
        self.pipe = pipe
        self.max_sequence_length = max_sequence_length

    def __call__(self, prompt: str, *, negative_prompt: str = "", num_frames: int | None = None,
                 height: int | None = None, width: int | None = None, num_inference_steps: int | None = None,
                 guidance_scale: float | None = None, seed: int = 0, fps: int | None = None,
                 callback_on_step_end=None) -> np.ndarray:
        """Render one clip. Missing values are the backend's defaults; shapes are fitted to what it
        accepts. At the backend's own frame rate `num_frames` is fitted too; at another rate the
        model renders the same span at its own rate and the clip is resampled (generation.retime)
        to exactly `num_frames`. `callback_on_step_end(pipe, step, timestep, callback_kwargs)`
        runs after every denoising step, as in diffusers; raising from it stops the render."""
        d = self.spec.defaults
        fps = fps or d["fps"]
        asked = num_frames or round(d["frames"] * fps / d["fps"])
        native_frames, height, width = self.spec.fit(math.ceil(asked * d["fps"] / fps - 1e-9), height or d["height"],
                                                     width or d["width"])
        delivered = native_frames if fps == d["fps"] else asked
        steps = num_inference_steps or d["steps"]
        guidance = d["guidance"] if guidance_scale is None else guidance_scale
        callback = _returning_kwargs(callback_on_step_end)
        if self.spec.name == "default":  # our pipeline resamples in time itself, at its native size
            return self._render_default(prompt, negative_prompt, delivered, height, width, steps, guidance, seed,
                                        fps, callback)
        extra = {"frame_rate": d["fps"]} if self.spec.name == "ltx" else {}  # LTX scales its positions by fps
        if self.max_sequence_length:
            extra["max_sequence_length"] = self.max_sequence_length
        output = self.pipe(prompt=prompt, negative_prompt=negative_prompt or None, num_frames=native_frames,
                           height=height, width=width, num_inference_steps=steps, guidance_scale=guidance,
                           generator=torch.Generator().manual_seed(seed),  # CPU noise: same clip on any device
                           output_type="np", callback_on_step_end=callback, **extra)
        video = np.asarray(output.frames[0], dtype=np.float32)  # T×H×W×3 in 0–1
        frames = (np.clip(video, 0.0, 1.0) * 255).round().astype(np.uint8)
        return frames if fps == d["fps"] else retime(frames, d["fps"], fps, count=delivered)

    def _render_default(self, prompt, negative_prompt, num_frames, height, width, steps, guidance, seed, fps,
                        callback) -> np.ndarray:
        from generation.pipeline import GenerationInputError

        try:
            output = self.pipe(prompt, negative_prompt=negative_prompt, num_frames=num_frames, height=height,
                               width=width, num_inference_steps=steps, guidance_scale=guidance, seed=seed, fps=fps,
                               callback_on_step_end=callback)
        except GenerationInputError as error:
            raise BackendError(str(error)) from error
        return output.frames


def _returning_kwargs(callback):
    """diffusers needs the callback to return its kwargs; let a progress reporter return None."""
    if callback is None:
        return None

    def call(pipe, step, timestep, callback_kwargs):
        result = callback(pipe, step, timestep, callback_kwargs)
        return callback_kwargs if result is None else result

    return call


def load_backend(name: str, folder, *, dtype: str = "float32", cpu_offload: bool = False,
                 vae_tiling: bool = False, device: str | None = None,
                 max_sequence_length: int | None = None) -> VideoBackend:
    """Load backend `name` from `folder` (diffusers format, with model_index.json).

    `cpu_offload` keeps only the running model on the GPU; without CUDA it is skipped (diffusers
    would raise). `vae_tiling` decodes large frames in tiles. `device` defaults to CUDA when the
    backend needs a GPU and one exists. `max_sequence_length` caps prompt tokens; by default the
    pipeline's own limit, or the tokenizer's if that is smaller (tiny test models).
    """
    spec = BACKENDS.get(name)
    if spec is None:
        raise BackendError(f"There is no backend called {name!r}. Known backends: {', '.join(BACKENDS)}.")
    path = weights_folder(spec, folder)
    if dtype not in DTYPES:
        raise BackendError(f"The dtype must be one of {', '.join(DTYPES)}, not {dtype!r}.")
    pipe = _load_pipeline(spec, path, DTYPES[dtype])
    pipe.set_progress_bar_config(disable=True)  # progress goes through callback_on_step_end
    if vae_tiling and hasattr(getattr(pipe, "vae", None), "enable_tiling"):
        pipe.vae.enable_tiling()
    if cpu_offload and torch.cuda.is_available():
        pipe.enable_model_cpu_offload()  # it places each model itself: no .to(device)
    else:
        if cpu_offload:
            log.info("CPU offload needs CUDA; running the %s backend without it.", name)
        pipe.to(device or ("cuda" if spec.needs_gpu and torch.cuda.is_available() else "cpu"))
    return VideoBackend(spec, pipe, max_sequence_length or _text_tokens(spec, pipe))


def weights_folder(spec: BackendSpec, folder) -> Path:
    """`folder` if it holds a diffusers pipeline; BackendError naming what is missing otherwise (cheap: no loading)."""
    advice = (f"Put the model in diffusers format there (a folder with model_index.json: {spec.source}) "
              f"or choose another backend.")
    if folder is None or str(folder) == "":
        raise BackendError(f"The {spec.name} backend has no weights: no folder is configured for it. "
                           f"Name a folder with the model in diffusers format ({spec.source}) "
                           f"or choose another backend.")
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise BackendError(f"The {spec.name} backend has no weights: {path} does not exist. {advice}")
    if not (path / "model_index.json").is_file():
        raise BackendError(f"The {spec.name} backend has no weights: {path} has no model_index.json. {advice}")
    return path


def _load_pipeline(spec: BackendSpec, path: Path, dtype: torch.dtype):
    if spec.name == "default":
        from generation import HallmarkVideoPipeline

        return HallmarkVideoPipeline.from_pretrained(path)  # it always computes in float32
    import diffusers

    pipeline_class = getattr(diffusers, spec.pipeline)
    if spec.name == "wan":
        dtype = {"default": dtype, "vae": torch.float32}  # Wan's VAE loses detail in half precision
    return pipeline_class.from_pretrained(path, dtype=dtype)


def _text_tokens(spec: BackendSpec, pipe) -> int | None:
    """The prompt token limit: CogVideoX's must equal its transformer's; others take the
    pipeline's default unless the tokenizer allows fewer."""
    if spec.name == "cogvideox":
        return pipe.transformer.config.max_text_seq_length
    if not spec.text_tokens:
        return None
    tokenizer_limit = getattr(getattr(pipe, "tokenizer", None), "model_max_length", None) or spec.text_tokens
    return min(int(tokenizer_limit), spec.text_tokens)
