"""Stand-alone audit verification at scale: a million exported events checked against signed checkpoints.

Usage: .venv/bin/python bench/audit_verify.py [--events 1000000] [--checkpoint-every 100000]

Writes an export folder in the layout `audit.checkpoints` writes (realistic events: emails,
team and target ids, a policy decision in the details), signs a checkpoint every N events
with a fresh Ed25519 key, then times `python -m audit.verifier` on it in its own process.
Baseline, same run, same files: only reading and JSON-parsing every line (the floor any
verifier pays). Prints seconds, events/s, the ratio verify / baseline, and the goal
(≤ 60 s for 1,000,000 events on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "platform")]

from audit.chain import GENESIS_HASH, canonical_json, event_hash  # noqa: E402
from audit.merkle import TreeBuilder, leaf_hash  # noqa: E402
from audit.signed_checkpoint import generate_private_key, public_key_pem, sign_checkpoint  # noqa: E402

ACTIONS = ("generation.requested", "quota.reserved", "generation.completed", "moderation.decided",
           "verification.requested")


def _event(seq: int, prev: str) -> dict:
    decision = {"action": "allow", "categories": [], "gate_version": "bench"}
    event = {
        "seq": seq, "occurred_at": f"2026-12-{1 + seq % 28:02d}T{seq % 24:02d}:00:00.{seq % 999999:06d}+00:00",
        "actor_id": 1 + seq % 500, "actor_label": f"member{seq % 500}@team{seq % 40}.example",
        "team_id": 1 + seq % 40, "action": ACTIONS[seq % len(ACTIONS)], "target_type": "studio.generationrequest",
        "target_id": str(seq // 3), "details": canonical_json({"decision": decision, "n": seq}),
        "client_ip": f"10.0.{seq % 250}.{seq % 200}", "prev_hash": prev,
    }
    event["hash"] = event_hash(prev, event)
    return event


def write_export(folder: Path, events: int, every: int) -> Path:
    key = generate_private_key(folder / "private.pem")
    public = folder / "public.pem"
    public.write_bytes(public_key_pem(key))
    (folder / "events").mkdir()
    (folder / "checkpoints").mkdir()
    tree, prev, first = TreeBuilder(), GENESIS_HASH, 1
    lines = []
    for seq in range(1, events + 1):
        event = _event(seq, prev)
        prev = event["hash"]
        tree.append(leaf_hash(bytes.fromhex(prev)))
        lines.append(canonical_json(event) + "\n")
        if seq % every == 0 or seq == events:
            (folder / "events" / f"{first:012d}-{seq:012d}.jsonl").write_text("".join(lines), "utf-8")
            signed = sign_checkpoint(key, tree_size=seq, root_hash=tree.root().hex(),
                                     issued_at="2026-12-04T00:00:00.000000+00:00")
            (folder / "checkpoints" / f"{seq:012d}.json").write_text(json.dumps(signed.as_dict()))
            lines, first = [], seq + 1
    return public


def parse_only(folder: Path) -> int:
    count = 0
    for path in sorted((folder / "events").glob("*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                json.loads(line)
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--checkpoint-every", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="audit-verify-bench-") as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        public = write_export(folder, args.events, args.checkpoint_every)
        size = sum(p.stat().st_size for p in (folder / "events").iterdir())
        print(f"export: {args.events:,} events, {size / 1e6:.0f} MB, written in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        assert parse_only(folder) == args.events
        baseline = time.perf_counter() - started

        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "audit.verifier", str(folder), "--public-key", str(public)],
                                capture_output=True, text=True, cwd=ROOT / "platform")
        verify = time.perf_counter() - started
        print(result.stdout.strip() or result.stderr.strip())
        if result.returncode != 0:
            sys.exit(f"the verifier failed (exit {result.returncode})")
    print(f"baseline (read + parse every line): {baseline:.1f} s")
    print(f"stand-alone verifier: {verify:.1f} s, {args.events / verify:,.0f} events/s, "
          f"{verify / baseline:.2f}× the baseline")
    goal = 60 * args.events / 1_000_000
    print(f"goal: ≤ {goal:.0f} s for {args.events:,} events → {'met' if verify <= goal else 'NOT met'}")


if __name__ == "__main__":
    main()
