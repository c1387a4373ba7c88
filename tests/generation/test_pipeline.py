"""HallmarkVideoPipeline with a tiny model: shapes, determinism, save/load, bad input."""
import numpy as np
import pytest

from generation import GenerationInputError, HallmarkVideoPipeline


def test_output_shape_and_determinism(tiny_pipeline):
    one = tiny_pipeline("a red ball rolls left", num_inference_steps=2, seed=3)
    two = tiny_pipeline("a red ball rolls left", num_inference_steps=2, seed=3)
    assert one.frames.shape == (16, 256, 256, 3) and one.frames.dtype == np.uint8 and one.fps == 8
    assert np.array_equal(one.frames, two.frames)
    other = tiny_pipeline("a red ball rolls left", num_inference_steps=2, seed=4)
    assert not np.array_equal(one.frames, other.frames)


def test_save_and_load_round_trip(tiny_pipeline, tmp_path):
    tiny_pipeline.save_pretrained(tmp_path)
    assert not (tmp_path / "text_encoder").exists()  # MiniLM ships in its own package
    loaded = HallmarkVideoPipeline.from_pretrained(tmp_path)
    a = tiny_pipeline("a star", num_inference_steps=2, seed=1, height=64, width=64, num_frames=8)
    b = loaded("a star", num_inference_steps=2, seed=1, height=64, width=64, num_frames=8)
    assert a.frames.shape == (8, 64, 64, 3) and np.array_equal(a.frames, b.frames)


@pytest.mark.parametrize("kwargs, message", [
    ({"prompt": ""}, "prompt is empty"),
    ({"prompt": "   "}, "prompt is empty"),
    ({"prompt": "x" * 501}, "limited to 500"),
    ({"num_frames": 0}, "even number"),
    ({"num_frames": 15}, "even number"),
    ({"height": 100000}, "height"),
    ({"width": 30}, "width"),
    ({"num_inference_steps": 0}, "Steps"),
    ({"num_inference_steps": 10**6}, "Steps"),
    ({"guidance_scale": -1}, "Guidance"),
])
def test_bad_requests_get_a_clear_error(tiny_pipeline, kwargs, message):
    arguments = {"prompt": "a red ball", "num_inference_steps": 1, **kwargs}
    with pytest.raises(GenerationInputError, match=message):
        tiny_pipeline(**arguments)
