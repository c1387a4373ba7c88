"""Size drift in the DiT's clean estimate: where a clip's object grows or shrinks when it should not.

World clips whose main object keeps its size are encoded, noised to a level σ as in training
(x_σ = (1 − σ) x0 + σ ε), and the model's clean estimate x̂0 = x_σ − σ·v (v guided as the
pipeline guides it) is decoded. The main object's area in each frame, over its median in the
clip, is averaged over clips: a model true to the world gives 1.0 in every frame. The shipped
model gives ~1.13 in the first three frames and ~0.95 in the last three at σ 0.8; its finished
clips mostly miss their motion by looking like "shrink" (see the README). ~20 s for 40 clips on
two cores: cheap enough to watch every checkpoint.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import torch

from generation import reader, world
from generation.autoencoder import frames_to_tensor, tensor_to_frames

PROBE_SEED = 7 * 10**6  # far from the training, quoted and tuning prompts
SIZE_CHANGING = ("grow", "shrink", "rotate")  # motions whose area changes (rotate: a turning outline)


def steady_specs(n: int) -> list[world.ClipSpec]:
    """The first n held-out single-object clips whose object keeps its size."""
    specs, seed = [], PROBE_SEED
    while len(specs) < n:
        spec = world.sample_spec(seed, held_out=True, simple=True)
        seed += 1
        if spec.main.motion not in SIZE_CHANGING:
            specs.append(spec)
    return specs


@torch.no_grad()
def world_latents(vae, specs: list[world.ClipSpec], device=None) -> torch.Tensor:
    """The world's clips for `specs`, rendered and encoded: B×C×T×h×w."""
    return torch.cat([vae.encode(frames_to_tensor(world.render(spec))[None].to(device)) for spec in specs])


@torch.no_grad()
def size_drift(pipeline, *, n: int = 40, sigmas=(0.95, 0.8, 0.6), guidance: float = 4.0, seed: int = 0) -> dict:
    """{σ: {"frames": per-frame mean of area over the clip's median, "first3"/"last3": the mean of
    the first and last three frames, "clips_read": clips with an object in some frame}} for n
    steady clips; None where nothing could be read. `pipeline` is a HallmarkVideoPipeline (its
    transformer, VAE and prompt encoder are used)."""
    device = getattr(pipeline, "device", torch.device("cpu"))
    specs = steady_specs(n)
    transformer, vae = pipeline.transformer, pipeline.vae
    text, mask = (x.to(device) for x in pipeline.encode_prompt([spec.caption for spec in specs] + [""]))
    empty_text, empty_mask = text[-1:].expand(n, -1, -1), mask[-1:].expand(n, -1)
    clean = world_latents(vae, specs, device)
    generator = torch.Generator().manual_seed(seed)
    result = {}
    for sigma in sigmas:
        noisy = (1 - sigma) * clean + sigma * torch.randn(clean.shape, generator=generator).to(device)
        timestep = torch.full((n,), sigma * 1000.0, device=device)
        conditional = transformer(noisy, timestep, text[:n], mask[:n])
        unconditional = conditional if guidance == 1 else transformer(noisy, timestep, empty_text, empty_mask)
        velocity = unconditional + guidance * (conditional - unconditional)
        estimates = vae.decode(noisy - sigma * velocity).cpu()
        read = [areas for clip in estimates if (areas := _relative_areas(tensor_to_frames(clip))) is not None]
        curve = _nanmean(read, axis=0) if read else np.full(len(estimates[0]), np.nan)
        result[sigma] = {"frames": [_rounded(x) for x in curve], "first3": _rounded(_nanmean(curve[:3])),
                         "last3": _rounded(_nanmean(curve[-3:])), "clips_read": len(read)}
    return result


def _relative_areas(frames: np.ndarray) -> np.ndarray | None:
    """Each frame's main-object area over the clip's median (NaN where a frame has none); None
    when no frame has one."""
    components = [reader._main_component(frame, None) for frame in frames]
    areas = np.array([c["area"] if c else np.nan for c in components])
    return None if np.isnan(areas).all() else areas / np.nanmedian(areas)


def _nanmean(values, axis=None):
    with warnings.catch_warnings():  # a frame no clip showed an object in is NaN, not a warning
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(values, axis=axis)


def _rounded(value) -> float | None:
    """JSON has no NaN: a frame no clip showed an object in is None."""
    return None if math.isnan(value) else round(float(value), 3)
