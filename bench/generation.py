"""Seconds per 16-frame clip from the shipped model, and the model's share versus MP4 encoding.

Usage: .venv/bin/python bench/generation.py [--steps 20] [--clips 5]
Goal: ≤ 3 s per clip at 20 steps on 2 CPU cores. The baseline measured in the same run is
the whole path (render + encode); the printed shares say where the time goes.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import diffusers  # noqa: E402

from generation import HallmarkVideoPipeline  # noqa: E402
from generation.video import write_mp4  # noqa: E402

PROMPTS = ["a red ball rolls left across a meadow", "a blue star spins at night under the stars",
           "a yellow square bounces in a blue sky", "a white triangle grows on a plain grey background",
           "a purple circle drifts diagonally up-right over the water"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--clips", type=int, default=5)
    parser.add_argument("--weights", default=str(ROOT / "generation" / "weights"))
    args = parser.parse_args()
    diffusers.utils.logging.disable_progress_bar()
    pipeline = HallmarkVideoPipeline.from_pretrained(args.weights)
    pipeline("warm-up", num_inference_steps=1, seed=0)  # loads MiniLM, fills caches
    model, encode = [], []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.clips):
            started = time.perf_counter()
            output = pipeline(PROMPTS[i % len(PROMPTS)], num_inference_steps=args.steps, seed=i)
            rendered = time.perf_counter()
            write_mp4(output.frames, Path(folder) / f"{i}.mp4", fps=output.fps)
            model.append(rendered - started)
            encode.append(time.perf_counter() - rendered)
    m, e = statistics.median(model), statistics.median(encode)
    total = m + e
    print(f"16 frames at 256×256, {args.steps} steps, median of {args.clips} clips")
    print(f"  seconds per clip : {total:.2f}  (goal ≤ 3.0: ratio {total / 3.0:.2f} of the budget)")
    print(f"  model            : {m:.2f} s ({m / total:.0%})")
    print(f"  H.264 encoding   : {e:.2f} s ({e / total:.0%})")


if __name__ == "__main__":
    main()
