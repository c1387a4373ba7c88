"""Contact sheets: a grid of frames per clip, with captions, saved as PNG to look at."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


def contact_sheet(clips: list[np.ndarray], captions: list[str], path: str | Path, *, every: int = 2,
                  scale: int = 2) -> Path:
    """One row per clip (T×H×W×3 uint8), every `every`-th frame, caption under each row."""
    frames_per_row = len(range(0, clips[0].shape[0], every))
    height, width = clips[0].shape[1] * scale, clips[0].shape[2] * scale
    caption_height = 14
    sheet = Image.new("RGB", (frames_per_row * (width + 2) + 2, len(clips) * (height + caption_height + 4)), "white")
    draw = ImageDraw.Draw(sheet)
    for row, (clip, caption) in enumerate(zip(clips, captions)):
        top = row * (height + caption_height + 4)
        for col, frame in enumerate(clip[::every]):
            image = Image.fromarray(frame).resize((width, height), Image.Resampling.NEAREST)
            sheet.paste(image, (2 + col * (width + 2), top + 2))
        draw.text((4, top + height + 3), caption[:160], fill=(20, 20, 20))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)
    return path
