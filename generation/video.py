"""MP4 in and out with PyAV: H.264, yuv420p, moov atom first (faststart) so players start at once."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np


class VideoReadError(ValueError):
    """The file is not a video we can read within the limits given."""


def write_mp4(frames: np.ndarray, path: str | Path, *, fps: int = 8, crf: int = 18) -> Path:
    """Write T×H×W×3 uint8 frames (H and W even) as H.264 MP4."""
    frames = np.asarray(frames)
    if frames.ndim != 4 or frames.shape[-1] != 3 or frames.dtype != np.uint8:
        raise ValueError(f"expected T×H×W×3 uint8 frames, got {frames.shape} {frames.dtype}")
    if frames.shape[1] % 2 or frames.shape[2] % 2:
        raise ValueError("yuv420p needs an even height and width")
    path = Path(path)
    with av.open(str(path), mode="w", format="mp4", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=Fraction(fps))
        stream.width, stream.height = frames.shape[2], frames.shape[1]
        stream.pix_fmt = "yuv420p"
        stream.options = {"crf": str(crf), "preset": "medium"}
        for frame in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def read_frames(path: str | Path, *, max_frames: int = 1800, max_pixels: int = 1920 * 1080) -> np.ndarray:
    """Decode up to `max_frames` RGB frames; refuse streams larger than `max_pixels` per frame."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise VideoReadError("The file has no video stream.")
            stream = container.streams.video[0]
            if stream.width * stream.height > max_pixels:
                raise VideoReadError(f"Frames of {stream.width}×{stream.height} exceed the limit of {max_pixels} pixels.")
            frames = []
            for frame in container.decode(stream):
                frames.append(frame.to_ndarray(format="rgb24"))
                if len(frames) >= max_frames:
                    break
    except av.error.FFmpegError as exc:
        raise VideoReadError(f"Not a readable video: {exc}") from None
    if not frames:
        raise VideoReadError("The video has no frames.")
    return np.stack(frames)


def video_fps(path: str | Path) -> float:
    with av.open(str(path)) as container:
        return float(container.streams.video[0].average_rate or 0)
