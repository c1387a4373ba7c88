"""Frame rates and aspect ratios: the sizes they mean, resampling in time, and real MP4s that say so."""
import av
import numpy as np
import pytest

from generation import GenerationInputError, world
from generation.formats import ASPECT_RATIOS, aspect_error, aspect_of, fps_error, native_grid, size_for
from generation.long import continue_video, generate_long
from generation.retime import frames_at, retime
from generation.video import read_frames, video_fps, write_mp4


@pytest.mark.parametrize("aspect, size, grid", [
    ("1:1", (256, 256), (64, 64)),
    ("16:9", (256, 456), (64, 112)),
    ("9:16", (456, 256), (112, 64)),
    ("4:3", (256, 344), (64, 80)),
])
def test_each_aspect_has_a_delivered_size_and_a_model_grid(aspect, size, grid):
    assert size_for(aspect) == size and min(size) >= 256  # the watermark needs 256 on the short side
    assert native_grid(*size) == grid and aspect_of(*size) == aspect


def test_unknown_formats_get_a_message_that_lists_the_known_ones():
    assert aspect_error("16:9") is None and fps_error(24) is None
    assert "1:1, 16:9, 9:16, 4:3" in aspect_error("21:9")
    assert "8, 12, 16, 24" in fps_error(30) and fps_error(24.0) is not None


def _mp4_facts(path):
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        seconds = float(stream.duration * stream.time_base)
    frames = read_frames(path)
    return frames.shape, video_fps(path), seconds


@pytest.mark.parametrize("fps, aspect", [(8, "1:1"), (12, "16:9"), (24, "9:16"), (16, "4:3")])
def test_pipeline_delivers_the_frame_rate_duration_and_size_asked_for(tiny_pipeline, tmp_path, fps, aspect):
    height, width = size_for(aspect)
    output = tiny_pipeline("a red ball rolls left", num_frames=2 * fps, fps=fps, height=height, width=width,
                           num_inference_steps=1, seed=2)
    assert output.frames.shape == (2 * fps, height, width, 3) and output.fps == fps
    path = write_mp4(output.frames, tmp_path / "clip.mp4", fps=output.fps)
    shape, rate, seconds = _mp4_facts(path)
    assert shape == (2 * fps, height, width, 3) and rate == fps
    assert seconds == pytest.approx(2.0, abs=1e-6)  # the duration asked for, whatever the rate


def test_a_non_square_clip_repeats_with_its_seed_and_differs_from_the_square_one(tiny_pipeline):
    ask = dict(num_inference_steps=1, seed=5, num_frames=8, height=64, width=112)
    one, two = tiny_pipeline("a star", **ask), tiny_pipeline("a star", **ask)
    assert one.frames.shape == (8, 64, 112, 3) and np.array_equal(one.frames, two.frames)


@pytest.mark.parametrize("kwargs, message", [
    ({"fps": 24, "num_frames": 16}, "At 24 fps, frames must be a multiple of 6 from 6 to 192"),
    ({"fps": 12, "num_frames": 200}, "multiple of 3 from 3 to 96"),
    ({"fps": 0}, "Frames per second must be a whole number"),
    ({"fps": 8.0}, "Frames per second must be a whole number"),
    ({"height": 64, "width": 256}, "too elongated"),
])
def test_bad_rates_and_shapes_get_a_clear_error(tiny_pipeline, kwargs, message):
    with pytest.raises(GenerationInputError, match=message):
        tiny_pipeline("a red ball", num_inference_steps=1, **kwargs)


def _world_at(spec, position):
    """The world's frame at a fractional frame index (as world.render draws whole ones)."""
    canvas = world._background(spec.background, spec.seed, 0.0)
    for obj in reversed(spec.objects):
        x, y, scale, angle = world.object_state(obj, position)
        alpha = world._shape_mask(obj.shape, x, y, obj.size * scale, angle)
        canvas = canvas * (1 - alpha[..., None]) + np.array(world.COLOURS[obj.colour], np.float32) * alpha[..., None]
    return np.clip(canvas + 0.5, 0, 255).astype(np.uint8)


def test_retime_keeps_duration_and_puts_moving_things_where_they_are_between_frames():
    spec = next(s for s in (world.sample_spec(i, simple=True) for i in range(100))
                if s.main.motion == "right" and s.background == "plain")
    clip = world.render(spec)
    faster = retime(clip, 8, 24)
    assert faster.shape == (48, 64, 64, 3) and faster.dtype == np.uint8
    assert np.array_equal(faster[::3], clip)  # the model's own frames stay as they are
    assert np.array_equal(retime(clip, 8, 8), clip)
    truth = _world_at(spec, 7.5)
    error = {method: np.abs(frames_at(clip, [7.5], method=method)[0].astype(int) - truth).mean()
             for method in ("flow", "blend")}
    assert error["flow"] < error["blend"]  # a cross-fade shows two faded copies; the warp one ball
    slower = retime(clip, 8, 4)
    assert np.array_equal(slower, clip[::2])


def test_a_continuation_resampled_in_time_starts_after_the_frame_it_follows():
    clip = world.render(world.sample_spec(3, simple=True))
    after = retime(np.concatenate([clip[:1], clip[1:]]), 8, 16, count=4, start=1)
    assert np.array_equal(after[1], clip[1]) and np.array_equal(after[3], clip[2])
    with pytest.raises(ValueError, match="method"):
        frames_at(clip, [0.5], method="nearest")


def test_long_and_continued_videos_at_other_rates_and_shapes(tiny_pipeline):
    long = generate_long(tiny_pipeline, "a star", seconds=3, fps=12, num_inference_steps=1, height=64, width=112)
    assert long.shape == (36, 64, 112, 3)
    start = long[:18]  # 1.5 s at 12 fps, 16:9
    more = continue_video(tiny_pipeline, start, "a star", count=12, fps=12, num_inference_steps=1)
    assert more.shape == (12, 64, 112, 3)
    image = world.render(world.sample_spec(4, simple=True))[:1]
    animated = continue_video(tiny_pipeline, image, "a star", count=23, fps=24, num_inference_steps=1)
    assert animated.shape == (23, 64, 64, 3)


def test_every_named_aspect_is_at_most_two_to_one():
    assert all(max(a, b) <= 2 * min(a, b) for a, b in ASPECT_RATIOS.values())
