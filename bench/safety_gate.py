"""Latency of one PolicyGate.check on one core, and batched throughput on two, on the evaluation prompts.

Usage: .venv/bin/python bench/safety_gate.py [--prompts N]
Goals: p99 ≤ 20 ms for one check on one core; ≥ 300 prompts/s batched on 2 cores. The
baseline measured in the same run is the sentence encoder alone on the same prompts: the
ratio says what the rules, the normaliser and the head add on top of it.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from safety.evaluate import load, measure_latency  # noqa: E402
from safety.gate import PolicyGate  # noqa: E402
from safety.semantic import shared_encoder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=600)
    parser.add_argument("--file", default=str(ROOT / "safety" / "data" / "eval.jsonl"))
    args = parser.parse_args()
    prompts = [r["prompt"] for r in load(args.file)][:args.prompts]
    gate = PolicyGate()
    gate.check_many(prompts[:64])  # warm-up: models loaded, caches filled

    torch.set_num_threads(1)
    single = measure_latency(gate, prompts)
    p50, p99 = single["p50_ms"], single["p99_ms"]

    torch.set_num_threads(2)
    started = time.perf_counter()
    shared_encoder().encode(prompts)
    encoder_rate = len(prompts) / (time.perf_counter() - started)
    started = time.perf_counter()
    gate.check_many(prompts)
    gate_rate = len(prompts) / (time.perf_counter() - started)

    print(f"prompts: {len(prompts)} (mean {statistics.mean(map(len, prompts)):.0f} characters)")
    print(f"one check, 1 core:   p50 {p50:.1f} ms, p99 {p99:.1f} ms (goal p99 ≤ 20 ms)")
    print(f"batched, 2 cores:    {gate_rate:.0f} prompts/s (goal ≥ 300)")
    print(f"baseline encoder:    {encoder_rate:.0f} prompts/s; gate/encoder ratio {gate_rate / encoder_rate:.2f}")


if __name__ == "__main__":
    main()
