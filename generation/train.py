"""Train the default model from scratch on the procedural world: autoencoder, then SpacetimeDiT.

Every stage saves its state under the work folder and picks up where it stopped, so an
interrupted run resumes (Ctrl-C is safe). The result is exported as a HallmarkVideoPipeline
(EMA weights, fp16) with a loss curve and sample contact sheets beside it.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import multiprocessing
import os
import re
import shutil
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from diffusers import FlowMatchEulerDiscreteScheduler
from tqdm import tqdm

from generation import world
from generation.autoencoder import VideoAutoencoder, frames_to_tensor
from generation.dit import SpacetimeDiT
from generation.pipeline import HallmarkVideoPipeline
from generation.plots import line_plot
from generation.sheets import contact_sheet
from generation.text import shared_text_encoder

# `shift` is the exported scheduler's timestep shift: sampling only (training draws σ from a
# logit-normal). On the tuning prompts at 20 steps, shifts 4–12 beat 2 on shape, motion and
# consistency alike (shift 8: 0.84, 0.89, 0.97 against 0.81, 0.85, 0.92; more in the README).
DEFAULTS = dict(ae_steps=1500, clips=12000, dit_steps=8000, batch=24, lr=1e-3, seed=0,
                width=192, depth=6, heads=6, shift=8.0, cfg_dropout=0.1, ema=0.999, eval_every=1000, eval_n=16,
                object_weight=6.0, refine_steps=6000, refine_lr=5e-4, refiner=48, polish_steps=8000,
                polish_lr=2.5e-4, polish_cycles=2, reverse_steps=1500, reverse_lr=2e-4, reverse_weight=1.0,
                reverse_batch=16, reverse_ema=0.995)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generation train", description=__doc__.splitlines()[0])
    parser.add_argument("--work", default=".data/train", help="resumable state (default .data/train)")
    parser.add_argument("--out", default="generation/weights", help="where the pipeline is exported")
    for key, value in DEFAULTS.items():
        parser.add_argument(f"--{key.replace('_', '-')}", type=type(value), default=value)
    parser.add_argument("--device", default="auto", help="cpu, cuda, … (default: cuda where there is one)")
    args = parser.parse_args(argv)
    if args.device == "auto":
        args.device = "cuda" if torch.cuda.is_available() else "cpu"
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    clips, coverage = render_clips(args, work)
    vae = train_autoencoder(args, work, clips)
    dataset = build_dataset(args, work, vae, clips, coverage)
    transformer, history = train_transformer(args, work, dataset, vae)
    transformer, history = refine_transformer(args, work, dataset, vae, transformer, history)
    transformer, history = polish_transformer(args, work, dataset, vae, transformer, history)
    transformer, history = reverse_transformer(args, work, dataset, vae, transformer, history)
    export(args, work, vae, transformer, history)
    print(f"done in {(time.time() - started) / 60:.1f} min; pipeline in {args.out}")


# --- stage 0: the training clips ---------------------------------------------------------


def render_clips(args, work: Path) -> tuple[np.ndarray, np.ndarray]:
    """Clips 0 … clips−1 of the world as one uint8 array on disk, rendered on every core, and
    where their objects are (coverage 0–255 per pixel), to weigh the diffusion loss."""
    paths = work / "clips.npy", work / "coverage.npy"
    shape = (args.clips, world.FRAMES, world.SIZE, world.SIZE)
    if all(path.exists() for path in paths):
        clips, coverage = (np.load(path, mmap_mode="r") for path in paths)
        if clips.shape == (*shape, 3) and coverage.shape == shape:
            return clips, coverage
    partials = [path.with_suffix(".partial.npy") for path in paths]
    clips = np.lib.format.open_memmap(partials[0], mode="w+", dtype=np.uint8, shape=(*shape, 3))
    coverage = np.lib.format.open_memmap(partials[1], mode="w+", dtype=np.uint8, shape=shape)
    chunks = [range(start, min(start + 50, args.clips)) for start in range(0, args.clips, 50)]
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        for chunk, (frames, covered) in tqdm(zip(chunks, pool.imap(_render_chunk, chunks)), total=len(chunks),
                                             desc="render", unit="×50 clips"):
            clips[chunk.start:chunk.stop] = frames
            coverage[chunk.start:chunk.stop] = covered
    for array, partial, path in zip((clips, coverage), partials, paths):
        array.flush()
        del array
        partial.rename(path)
    return tuple(np.load(path, mmap_mode="r") for path in paths)


def _render_chunk(seeds: range) -> tuple[np.ndarray, np.ndarray]:
    rendered = [world.render(world.sample_spec(seed), with_coverage=True) for seed in seeds]
    frames = np.stack([frames for frames, _ in rendered])
    coverage = np.stack([np.round(covered * 255) for _, covered in rendered]).astype(np.uint8)
    return frames, coverage


# --- stage 1: the autoencoder ------------------------------------------------------------


def train_autoencoder(args, work: Path, clips: np.ndarray) -> VideoAutoencoder:
    path = work / "autoencoder"
    if (path / "config.json").exists():
        return VideoAutoencoder.from_pretrained(path).to(args.device).eval()
    torch.manual_seed(args.seed)
    vae = VideoAutoencoder().to(args.device)
    optimizer = torch.optim.AdamW(vae.parameters(), lr=2e-3, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=2e-3, total_steps=args.ae_steps, pct_start=0.05)
    rng = np.random.default_rng(args.seed)
    losses = []
    for step in tqdm(range(args.ae_steps), desc="autoencoder", unit="step"):
        frames, weight = _random_frames(clips, rng, count=4, per_clip=8, with_weight=True)
        frames, weight = frames.to(args.device), weight.to(args.device)
        reconstruction = vae(frames)
        error = reconstruction - frames
        loss = (weight * (error ** 2 + 0.5 * error.abs())).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
    with torch.no_grad():  # scale latents to unit variance for the diffusion model
        sample = vae.encode(_random_frames(clips, rng, count=32, per_clip=16).to(args.device))
        vae.register_to_config(scaling_factor=float(1.0 / sample.std()))
    vae.save_pretrained(path)
    line_plot({"autoencoder loss": losses}, work / "autoencoder_loss.png", log_y=True)
    return vae.eval()


def _random_frames(clips: np.ndarray, rng, *, count: int, per_clip: int, with_weight: bool = False):
    frames = []
    for _ in range(count):
        clip = clips[int(rng.integers(len(clips)))]
        frames.append(clip[rng.choice(world.FRAMES, per_clip, replace=False)])
    frames = np.concatenate(frames)
    tensor = frames_to_tensor(frames)[None]  # 1×N×3×H×W: a "video" of unrelated frames
    if not with_weight:
        return tensor
    # Objects are a small part of each frame but all of what a prompt asks for: weigh their
    # pixels (those far from their row's median colour) ten times the background's.
    row_median = np.median(frames.astype(np.float32), axis=2, keepdims=True)
    objects = np.linalg.norm(frames - row_median, axis=-1) > 30
    return tensor, torch.from_numpy(1 + 9 * objects.astype(np.float32))[None, :, None]


# --- stage 2: the training set as latents and prompt embeddings --------------------------


def build_dataset(args, work: Path, vae: VideoAutoencoder, clips: np.ndarray, coverage: np.ndarray) -> dict:
    path = work / "dataset.pt"
    if path.exists():
        return torch.load(path)
    encoder = shared_text_encoder()
    latents, texts, masks, objects = [], [], [], []
    with torch.no_grad():
        for start in tqdm(range(0, args.clips, 50), desc="dataset", unit="×50 clips"):
            specs = [world.sample_spec(seed) for seed in range(start, min(start + 50, args.clips))]
            batch = frames_to_tensor(np.array(clips[start:start + len(specs)])).to(args.device)
            latents.append(vae.encode(batch).half().cpu())
            text, mask = _encode_captions(encoder, [spec.caption for spec in specs])
            texts.append(text)
            masks.append(mask)
            objects.append(_object_cells(coverage[start:start + len(specs)], vae.config.downsample))
    empty_text, empty_mask = encoder.encode([""])
    dataset = {"latents": torch.cat(latents), "text": torch.cat(texts), "mask": torch.cat(masks),
               "objects": torch.cat(objects),
               "empty_text": empty_text.half(), "empty_mask": empty_mask.to(torch.bool)}
    torch.save(dataset, path)
    return dataset


def _encode_captions(encoder, captions: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """MiniLM token embeddings (fp16) and their mask, as the dataset keeps them."""
    text, mask = encoder.encode(captions)
    return text.half(), mask.to(torch.bool)


def _object_cells(coverage: np.ndarray, downsample: int) -> torch.Tensor:
    """B×T×H×W pixel coverage → B×T×h×w booleans on the latent grid: the cells an object
    touches and their neighbours (an object's outline is decided by the cells around it)."""
    pixels = torch.from_numpy(np.array(coverage)).float()
    cells = F.max_pool2d(pixels.flatten(0, 1), downsample) > 25
    cells = F.max_pool2d(cells[:, None].float(), 3, stride=1, padding=1)[:, 0] > 0
    return cells.unflatten(0, pixels.shape[:2])


# --- stage 3: the diffusion transformer --------------------------------------------------


def train_transformer(args, work: Path, data: dict, vae: VideoAutoencoder):
    """Stage 3: the SpacetimeDiT from scratch. Its EMA weights, rounded to fp16 as they ship, are
    kept in work/transformer_base for stage 4; a run that finds them there, trained for as many
    steps as it asks, skips this stage."""
    done = _finished_stage(work / "transformer_base", args.dit_steps, args.device)
    if done:
        return done
    _forget_later_stages(work, "refine_state.pt", "transformer_refined", *_polish_files(work), *_REVERSE_FILES)
    torch.manual_seed(args.seed)
    model = SpacetimeDiT(width=args.width, depth=args.depth, heads=args.heads, patch_size=(2, 4, 4))
    ema, history = _fit(args, data, vae, model, steps=args.dit_steps, lr=args.lr,
                        state_path=work / "transformer_state.pt", seed=args.seed, first_step=0)
    return _finish_stage(ema, work / "transformer_base", history, args.dit_steps, args.device)


def refine_transformer(args, work: Path, data: dict, vae: VideoAutoencoder, base: SpacetimeDiT, history: dict):
    """Stage 4: the stage-3 model grows a per-frame convolutional refiner (zero-initialised, so it
    starts as the same model) and trains on, at a lower learning rate. Kept, fp16-rounded, in
    work/transformer_refined for stage 5."""
    if not args.refine_steps:
        return base, history
    total = args.dit_steps + args.refine_steps
    done = _finished_stage(work / "transformer_refined", total, args.device)
    if done:
        return done
    _forget_later_stages(work, *_polish_files(work), *_REVERSE_FILES)
    torch.manual_seed(args.seed + 1)
    config = {key: value for key, value in base.config.items() if not key.startswith("_")}
    model = SpacetimeDiT(**{**config, "refiner_channels": args.refiner})
    missing, unexpected = model.load_state_dict(base.state_dict(), strict=False)
    assert not unexpected and all(key.startswith("refiner.") for key in missing), (missing, unexpected)
    ema, refined = _fit(args, data, vae, model, steps=args.refine_steps, lr=args.refine_lr,
                        state_path=work / "refine_state.pt", seed=args.seed + 1, first_step=args.dit_steps)
    return _finish_stage(ema, work / "transformer_refined", _joined(history, refined), total, args.device)


def polish_transformer(args, work: Path, data: dict, vae: VideoAutoencoder, model: SpacetimeDiT, history: dict):
    """Stage 5: gentler learning-rate cycles (warm-up, cosine decay), each from the previous
    one's EMA weights as they ship. Stage 4's held-out scores were still rising when its learning
    rate had decayed; a fresh cycle at half its peak keeps them climbing without undoing what it
    learned. The shipped checkpoint has two cycles (the second: held-out shape 0.77 → 0.875 at
    n = 48); `--polish-cycles` sets how many. Cycle k is kept in work/transformer_polish{k}."""
    legacy = work / "polish_state.pt"  # the one cycle's state before there were cycles
    if legacy.exists() and not (work / "polish1_state.pt").exists():
        legacy.rename(work / "polish1_state.pt")
    cycles = args.polish_cycles if args.polish_steps else 0
    for cycle in range(1, cycles + 1):
        total = history["steps"] + args.polish_steps
        folder = work / f"transformer_polish{cycle}"
        done = _finished_stage(folder, total, args.device)
        if done:
            model, history = done
            continue
        _forget_later_stages(work, *_polish_files(work, after=cycle), *_REVERSE_FILES)
        torch.manual_seed(args.seed + 1 + cycle)
        model = copy.deepcopy(model).float().train().requires_grad_(True)
        ema, polished = _fit(args, data, vae, model, steps=args.polish_steps, lr=args.polish_lr,
                             state_path=work / f"polish{cycle}_state.pt", seed=args.seed + 1 + cycle,
                             first_step=history["steps"])
        model, history = _finish_stage(ema, folder, _joined(history, polished), total, args.device)
    return model, history


_REVERSE_FILES = ("reverse_state.pt", "transformer_reversed", "reverse_start.json")


def reverse_transformer(args, work: Path, data: dict, vae: VideoAutoencoder, model: SpacetimeDiT, history: dict):
    """Stage 6: time-reversal consistency. Every model so far drew a clip's first frames larger
    than its last at high noise (`python -m generation drift`: 1.13 / 0.95 at σ 0.8), which the
    reader reads as "shrink", whatever the clip's content; fine-tunes on more data or at high σ
    did not move it. Here each clip is also shown played backwards under its reversed caption
    ("rises" → "sinks"), and the model's two answers are held to each other: its answer for the
    reversed clip, reversed, must be its answer for the clip. Clips with a camera pan sit it out
    (`world.reversed_caption`). `--reverse-batch` clips a step (twice as many model inputs) and a
    shorter EMA (`--reverse-ema`): 1,500 steps move the model a little. Kept in
    work/transformer_reversed."""
    if not args.reverse_steps:
        return model, history
    total = history["steps"] + args.reverse_steps
    folder = work / "transformer_reversed"
    done = _finished_stage(folder, total, args.device)
    if done:
        return done
    # A run kept from another starting model (fewer polish cycles asked, say) is not this one's.
    start = work / "reverse_start.json"
    if start.exists() and json.loads(start.read_text()) != history["steps"]:
        _forget_later_stages(work, *_REVERSE_FILES)
    start.write_text(json.dumps(history["steps"]))
    torch.manual_seed(args.seed + 10)
    model = copy.deepcopy(model).float().train().requires_grad_(True)
    reversal = {**data, **_reversed_captions(args, work)}
    ema, reversed_fit = _fit(args, reversal, vae, model, steps=args.reverse_steps, lr=args.reverse_lr,
                             state_path=work / "reverse_state.pt", seed=args.seed + 10, first_step=history["steps"],
                             paired=True)
    return _finish_stage(ema, folder, _joined(history, reversed_fit), total, args.device)


def _reversed_captions(args, work: Path) -> dict:
    """Prompt embeddings of every training clip's reversed caption, and which clips have one."""
    path = work / "reversed_captions.pt"
    if path.exists():
        kept = torch.load(path)
        if len(kept["reversible"]) == args.clips:
            return kept
    encoder = shared_text_encoder()
    captions = [world.reversed_caption(world.sample_spec(seed)) for seed in range(args.clips)]
    texts, masks = [], []
    with torch.no_grad():
        for start in range(0, args.clips, 50):
            text, mask = _encode_captions(encoder, [caption or "" for caption in captions[start:start + 50]])
            texts.append(text)
            masks.append(mask)
    reversed_text = {"reversed_text": torch.cat(texts), "reversed_mask": torch.cat(masks),
                     "reversible": torch.tensor([caption is not None for caption in captions])}
    torch.save(reversed_text, path)
    return reversed_text


def _polish_files(work: Path, after: int = 0) -> list[str]:
    """The saved state and result of every polish cycle after the given one."""
    cycles = {path.name: re.search(r"polish(\d+)", path.name) for path in work.glob("*polish*")}
    return [name for name, cycle in cycles.items() if cycle and int(cycle[1]) > after]


def _finished_stage(folder: Path, steps: int, device: str):
    """A stage's saved (model, history) when it was trained for `steps` in all, else None."""
    if (folder / "config.json").exists():
        history = json.loads((folder / "history.json").read_text())
        if history.get("steps") == steps:
            saved = SpacetimeDiT.from_pretrained(folder)
            # Rebuilt from its settings alone: the work folder's path must not ride into the export.
            model = SpacetimeDiT(**{key: value for key, value in saved.config.items() if not key.startswith("_")})
            model.load_state_dict(saved.state_dict())
            return model.to(device).float().eval(), history
    return None


def _finish_stage(ema: SpacetimeDiT, folder: Path, history: dict, steps: int, device: str):
    """Keep a stage's EMA weights as they ship (fp16) for the next stage, which starts from those."""
    rounded = copy.deepcopy(ema).to(torch.float16)
    rounded.save_pretrained(folder)
    history = {**history, "steps": steps}
    (folder / "history.json").write_text(json.dumps(history) + "\n")
    return rounded.float().to(device).eval(), history


def _forget_later_stages(work: Path, *names: str) -> None:
    """A stage that trains anew makes what later stages built on the old one stale."""
    for name in names:
        path = work / name
        if path.is_dir():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)


