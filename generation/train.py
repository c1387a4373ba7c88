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

DEFAULTS = dict(ae_steps=1500, clips=12000, dit_steps=5000, batch=24, lr=3e-4, seed=0,
                width=192, depth=6, heads=6, shift=2.0, cfg_dropout=0.1, ema=0.999)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generation train", description=__doc__.splitlines()[0])
    parser.add_argument("--work", default=".data/train", help="resumable state (default .data/train)")
    parser.add_argument("--out", default="generation/weights", help="where the pipeline is exported")
    for key, value in DEFAULTS.items():
        parser.add_argument(f"--{key.replace('_', '-')}", type=type(value), default=value)
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    vae = train_autoencoder(args, work)
    dataset = build_dataset(args, work, vae)
    transformer, history = train_transformer(args, work, dataset)
    export(args, work, vae, transformer, history)
    print(f"done in {(time.time() - started) / 60:.1f} min; pipeline in {args.out}")


# --- stage 1: the autoencoder ------------------------------------------------------------


def train_autoencoder(args, work: Path) -> VideoAutoencoder:
    path = work / "autoencoder"
    if (path / "config.json").exists():
        return VideoAutoencoder.from_pretrained(path).eval()
    torch.manual_seed(args.seed)
    vae = VideoAutoencoder()
    optimizer = torch.optim.AdamW(vae.parameters(), lr=2e-3, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=2e-3, total_steps=args.ae_steps, pct_start=0.05)
    rng = np.random.default_rng(args.seed)
    losses = []
    for step in tqdm(range(args.ae_steps), desc="autoencoder", unit="step"):
        frames, weight = _random_frames(rng, clips=4, per_clip=8, with_weight=True)
        reconstruction = vae(frames)
        error = reconstruction - frames
        loss = (weight * (error ** 2 + 0.5 * error.abs())).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
    with torch.no_grad():  # scale latents to unit variance for the diffusion model
        sample = vae.encode(_random_frames(rng, clips=32, per_clip=16))
        vae.register_to_config(scaling_factor=float(1.0 / sample.std()))
    vae.save_pretrained(path)
    line_plot({"autoencoder loss": losses}, work / "autoencoder_loss.png", log_y=True)
    return vae.eval()


def _random_frames(rng, *, clips: int, per_clip: int, with_weight: bool = False):
    frames = []
    for _ in range(clips):
        clip = world.render(world.sample_spec(int(rng.integers(10**9))))
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


def build_dataset(args, work: Path, vae: VideoAutoencoder) -> dict:
    path = work / "dataset.pt"
    if path.exists():
        return torch.load(path)
    encoder = shared_text_encoder()
    latents, texts, masks = [], [], []
    with torch.no_grad():
        for start in tqdm(range(0, args.clips, 50), desc="dataset", unit="×50 clips"):
            specs = [world.sample_spec(seed) for seed in range(start, min(start + 50, args.clips))]
            clips = frames_to_tensor(np.stack([world.render(spec) for spec in specs]))
            latents.append(vae.encode(clips).half())
            text, mask = encoder.encode([spec.caption for spec in specs])
            texts.append(text.half())
            masks.append(mask.to(torch.bool))
    empty_text, empty_mask = encoder.encode([""])
    dataset = {"latents": torch.cat(latents), "text": torch.cat(texts), "mask": torch.cat(masks),
               "empty_text": empty_text.half(), "empty_mask": empty_mask.to(torch.bool)}
    torch.save(dataset, path)
    return dataset


# --- stage 3: the diffusion transformer --------------------------------------------------


def train_transformer(args, work: Path, data: dict):
    state_path = work / "transformer_state.pt"
    torch.manual_seed(args.seed)
    model = SpacetimeDiT(width=args.width, depth=args.depth, heads=args.heads, patch_size=(2, 4, 4))
    ema = copy.deepcopy(model).requires_grad_(False)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    step, history = 0, {"loss": []}
    generator = torch.Generator().manual_seed(args.seed)
    if state_path.exists():
        state = torch.load(state_path)
        model.load_state_dict(state["model"])
        ema.load_state_dict(state["ema"])
        optimizer.load_state_dict(state["optimizer"])
        generator.set_state(state["generator"])
        step, history = state["step"], state["history"]
    n = data["latents"].shape[0]
    progress = tqdm(total=args.dit_steps, initial=step, desc="transformer", unit="step")
    running = None
    while step < args.dit_steps:
        index = torch.randint(0, n, (args.batch,), generator=generator)
        x0 = data["latents"][index].float()
        text, mask = data["text"][index].float(), data["mask"][index]
        drop = torch.rand(args.batch, generator=generator) < args.cfg_dropout  # learn the unconditional too
        text[drop], mask[drop] = data["empty_text"][0].float(), data["empty_mask"][0]
        # Flow matching: x_t = (1 − σ) x0 + σ ε, target velocity ε − x0; σ from a logit-normal.
        sigma = torch.sigmoid(torch.randn(args.batch, generator=generator))
        noise = torch.randn(x0.shape, generator=generator)
        s = sigma.view(-1, 1, 1, 1, 1)
        prediction = model((1 - s) * x0 + s * noise, sigma * 1000, text, mask)
        loss = F.mse_loss(prediction, noise - x0)
        for group in optimizer.param_groups:  # warm-up, then cosine decay to a tenth
            group["lr"] = _lr(step, args)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        with torch.no_grad():
            decay = min(args.ema, (1 + step) / (10 + step))
            for e, p in zip(ema.parameters(), model.parameters()):
                e.lerp_(p, 1 - decay)
        step += 1
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        history["loss"].append(loss.item())
        progress.update(1)
        progress.set_postfix(loss=f"{running:.4f}")
        if step % 250 == 0 or step == args.dit_steps:
            torch.save({"model": model.state_dict(), "ema": ema.state_dict(), "optimizer": optimizer.state_dict(),
                        "generator": generator.get_state(), "step": step, "history": history}, state_path)
        if step % 1000 == 0:
            line_plot({"flow-matching loss": _smooth(history["loss"])}, work / "transformer_loss.png", log_y=True)
    progress.close()
    return ema, history


def _lr(step: int, args) -> float:
    warmup = 200
    if step < warmup:
        return args.lr * (step + 1) / warmup
    progress = (step - warmup) / max(1, args.dit_steps - warmup)
    return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def _smooth(values: list[float], window: int = 50) -> list[float]:
    if len(values) < window:
        return values
    kernel = np.ones(window) / window
    return list(np.convolve(values, kernel, mode="valid"))


# --- export ------------------------------------------------------------------------------


def export(args, work: Path, vae: VideoAutoencoder, transformer: SpacetimeDiT, history: dict) -> None:
    out = Path(args.out)
    scheduler = FlowMatchEulerDiscreteScheduler(shift=args.shift)
    pipeline = HallmarkVideoPipeline(transformer=transformer.to(torch.float16), vae=vae, scheduler=scheduler)
    pipeline.save_pretrained(out)
    line_plot({"flow-matching loss": _smooth(history["loss"])}, out / "training_loss.png", log_y=True)
    (out / "training.json").write_text(json.dumps(vars(args), indent=2) + "\n")
    pipeline = HallmarkVideoPipeline.from_pretrained(out)  # samples come from what was saved
    specs = [world.sample_spec(10**6 + i, held_out=True, simple=True) for i in range(8)]
    clips = [pipeline(spec.caption, seed=i, height=64, width=64).frames for i, spec in enumerate(specs)]
    contact_sheet(clips, [spec.caption for spec in specs], out / "samples.png")


if __name__ == "__main__":
    main()
