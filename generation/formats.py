"""Output formats a request may choose — frame rates and aspect ratios — and the sizes they mean.

The default model works at NATIVE_FPS on a grid of NATIVE_SIDE pixels on the short side; what
it delivers is resampled in time (generation.retime) and scaled up. Open-weight backends list
their own recommended size per aspect (generation.backends).
"""
from __future__ import annotations

NATIVE_FPS = 8  # the default model is trained on 16-frame, 2-second clips
NATIVE_SIDE = 64  # its training frames are 64×64
NATIVE_STEP = 16  # the autoencoder's 4× and the transformer's 4-pixel patches
FRAME_RATES = (8, 12, 16, 24)
ASPECT_RATIOS = {"1:1": (1, 1), "16:9": (16, 9), "9:16": (9, 16), "4:3": (4, 3)}
DELIVERED_SHORT_SIDE = 256  # the watermark needs at least 256 pixels on the short side


def aspect_error(aspect: str) -> str | None:
    """None when `aspect` is one we offer; otherwise a message that lists them."""
    if aspect in ASPECT_RATIOS:
        return None
    return f"The aspect ratio must be one of {', '.join(ASPECT_RATIOS)}, not {str(aspect)[:20]!r}."


def fps_error(fps) -> str | None:
    if fps in FRAME_RATES and isinstance(fps, int):
        return None
    return f"Frames per second must be one of {', '.join(map(str, FRAME_RATES))}, not {str(fps)[:20]!r}."


def size_for(aspect: str, short_side: int = DELIVERED_SHORT_SIDE, step: int = 8) -> tuple[int, int]:
    """(height, width) with `short_side` pixels on the short side and the long side rounded to
    a multiple of `step`: 16:9 at 256 is 256×456 (height × width)."""
    across, down = ASPECT_RATIOS[aspect]
    long_side = _long_side(short_side, max(across, down) / min(across, down), step)
    return (short_side, long_side) if across >= down else (long_side, short_side)


def _long_side(short_side: int, ratio: float, step: int) -> int:
    """The long side for this short side and long/short ratio, rounded to a multiple of `step`."""
    return max(short_side, round(short_side * ratio / step) * step)


def native_grid(height: int, width: int) -> tuple[int, int]:
    """The default model's frame size (height, width) for output of this shape: NATIVE_SIDE on
    the short side, the long side the nearest multiple of NATIVE_STEP to the aspect.

    Chosen by measurement (`bench/aspect_ratio.py`, 48 held-out prompts + 12 with an occluder,
    20 steps, read by generation.evaluate at 256 on the short side). Fractions right —
    colour / shape / motion / background / count / consistency / permanence:
      1:1 square (reference)  1.00 / .54 / .67 / 1.00 / .44 / .65 / .17
      16:9 this grid, 64×112  1.00 / .63 / .77 / 1.00 / .40 / .90 / .25
      16:9 square, cropped    1.00 / .52 / .75 / 1.00 / .10 / .67 / .25
      9:16 this grid, 112×64   .98 / .46 / .52 / 1.00 / .21 / .58 / .08
      9:16 square, cropped     .67 / .40 / .35 / .96 / .00 / .17 / .00
    A crop throws away 44% of the square and magnifies what is left 1.8×: objects leave the
    frame and blur. The grid costs 1.6× the square's compute (0.91 s against 0.57 s for a 2 s
    clip). Its extra positions were never trained, so the model puts the object where the
    square would have it (the left of a 16:9 frame, the top of a 9:16 one); centring the
    trained positions in the grid instead scored worse on 16:9 (shape .31, motion .65)."""
    short, long = sorted((height, width))
    grid_long = _long_side(NATIVE_SIDE, long / short, NATIVE_STEP)
    return (NATIVE_SIDE, grid_long) if width >= height else (grid_long, NATIVE_SIDE)


def centre_crop_box(height: int, width: int, aspect_height: int, aspect_width: int) -> tuple[int, int, int, int]:
    """(top, left, crop height, crop width): the largest centred window of a height×width frame
    with the aspect of aspect_height×aspect_width (in pixels or ratio terms)."""
    if width * aspect_height > height * aspect_width:  # too wide: trim the sides
        crop_h, crop_w = height, max(1, round(height * aspect_width / aspect_height))
    else:  # too tall: trim top and bottom
        crop_h, crop_w = max(1, round(width * aspect_height / aspect_width)), width
    return (height - crop_h) // 2, (width - crop_w) // 2, crop_h, crop_w


def aspect_of(height: int, width: int, tolerance: float = 0.03) -> str:
    """The named aspect ratio within `tolerance` of height×width ("16:9" for 480×832 too), or ""."""
    ratio = width / height
    best = min(ASPECT_RATIOS, key=lambda name: abs(ratio / (ASPECT_RATIOS[name][0] / ASPECT_RATIOS[name][1]) - 1))
    across, down = ASPECT_RATIOS[best]
    return best if abs(ratio / (across / down) - 1) <= tolerance else ""
