"""Aspect ratios and frame rates for the default model, measured before choosing (issue 7).

Usage: .venv/bin/python bench/aspect_ratio.py [--n 48] [--steps 20] [--aspects 16:9 9:16] [--skip-aspect]
       [--skip-retime] [--out bench/aspect_ratio]

1. Aspect ratio. (a) `grid`: the model renders on a non-square grid (64×112 for 16:9) and the
   result is scaled up; (b) `crop`: it renders the 64×64 square it was trained on, which is
   centre-cropped to the aspect and scaled up. Both deliver 256 pixels on the short side and
   are read by the evaluator's reader (generation.evaluate) on the same held-out prompts and
   seeds; the square 1:1 clip is the reference. Contact sheets of the first 12 clips go to --out.
2. Frame rate. World clips at 8 fps resampled to 12, 16 and 24 fps by `blend` and `flow`
   (generation.retime), and by repeating the last frame (`hold`, for reference), compared with
   the world drawn at the in-between moments: PSNR of the in-between frames, and whether the
   reader still reads the resampled clip as the world's.
The numbers and the choices they led to are in generation/formats.py (native_grid) and
generation/retime.py; results.json and the sheets in bench/aspect_ratio/ are from that run
(results.json also keeps a variant tried and dropped: the grid with centred positions).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from generation import world  # noqa: E402
from generation.formats import size_for  # noqa: E402
from generation.pipeline import HallmarkVideoOutput  # noqa: E402
from generation.reader import read_clip  # noqa: E402
from generation.retime import frames_at  # noqa: E402

MEASURES = ("colour", "shape", "motion", "background", "count", "consistency", "permanence")


class SquareThenCrop:
    """Approach (b): the model's square clip, centre-cropped to the aspect asked for."""

    def __init__(self, pipeline):
        self.pipeline = pipeline

    def __call__(self, prompt, *, height, width, **kwargs):
        side = max(height, width)
        out = self.pipeline(prompt, height=side, width=side, **kwargs)
        top, left = (side - height) // 2, (side - width) // 2
        return HallmarkVideoOutput(frames=out.frames[:, top:top + height, left:left + width], fps=out.fps)


class Timed:
    def __init__(self, pipeline):
        self.pipeline, self.seconds, self.calls = pipeline, 0.0, 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.pipeline(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def measure_aspects(args, out: Path) -> dict:
    import diffusers

    from generation import HallmarkVideoPipeline
    from generation.evaluate import evaluate

    diffusers.utils.logging.disable_progress_bar()
    pipeline = HallmarkVideoPipeline.from_pretrained(ROOT / "generation" / "weights")
    results = {}
    runs = [("1:1", "square", pipeline)] + [(aspect, approach, pipeline if approach == "grid" else SquareThenCrop(pipeline))
                                            for aspect in args.aspects for approach in ("grid", "crop")]
    for aspect, approach, renderer in runs:
        height, width = size_for(aspect)
        timed = Timed(renderer)
        name = f"{aspect.replace(':', 'x')}_{approach}"
        result = evaluate(timed, n=args.n, steps=args.steps, height=height, width=width, sheet=out / f"{name}.png")
        result["seconds_per_clip"] = round(timed.seconds / timed.calls, 2)
        results[f"{aspect} {approach}"] = result
        print(f"{aspect:>5} {approach:<6} {width}×{height}: " + "  ".join(f"{k} {result[k]:.3f}" for k in MEASURES)
              + f"  ({result['seconds_per_clip']:.2f} s/clip)", flush=True)
    return results


def world_at(spec: world.ClipSpec, position: float) -> np.ndarray:
    """The world's frame at a fractional frame index, drawn exactly as world.render draws whole ones."""
    camera = 0.0 if spec.pan is None else (1 if spec.pan == "right" else -1) * 20 * position / (world.FRAMES - 1)
    canvas = world._background(spec.background, spec.seed, camera)
    for obj in reversed(spec.objects):
        x, y, scale, angle = world.object_state(obj, position)
        alpha = world._shape_mask(obj.shape, x - camera, y, obj.size * scale, angle)
        canvas = canvas * (1 - alpha[..., None]) + np.array(world.COLOURS[obj.colour], np.float32) * alpha[..., None]
    if spec.occluder:
        canvas[:, world.OCCLUDER_COLUMNS[0]:world.OCCLUDER_COLUMNS[1]] = world.OCCLUDER_COLOUR
    return np.clip(canvas + 0.5, 0, 255).astype(np.uint8)


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float32) - b.astype(np.float32)) ** 2))
    return 10 * np.log10(255.0 ** 2 / max(mse, 1e-6))


def measure_retime(args) -> dict:
    from generation.evaluate import EVAL_SEED

    specs = [world.sample_spec(EVAL_SEED + i, held_out=True) for i in range(args.n)]  # pans, pairs, occluders too
    results = {}
    for fps in (12, 16, 24):
        positions = [k * 8 / fps for k in range(world.FRAMES * fps // 8)]
        between = [k for k, p in enumerate(positions) if p != int(p)]
        for method in ("hold", "blend", "flow"):
            psnr, agree, panned = [], [], []
            for spec in specs:
                clip = world.render(spec)
                truth = np.stack([world_at(spec, p) for p in positions])
                if method == "hold":
                    made = clip[[min(int(p), len(clip) - 1) for p in positions]]
                else:
                    made = frames_at(clip, positions, method=method)
                values = [_psnr(made[k], truth[k]) for k in between]
                psnr += values
                if spec.pan:
                    panned += values
                wanted, seen = read_clip(truth), read_clip(made)
                agree.append((wanted.motion, wanted.count, wanted.consistent) == (seen.motion, seen.count, seen.consistent))
            results[f"{fps} {method}"] = {"psnr_db": round(float(np.mean(psnr)), 2),
                                          "psnr_db_panned": round(float(np.mean(panned)), 2) if panned else None,
                                          "reader_agrees": round(float(np.mean(agree)), 3), "clips": len(specs)}
            r = results[f"{fps} {method}"]
            print(f"{fps:>3} fps {method:<5}: in-between PSNR {r['psnr_db']:.2f} dB (panned {r['psnr_db_panned']}), "
                  f"reader reads motion/count/consistency as the truth in {r['reader_agrees']:.3f}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=48)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--aspects", nargs="+", default=["16:9", "9:16"])
    parser.add_argument("--skip-aspect", action="store_true")
    parser.add_argument("--skip-retime", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "bench" / "aspect_ratio"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = {"n": args.n, "steps": args.steps}
    if not args.skip_retime:
        results["retime"] = measure_retime(args)
    if not args.skip_aspect:
        results["aspect"] = measure_aspects(args, out)
    for key, value in results.get("aspect", {}).items():
        value.pop("failures", None)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    print(f"wrote results.json and contact sheets to {out}")


if __name__ == "__main__":
    main()
