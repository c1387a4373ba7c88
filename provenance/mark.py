"""Watermark a clip, then sign it: what the platform does to every clip it delivers."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from provenance import watermark as wm
from provenance.c2pa import SoftBinding, sign
from provenance.keys import KeyStore
from provenance.media import rgb_frames, write_h264

DEFAULT_MODEL = "hallmark-spacetime-dit"
DEFAULT_MODEL_VERSION = "0.1.0"


def mark(in_path: str | os.PathLike, out_mp4: str | os.PathLike, *, payload: wm.WatermarkPayload | int | str,
         keys: KeyStore | str | os.PathLike | None = None, generation_id: str | None = None,
         model: str = DEFAULT_MODEL, model_version: str = DEFAULT_MODEL_VERSION,
         key: bytes = wm.DEFAULT_KEY) -> Path:
    """Write `out_mp4`: the input's frames watermarked with `payload`, H.264, C2PA-signed.

    `generation_id` defaults to the payload in hex. Audio is not carried over.
    """
    payload = wm.as_payload(payload)
    frames, fps = rgb_frames(in_path)
    marked = wm.embed(frames, payload, key=key)
    out_mp4 = Path(out_mp4)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_mp4.name}.", suffix=".mp4", dir=out_mp4.parent)
    os.close(fd)
    try:
        write_h264(marked, tmp_name, fps=fps)
        return sign(tmp_name, out_mp4, generation_id=generation_id or payload.hex, model=model,
                    model_version=model_version, soft_binding=SoftBinding(value=payload.hex), keys=keys)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
