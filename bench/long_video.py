"""A 60-second clip from the shipped model by windowed extension: compute per second of video, and drift.

Usage: .venv/bin/python bench/long_video.py [--seconds 60] [--steps 20] [--out bench/long_video]
Goal (issue 7): ≤ 10 s of compute per second of video on 2 CPU cores, with the cross-window
drift (object identity, background, size) within the single-clip consistency thresholds. The
baseline in the same run is one ordinary 16-frame clip: the long clip's cost per second is
printed against it. Writes a contact sheet (one frame per window), results.json and the MP4s (not kept in git) to --out.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import diffusers  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from generation import HallmarkVideoPipeline  # noqa: E402
from generation.long import OVERLAP, WINDOW, cross_window_drift, generate_long  # noqa: E402
from generation.video import write_mp4  # noqa: E402

PROMPTS = ["a red ball rolls left across a meadow", "a yellow square bounces in a blue sky",
           "a blue star spins at night under the stars"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--prompts", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "bench" / "long_video"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    diffusers.utils.logging.disable_progress_bar()
    pipeline = HallmarkVideoPipeline.from_pretrained(ROOT / "generation" / "weights")
    pipeline("warm-up", num_inference_steps=1, seed=0)

    started = time.perf_counter()
    pipeline(PROMPTS[0], num_inference_steps=args.steps, seed=1)
    single = (time.perf_counter() - started) / 2.0  # seconds of compute per second of a 2 s clip
    print(f"baseline: one 16-frame clip, {single:.2f} s of compute per second of video")
    results = []
    for index, prompt in enumerate(PROMPTS[: args.prompts]):
        started = time.perf_counter()
        frames = generate_long(pipeline, prompt, seconds=args.seconds, seed=10 + index,
                               num_inference_steps=args.steps)
        per_second = (time.perf_counter() - started) / args.seconds
        drift = cross_window_drift(frames)
        results.append({"prompt": prompt, "compute_per_second": per_second, **drift.to_dict()})
        print(f"“{prompt}”: {len(frames)} frames; {per_second:.2f} s of compute per second of video "
              f"(goal ≤ 10: ratio {per_second / 10:.2f}; {per_second / single:.2f}× the single clip's)")
        print(f"  across {drift.windows} windows: identity {drift.identity:.2f}, background {drift.background:.2f}, "
              f"size drift {drift.size_drift:.2f} → {'within' if drift.within_threshold else 'NOT within'} "
              f"the single-clip thresholds (≥ 0.9, ≥ 0.9, < 0.25)")
        step = WINDOW - OVERLAP
        picks = [frames[i] for i in range(0, len(frames), step)][:40]  # the first frame of every window
        rows = [np.concatenate(picks[r:r + 10], axis=1) for r in range(0, len(picks) - 9, 10)]
        sheet = np.concatenate(rows, axis=0)
        Image.fromarray(sheet).resize((sheet.shape[1] * 3 // 8, sheet.shape[0] * 3 // 8)).save(out / f"long_{index}.png")
        write_mp4(frames, out / f"long_{index}.mp4")
    (out / "results.json").write_text(json.dumps(results, indent=2))
    print(f"wrote contact sheets, MP4s and results.json to {out}")


if __name__ == "__main__":
    main()
