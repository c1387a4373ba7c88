"""The procedural world and the reader that judges clips against it."""
from dataclasses import replace

import numpy as np
import pytest

from generation import world
from generation.evaluate import EVAL_SEED, TUNING_SEED, evaluate
from generation.reader import classify_background, classify_shape, read_clip


def test_clips_are_deterministic_from_their_seed():
    a, b = world.render(world.sample_spec(7)), world.render(world.sample_spec(7))
    assert a.shape == (world.FRAMES, world.SIZE, world.SIZE, 3) and a.dtype == np.uint8
    assert np.array_equal(a, b)
    assert not np.array_equal(a, world.render(world.sample_spec(8)))
    assert world.sample_spec(7).caption == world.sample_spec(7).caption


def test_held_out_templates_never_appear_in_training_captions():
    training = {world.sample_spec(seed).template for seed in range(400)}
    held_out = {world.sample_spec(seed, held_out=True).template for seed in range(400)}
    assert training == set(world.TRAIN_TEMPLATES) and held_out == set(world.HELD_OUT_TEMPLATES)
    assert not training & held_out


def test_the_world_covers_what_it_promises():
    specs = [world.sample_spec(seed) for seed in range(1500)]
    assert {s.main.motion for s in specs} == set(world.MOTIONS)
    assert {s.background for s in specs} == set(world.BACKGROUNDS)
    assert {s.main.shape for s in specs} == set(world.SHAPES)
    assert {len(s.objects) for s in specs} == {1, 2}
    assert any(s.occluder for s in specs) and {s.pan for s in specs} >= {"left", "right"}


@pytest.mark.parametrize("motion", sorted(world.REVERSED_MOTION) + ["bounce", "still"])
def test_a_clip_played_backwards_is_the_clip_its_reversed_caption_names(motion):
    spec = next(s for s in map(world.sample_spec, range(500)) if s.main.motion == motion and len(s.objects) == 1
                and not s.pan and not s.occluder)
    opposite = world.REVERSED_MOTION.get(motion, motion)
    # The reversed clip starts where this one ends, moving the other way.
    end = world.object_state(spec.main, world.FRAMES - 1)[:2]
    main = replace(spec.main, motion=opposite, start=end if motion in world.REVERSED_MOTION else spec.main.start)
    backwards = replace(spec, objects=(main,))
    assert np.abs(world.render(spec)[::-1].astype(int) - world.render(backwards).astype(int)).max() <= 1
    caption = world.reversed_caption(spec)
    assert (caption == spec.caption) == (motion == opposite)
    before, _, after = spec.caption.partition(spec.words["motion"])
    assert caption.startswith(before) and caption.endswith(after)
    assert caption[len(before):len(caption) - len(after)] in world.MOTION_WORDS[opposite]


def test_reversed_captions_word_for_word():
    assert world.sample_spec(0).caption == "Over green grass, a yellow ball drifts diagonally down-left"
    assert world.reversed_caption(world.sample_spec(0)) == "Over green grass, a yellow ball drifts diagonally up-right"
    spec = next(s for s in map(world.sample_spec, range(500)) if s.pan)
    assert world.reversed_caption(spec) is None  # the camera always starts at 0 px: backwards is no world clip


def test_reader_recovers_the_ground_truth():
    result = evaluate(ground_truth=True, n=24)
    for key in ("colour", "shape", "motion", "background", "count", "consistency", "permanence"):
        assert result[key] >= 0.98, (key, result["failures"])


def test_the_tuning_prompts_are_other_prompts_read_as_well():
    tuning = evaluate(ground_truth=True, n=12, prompts="tuning")
    assert tuning["prompts"] == "tuning" and min(tuning[key] for key in ("colour", "shape", "motion")) >= 0.98
    tuning_prompts = {world.sample_spec(TUNING_SEED + i, held_out=True, simple=True).caption for i in range(12)}
    report_prompts = {world.sample_spec(EVAL_SEED + i, held_out=True, simple=True).caption for i in range(12)}
    assert tuning_prompts.isdisjoint(report_prompts)
    with pytest.raises(ValueError, match="unknown prompt set"):
        evaluate(ground_truth=True, n=2, prompts="eval")


def test_reader_works_on_upscaled_clips_too():
    spec = world.sample_spec(10**6 + 3, held_out=True, simple=True)
    big = np.repeat(np.repeat(world.render(spec), 4, axis=1), 4, axis=2)
    reading = read_clip(big)
    assert (reading.colour, reading.shape, reading.motion) == (spec.main.colour, spec.main.shape, spec.main.motion)


@pytest.mark.parametrize("shape", world.SHAPES)
def test_shape_templates_tell_the_shapes_apart(shape):
    mask = world._shape_mask(shape, 30.0, 33.0, 9.5, 17.0) > 0.5
    assert classify_shape(mask)[0] == shape


def test_an_empty_scene_has_no_object():
    blank = np.full((16, 64, 64, 3), 128, np.uint8)
    reading = read_clip(blank)
    assert reading.count == 0 and reading.colour is None and reading.consistent is False
    assert classify_background(blank) == "plain"


@pytest.mark.parametrize("pad", [((0, 0), (24, 24)), ((24, 24), (0, 0))], ids=["landscape", "portrait"])
def test_reader_reads_clips_of_other_aspects(pad):
    # World clips on a plain or sky background, widened (or heightened) by repeating their edges,
    # then scaled up as delivered: the reader keeps the aspect, so shapes are not squashed.
    specs = [s for s in (world.sample_spec(10**6 + i, held_out=True, simple=True) for i in range(60))
             if s.background in ("plain", "sky")][:6]
    for spec in specs:
        frames = np.pad(world.render(spec), ((0, 0), *pad, (0, 0)), mode="edge")
        big = np.repeat(np.repeat(frames, 4, axis=1), 4, axis=2)
        reading = read_clip(big)
        assert (reading.colour, reading.shape, reading.motion, reading.background) == \
            (spec.main.colour, spec.main.shape, spec.main.motion, spec.background), spec.caption
