"""Bounded video decoding for provenance: anything a stranger uploads must cost little to refuse.

Every limit is checked before the work it guards: the container must open and declare a video
stream, its declared size must be sane, decoding stops after `max_frames` or `max_seconds` of
wall time, and frames are shrunk by the decoder (swscale) before they reach Python.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Iterator

import av
import numpy as np

MAX_SIDE = 8192
MAX_PIXELS = 4096 * 4096
ANALYSIS_SIDE = 512


class MediaError(ValueError):
    """The file is not a video we can analyse within our limits; the message says why."""


@dataclass(frozen=True)
class LumaFrame:
    time: float  # seconds from the start of the stream
    luma: np.ndarray  # H×W uint8, at most ANALYSIS_SIDE on the longer side


def _open(path: Path):
    if not path.exists():
        raise MediaError(f"{path} does not exist.")
    if not path.is_file():
        raise MediaError(f"{path} is not a file.")
    if path.stat().st_size == 0:
        raise MediaError(f"{path.name} is empty.")
    try:
        # max_pixels: the decoder refuses a frame above our limit before allocating it, even while
        # probing (an SPS or key frame that claims 8192×8192 would otherwise cost ~170 MB here).
        # (`options` reach the container and every stream's decoder alike.)
        container = av.open(str(path), options={"probesize": "5000000", "analyzeduration": "5000000",
                                                "max_pixels": str(MAX_PIXELS)})
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise MediaError(f"{path.name} is not a video we can read ({_reason(exc)}).") from None
    if not container.streams.video:
        container.close()
        raise MediaError(f"{path.name} has no video stream.")
    return container


def _decoder_limits(stream) -> None:
    stream.codec_context.options = {**stream.codec_context.options, "max_pixels": str(MAX_PIXELS)}


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "strerror", None) or exc).split(":")[-1].strip() or type(exc).__name__


def _checked_stream(container, name: str):
    stream = container.streams.video[0]
    if stream.codec_context is None:  # a stream whose codec FFmpeg does not know (a damaged header)
        raise MediaError(f"{name} has a video stream in a format we cannot decode.")
    width, height = stream.codec_context.width or 0, stream.codec_context.height or 0
    if width <= 0 or height <= 0:
        raise MediaError(f"{name} declares no frame size.")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise MediaError(f"{name} declares frames of {width}×{height}, beyond the {MAX_SIDE}-pixel limit.")
    _decoder_limits(stream)  # and a frame that changes size mid-stream is refused before it is allocated
    return stream


def luma_frames(path: str | Path, *, max_frames: int = 1800, max_seconds: float = 30.0,
                side: int = ANALYSIS_SIDE) -> Iterator[LumaFrame]:
    """Decoded luma frames, shrunk so the longer side is at most `side`. Raises MediaError."""
    path = Path(path)
    started, count = time.monotonic(), 0
    with _open(path) as container:
        stream = _checked_stream(container, path.name)
        stream.thread_type = "AUTO"
        width, height = stream.codec_context.width, stream.codec_context.height
        shrink = max(1.0, max(width, height) / side)
        out_w, out_h = max(2, round(width / shrink)), max(2, round(height / shrink))
        base = stream.time_base or Fraction(1, 1000)
        try:
            for frame in container.decode(stream):
                if (frame.width, frame.height) != (width, height):
                    raise MediaError(f"{path.name} changes frame size mid-stream.")
                luma = frame.reformat(width=out_w, height=out_h, format="gray").to_ndarray()
                seconds = float(frame.pts * base) if frame.pts is not None else count / float(stream.average_rate or 8)
                yield LumaFrame(seconds, luma)
                count += 1
                if count >= max_frames or time.monotonic() - started > max_seconds:
                    break
        except av.error.FFmpegError as exc:
            if count == 0:
                raise MediaError(f"{path.name} could not be decoded ({_reason(exc)}).") from None
            # A damaged tail: keep what decoded.
    if count == 0:
        raise MediaError(f"{path.name} has no decodable video frames.")


def rgb_frames(path: str | Path, *, max_frames: int = 1800, short_side: int | None = None,
               max_seconds: float = 60.0) -> tuple[np.ndarray, float]:
    """Frames as T×H×W×3 uint8 and the frame rate: at full size (for marking our own clips), or
    scaled by the decoder so the shorter side is `short_side` (for a stranger's video)."""
    path = Path(path)
    frames, started = [], time.monotonic()
    with _open(path) as container:
        stream = _checked_stream(container, path.name)
        fps = float(stream.average_rate or 8)
        width, height = stream.codec_context.width, stream.codec_context.height
        size = None
        if short_side is not None:
            scale = short_side / min(width, height)
            size = {"width": max(short_side, round(width * scale)), "height": max(short_side, round(height * scale))}
        try:
            for frame in container.decode(stream):
                if size is not None and (frame.width, frame.height) != (width, height):
                    raise MediaError(f"{path.name} changes frame size mid-stream.")
                frames.append(frame.to_ndarray(format="rgb24", **(size or {})))
                if len(frames) >= max_frames or time.monotonic() - started > max_seconds:
                    break
        except av.error.FFmpegError as exc:
            raise MediaError(f"{path.name} could not be decoded ({_reason(exc)}).") from None
    if not frames:
        raise MediaError(f"{path.name} has no decodable video frames.")
    return np.stack(frames), fps


MAX_ASPECT = 4  # a stranger's picture is scaled to at most this many times its shorter side


def square_frames(path: str | Path, *, side: int, fps: float, max_video_seconds: float,
                  max_source_frames: int, max_seconds: float = 20.0) -> np.ndarray:
    """A stranger's video as side×side centre crops resampled to `fps` (the frame on screen at
    each tick), as T×side×side×3 uint8.

    Memory stays at side²×3 bytes per kept frame, whatever the input claims: frames are scaled by
    the decoder (the longer side to at most MAX_ASPECT × `side`), cropped at once, and only the
    ticks we keep are stored, so a long high-rate clip or a 8192×16 strip cannot fill memory.
    MediaError when the video is longer than `max_video_seconds`, or costs more than
    `max_seconds` of wall time to decode.
    """
    path = Path(path)
    kept: list[np.ndarray] = []
    started, decoded = time.monotonic(), 0
    with _open(path) as container:
        stream = _checked_stream(container, path.name)
        stream.thread_type = "AUTO"
        source_fps = float(stream.average_rate or 8)
        if not 0.01 <= source_fps <= 1000:
            raise MediaError(f"{path.name} declares {source_fps:g} frames per second, outside 0.01 to 1000.")
        width, height = stream.codec_context.width, stream.codec_context.height
        scale = min(side / min(width, height), MAX_ASPECT * side / max(width, height))
        out_w, out_h = max(2, round(width * scale)), max(2, round(height * scale))
        crop = min(out_w, out_h)
        top, left = (out_h - crop) // 2, (out_w - crop) // 2
        try:
            for frame in container.decode(stream):
                if (frame.width, frame.height) != (width, height):
                    raise MediaError(f"{path.name} changes frame size mid-stream.")
                decoded += 1
                if decoded / source_fps > max_video_seconds:
                    raise MediaError(f"{path.name} is longer than {max_video_seconds:g} s.")
                if time.monotonic() - started > max_seconds:
                    raise MediaError(f"{path.name} takes too long to decode (over {max_seconds:g} s).")
                # Ticks k whose time k/fps falls within this frame: it is the one on screen then.
                ticks = int(np.ceil(decoded * fps / source_fps - 1e-9)) - len(kept)
                if ticks > 0:
                    rgb = frame.to_ndarray(format="rgb24", width=out_w, height=out_h)
                    square = np.ascontiguousarray(rgb[top:top + crop, left:left + crop])
                    if crop != side:  # only for pictures thinner than MAX_ASPECT: scale the crop up
                        from PIL import Image
                        square = np.asarray(Image.fromarray(square).resize((side, side), Image.Resampling.LANCZOS))
                    kept.extend([square] * ticks)  # one array, referenced once per tick
                if decoded >= max_source_frames:
                    break
        except av.error.FFmpegError as exc:
            raise MediaError(f"{path.name} could not be decoded ({_reason(exc)}).") from None
    if not kept:
        raise MediaError(f"{path.name} has no decodable video frames.")
    return np.stack(kept[:max(1, round(decoded / source_fps * fps))])


def write_h264(frames: np.ndarray, path: str | Path, *, fps: float, crf: int = 18) -> Path:
    """H.264 yuv420p MP4 with the index first; odd sizes lose their last row or column."""
    path = Path(path)
    _encode(frames, str(path), fps=fps, crf=crf)
    return path


def reencode(frames: np.ndarray, *, crf: int = 23, fps: float = 8, preset: str = "medium") -> np.ndarray:
    """Frames after a real H.264 round trip, in memory: what a re-upload does to a clip."""
    buffer = io.BytesIO()
    _encode(frames, buffer, fps=fps, crf=crf, preset=preset)
    buffer.seek(0)
    with av.open(buffer) as container:
        return np.stack([f.to_ndarray(format="rgb24") for f in container.decode(video=0)])


def _encode(frames: np.ndarray, target, *, fps: float, crf: int, preset: str = "medium") -> None:
    frames = np.asarray(frames)
    frames = frames[:, : frames.shape[1] // 2 * 2, : frames.shape[2] // 2 * 2]
    # faststart rewrites the file to put the index first, which needs a real file.
    options = {"movflags": "+faststart"} if isinstance(target, str) else {}
    with av.open(target, mode="w", format="mp4", options=options) as container:
        stream = container.add_stream("libx264", rate=Fraction(fps).limit_denominator(1001))
        stream.width, stream.height, stream.pix_fmt = frames.shape[2], frames.shape[1], "yuv420p"
        stream.options = {"crf": str(crf), "preset": preset}
        for frame in frames:
            container.mux(stream.encode(av.VideoFrame.from_ndarray(np.ascontiguousarray(frame), format="rgb24")))
        container.mux(stream.encode())
