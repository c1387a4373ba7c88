"""The command line, exactly as documented: python -m generation sample / evaluate."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generation.video import read_frames

ROOT = Path(__file__).resolve().parents[2]


def _run(*args):
    return subprocess.run([sys.executable, "-m", "generation", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_sample_writes_an_mp4(tiny_pipeline, tmp_path):
    tiny_pipeline.save_pretrained(tmp_path / "weights")
    out = tmp_path / "clip.mp4"
    result = _run("sample", "a red ball rolls left", "--out", str(out), "--seed", "2", "--steps", "2",
                  "--frames", "16", "--weights", str(tmp_path / "weights"))
    assert result.returncode == 0, result.stderr
    assert read_frames(out).shape == (16, 256, 256, 3)


@pytest.mark.parametrize("args, message", [
    (["sample", "", "--out", "x.mp4"], "prompt is empty"),
    (["sample", "a ball", "--out", "x.mp4", "--frames", "0"], "even number"),
    (["sample", "a ball", "--out", "x.mp4", "--steps", "100000"], "Steps"),
    (["sample", "a ball", "--out", "x.mp4", "--size", "99999"], "multiple of 8"),
    (["sample", "a ball", "--out", "x.mp4", "--weights", "/nonexistent"], "no model in /nonexistent"),
    (["drift", "--n", "0"], "--n must be at least 1"),
])
def test_bad_arguments_exit_2_with_a_reason(args, message):
    result = _run(*args)
    assert result.returncode == 2 and message in result.stderr


def test_evaluate_ground_truth_prints_one_json_object():
    result = _run("evaluate", "--ground-truth", "--n", "6", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["n"] == 6 and report["ground_truth"] is True
    for key in ("colour", "shape", "motion", "background", "consistency"):
        assert 0.98 <= report[key] <= 1.0


def test_drift_prints_each_noise_levels_areas_frame_by_frame(tiny_pipeline, tmp_path):
    tiny_pipeline.save_pretrained(tmp_path / "weights")
    result = _run("drift", "--n", "2", "--weights", str(tmp_path / "weights"))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"0.95", "0.8", "0.6"}
    for level in report.values():
        assert len(level["frames"]) == 16 and 0 <= level["clips_read"] <= 2
        assert (level["first3"] is None) == (level["clips_read"] == 0)
