"""The checkpoint committed under generation/weights: loads, is deterministic, follows prompts."""
from pathlib import Path

import numpy as np
import pytest

from generation import HallmarkVideoPipeline
from generation.evaluate import evaluate

WEIGHTS = Path(__file__).resolve().parents[2] / "generation" / "weights"


@pytest.fixture(scope="module")
def shipped():
    import diffusers

    diffusers.utils.logging.disable_progress_bar()
    return HallmarkVideoPipeline.from_pretrained(WEIGHTS)


def test_checkpoint_is_small_and_has_no_text_encoder():
    files = [p for p in WEIGHTS.rglob("*") if p.is_file()]
    model_bytes = sum(p.stat().st_size for p in files if p.suffix in (".safetensors", ".bin"))
    assert 0 < model_bytes <= 30 * 1024 * 1024
    assert not (WEIGHTS / "text_encoder").exists()


def test_a_fixed_seed_gives_the_same_clip_twice(shipped):
    one = shipped("a red ball rolls left across a meadow", seed=11, num_inference_steps=20)
    two = shipped("a red ball rolls left across a meadow", seed=11, num_inference_steps=20)
    assert one.frames.shape == (16, 256, 256, 3)
    assert np.array_equal(one.frames, two.frames)


def test_fixed_seed_quality_on_held_out_prompts(shipped):
    """A small version of `python -m generation evaluate`: it must follow colour and background."""
    result = evaluate(shipped, n=8, steps=20)
    assert result["colour"] >= 0.75 and result["background"] >= 0.75, result
