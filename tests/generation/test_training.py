"""`python -m generation train` at a tiny size: every stage runs, exports, and resumes."""
import json

import torch

from generation import HallmarkVideoPipeline
from generation.train import main as train

TINY = ["--ae-steps", "3", "--clips", "60", "--batch", "4", "--width", "48", "--depth", "1", "--heads", "2",
        "--eval-n", "2"]


def test_train_exports_a_pipeline_and_resumes(tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    train(["--work", str(work), "--out", str(out), "--dit-steps", "3", *TINY])
    first = torch.load(work / "transformer_state.pt")
    assert first["step"] == 3 and len(first["history"]["loss"]) == 3
    for name in ("model_index.json", "training_loss.png", "training_scores.png", "samples.png", "training.json"):
        assert (out / name).exists(), name
    assert json.loads((out / "training.json").read_text())["dit_steps"] == 3

    # A longer run over the same work folder continues from step 3 instead of starting again.
    train(["--work", str(work), "--out", str(out), "--dit-steps", "5", *TINY])
    second = torch.load(work / "transformer_state.pt")
    assert second["step"] == 5 and second["history"]["loss"][:3] == first["history"]["loss"]
    # The held-out scores were measured at the end of each run and kept across the resume.
    scores = json.loads((out / "training_scores.json").read_text())
    assert [entry["step"] for entry in scores] == [3, 5]
    assert all(0 <= entry[key] <= 1 for entry in scores for key in ("colour", "shape", "motion"))
    clip = HallmarkVideoPipeline.from_pretrained(out)("a red ball", num_inference_steps=2, seed=0,
                                                     height=64, width=64)
    assert clip.frames.shape == (16, 64, 64, 3)
