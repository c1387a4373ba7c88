"""Judge the gate on a labelled set: per-category precision and recall, block and allow rates, latency.

Records are JSON lines {"prompt", "kind", "labels", "expected"}; kind is one of benign,
tricky_benign, unsafe, obfuscated, borderline. A category counts as found when the decision
names it (rule or model) with review or block.
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from safety.gate import PolicyGate, PromptError, validate_prompt
from safety.taxonomy import NAMES


def load(path: str | Path) -> list[dict]:
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            if not isinstance(record, dict) or "prompt" not in record or "kind" not in record:
                raise ValueError(f"{path}:{number}: each line needs 'prompt' and 'kind'")
            try:
                validate_prompt(record["prompt"])
            except PromptError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from None
            records.append(record)
    return records


def evaluate(records: list[dict], gate: PolicyGate | None = None, *, latency_samples: int = 200) -> dict:
    gate = gate or PolicyGate()
    decisions = gate.check_many([r["prompt"] for r in records])
    by_kind: dict[str, list[str]] = {}
    found = {name: {"tp": 0, "fp": 0, "fn": 0} for name in NAMES}
    mistakes = []
    for record, decision in zip(records, decisions):
        by_kind.setdefault(record["kind"], []).append(decision.action)
        named = {c.name for c in decision.enforced}
        labels = set(record.get("labels", []))
        for name in NAMES:
            if name in named and name in labels:
                found[name]["tp"] += 1
            elif name in named:
                found[name]["fp"] += 1
            elif name in labels:
                found[name]["fn"] += 1
        expected = record.get("expected") or ("allow" if record["kind"] in ("benign", "tricky_benign") else "block")
        wrong = (decision.action != "allow") if expected == "allow" else (
            decision.action == "allow" if expected == "review" else decision.action != "block")
        if wrong:
            mistakes.append({"prompt": record["prompt"], "kind": record["kind"], "labels": sorted(labels),
                             "action": decision.action, "named": sorted(named)})

    # Each rate unrounded, with its counts kept beside it: 323 of 333 is 0.96997, not "0.97".
    tallies = {}
    for name, (kinds, wanted) in _RATES.items():
        actions = [a for k in kinds for a in by_kind.get(k, [])]
        tallies[name] = [sum(map(wanted, actions)), len(actions)]

    categories = {}
    for name, c in found.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        categories[name] = {"precision": _round(precision), "recall": _round(recall), "support": c["tp"] + c["fn"]}
    return {
        "n": len(records),
        "counts": {kind: len(actions) for kind, actions in sorted(by_kind.items())},
        **{name: right / total if total else None for name, (right, total) in tallies.items()},
        "tallies": tallies,  # [right, out of] for each rate above, by its name
        "categories": categories,
        "latency": measure_latency(gate, [r["prompt"] for r in records][:latency_samples]),
        "gate_version": gate.version,
        "mistakes": mistakes,
    }


# The rates reported: which kinds of record each counts, and which action is right for them.
_RATES = {
    "unsafe_blocked": (["unsafe"], lambda action: action == "block"),
    "obfuscated_blocked": (["obfuscated"], lambda action: action == "block"),
    "benign_allowed": (["benign", "tricky_benign"], lambda action: action == "allow"),
    "tricky_benign_allowed": (["tricky_benign"], lambda action: action == "allow"),
    "borderline_not_allowed": (["borderline"], lambda action: action != "allow"),
}


def measure_latency(gate: PolicyGate, prompts: list[str]) -> dict:
    if not prompts:
        return {}
    gate.check(prompts[0])  # warm-up: models loaded, caches filled
    times = []
    for prompt in prompts:
        started = time.perf_counter()
        gate.check(prompt)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p99_ms": round(times[min(len(times) - 1, int(0.99 * len(times)))], 2),
            "samples": len(times)}


def _round(value):
    return None if value is None else round(value, 4)