def _joined(before: dict, after: dict) -> dict:
    return {"loss": before["loss"] + after["loss"], "eval": before["eval"] + after["eval"],
            "steps": before["steps"] + len(after["loss"])}


def _fit(args, data: dict, vae: VideoAutoencoder, model: SpacetimeDiT, *, steps: int, lr: float, state_path: Path,
         seed: int, first_step: int, paired: bool = False):
    """Flow-matching training with EMA, resumable from state_path; evaluation steps count from first_step.
    `paired` (stage 6): a step takes `reverse_batch` clips that have a reversed caption, each also
    played backwards under it (`_played_backwards`), and adds `reverse_weight` times the gap
    between the two answers (`_reversal_gap`) to the loss."""
    model.to(args.device)
    ema = copy.deepcopy(model).requires_grad_(False)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    step, history = 0, {"loss": [], "eval": []}
    # Indices, σ and noise come from one CPU generator: a resumed run continues the same stream.
    generator = torch.Generator().manual_seed(seed)
    if state_path.exists():
        state = torch.load(state_path, map_location=args.device)
        model.load_state_dict(state["model"])
        ema.load_state_dict(state["ema"])
        optimizer.load_state_dict(state["optimizer"])
        generator.set_state(state["generator"])
        step, history = state["step"], state["history"]
    n = data["latents"].shape[0]
    progress = tqdm(total=steps, initial=step, desc=state_path.stem.removesuffix("_state"), unit="step")
    running = None
    pool = torch.nonzero(data["reversible"])[:, 0] if paired else torch.arange(n)
    batch = args.reverse_batch if paired else args.batch
    ema_decay = args.reverse_ema if paired else args.ema
    while step < steps:
        index = pool[torch.randint(0, len(pool), (batch,), generator=generator)]
        x0 = data["latents"][index].float()
        # Objects are what prompts ask for but a tenth of the latent: their cells weigh more.
        weight = 1 + (args.object_weight - 1) * data["objects"][index].float()[:, None]
        text, mask = data["text"][index].float(), data["mask"][index]
        drop = torch.rand(batch, generator=generator) < args.cfg_dropout  # learn the unconditional too
        text[drop], mask[drop] = data["empty_text"][0].float(), data["empty_mask"][0]
        # Flow matching: x_t = (1 − σ) x0 + σ ε, target velocity ε − x0; σ from a logit-normal.
        sigma = torch.sigmoid(torch.randn(batch, generator=generator))
        noise = torch.randn(x0.shape, generator=generator)
        if paired:
            reversed_text, reversed_mask = data["reversed_text"][index].float(), data["reversed_mask"][index]
            reversed_text[drop], reversed_mask[drop] = data["empty_text"][0].float(), data["empty_mask"][0]
            x0, noise, weight, text, mask, sigma = _played_backwards(x0, noise, weight, text, mask, sigma,
                                                                     reversed_text, reversed_mask)
        x0, text, mask, sigma, noise, weight = (x.to(args.device) for x in (x0, text, mask, sigma, noise, weight))
        s = sigma.view(-1, 1, 1, 1, 1)
        prediction = model((1 - s) * x0 + s * noise, sigma * 1000, text, mask)
        loss = (weight * (prediction - (noise - x0)) ** 2).mean() / weight.mean()
        if paired:
            loss = loss + args.reverse_weight * _reversal_gap(prediction, weight)
        for group in optimizer.param_groups:  # warm-up, then cosine decay to a tenth
            group["lr"] = _lr(step, lr, steps)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        with torch.no_grad():
            decay = min(ema_decay, (1 + step) / (10 + step))
            torch._foreach_lerp_(list(ema.parameters()), list(model.parameters()), 1 - decay)
        step += 1
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        history["loss"].append(loss.item())
        progress.update(1)
        progress.set_postfix(loss=f"{running:.4f}")
        if args.eval_every and (step % args.eval_every == 0 or step == steps):
            history["eval"].append({"step": first_step + step, **_held_out_scores(args, ema, vae)})
            progress.write(f"step {first_step + step}: " + json.dumps(history["eval"][-1]))
        if step % 250 == 0 or step == steps:
            _save_atomically({"model": model.state_dict(), "ema": ema.state_dict(),
                              "optimizer": optimizer.state_dict(), "generator": generator.get_state(),
                              "step": step, "history": history}, state_path)
        if step % 1000 == 0:
            line_plot({"flow-matching loss": _smooth(history["loss"])}, state_path.with_suffix(".loss.png"),
                      log_y=True)
    progress.close()
    return ema, history


