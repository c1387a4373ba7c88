"""`python -m generation train` at a tiny size: every stage runs, exports, and resumes."""
import json

import torch

from generation import HallmarkVideoPipeline, world
from generation.dit import SpacetimeDiT
from generation.train import _played_backwards, _reversal_gap
from generation.train import main as train

TINY = ["--ae-steps", "3", "--clips", "60", "--batch", "4", "--width", "48", "--depth", "1", "--heads", "2",
        "--eval-n", "2", "--refiner", "8", "--reverse-batch", "2"]


def _run(work, out, dit: int, refine: int, polish: int, cycles: int = 1, reverse: int = 0):
    train(["--work", str(work), "--out", str(out), "--dit-steps", str(dit), "--refine-steps", str(refine),
           "--polish-steps", str(polish), "--polish-cycles", str(cycles), "--reverse-steps", str(reverse), *TINY])
    return json.loads((out / "training_scores.json").read_text())


def test_train_exports_a_pipeline_and_resumes(tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    _run(work, out, dit=3, refine=2, polish=2, cycles=2)
    base = torch.load(work / "transformer_state.pt")
    first = torch.load(work / "refine_state.pt")
    polished, second_cycle = torch.load(work / "polish1_state.pt"), torch.load(work / "polish2_state.pt")
    assert base["step"] == 3 and len(base["history"]["loss"]) == 3
    assert first["step"] == 2 and len(first["history"]["loss"]) == 2
    assert polished["step"] == 2 and second_cycle["step"] == 2
    for name in ("model_index.json", "training_loss.png", "training_scores.png", "samples.png", "training.json"):
        assert (out / name).exists(), name
    assert json.loads((out / "training.json").read_text())["polish_steps"] == 2
    assert json.loads((out / "transformer" / "config.json").read_text())["refiner_channels"] == 8
    assert "_name_or_path" not in json.loads((out / "transformer" / "config.json").read_text())
    # Stage 5 starts from stage 4's result as it ships (fp16-rounded), each polish cycle from the one before.
    kept = {name: json.loads((work / name / "history.json").read_text())
            for name in ("transformer_refined", "transformer_polish1", "transformer_polish2")}
    assert [history["steps"] for history in kept.values()] == [5, 7, 9]
    assert [len(history["loss"]) for history in kept.values()] == [5, 7, 9]

    # More polish steps: stages 3 and 4 are kept, cycle 1 continues from its step 2, cycle 2 starts afresh.
    scores = _run(work, out, dit=3, refine=2, polish=3, cycles=2)
    assert torch.load(work / "refine_state.pt")["step"] == 2
    again = torch.load(work / "polish1_state.pt")
    assert again["step"] == 3 and again["history"]["loss"][:2] == polished["history"]["loss"]
    cycle_two = torch.load(work / "polish2_state.pt")  # started afresh from cycle 1's new result
    assert cycle_two["step"] == 3 and cycle_two["history"]["loss"][:2] != second_cycle["history"]["loss"]
    # Held-out scores were measured at the end of each stage and run, on one step axis, kept across the resume.
    assert [entry["step"] for entry in scores] == [3, 5, 7, 8, 11]
    assert "_name_or_path" not in json.loads((out / "transformer" / "config.json").read_text())
    assert all(0 <= entry[key] <= 1 for entry in scores for key in ("colour", "shape", "motion"))
    clip = HallmarkVideoPipeline.from_pretrained(out)("a red ball", num_inference_steps=2, seed=0,
                                                     height=64, width=64)
    assert clip.frames.shape == (16, 64, 64, 3)

    # More stage-4 steps continue stage 4 from its step 2 and polish the new result afresh.
    scores = _run(work, out, dit=3, refine=4, polish=2)
    second = torch.load(work / "refine_state.pt")
    assert second["step"] == 4 and second["history"]["loss"][:2] == first["history"]["loss"]
    assert torch.load(work / "polish1_state.pt")["history"]["loss"] != again["history"]["loss"][:2]
    assert not (work / "polish2_state.pt").exists() and not (work / "transformer_polish2").exists()
    assert [entry["step"] for entry in scores] == [3, 5, 7, 9]

    # Asking stage 3 for more steps trains it on from its saved state, then refines the new model afresh.
    _run(work, out, dit=5, refine=4, polish=0)
    assert torch.load(work / "transformer_state.pt")["step"] == 5
    third = torch.load(work / "refine_state.pt")
    assert third["step"] == 4 and third["history"]["loss"] != second["history"]["loss"]
    assert not (work / "polish1_state.pt").exists()


def test_the_reversal_stage_trains_last_resumes_and_restarts_after_an_earlier_stage(tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    _run(work, out, dit=2, refine=1, polish=1, reverse=2)
    first = torch.load(work / "reverse_state.pt")
    assert first["step"] == 2 and len(first["history"]["loss"]) == 2
    assert json.loads((work / "transformer_reversed" / "history.json").read_text())["steps"] == 6
    # What ships is stage 6's result.
    shipped = HallmarkVideoPipeline.from_pretrained(out).transformer.state_dict()
    reversed_stage = SpacetimeDiT.from_pretrained(work / "transformer_reversed").state_dict()
    assert all(torch.equal(shipped[key], reversed_stage[key]) for key in shipped)
    captions = torch.load(work / "reversed_captions.pt")
    specs = [world.sample_spec(seed) for seed in range(60)]
    assert captions["reversible"].tolist() == [spec.pan is None for spec in specs]
    moving = next(i for i, spec in enumerate(specs) if spec.main.motion == "left" and not spec.pan)
    still = next(i for i, spec in enumerate(specs) if spec.main.motion == "still" and not spec.pan)
    dataset = torch.load(work / "dataset.pt")
    assert not torch.equal(captions["reversed_text"][moving], dataset["text"][moving])  # "left" became "right"
    assert torch.equal(captions["reversed_text"][still], dataset["text"][still])

    # More reversal steps continue it; a new polish cycle makes it start afresh.
    _run(work, out, dit=2, refine=1, polish=1, reverse=3)
    again = torch.load(work / "reverse_state.pt")
    assert again["step"] == 3 and again["history"]["loss"][:2] == first["history"]["loss"]
    _run(work, out, dit=2, refine=1, polish=2, reverse=2)
    restarted = torch.load(work / "reverse_state.pt")
    assert restarted["step"] == 2 and len(restarted["history"]["loss"]) == 2
    assert restarted["history"]["loss"] != first["history"]["loss"]
    assert json.loads((work / "transformer_reversed" / "history.json").read_text())["steps"] == 7

    # A second polish cycle, then back to one: stage 6 kept from the second cycle's model is not reused.
    _run(work, out, dit=2, refine=1, polish=2, cycles=2, reverse=2)
    from_second_cycle = torch.load(work / "reverse_state.pt")["history"]["loss"]
    _run(work, out, dit=2, refine=1, polish=2, cycles=1, reverse=2)
    assert torch.load(work / "reverse_state.pt")["history"]["loss"] != from_second_cycle
    assert json.loads((work / "transformer_reversed" / "history.json").read_text())["steps"] == 7


def test_a_batch_played_backwards_and_the_gap_between_the_answers():
    x0, noise = torch.randn(2, 8, 16, 4, 4), torch.randn(2, 8, 16, 4, 4)
    weight = torch.rand(2, 1, 16, 4, 4) + 1
    text, reversed_text = torch.randn(2, 5, 384), torch.randn(2, 5, 384)
    mask, reversed_mask = torch.ones(2, 5, dtype=torch.bool), torch.zeros(2, 5, dtype=torch.bool)
    sigma = torch.tensor([0.3, 0.9])
    both = _played_backwards(x0, noise, weight, text, mask, sigma, reversed_text, reversed_mask)
    for doubled, single in zip(both[:3], (x0, noise, weight)):
        assert torch.equal(doubled[:2], single) and torch.equal(doubled[2:], single.flip(2))
    assert torch.equal(both[3][2:], reversed_text) and torch.equal(both[4][2:], reversed_mask)
    assert torch.equal(both[5], torch.cat([sigma, sigma]))
    noisy = (1 - both[5].view(-1, 1, 1, 1, 1)) * both[0] + both[5].view(-1, 1, 1, 1, 1) * both[1]
    # Frame by frame alike: no gap. Tied to a frame's place in the clip (larger early on): a gap.
    assert _reversal_gap(torch.tanh(noisy), both[2]) == 0
    ramp = torch.linspace(1, 0, 16).view(1, 1, 16, 1, 1)
    assert _reversal_gap(torch.tanh(noisy) + ramp, both[2]) > 0.1
