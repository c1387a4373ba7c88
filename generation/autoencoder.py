"""The video compression network: 64×64 frames ↔ 16×16 latents with 8 channels (6× fewer numbers).

Frames are compressed one by one; the diffusion transformer then groups latents into
spacetime patches, so time is compressed there.
"""
from __future__ import annotations

import torch
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.modeling_utils import ModelMixin
from torch import nn


def _block(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.GroupNorm(8, cout), nn.SiLU())


class VideoAutoencoder(ModelMixin, ConfigMixin):
    @register_to_config
    def __init__(self, latent_channels: int = 8, width: int = 64, downsample: int = 4, scaling_factor: float = 1.0):
        super().__init__()
        w = width
        levels = {2: 1, 4: 2, 8: 3}[downsample]
        down: list[nn.Module] = [_block(3, w)]
        up: list[nn.Module] = [nn.Conv2d(latent_channels, w, 3, padding=1), nn.SiLU(), _block(w, w)]
        for _ in range(levels):  # each level halves (encoder) or doubles (decoder) the size
            down += [nn.Conv2d(w, w, 4, stride=2, padding=1), nn.SiLU(), _block(w, w)]
            up += [nn.Upsample(scale_factor=2, mode="nearest"), _block(w, w)]
        self.encoder = nn.Sequential(*down, nn.Conv2d(w, latent_channels, 1))
        self.decoder = nn.Sequential(*up, nn.Conv2d(w, 3, 3, padding=1))

    def encode(self, frames: torch.Tensor) -> torch.Tensor:
        """B×T×3×64×64 in [-1, 1] → B×C×T×8×8 latents, scaled to about unit variance."""
        b, t = frames.shape[:2]
        z = self.encoder(frames.flatten(0, 1)) * self.config.scaling_factor
        return z.unflatten(0, (b, t)).permute(0, 2, 1, 3, 4)

    def decode(self, latents: torch.Tensor) -> torch.Tensor:
        """B×C×T×8×8 → B×T×3×64×64 in about [-1, 1]."""
        b, c, t = latents.shape[:3]
        z = latents.permute(0, 2, 1, 3, 4).flatten(0, 1) / self.config.scaling_factor
        return self.decoder(z).unflatten(0, (b, t))

    def forward(self, frames: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(frames))


def frames_to_tensor(frames) -> torch.Tensor:
    """uint8 (B×)T×H×W×3 → float (B×)T×3×H×W in [-1, 1]."""
    x = torch.as_tensor(frames).float() / 127.5 - 1
    return x.movedim(-1, -3)


def tensor_to_frames(x: torch.Tensor):
    """float (B×)T×3×H×W in [-1, 1] → uint8 numpy (B×)T×H×W×3."""
    return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).movedim(-3, -1).cpu().numpy()
