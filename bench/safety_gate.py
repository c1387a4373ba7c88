"""Latency of one PolicyGate.check on one core, and batched throughput on two, on the evaluation prompts.

Usage: .venv/bin/python bench/safety_gate.py [--prompts N]
Goals: p99 ≤ 20 ms for one check on one core; ≥ 300 prompts/s batched on 2 cores. Two
baselines are measured in the same run on the same prompts: the sentence encoder alone (the ratio
says what the rules, the normaliser and the heads add on top of it), and transformers' BertModel
against our lean forward pass over the same weights for one prompt on one core (what the lean pass
saves; its numbers are BertModel's, see safety/encoder.py).
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
from safety.encoder import MAX_TOKENS, load_bertmodel, shared_encoder  # noqa: E402

PASSES = 5
LATENCY_PASSES = 3  # p99 of 600 checks is their 6th slowest, and moved 17–23 ms between runs; of 1,800, their 18th


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=600)
    parser.add_argument("--file", default=str(ROOT / "safety" / "data" / "eval.jsonl"))
    args = parser.parse_args()
    prompts = [r["prompt"] for r in load(args.file)][:args.prompts]
    gate = PolicyGate()
    gate.check_many(prompts[:64])  # warm-up: models loaded, caches filled

    torch.set_num_threads(1)
    single = measure_latency(gate, prompts * LATENCY_PASSES)
    p50, p99 = single["p50_ms"], single["p99_ms"]
    lean_p50, bert_p50 = _one_prompt_encoder_p50(prompts)

    torch.set_num_threads(2)
    encoder_rates, gate_rates = [], []
    for _ in range(PASSES):  # interleaved, the median of each: one pass is ~2 s, and this machine drifts
        encoder_rates.append(len(prompts) * 1000 / _ms(lambda: shared_encoder().encode(prompts)))
        gate_rates.append(len(prompts) * 1000 / _ms(lambda: gate.check_many(prompts)))
    encoder_rate, gate_rate = statistics.median(encoder_rates), statistics.median(gate_rates)

    print(f"prompts: {len(prompts)} (mean {statistics.mean(map(len, prompts)):.0f} characters)")
    print(f"one check, 1 core:   p50 {p50:.1f} ms, p99 {p99:.1f} ms (goal p99 ≤ 20 ms), over {single['samples']} checks"
          f" ({LATENCY_PASSES} passes)")
    print(f"batched, 2 cores:    {gate_rate:.0f} prompts/s (goal ≥ 300), median of {PASSES} passes"
          f" ({min(gate_rates):.0f}–{max(gate_rates):.0f})")
    print(f"baseline encoder:    {encoder_rate:.0f} prompts/s; gate/encoder ratio {gate_rate / encoder_rate:.2f}")
    print(f"one prompt, 1 core:  lean encoder p50 {lean_p50:.1f} ms, transformers BertModel p50 {bert_p50:.1f} ms;"
          f" ratio {lean_p50 / bert_p50:.2f}")


def _one_prompt_encoder_p50(prompts: list[str]) -> tuple[float, float]:
    """Median ms of the lean forward pass and of BertModel on one tokenised prompt."""
    encoder, bertmodel = shared_encoder(), load_bertmodel()
    batches = [encoder.tokenizer([p], truncation=True, max_length=MAX_TOKENS, return_tensors="pt") for p in prompts]
    lean, bert = [], []
    with torch.inference_mode():
        for batch in batches:  # interleaved: the machine's drift touches both alike
            lean.append(_ms(lambda: encoder.lean(batch["input_ids"], batch["attention_mask"])))
            bert.append(_ms(lambda: bertmodel(**batch)))
    return statistics.median(lean), statistics.median(bert)


def _ms(run) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