def _played_backwards(x0, noise, weight, text, mask, sigma, reversed_text, reversed_mask):
    """The batch followed by the same clips played backwards (time is dim 2 of B×C×T×H×W and of
    the B×1×T×H×W weight) under their reversed captions, at the same noise levels."""
    x0, noise, weight = (torch.cat([x, x.flip(2)]) for x in (x0, noise, weight))
    return x0, noise, weight, torch.cat([text, reversed_text]), torch.cat([mask, reversed_mask]), sigma.repeat(2)


def _reversal_gap(prediction: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """The weighted squared gap between the answers for the clips (first half) and the answers
    for them played backwards (second half), played forwards again: 0 for a model that treats
    time's two directions alike."""
    forwards, backwards = prediction.chunk(2)
    forward_weight = weight[: len(forwards)]
    return (forward_weight * (forwards - backwards.flip(2)) ** 2).mean() / forward_weight.mean()


def _held_out_scores(args, transformer: SpacetimeDiT, vae: VideoAutoencoder) -> dict:
    """The evaluator's fractions on a few held-out tuning prompts, to watch training work (the
    quoted prompt set stays unseen by every choice made from these curves)."""
    from generation.evaluate import evaluate

    pipeline = HallmarkVideoPipeline(transformer=transformer, vae=vae,
                                     scheduler=FlowMatchEulerDiscreteScheduler(shift=args.shift))
    pipeline.set_progress_bar_config(disable=True)
    result = evaluate(pipeline, n=args.eval_n, prompts="tuning")
    return {key: float(result[key]) for key in ("colour", "shape", "motion", "background", "count", "consistency",
                                         "permanence")}


def _save_atomically(state: dict, path: Path) -> None:
    """An interruption mid-save leaves the previous state whole."""
    partial = path.with_suffix(".partial")
    torch.save(state, partial)
    partial.replace(path)


def _lr(step: int, peak: float, steps: int) -> float:
    warmup = 200
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, steps - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def _smooth(values: list[float], window: int = 50) -> list[float]:
    if len(values) < window:
        return values
    kernel = np.ones(window) / window
    return list(np.convolve(values, kernel, mode="valid"))


# --- export ------------------------------------------------------------------------------


def export(args, work: Path, vae: VideoAutoencoder, transformer: SpacetimeDiT, history: dict) -> None:
    out = Path(args.out)
    scheduler = FlowMatchEulerDiscreteScheduler(shift=args.shift)
    pipeline = HallmarkVideoPipeline(transformer=transformer.cpu().to(torch.float16), vae=vae.cpu(),
                                     scheduler=scheduler)
    pipeline.save_pretrained(out)
    line_plot({"flow-matching loss": _smooth(history["loss"])}, out / "training_loss.png", log_y=True)
    if history.get("eval"):
        steps = [entry["step"] for entry in history["eval"]]
        keys = ("colour", "shape", "motion", "background", "consistency")
        line_plot({key: [entry[key] for entry in history["eval"]] for key in keys}, out / "training_scores.png",
                  x=steps)
        (out / "training_scores.json").write_text(json.dumps(history["eval"], indent=1) + "\n")
    (out / "training.json").write_text(json.dumps(vars(args), indent=2) + "\n")
    pipeline = HallmarkVideoPipeline.from_pretrained(out)  # samples come from what was saved
    specs = [world.sample_spec(10**6 + i, held_out=True, simple=True) for i in range(8)]
    clips = [pipeline(spec.caption, seed=i, height=64, width=64).frames for i, spec in enumerate(specs)]
    contact_sheet(clips, [spec.caption for spec in specs], out / "samples.png")


if __name__ == "__main__":
    main()
