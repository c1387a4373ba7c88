"""Fingerprints: the same clip after re-encoding, resizing, cropping and trimming stays close; others are far."""
import cv2
import numpy as np
import pytest

from provenance.fingerprint import MATCH_DISTANCE, Fingerprint, distance, fingerprint_frames

from .test_watermark import h264


@pytest.fixture(scope="module")
def original(pan_maker):
    return pan_maker("astronaut", frames=32, seed=5)


def test_fingerprint_is_compact_and_round_trips(original):
    fp = fingerprint_frames(original, 8)
    data = fp.to_bytes()
    assert len(data) < 200  # 4 s of video
    back = Fingerprint.from_bytes(data)
    assert back.hashes == fp.hashes and back.signature == fp.signature and distance(back, fp) == 0.0
    with pytest.raises(ValueError, match="truncated"):
        Fingerprint.from_bytes(data[:20])


def test_edited_copies_stay_within_the_match_distance(original):
    reference = fingerprint_frames(original, 8)
    edits = {
        "re-encoded": h264(original, 30),
        "scaled": np.stack([cv2.resize(f, (160, 160), interpolation=cv2.INTER_AREA) for f in original]),
        "cropped": original[:, 14:242, 14:242],
        "trimmed": original[8:],
        "24 fps": np.repeat(original, 3, axis=0),
    }
    for name, frames in edits.items():
        fps = 24 if name == "24 fps" else 8
        assert distance(fingerprint_frames(frames, fps, query=True), reference) <= MATCH_DISTANCE, name


def test_other_clips_are_far(original, pan_maker):
    reference = fingerprint_frames(original, 8)
    for name in ("coffee", "rocket", "cat"):
        other = fingerprint_frames(pan_maker(name, frames=32, seed=1), 8, query=True)
        assert distance(other, reference) > 2 * MATCH_DISTANCE, name
