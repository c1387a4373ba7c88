"""A tiny line plot drawn with Pillow (no plotting library needed), for training curves."""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

_COLOURS = [(49, 87, 213), (214, 90, 40), (40, 150, 80), (150, 60, 180), (200, 160, 0)]


def line_plot(series: dict[str, list[float]], path: str | Path, *, log_y: bool = False,
              x: list[float] | None = None, size: tuple[int, int] = (720, 360)) -> Path:
    """One line per series; `x` gives the points' positions (default 0, 1, 2 …)."""
    width, height = size
    left, right, top, bottom = 70, 20, 30, 40
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    values = [v for vs in series.values() for v in vs if v > 0 or not log_y]
    transform = (lambda v: math.log10(max(v, 1e-12))) if log_y else (lambda v: v)
    low, high = (min(map(transform, values)), max(map(transform, values))) if values else (0.0, 1.0)
    high = high if high > low else low + 1
    longest = max((len(vs) for vs in series.values()), default=1)
    xs = list(x) if x is not None else list(range(longest))
    x_low, x_high = (xs[0], xs[-1]) if len(xs) > 1 and xs[-1] > xs[0] else (0, max(1, longest - 1))

    def point(i: int, v: float) -> tuple[float, float]:
        px = left + (width - left - right) * (xs[i] - x_low) / (x_high - x_low)
        y = top + (height - top - bottom) * (1 - (transform(v) - low) / (high - low))
        return px, y

    draw.rectangle([left, top, width - right, height - bottom], outline=(180, 180, 180))
    for k in range(5):  # y ticks
        value = low + (high - low) * k / 4
        y = top + (height - top - bottom) * (1 - k / 4)
        label = f"{10 ** value:.3g}" if log_y else f"{value:.3g}"
        draw.text((5, y - 6), label, fill=(60, 60, 60))
        draw.line([left, y, width - right, y], fill=(235, 235, 235))
    draw.text((left, height - bottom + 8), f"{x_low:g}", fill=(60, 60, 60))
    draw.text((width - right - 40, height - bottom + 8), f"{x_high:g}", fill=(60, 60, 60))
    for n, (name, vs) in enumerate(series.items()):
        colour = _COLOURS[n % len(_COLOURS)]
        if len(vs) > 1:
            draw.line([point(i, v) for i, v in enumerate(vs)], fill=colour, width=2)
        draw.text((left + 10 + 130 * n, 8), name, fill=colour)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path
