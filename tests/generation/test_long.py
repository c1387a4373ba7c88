"""Extending clips window by window: the context frames are kept, the rest is new, lengths add up."""
import numpy as np
import torch

from generation.autoencoder import tensor_to_frames
from generation.long import continue_video, cross_window_drift, extend, generate_long, windows_needed
from generation.world import render, sample_spec


def test_context_frames_are_held_exactly(tiny_pipeline):
    context = tiny_pipeline("a red ball", num_inference_steps=2, seed=1, height=64, width=64).frames[-4:]
    out = tiny_pipeline("a red ball", num_inference_steps=3, seed=2, height=64, width=64, context_frames=context)
    with torch.no_grad():
        video = torch.from_numpy(context).permute(0, 3, 1, 2).float() / 127.5 - 1
        expected = tensor_to_frames(tiny_pipeline.vae.decode(tiny_pipeline.vae.encode(video.unsqueeze(0)))[0])
    assert np.array_equal(out.frames[:4], expected)  # the frames the context encodes to, exactly
    free = tiny_pipeline("a red ball", num_inference_steps=3, seed=2, height=64, width=64)
    assert not np.array_equal(out.frames[:4], free.frames[:4])


def test_extend_and_long_lengths(tiny_pipeline):
    first = tiny_pipeline("a star", num_inference_steps=1, seed=0, height=64, width=64).frames
    more = extend(tiny_pipeline, first, "a star", num_inference_steps=1, seed=1)
    assert more.shape == (12, 64, 64, 3)
    long = generate_long(tiny_pipeline, "a star", seconds=5, num_inference_steps=1, height=64, width=64)
    assert long.shape == (40, 64, 64, 3)


def test_continue_from_an_image_or_a_clip(tiny_pipeline):
    image = render(sample_spec(3, simple=True))[:1]
    seen = []
    more = continue_video(tiny_pipeline, image, "a star", count=24, num_inference_steps=1,
                          on_window=lambda index, windows: seen.append((index, windows)))
    # One frame of context leaves 15 new frames in the first window, then 12 per window.
    assert more.shape == (24, 64, 64, 3) and seen == [(0, 2), (1, 2)]
    assert windows_needed(1, 15) == 1 and windows_needed(16, 12) == 1 and windows_needed(16, 13) == 2
    assert windows_needed(16, 0) == 0


def test_drift_of_a_steady_world_clip_is_within_threshold():
    spec = sample_spec(5, simple=True)
    frames = np.concatenate([render(spec)] * 3)  # the same clip three times: no drift at all
    drift = cross_window_drift(frames)
    assert drift.identity == 1.0 and drift.background == 1.0 and drift.within_threshold
