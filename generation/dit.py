"""SpacetimeDiT: a diffusion transformer over spacetime patches of video latents.

Latents (C×T×H×W) are cut into patches spanning frames and pixels, each patch becomes a
token with a 3-D sin-cos position; every block modulates its norms with the timestep and the
pooled prompt (adaLN-zero), attends over all spacetime tokens, and cross-attends to the
prompt's MiniLM token embeddings. It predicts the flow-matching velocity (noise − data).
An optional refiner, a small per-frame convolution over the velocity and the noisy latent,
corrects it cell by cell: a token's output is one linear map of 4×4 cells, which blurs the
corners and seams where an object's outline crosses from one token to the next.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.modeling_utils import ModelMixin
from torch import nn


def timestep_embedding(t: torch.Tensor, dim: int) -> torch.Tensor:
    half = dim // 2
    freqs = torch.exp(-math.log(10000) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


def sincos_3d(t: int, h: int, w: int, dim: int, device=None) -> torch.Tensor:
    """Fixed positions for a t×h×w grid of tokens: a third of the channels per axis."""
    per_axis = (dim // 6) * 2
    parts = []
    for size, axis in ((t, 0), (h, 1), (w, 2)):
        position = torch.arange(size, dtype=torch.float32, device=device)
        emb = timestep_embedding(position, per_axis)
        shape = [1, 1, 1, per_axis]
        shape[axis] = size
        parts.append(emb.view(*shape).expand(t, h, w, per_axis))
    pos = torch.cat(parts, dim=-1).reshape(t * h * w, -1)
    return F.pad(pos, (0, dim - pos.shape[-1]))


def modulate(x: torch.Tensor, shift: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return x * (1 + scale[:, None]) + shift[:, None]


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int, context_dim: int | None = None):
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(dim, dim)
        self.kv = nn.Linear(context_dim or dim, 2 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor, context: torch.Tensor | None = None, mask: torch.Tensor | None = None):
        b, n, d = x.shape
        context = x if context is None else context
        q = self.q(x).view(b, n, self.heads, -1).transpose(1, 2)
        k, v = self.kv(context).view(b, context.shape[1], 2, self.heads, -1).permute(2, 0, 3, 1, 4)
        attn_mask = None if mask is None else mask[:, None, None, :].bool()
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
        return self.out(y.transpose(1, 2).reshape(b, n, d))


class DiTBlock(nn.Module):
    def __init__(self, dim: int, heads: int, text_dim: int, mlp_ratio: float):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm_cross = nn.LayerNorm(dim, eps=1e-6)
        self.cross = Attention(dim, heads, context_dim=text_dim)
        self.norm2 = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
        hidden = int(dim * mlp_ratio)
        self.mlp = nn.Sequential(nn.Linear(dim, hidden), nn.GELU(approximate="tanh"), nn.Linear(hidden, dim))
        self.ada = nn.Sequential(nn.SiLU(), nn.Linear(dim, 6 * dim))
        nn.init.zeros_(self.ada[1].weight)  # adaLN-zero: every block starts as the identity
        nn.init.zeros_(self.ada[1].bias)
        nn.init.zeros_(self.cross.out.weight)
        nn.init.zeros_(self.cross.out.bias)

    def forward(self, x, c, text, text_mask):
        shift1, scale1, gate1, shift2, scale2, gate2 = self.ada(c).chunk(6, dim=-1)
        x = x + gate1[:, None] * self.attn(modulate(self.norm1(x), shift1, scale1))
        x = x + self.cross(self.norm_cross(x), text, text_mask)
        return x + gate2[:, None] * self.mlp(modulate(self.norm2(x), shift2, scale2))


class SpacetimeDiT(ModelMixin, ConfigMixin):
    @register_to_config
    def __init__(self, in_channels: int = 8, patch_size: tuple = (2, 4, 4), width: int = 192, depth: int = 6,
                 heads: int = 6, text_dim: int = 384, mlp_ratio: float = 4.0, refiner_channels: int = 0):
        super().__init__()
        self.patch_size = tuple(patch_size)
        self.patchify = nn.Conv3d(in_channels, width, kernel_size=self.patch_size, stride=self.patch_size)
        self.time_mlp = nn.Sequential(nn.Linear(256, width), nn.SiLU(), nn.Linear(width, width))
        self.text_pool = nn.Sequential(nn.Linear(text_dim, width), nn.SiLU(), nn.Linear(width, width))
        self.blocks = nn.ModuleList(DiTBlock(width, heads, text_dim, mlp_ratio) for _ in range(depth))
        self.norm_out = nn.LayerNorm(width, elementwise_affine=False, eps=1e-6)
        self.ada_out = nn.Sequential(nn.SiLU(), nn.Linear(width, 2 * width))
        self.proj_out = nn.Linear(width, in_channels * math.prod(self.patch_size))
        self.refiner = _refiner(in_channels, refiner_channels) if refiner_channels else None
        zero_init = [self.ada_out[1], self.proj_out] + ([self.refiner[-1]] if self.refiner is not None else [])
        for layer in zero_init:
            nn.init.zeros_(layer.weight)
            nn.init.zeros_(layer.bias)

    def forward(self, latents: torch.Tensor, timestep: torch.Tensor, text: torch.Tensor,
                text_mask: torch.Tensor) -> torch.Tensor:
        """latents B×C×T×H×W, timestep B (0–1000), text B×L×384 with mask B×L → velocity like latents."""
        b, c, t, h, w = latents.shape
        pt, ph, pw = self.patch_size
        x = self.patchify(latents)  # B×D×T'×H'×W'
        gt, gh, gw = x.shape[2:]
        x = x.flatten(2).transpose(1, 2) + sincos_3d(gt, gh, gw, x.shape[1], latents.device)[None]
        if timestep.dim() == 0:
            timestep = timestep.expand(b)
        mask = text_mask.to(text.dtype)[..., None]
        pooled = (text * mask).sum(1) / mask.sum(1).clamp(min=1)
        cond = self.time_mlp(timestep_embedding(timestep, 256).to(text.dtype)) + self.text_pool(pooled)
        for block in self.blocks:
            x = block(x, cond, text, text_mask)
        shift, scale = self.ada_out(cond).chunk(2, dim=-1)
        x = self.proj_out(modulate(self.norm_out(x), shift, scale))
        # Tokens back to a latent video.
        x = x.view(b, gt, gh, gw, c, pt, ph, pw).permute(0, 4, 1, 5, 2, 6, 3, 7)
        velocity = x.reshape(b, c, gt * pt, gh * ph, gw * pw)
        if self.refiner is None:
            return velocity
        # Frame by frame: the noisy latent, the velocity and the noise level in, a correction out.
        noise_level = (timestep.to(latents.dtype) / 1000).view(b, 1, 1, 1, 1).expand(b, 1, t, h, w)
        inputs = torch.cat([latents, velocity, noise_level], dim=1).transpose(1, 2).flatten(0, 1)
        correction = self.refiner(inputs).unflatten(0, (b, t)).transpose(1, 2)
        return velocity + correction


def _refiner(channels: int, hidden: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(2 * channels + 1, hidden, 3, padding=1), nn.SiLU(),
                         nn.Conv2d(hidden, hidden, 3, padding=1), nn.SiLU(),
                         nn.Conv2d(hidden, channels, 3, padding=1))
