"""A tiny line plot drawn with Pillow (no plotting library needed), for training curves."""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

_COLOURS = [(49, 87, 213), (214, 90, 40), (40, 150, 80), (150, 60, 180)]


def line_plot(series: dict[str, list[float]], path: str | Path, *, log_y: bool = False,
              size: tuple[int, int] = (720, 360)) -> Path:
    width, height = size
    left, right, top, bottom = 70, 20, 30, 40
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    values = [v for vs in series.values() for v in vs if v > 0 or not log_y]
    transform = (lambda v: math.log10(max(v, 1e-12))) if log_y else (lambda v: v)
    low, high = (min(map(transform, values)), max(map(transform, values))) if values else (0.0, 1.0)
    high = high if high > low else low + 1
    longest = max((len(vs) for vs in series.values()), default=1)

    def point(i: int, v: float) -> tuple[float, float]:
        x = left + (width - left - right) * i / max(1, longest - 1)
        y = top + (height - top - bottom) * (1 - (transform(v) - low) / (high - low))
        return x, y

    draw.rectangle([left, top, width - right, height - bottom], outline=(180, 180, 180))
    for k in range(5):  # y ticks
        value = low + (high - low) * k / 4
        y = top + (height - top - bottom) * (1 - k / 4)
        label = f"{10 ** value:.3g}" if log_y else f"{value:.3g}"
        draw.text((5, y - 6), label, fill=(60, 60, 60))
        draw.line([left, y, width - right, y], fill=(235, 235, 235))
    draw.text((left, height - bottom + 8), "0", fill=(60, 60, 60))
    draw.text((width - right - 40, height - bottom + 8), f"{longest - 1}", fill=(60, 60, 60))
    for n, (name, vs) in enumerate(series.items()):
        colour = _COLOURS[n % len(_COLOURS)]
        if len(vs) > 1:
            draw.line([point(i, v) for i, v in enumerate(vs)], fill=colour, width=2)
        draw.text((left + 10 + 200 * n, 8), name, fill=colour)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path
