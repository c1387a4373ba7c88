"""Command line: python -m generation {sample, evaluate, drift, train}."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_WEIGHTS = Path(__file__).resolve().parent / "weights"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train"]:
        from generation.train import main as train

        train(argv[1:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m generation", description="Hallmark's text-to-video model.")
    commands = parser.add_subparsers(dest="command", required=True)
    sample = commands.add_parser("sample", help="render one prompt to an MP4")
    sample.add_argument("prompt")
    sample.add_argument("--out", required=True, help="the MP4 to write")
    sample.add_argument("--seed", type=int, default=0)
    sample.add_argument("--steps", type=int, default=20)
    sample.add_argument("--frames", type=int, help="frames at --fps (default: 2 s)")
    sample.add_argument("--guidance", type=float, default=4.0)
    sample.add_argument("--negative-prompt", default="")
    sample.add_argument("--size", type=int, default=256, help="delivered short side (default 256)")
    sample.add_argument("--aspect", default="1:1", help="aspect ratio: 1:1, 16:9, 9:16 or 4:3 (default 1:1)")
    sample.add_argument("--fps", type=int, default=8)
    sample.add_argument("--weights", default=str(DEFAULT_WEIGHTS))
    evaluate = commands.add_parser("evaluate", help="held-out prompts, read back; fractions correct")
    evaluate.add_argument("--n", type=int, default=48)
    evaluate.add_argument("--steps", type=int, default=20)
    evaluate.add_argument("--guidance", type=float, default=4.0)
    evaluate.add_argument("--ground-truth", action="store_true", help="read the world's own clips instead")
    evaluate.add_argument("--prompts", choices=("report", "tuning"), default="report",
                          help="held-out prompt set: report (the one quoted, default) or tuning (to choose settings on)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--sheet", help="write a contact sheet PNG of the first clips here")
    evaluate.add_argument("--weights", default=str(DEFAULT_WEIGHTS))
    drift = commands.add_parser("drift", help="size drift in the model's clean estimate at high noise (JSON)")
    drift.add_argument("--n", type=int, default=40, help="steady held-out clips (default 40)")
    drift.add_argument("--weights", default=str(DEFAULT_WEIGHTS))
    commands.add_parser("train", help="train from scratch (see python -m generation train --help)")
    args = parser.parse_args(argv)

    from generation.pipeline import GenerationInputError

    if args.command == "sample":
        from generation.formats import aspect_error, size_for
        from generation.pipeline import validate_request
        from generation.video import write_mp4

        if aspect_error(args.aspect):
            parser.exit(2, f"error: {aspect_error(args.aspect)}\n")
        height, width = size_for(args.aspect, args.size)
        frames = args.frames if args.frames is not None else 2 * args.fps
        try:
            validate_request(args.prompt, args.negative_prompt, frames, height, width, args.steps,
                             args.guidance, args.fps)
        except GenerationInputError as exc:
            parser.exit(2, f"error: {exc}\n")
        pipeline = load_pipeline(args.weights, parser)
        started = time.perf_counter()
        output = pipeline(args.prompt, negative_prompt=args.negative_prompt, num_frames=frames,
                          height=height, width=width, num_inference_steps=args.steps,
                          guidance_scale=args.guidance, seed=args.seed, fps=args.fps)
        write_mp4(output.frames, args.out, fps=output.fps)
        print(f"wrote {args.out}: {output.frames.shape[0]} frames at {width}×{height}, {output.fps} fps, "
              f"{time.perf_counter() - started:.1f} s")
        return 0

    if args.command == "drift":
        if args.n < 1:
            parser.exit(2, "error: --n must be at least 1\n")
        from generation.probes import size_drift

        print(json.dumps(size_drift(load_pipeline(args.weights, parser), n=args.n)))
        return 0

    from generation.evaluate import evaluate as run_evaluation

    pipeline = None if args.ground_truth else load_pipeline(args.weights, parser)
    result = run_evaluation(pipeline, n=args.n, steps=args.steps, guidance=args.guidance,
                            ground_truth=args.ground_truth, sheet=args.sheet, prompts=args.prompts)
    if args.json:
        print(json.dumps(result))
    else:
        for key in ("colour", "shape", "motion", "background", "count", "consistency", "permanence"):
            print(f"{key:>12}: {result[key]:.3f}")
        print(f"{'n':>12}: {result['n']}")
    return 0


def load_pipeline(weights: str, parser: argparse.ArgumentParser):
    from generation.pipeline import HallmarkVideoPipeline

    path = Path(weights)
    if not (path / "model_index.json").exists():
        parser.exit(2, f"error: no model in {path}: run `make train` to build it\n")
    import diffusers

    diffusers.utils.logging.disable_progress_bar()
    return HallmarkVideoPipeline.from_pretrained(path)


if __name__ == "__main__":
    sys.exit(main())
