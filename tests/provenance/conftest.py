"""Fixtures for the provenance library: real keys, real H.264 clips, real signatures."""
from pathlib import Path

import numpy as np
import pytest

from generation.video import write_mp4
from provenance.keys import init_keys


def make_clip(path: Path, *, frames: int = 16, size: int = 256, seed: int = 0) -> Path:
    """A small moving-gradient H.264 clip (real video, not noise: encodes to a few kB)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size]
    base = rng.integers(0, 255, 3)
    video = np.stack([
        np.stack([(x + 8 * t + base[0]) % 256, (y + 4 * t + base[1]) % 256, ((x + y) // 2 + base[2]) % 256], -1)
        for t in range(frames)]).astype(np.uint8)
    return write_mp4(video, path)


@pytest.fixture(scope="session")
def clip_maker():
    return make_clip


@pytest.fixture(scope="session")
def mp4_boxes():
    return top_level_boxes


@pytest.fixture(scope="session")
def keys(tmp_path_factory):
    return init_keys(tmp_path_factory.mktemp("keys") / "hallmark-keys")


@pytest.fixture(scope="session")
def clip(tmp_path_factory) -> Path:
    return make_clip(tmp_path_factory.mktemp("clips") / "clip.mp4")


def top_level_boxes(path: Path) -> dict[bytes, tuple[int, int]]:
    """box type → (offset, size) for the top-level boxes of an MP4 (32-bit sizes only)."""
    data, boxes, offset = path.read_bytes(), {}, 0
    while offset < len(data):
        size = int.from_bytes(data[offset:offset + 4], "big")
        boxes.setdefault(data[offset + 4:offset + 8], (offset, size))
        offset += size
    return boxes


def photo_pan(name: str = "astronaut", *, frames: int = 16, size: int = 256, seed: int = 0) -> np.ndarray:
    """A camera pan across one of scikit-image's bundled photographs: real texture, real motion."""
    import cv2
    import skimage.data
    image = getattr(skimage.data, name)()
    rng = np.random.default_rng(seed)
    height, width = image.shape[:2]
    side = min(height, width) * 0.6
    start, end = rng.uniform(0, [width - side, height - side], size=(2, 2))
    out = []
    for t in range(frames):
        x, y = start + (end - start) * t / (frames - 1)
        out.append(cv2.resize(image[int(y):int(y + side), int(x):int(x + side)], (size, size),
                              interpolation=cv2.INTER_AREA))
    return np.stack(out)


@pytest.fixture(scope="session")
def pan_maker():
    return photo_pan
