"""Fixtures for the generation library: tiny models built in code (the shipped one is tested apart)."""
import pytest
import torch
from diffusers import FlowMatchEulerDiscreteScheduler

from generation import HallmarkVideoPipeline, SpacetimeDiT, VideoAutoencoder


@pytest.fixture(scope="session")
def tiny_pipeline() -> HallmarkVideoPipeline:
    torch.manual_seed(0)
    return HallmarkVideoPipeline(
        transformer=SpacetimeDiT(width=48, depth=1, heads=2),
        vae=VideoAutoencoder(width=16),
        scheduler=FlowMatchEulerDiscreteScheduler(shift=2.0),
    )
