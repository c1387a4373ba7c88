"""The size-drift probe reads a model true to the world as flat and a shrinking one as shrinking."""
import dataclasses
from pathlib import Path

import pytest
import torch

from generation import world
from generation.autoencoder import VideoAutoencoder, frames_to_tensor
from generation.probes import size_drift, steady_specs

WEIGHTS = Path(__file__).resolve().parents[2] / "generation" / "weights"
N = 6


class Oracle(torch.nn.Module):
    """Knows the clean latents it is asked about and answers the velocity towards `answer`
    (B×C×T×H×W): the exact velocity when `answer` is the clean clip itself."""

    def __init__(self, answer: torch.Tensor):
        super().__init__()
        self.answer = answer

    def forward(self, noisy, timestep, text, mask):
        sigma = (timestep / 1000).view(-1, 1, 1, 1, 1)
        return (noisy - self.answer) / sigma


class OraclePipeline:
    def __init__(self, answer: torch.Tensor, vae: VideoAutoencoder):
        self.transformer, self.vae = Oracle(answer), vae

    def encode_prompt(self, prompts):
        return torch.zeros(len(prompts), 4, 384), torch.ones(len(prompts), 4, dtype=torch.bool)


@pytest.fixture(scope="module")
def vae():
    return VideoAutoencoder.from_pretrained(WEIGHTS / "vae").float().eval()


def _latents(vae, specs):
    with torch.no_grad():
        return torch.cat([vae.encode(frames_to_tensor(world.render(spec))[None]) for spec in specs])


def test_steady_specs_keep_their_size():
    specs = steady_specs(20)
    assert len(specs) == 20 and len({spec.seed for spec in specs}) == 20
    assert all(spec.main.motion not in ("grow", "shrink", "rotate") and len(spec.objects) == 1 for spec in specs)


def test_a_model_true_to_the_world_reads_flat(vae):
    result = size_drift(OraclePipeline(_latents(vae, steady_specs(N)), vae), n=N, sigmas=(0.8,))
    assert result[0.8]["first3"] == pytest.approx(1.0, abs=0.05)
    assert result[0.8]["last3"] == pytest.approx(1.0, abs=0.05)
    assert len(result[0.8]["frames"]) == world.FRAMES and result[0.8]["clips_read"] == N


def test_a_shrinking_model_reads_large_first_and_small_last(vae):
    shrinking = [dataclasses.replace(spec, objects=(dataclasses.replace(spec.main, motion="shrink"),))
                 for spec in steady_specs(N)]
    result = size_drift(OraclePipeline(_latents(vae, shrinking), vae), n=N, sigmas=(0.8, 0.6))
    for sigma in (0.8, 0.6):
        assert result[sigma]["first3"] > 1.3 and result[sigma]["last3"] < 0.7, result[sigma]


def test_estimates_without_an_object_are_reported_as_unread(vae):
    blank = [dataclasses.replace(spec, objects=(dataclasses.replace(spec.main, size=0.0),)) for spec in steady_specs(2)]
    result = size_drift(OraclePipeline(_latents(vae, blank), vae), n=2, sigmas=(0.8,))
    assert result[0.8] == {"frames": None, "first3": None, "last3": None, "clips_read": 0}
