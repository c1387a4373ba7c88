"""The size-drift probe: a model true to the world reads flat, a shrinking one reads shrinking,
and guidance is applied as the pipeline applies it."""
import dataclasses
from pathlib import Path

import pytest
import torch

from generation import world
from generation.autoencoder import VideoAutoencoder
from generation.probes import size_drift, steady_specs, world_latents

WEIGHTS = Path(__file__).resolve().parents[2] / "generation" / "weights"
N = 6


class Oracle(torch.nn.Module):
    """Knows the clean latents of the clips it is asked about. With the prompt it answers the
    velocity towards `conditional`, with the empty prompt towards `unconditional` (both B×C×T×H×W).
    It keeps the noise it finds in each input, to check that the probe noises as training does."""

    def __init__(self, clean, conditional, unconditional):
        super().__init__()
        self.clean, self.conditional, self.unconditional = clean, conditional, unconditional
        self.noise_seen = []

    def forward(self, noisy, timestep, text, mask):
        sigma = (timestep / 1000).view(-1, 1, 1, 1, 1)
        self.noise_seen.append((noisy - (1 - sigma) * self.clean) / sigma)
        prompted = text.flatten(1).abs().sum(1).view(-1, 1, 1, 1, 1) > 0
        answer = torch.where(prompted, self.conditional, self.unconditional)
        return (noisy - answer) / sigma


class OraclePipeline:
    def __init__(self, oracle: Oracle, vae: VideoAutoencoder):
        self.transformer, self.vae = oracle, vae

    def encode_prompt(self, prompts):
        """A prompt is ones, the empty prompt zeros: all the oracle needs to tell them apart."""
        text = torch.stack([torch.full((4, 384), float(bool(prompt))) for prompt in prompts])
        return text, torch.ones(len(prompts), 4, dtype=torch.bool)


@pytest.fixture(scope="module")
def vae():
    return VideoAutoencoder.from_pretrained(WEIGHTS / "vae").float().eval()


@pytest.fixture(scope="module")
def latents(vae):
    """The steady clips' latents, and the same clips with the object shrinking instead."""
    steady = steady_specs(N)
    shrinking = [dataclasses.replace(spec, objects=(dataclasses.replace(spec.main, motion="shrink"),))
                 for spec in steady]
    return world_latents(vae, steady), world_latents(vae, shrinking)


def test_steady_specs_keep_their_size():
    specs = steady_specs(20)
    assert len(specs) == 20 and len({spec.seed for spec in specs}) == 20
    assert all(spec.main.motion not in ("grow", "shrink", "rotate") and len(spec.objects) == 1 for spec in specs)


def test_a_model_true_to_the_world_reads_flat_and_is_given_training_noise(vae, latents):
    steady, shrinking = latents
    oracle = Oracle(steady, steady, shrinking)
    result = size_drift(OraclePipeline(oracle, vae), n=N, sigmas=(0.8,), guidance=1.0)
    assert result[0.8]["first3"] == pytest.approx(1.0, abs=0.05)
    assert result[0.8]["last3"] == pytest.approx(1.0, abs=0.05)
    assert len(result[0.8]["frames"]) == world.FRAMES and result[0.8]["clips_read"] == N
    # Guidance 1 asks only the prompted model; the noise it saw is standard normal.
    assert len(oracle.noise_seen) == 1
    assert oracle.noise_seen[0].mean().abs() < 0.05 and oracle.noise_seen[0].std() == pytest.approx(1.0, abs=0.05)


def test_a_shrinking_model_reads_large_first_and_small_last(vae, latents):
    _, shrinking = latents
    result = size_drift(OraclePipeline(Oracle(shrinking, shrinking, shrinking), vae), n=N, sigmas=(0.8, 0.6))
    for sigma in (0.8, 0.6):
        assert result[sigma]["first3"] > 1.3 and result[sigma]["last3"] < 0.7, result[sigma]


def test_guidance_pushes_away_from_the_unprompted_answer(vae, latents):
    """Prompted: steady; unprompted: shrinking. Guidance 2 extrapolates away from shrinking, so the
    object reads as growing; a flipped guidance sign would read it shrinking."""
    steady, shrinking = latents
    result = size_drift(OraclePipeline(Oracle(steady, steady, shrinking), vae), n=N, sigmas=(0.8,), guidance=2.0)
    assert result[0.8]["last3"] / result[0.8]["first3"] > 1.2, result[0.8]


def test_estimates_without_an_object_are_reported_as_unread(vae, latents):
    blank = [dataclasses.replace(spec, objects=(dataclasses.replace(spec.main, size=0.0),)) for spec in steady_specs(2)]
    clean = world_latents(vae, blank)
    result = size_drift(OraclePipeline(Oracle(clean, clean, clean), vae), n=2, sigmas=(0.8,))
    assert result[0.8] == {"frames": [None] * world.FRAMES, "first3": None, "last3": None, "clips_read": 0}
