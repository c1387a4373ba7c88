"""Our watermark against invisible-watermark's dwtDctSvd, side by side, under what people do to clips.

Usage: .venv/bin/python bench/watermark_robustness.py [--generated 8] [--pans 8] [--stills 6] [--null-clips 72]
       [--out bench/watermark]

Test clips: our generator's output (16 frames, 256×256) and pans across scikit-image's
bundled photographs — the set issue 5's goals are judged on — and, reported apart, still shots
of photographs (a camera that does not move, or an image animated only a little): there
nothing averages the content away, which makes them this mark's weak spot. Each is marked
with a random 48-bit payload, delivered as H.264 crf 18 (what the platform ships), then
attacked with PyAV: H.264 crf 23/28/35, scale 0.5 and 0.75 (not restored), centre crop to 80%
of the area, crop then scale 0.6, 24 fps (frames repeated), 4 fps (every other frame), first
quarter trimmed, brightness and contrast ±20%.

Printed per method: exact-payload recovery (ours: detected with p ≤ 1e-6 and the right
payload; dwtDctSvd: majority vote over frames), coded-bit accuracy, PSNR, embed frames/s
(these two over all clips, stills included) and detect time for a 10 s clip. Then the
false-positive calibration: our detector on ≥ 1,000 unmarked clip variants. Goals (issue 5):
PSNR ≥ 40 dB, exact payload ≥ 99% of attacked clips, false-positive rate ≤ 1e-6, embed
≥ 100 frames/s, detect a 10 s clip ≤ 2 s.
Writes robustness.png and results.json to --out.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from imwatermark import WatermarkDecoder, WatermarkEncoder  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from skimage import data as photos  # noqa: E402

from provenance import watermark as wm  # noqa: E402
from provenance.media import reencode  # noqa: E402

PHOTOS = ["astronaut", "cat", "coffee", "colorwheel", "hubble_deep_field", "immunohistochemistry", "retina", "rocket"]
PROMPTS = ["a red ball rolls left across a meadow", "a blue star spins at night under the stars",
           "a yellow square bounces in a blue sky", "a white triangle grows on a plain grey background",
           "a purple circle drifts diagonally up-right over the water", "a green square falls at sunset",
           "two orange circles move right over the grass", "a small pink star shrinks in the sky"]
STILLS = ["astronaut", "chelsea", "coffee", "grass", "hubble_deep_field", "brick"]
FPS = 8


# ---------------------------------------------------------------------------- clips

def photo_pan(name: str, seed: int, frames: int = 16, size: int = 256) -> np.ndarray:
    image = getattr(photos, name)()
    rng = np.random.default_rng(seed)
    height, width = image.shape[:2]
    side = min(height, width) * rng.uniform(0.5, 0.8)
    start = rng.uniform(0, [width - side, height - side])
    end = rng.uniform(0, [width - side, height - side])
    out = []
    for t in range(frames):
        x, y = start + (end - start) * t / (frames - 1)
        crop = image[int(y):int(y + side), int(x):int(x + side)]
        out.append(cv2.resize(crop, (size, size), interpolation=cv2.INTER_AREA))
    return np.stack(out)


def still_shot(name: str, seed: int, frames: int = 16, size: int = 256) -> np.ndarray:
    image = getattr(photos, name)()
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    rng = np.random.default_rng(seed)
    height, width = image.shape[:2]
    side = int(min(height, width) * rng.uniform(0.5, 0.9))
    top, left = rng.integers(0, height - side + 1), rng.integers(0, width - side + 1)
    frame = cv2.resize(image[top:top + side, left:left + side], (size, size), interpolation=cv2.INTER_AREA)
    return np.repeat(frame[None], frames, axis=0)


def generated_clips(count: int) -> list[np.ndarray]:
    import diffusers

    from generation import HallmarkVideoPipeline
    diffusers.utils.logging.disable_progress_bar()
    pipeline = HallmarkVideoPipeline.from_pretrained(ROOT / "generation" / "weights")
    return [np.asarray(pipeline(PROMPTS[i % len(PROMPTS)], num_inference_steps=20, seed=100 + i).frames)
            for i in range(count)]


# ---------------------------------------------------------------------------- codec and attacks

def h264(frames: np.ndarray, crf: int = 23, fps: float = FPS) -> np.ndarray:
    """Encode to H.264 in memory and decode again: a real round trip through the codec."""
    return reencode(frames, crf=crf, fps=fps)


def scaled(frames, factor):
    height, width = frames.shape[1:3]
    size = (int(width * factor) // 2 * 2, int(height * factor) // 2 * 2)
    return np.stack([cv2.resize(f, size, interpolation=cv2.INTER_AREA) for f in frames])


def centre_crop(frames, area=0.8):
    height, width = frames.shape[1:3]
    k = math.sqrt(area)
    h, w = int(height * k) // 2 * 2, int(width * k) // 2 * 2
    top, left = (height - h) // 2, (width - w) // 2
    return frames[:, top:top + h, left:left + w]


def adjusted(frames, gain=1.0, contrast=1.0):
    x = frames.astype(np.float32)
    if contrast != 1.0:
        x = (x - x.mean()) * contrast + x.mean()
    return np.clip(np.rint(x * gain), 0, 255).astype(np.uint8)


ATTACKS = {
    "none (crf 18)": lambda f: f,
    "H.264 crf 23": lambda f: h264(f, 23),
    "H.264 crf 28": lambda f: h264(f, 28),
    "H.264 crf 35": lambda f: h264(f, 35),
    "scale 0.5": lambda f: h264(scaled(f, 0.5)),
    "scale 0.75": lambda f: h264(scaled(f, 0.75)),
    "crop 80% area": lambda f: h264(centre_crop(f)),
    "crop + scale 0.6": lambda f: h264(scaled(centre_crop(f), 0.6)),
    "24 fps (repeated)": lambda f: h264(np.repeat(f, 3, axis=0), fps=24),
    "4 fps (decimated)": lambda f: h264(f[::2], fps=4),
    "first quarter trimmed": lambda f: h264(f[len(f) // 4:]),
    "brightness +20%": lambda f: h264(adjusted(f, gain=1.2)),
    "brightness -20%": lambda f: h264(adjusted(f, gain=0.8)),
    "contrast +20%": lambda f: h264(adjusted(f, contrast=1.2)),
    "contrast -20%": lambda f: h264(adjusted(f, contrast=0.8)),
}


# ---------------------------------------------------------------------------- the two methods

def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 10 * math.log10(255 ** 2 / max(mse, 1e-12))


def flat_mse(marked: np.ndarray, clip: np.ndarray) -> float | None:
    """Mean squared change over the flat pixels only (local luma variance under 10, about ±3
    levels), where a mark shows first: PSNR over the whole frame can hide a mark that sits
    mostly on sky and walls. None when the clip has no flat pixels."""
    errors = []
    for before, after in zip(clip, marked):
        flat = wm._local_spread(wm.rgb_to_luma(before.astype(np.float32))) < 10
        errors.append(((after.astype(np.float64) - before) ** 2).mean(axis=-1)[flat])
    errors = np.concatenate(errors)
    return float(errors.mean()) if errors.size else None


def pooled_psnr(mses: list) -> float:
    mses = [m for m in mses if m is not None]
    return 10 * math.log10(255 ** 2 / max(float(np.mean(mses)), 1e-12)) if mses else float("nan")


class Ours:
    name = "ours"

    def embed(self, frames, payload: int):
        return wm.embed(frames, payload)

    def read(self, frames, payload: int):
        result = wm.detect(frames)
        # bit accuracy: coded bits read right, judged against the codeword the decoder settled on
        return result.detected and result.payload == wm.WatermarkPayload(payload).hex, result.bit_accuracy


class DwtDctSvd:
    name = "dwtDctSvd"

    def embed(self, frames, payload: int):
        encoder = WatermarkEncoder()
        encoder.set_watermark("bits", [int(b) for b in wm.WatermarkPayload(payload).bits()])
        return np.stack([cv2.cvtColor(encoder.encode(cv2.cvtColor(f, cv2.COLOR_RGB2BGR), "dwtDctSvd"),
                                      cv2.COLOR_BGR2RGB) for f in frames])

    def read(self, frames, payload: int):
        truth = wm.WatermarkPayload(payload).bits()
        decoder = WatermarkDecoder("bits", len(truth))
        votes = []
        for frame in frames:
            try:
                votes.append(np.array(decoder.decode(cv2.cvtColor(frame, cv2.COLOR_RGB2BGR), "dwtDctSvd"), dtype=float))
            except Exception:  # frames under 256×256 pixels: the method cannot read them at all
                votes.append(np.full(len(truth), 0.5))
        majority = (np.mean(votes, axis=0) > 0.5).astype(np.uint8)
        return bool(np.array_equal(majority, truth)), float(np.mean(np.mean(votes, axis=0).round() == truth))


# ---------------------------------------------------------------------------- measurement

def robustness(methods, clips, rng):
    table = {m.name: {a: [] for a in ATTACKS} for m in methods}
    quality = {m.name: {"psnr": [], "flat_mse": [], "embed_fps": []} for m in methods}
    for index, clip in enumerate(clips):
        payload = int(rng.integers(0, 1 << 48))
        for method in methods:
            started = time.perf_counter()
            marked = method.embed(clip, payload)
            quality[method.name]["embed_fps"].append(len(clip) / (time.perf_counter() - started))
            quality[method.name]["psnr"].append(psnr(marked, clip))
            quality[method.name]["flat_mse"].append(flat_mse(marked, clip))
            delivered = h264(marked, 18)
            for attack, apply in ATTACKS.items():
                exact, accuracy = method.read(apply(delivered), payload)
                table[method.name][attack].append((exact, accuracy))
        print(f"  clip {index + 1}/{len(clips)} done", file=sys.stderr)
    return table, quality


def detect_time_10s(rng) -> float:
    clip = np.concatenate([photo_pan("astronaut", 1), photo_pan("rocket", 2)] * 3 + [photo_pan("cat", 3)] * 2)[:80]
    marked = h264(wm.embed(clip, 0x0123456789AB), 18)
    started = time.perf_counter()
    import tempfile

    from provenance.detect import detect
    from provenance.media import write_h264
    with tempfile.TemporaryDirectory() as folder:
        path = write_h264(marked, Path(folder) / "ten-seconds.mp4", fps=FPS)
        started = time.perf_counter()
        report = detect(path)
        elapsed = time.perf_counter() - started
    assert report.watermark.detected, "the 10 s timing clip should carry the mark"
    return elapsed


def null_calibration(clips) -> list[wm.WatermarkResult]:
    results = []
    for index, clip in enumerate(clips):
        delivered = h264(clip, 18)
        for apply in ATTACKS.values():
            results.append(wm.detect(apply(delivered)))
        if index % 10 == 9:
            print(f"  unmarked clip {index + 1}/{len(clips)}", file=sys.stderr)
    return results


def _upper_95(successes: int, trials: int) -> float:
    """One-sided 95% upper confidence bound of a binomial share (Clopper–Pearson, by bisection)."""
    low, high = successes / trials, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        below = sum(math.comb(trials, k) * middle ** k * (1 - middle) ** (trials - k) for k in range(successes + 1))
        low, high = (middle, high) if below > 0.05 else (low, middle)
    return high


def bar_chart(table, path: Path) -> None:
    attacks = list(ATTACKS)
    width, height, left, bottom = 1000, 420, 60, 150
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    colours = {"ours": (49, 87, 213), "dwtDctSvd": (214, 90, 40)}
    plot_h = height - bottom - 30
    for k in range(6):
        y = 30 + plot_h * (1 - k / 5)
        draw.line([left, y, width - 10, y], fill=(230, 230, 230))
        draw.text((10, y - 6), f"{k * 20}%", fill=(60, 60, 60))
    slot = (width - left - 10) / len(attacks)
    for i, attack in enumerate(attacks):
        for j, (name, colour) in enumerate(colours.items()):
            rate = statistics.mean(e for e, _ in table[name][attack])
            x0 = left + i * slot + 6 + j * (slot - 12) / 2
            draw.rectangle([x0, 30 + plot_h * (1 - rate), x0 + (slot - 12) / 2 - 2, 30 + plot_h], fill=colour)
        label = Image.new("RGB", (140, 14), "white")
        ImageDraw.Draw(label).text((0, 0), attack, fill=(40, 40, 40))
        image.paste(label.rotate(60, expand=True, fillcolor="white"), (int(left + i * slot), height - bottom + 4))
    for j, (name, colour) in enumerate(colours.items()):
        draw.rectangle([left + 10 + j * 120, 8, left + 22 + j * 120, 20], fill=colour)
        draw.text((left + 28 + j * 120, 8), name, fill=(40, 40, 40))
    draw.text((width - 330, 8), "exact 48-bit payload recovered, by attack", fill=(40, 40, 40))
    image.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=8, help="clips from our model")
    parser.add_argument("--pans", type=int, default=8, help="pans across photographs")
    parser.add_argument("--stills", type=int, default=len(STILLS), help="still shots of photographs (reported apart)")
    parser.add_argument("--null-clips", type=int, default=72, help="unmarked clips (× 15 variants each)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "watermark"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)

    print("rendering test clips…", file=sys.stderr)
    clips = generated_clips(args.generated) + [photo_pan(PHOTOS[i % len(PHOTOS)], i) for i in range(args.pans)]
    clips += [still_shot(STILLS[i % len(STILLS)], i) for i in range(args.stills)]
    goal_set = slice(0, args.generated + args.pans)  # what issue 5's goals are judged on
    methods = [Ours(), DwtDctSvd()]
    table, quality = robustness(methods, clips, rng)
    detect_seconds = detect_time_10s(rng)

    print("calibrating on unmarked clips…", file=sys.stderr)
    null_clips = clips + [photo_pan(PHOTOS[i % len(PHOTOS)], 1000 + i) for i in range(max(0, args.null_clips - len(clips)))]
    null = null_calibration(null_clips)

    attacked = [a for a in ATTACKS if a != "none (crf 18)"]
    print(f"\n{args.generated + args.pans} clips ({args.generated} generated, {args.pans} photo pans), 16 frames "
          f"256×256, 48-bit payload; and apart, {args.stills} still shots\n")
    print(f"{'attack':24s} {'ours exact':>10s} {'bit acc':>8s}   {'dwtDctSvd exact':>15s} {'bit acc':>8s}   "
          f"{'stills: ours':>12s} {'dwtDctSvd':>9s}")
    stills = slice(goal_set.stop, None)
    summary, still_summary = {}, {}
    for attack in ATTACKS:
        row = []
        for method in methods:
            cells = table[method.name][attack][goal_set]
            row += [statistics.mean(e for e, _ in cells), statistics.mean(a for _, a in cells)]
        summary[attack] = row
        still_summary[attack] = [statistics.mean(e for e, _ in table[m.name][attack][stills]) if args.stills else None
                                 for m in methods]
        print(f"{attack:24s} {row[0]:10.0%} {row[1]:8.3f}   {row[2]:15.0%} {row[3]:8.3f}   "
              + (f"{still_summary[attack][0]:12.0%} {still_summary[attack][1]:9.0%}" if args.stills else ""))
    overall = {m.name: statistics.mean(e for a in attacked for e, _ in table[m.name][a][goal_set]) for m in methods}
    kinds = {"generated": slice(0, args.generated), "photo pans": slice(args.generated, goal_set.stop),
             "still shots (apart)": stills}
    for kind, part in kinds.items():
        rates = [f"{m.name} {statistics.mean(e for a in attacked for e, _ in table[m.name][a][part]):.1%}"
                 for m in methods if table[m.name][attacked[0]][part]]
        print(f"{'  on ' + kind:24s} {', '.join(rates)}")
    print(f"{'all attacks (no stills)':24s} {overall['ours']:10.1%} {'':8s}   {overall['dwtDctSvd']:15.1%}   (goal ≥ 99%)")
    for method in methods:
        q = quality[method.name]
        print(f"{method.name:10s} PSNR {statistics.mean(q['psnr']):.1f} dB (min {min(q['psnr']):.1f}; goal ≥ 40; "
              f"flat areas {pooled_psnr(q['flat_mse']):.1f}), "
              f"embed {statistics.median(q['embed_fps']):.0f} frames/s (goal ≥ 100)")
    print(f"ours: detect a 10 s clip (80 frames, decode included) {detect_seconds:.2f} s (goal ≤ 2 s: "
          f"ratio {detect_seconds / 2:.2f})")

    correlations = np.array([r.correlation for r in null])
    # Detected needs a CRC-valid decode (2^-16 of unmarked decodes, whatever their z) with z at
    # least where the calibrated p-value reaches 1e-6. The false-positive rate is 2^-16 times the
    # share of unmarked variants reaching that z: estimated here by its 95% upper bound.
    threshold = wm.detection_threshold()
    mean, std = float(correlations.mean()), float(correlations.std())
    reaching = int(np.sum(correlations >= threshold))
    share_bound = _upper_95(reaching, len(null))
    estimate = 2.0 ** -wm.CHECK_BITS * share_bound
    false_alarms = sum(r.detected for r in null)
    print(f"\nfalse positives: {false_alarms} of {len(null)} unmarked clip variants detected; "
          f"smallest p-value {min(r.p_value for r in null):.3g}")
    print(f"  test statistic on unmarked video: mean {mean:.2f}, sd {std:.2f}, max {correlations.max():.2f}; "
          f"detection needs a CRC-valid decode with z ≥ {threshold:.2f}, which {reaching} of {len(null)} reach")
    print(f"  estimated false-positive rate: 2^-16 × {share_bound:.3f} (95% upper bound of that share) = "
          f"{estimate:.1e} (goal ≤ 1e-6); the calibrated tail assumes {wm.NULL_Z_MEAN} ± {wm.NULL_Z_SD}")
    bar_chart({name: {attack: cells[goal_set] for attack, cells in rows.items()} for name, rows in table.items()},
              out / "robustness.png")
    (out / "results.json").write_text(json.dumps({
        "summary": summary, "overall_exact": overall, "stills": still_summary,
        "psnr": {m.name: statistics.mean(quality[m.name]["psnr"]) for m in methods},
        "flat_psnr": {m.name: pooled_psnr(quality[m.name]["flat_mse"]) for m in methods},
        "embed_fps": {m.name: statistics.median(quality[m.name]["embed_fps"]) for m in methods},
        "detect_10s_seconds": detect_seconds,
        "null": {"variants": len(null), "false_alarms": false_alarms, "mean": mean, "sd": std,
                 "max": float(correlations.max()), "threshold": threshold, "reaching_threshold": reaching,
                 "false_positive_estimate": estimate},
    }, indent=2))
    print(f"wrote {out / 'robustness.png'} and results.json")


if __name__ == "__main__":
    main()
