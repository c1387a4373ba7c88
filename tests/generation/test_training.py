"""`python -m generation train` at a tiny size: every stage runs, exports, and resumes."""
import json

import torch

from generation import HallmarkVideoPipeline
from generation.train import main as train

TINY = ["--ae-steps", "3", "--clips", "60", "--batch", "4", "--width", "48", "--depth", "1", "--heads", "2",
        "--eval-n", "2", "--refiner", "8"]


def test_train_exports_a_pipeline_and_resumes(tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    train(["--work", str(work), "--out", str(out), "--dit-steps", "3", "--refine-steps", "2", *TINY])
    base = torch.load(work / "transformer_state.pt")
    first = torch.load(work / "refine_state.pt")
    assert base["step"] == 3 and len(base["history"]["loss"]) == 3
    assert first["step"] == 2 and len(first["history"]["loss"]) == 2
    for name in ("model_index.json", "training_loss.png", "training_scores.png", "samples.png", "training.json"):
        assert (out / name).exists(), name
    assert json.loads((out / "training.json").read_text())["refine_steps"] == 2
    assert json.loads((out / "transformer" / "config.json").read_text())["refiner_channels"] == 8

    # A longer run over the same work folder keeps stage 3 and continues stage 4 from step 2.
    train(["--work", str(work), "--out", str(out), "--dit-steps", "3", "--refine-steps", "4", *TINY])
    assert torch.load(work / "transformer_state.pt")["step"] == 3
    second = torch.load(work / "refine_state.pt")
    assert second["step"] == 4 and second["history"]["loss"][:2] == first["history"]["loss"]
    # Held-out scores were measured at the end of each stage and run, on one step axis, kept across the resume.
    scores = json.loads((out / "training_scores.json").read_text())
    assert [entry["step"] for entry in scores] == [3, 5, 7]
    assert all(0 <= entry[key] <= 1 for entry in scores for key in ("colour", "shape", "motion"))
    clip = HallmarkVideoPipeline.from_pretrained(out)("a red ball", num_inference_steps=2, seed=0,
                                                     height=64, width=64)
    assert clip.frames.shape == (16, 64, 64, 3)

    # Asking stage 3 for more steps trains it on from its saved state, then refines the new model afresh.
    train(["--work", str(work), "--out", str(out), "--dit-steps", "5", "--refine-steps", "4", *TINY])
    assert torch.load(work / "transformer_state.pt")["step"] == 5
    third = torch.load(work / "refine_state.pt")
    assert third["step"] == 4 and third["history"]["loss"] != second["history"]["loss"]
