"""Longer videos from a 16-frame model: extend a clip window by window, and measure the drift.

Each window is a normal render whose first `overlap` frames are held to the previous
window's last frames (`context_frames`, replacement conditioning); its other frames are new.
A 60-second clip at 8 fps is 40 windows of 16 frames with 4 of overlap.

The cross-window measures read every window with the evaluator's reader and compare the
windows with the first: the same object colour (identity), the same background, and the
object's size, with the thresholds a single clip must meet to count as consistent.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np

from generation.formats import NATIVE_FPS
from generation.reader import _main_component, _occluder_columns, _to_native, read_clip
from generation.retime import frames_at, retime

WINDOW = 16
OVERLAP = 4
IDENTITY_THRESHOLD = 0.9  # as colour agreement within one clip
SIZE_DRIFT_THRESHOLD = 0.25  # as the size spread within one clip


def extend(pipeline, frames: np.ndarray, prompt: str, *, overlap: int = OVERLAP, window: int = WINDOW,
           seed: int | None = None, **kwargs) -> np.ndarray:
    """The frames that continue `frames` (window - overlap of them), at the same size."""
    kwargs = {"height": frames.shape[1], "width": frames.shape[2], **kwargs}
    context = frames[-overlap:]
    output = pipeline(prompt, num_frames=window, seed=seed, context_frames=context, **kwargs)
    return output.frames[len(context):]


def continue_video(pipeline, frames: np.ndarray, prompt: str, *, count: int, seed: int = 0, fps: int = NATIVE_FPS,
                   overlap: int = OVERLAP, window: int = WINDOW, on_window=None, **kwargs) -> np.ndarray:
    """`count` new frames that follow `frames` (one frame — an image to animate — or more),
    window by window. `on_window(index, windows)` is called before each window (for progress).

    `frames` and what follows are at `fps`. The model works at its own 8 fps: at another rate the
    context is the start resampled to 8 fps so that its last frame is the start's last, and the
    new frames are resampled back from that frame on."""
    if fps != NATIVE_FPS:
        context = _native_tail(frames, fps, overlap)
        native_count = math.ceil(count * NATIVE_FPS / fps - 1e-9)
        more = continue_video(pipeline, context, prompt, count=native_count, seed=seed, overlap=overlap,
                              window=window, on_window=on_window, **kwargs)
        return retime(np.concatenate([context[-1:], more]), NATIVE_FPS, fps, count=count, start=1)
    windows = windows_needed(len(frames), count, overlap=overlap, window=window)
    made = frames
    for index in range(windows):
        if on_window is not None:
            on_window(index, windows)
        made = np.concatenate([made, extend(pipeline, made, prompt, overlap=overlap, window=window,
                                            seed=seed + index, **kwargs)])
    return made[len(frames):len(frames) + count]


def windows_needed(context: int, count: int, *, overlap: int = OVERLAP, window: int = WINDOW) -> int:
    """How many windows `continue_video` renders to add `count` frames after `context` frames."""
    first = window - min(overlap, context)  # an image gives one frame of context, not `overlap`
    return 0 if count <= 0 else 1 + max(0, -(-(count - first) // (window - overlap)))


def generate_long(pipeline, prompt: str, *, seconds: float, fps: int = NATIVE_FPS, seed: int = 0,
                  overlap: int = OVERLAP, window: int = WINDOW, **kwargs) -> np.ndarray:
    """`seconds` of video at `fps`: a first window, then extensions until there are enough
    frames, all at the model's own rate; then resampled to `fps` once."""
    native_total = int(round(seconds * NATIVE_FPS))
    frames = pipeline(prompt, num_frames=window, seed=seed, **kwargs).frames
    more = continue_video(pipeline, frames, prompt, count=native_total - len(frames), seed=seed + 1,
                          overlap=overlap, window=window, **kwargs)
    native = np.concatenate([frames, more])[:native_total]
    return native if fps == NATIVE_FPS else retime(native, NATIVE_FPS, fps, count=int(round(seconds * fps)))


def _native_tail(frames: np.ndarray, fps: int, overlap: int) -> np.ndarray:
    """The last `overlap` moments of `frames` (at `fps`) at the model's rate, ending on the last frame."""
    last = len(frames) - 1
    back = min(overlap - 1, int(last * NATIVE_FPS / fps))  # no further back than the start reaches
    return frames_at(frames, [last - (back - k) * fps / NATIVE_FPS for k in range(back + 1)])


@dataclass(frozen=True)
class Drift:
    windows: int
    identity: float  # windows whose object has the first window's colour
    background: float  # windows with the first window's background
    size_drift: float  # spread of the windows' mean object size, relative to their mean
    within_threshold: bool

    def to_dict(self) -> dict:
        return asdict(self)


def cross_window_drift(frames: np.ndarray, *, window: int = WINDOW - OVERLAP) -> Drift:
    """Compare consecutive `window`-frame stretches of a long clip with its first stretch."""
    stretches = [frames[i:i + window] for i in range(0, len(frames) - window + 1, window)]
    readings = [read_clip(s) for s in stretches]
    colours = [r.colour for r in readings]
    identity = sum(c == colours[0] and c is not None for c in colours) / len(colours)
    background = sum(r.background == readings[0].background for r in readings) / len(readings)
    sizes = np.array([_mean_area(s) for s in stretches], float)
    seen = sizes[sizes > 0]
    size_drift = float(seen.std() / seen.mean()) if len(seen) > 1 else 1.0
    ok = identity >= IDENTITY_THRESHOLD and background >= IDENTITY_THRESHOLD and size_drift < SIZE_DRIFT_THRESHOLD
    return Drift(len(stretches), identity, background, size_drift, ok)


def _mean_area(frames: np.ndarray) -> float:
    native = _to_native(frames)
    occluder = _occluder_columns(native)
    areas = [t["area"] for t in (_main_component(f, occluder) for f in native) if t is not None]
    return float(np.mean(areas)) if areas else 0.0
