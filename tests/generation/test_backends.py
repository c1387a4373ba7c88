"""The backend registry with tiny random versions of every backend, built offline."""
import re

import numpy as np
import pytest

from generation.backends import BACKENDS, BackendError, load_backend
from generation.tiny_backends import build_tiny

# Frames and sizes valid for both the real and the tiny models; not square, to catch swaps.
SHAPES = {"default": (8, 64, 96), "wan": (9, 32, 64), "ltx": (9, 32, 64), "cogvideox": (9, 32, 64)}
PROMPT = "a red ball rolls left"


@pytest.fixture(scope="module")
def tiny_folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("backends")
    return {name: build_tiny(name, root / name) for name in BACKENDS}


@pytest.fixture(scope="module")
def backends(tiny_folders):
    return {name: load_backend(name, folder) for name, folder in tiny_folders.items()}


def render(backend, **kwargs):
    frames, height, width = SHAPES[backend.spec.name]
    arguments = dict(num_frames=frames, height=height, width=width, num_inference_steps=2, seed=3)
    return backend(PROMPT, **{**arguments, **kwargs})


@pytest.mark.parametrize("name", list(BACKENDS))
def test_renders_uint8_frames_and_a_seed_repeats(backends, name):
    one, two = render(backends[name]), render(backends[name])
    assert one.shape == (*SHAPES[name], 3) and one.dtype == np.uint8
    assert np.array_equal(one, two)
    assert not np.array_equal(one, render(backends[name], seed=4))


@pytest.mark.parametrize("name", list(BACKENDS))
def test_progress_is_reported_once_per_step_and_raising_cancels(backends, name):
    steps = []
    render(backends[name], callback_on_step_end=lambda pipe, step, timestep, kwargs: steps.append(step))
    assert steps == [0, 1]

    class Cancelled(Exception):
        pass

    def cancel(pipe, step, timestep, kwargs):
        steps.append(step)
        raise Cancelled

    steps.clear()
    with pytest.raises(Cancelled):
        render(backends[name], callback_on_step_end=cancel)
    assert steps == [0]


def test_requests_are_fitted_to_what_the_backend_accepts(backends):
    assert render(backends["wan"], num_frames=8, height=30, width=60).shape == (9, 32, 64, 3)


@pytest.mark.parametrize("name, asked, fitted", [
    ("default", (7, 60, 100), (8, 64, 104)),
    ("default", (100, 2000, 64), (64, 1024, 64)),
    ("wan", (80, 470, 830), (81, 464, 832)),
    ("wan", (16, 32, 32), (17, 32, 32)),
    ("ltx", (160, 470, 700), (161, 480, 704)),
    ("ltx", (10, 40, 70), (9, 32, 64)),
    ("cogvideox", (48, 490, 725), (49, 496, 720)),
    ("cogvideox", (1000, 8, 32), (49, 16, 32)),
])
def test_fit_rounds_to_the_nearest_valid_shape(name, asked, fitted):
    assert BACKENDS[name].fit(*asked) == fitted


@pytest.mark.parametrize("name", list(BACKENDS))
def test_recommended_defaults_are_valid(name):
    spec = BACKENDS[name]
    d = spec.defaults
    assert set(d) == {"width", "height", "frames", "steps", "guidance", "fps"}
    assert spec.fit(d["frames"], d["height"], d["width"]) == (d["frames"], d["height"], d["width"])
    assert spec.needs_gpu == (name != "default")


def test_missing_values_come_from_the_defaults(backends):
    assert backends["default"](PROMPT, num_inference_steps=1).shape == (16, 256, 256, 3)


@pytest.mark.parametrize("name", list(BACKENDS))
def test_missing_weights_name_the_folder(tmp_path, name):
    missing = tmp_path / "models" / name
    with pytest.raises(BackendError, match=re.escape(f"The {name} backend has no weights: {missing} does not exist")):
        load_backend(name, missing)
    missing.mkdir(parents=True)
    with pytest.raises(BackendError, match=re.escape(f"{missing} has no model_index.json")):
        load_backend(name, missing)
    with pytest.raises(BackendError, match=f"The {name} backend has no weights: no folder"):
        load_backend(name, None)


def test_unknown_backend_lists_the_known_ones():
    with pytest.raises(BackendError, match="no backend called 'sora'.*default, wan, ltx, cogvideox"):
        load_backend("sora", "/nowhere")


def test_unknown_dtype_is_refused(tiny_folders):
    with pytest.raises(BackendError, match="dtype"):
        load_backend("wan", tiny_folders["wan"], dtype="int8")


def test_options_load_on_a_cpu_only_machine(tiny_folders):
    # CPU offload needs CUDA: without it the option is skipped, not an error.
    backend = load_backend("wan", tiny_folders["wan"], dtype="bfloat16", cpu_offload=True, vae_tiling=True)
    assert backend.pipe.vae.use_tiling
    assert render(backend, num_inference_steps=1).shape == (9, 32, 64, 3)


def test_tiny_models_take_short_prompts(backends):
    # The tiny tokenizer's limit (16 tokens), not the real pipelines' 128–512.
    assert {backends[name].max_sequence_length for name in ("wan", "ltx", "cogvideox")} == {16}


@pytest.mark.parametrize("name", list(BACKENDS))
def test_every_aspect_has_a_valid_recommended_size_of_that_aspect(name):
    from generation.formats import ASPECT_RATIOS, aspect_of

    spec = BACKENDS[name]
    assert set(spec.sizes) == set(ASPECT_RATIOS)
    for aspect, (width, height) in spec.sizes.items():
        assert spec.fit(spec.min_frames, height, width)[1:] == (height, width) == spec.size_for(aspect)
        assert aspect_of(height, width) == aspect, (aspect, width, height)
    # An operator's size class (HALLMARK_BACKEND_OPTIONS' width and height): its short side, at the aspect.
    height, width = spec.size_for("16:9", short_side=256)
    assert height == 256 and width % spec.size_step == 0 and aspect_of(height, width) == "16:9"


@pytest.mark.parametrize("name, fps", [("default", 24), ("wan", 8), ("ltx", 12), ("cogvideox", 16)])
def test_another_frame_rate_gives_exactly_the_frames_asked_for(backends, name, fps):
    # The model renders the span at its own rate; the clip is resampled to `fps`.
    frames, height, width = SHAPES[name]
    native = BACKENDS[name].defaults["fps"]
    assert fps != native
    clip = render(backends[name], num_frames=fps, fps=fps, num_inference_steps=1)  # one second
    assert clip.shape == (fps, height, width, 3) and clip.dtype == np.uint8
