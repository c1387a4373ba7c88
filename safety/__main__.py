"""Command line: python -m safety {check, classify, evaluate, train}."""
from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train"]:
        from safety.train import main as train

        train(argv[1:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m safety", description="Hallmark's prompt policy gate.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="decide on one prompt and say why")
    check.add_argument("prompt")
    check.add_argument("--json", action="store_true", help="print the whole decision as JSON")
    classify = commands.add_parser("classify", help="JSON lines with a 'prompt' on stdin → decisions on stdout")
    classify.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON lines")
    evaluate = commands.add_parser("evaluate", help="precision, recall, block/allow rates and latency on a set")
    evaluate.add_argument("file", help="JSON lines with prompt, kind, labels, expected")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    commands.add_parser("train", help="train the semantic head (see python -m safety train --help)")
    args = parser.parse_args(argv)

    from safety.gate import PolicyGate, PromptError

    gate = PolicyGate()
    if args.command == "check":
        try:
            decision = gate.check(args.prompt)
        except PromptError as exc:
            parser.exit(2, f"error: {exc}\n")
        print(decision.to_json() if args.json else describe(decision))
        return 0
    if args.command == "classify":
        return classify_lines(gate, sys.stdin.buffer, sys.stdout)
    from safety.evaluate import evaluate as run, load

    try:
        records = load(args.file)
    except (OSError, ValueError) as exc:
        parser.exit(2, f"error: {exc}\n")
    result = run(records, gate)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(report(result))
    return 0


def describe(decision) -> str:
    lines = [f"{decision.action.upper()}"]
    for message in decision.messages:
        lines.append(f"  {message}")
    for result in decision.categories:
        how = f"rule {', '.join(result.rules)}" if result.source == "rule" else \
            f"model score {result.score:.2f} ≥ {result.threshold:.2f}"
        spans = "; ".join(f"“{s.text}” at {s.start}–{s.end}" for s in result.spans)
        shadow = " (shadow: recorded, not enforced)" if result.shadow else ""
        lines.append(f"- {result.name}: {result.action} by {how}{' — ' + spans if spans else ''}{shadow}")
    lines.append(f"gate {decision.gate_version}")
    return "\n".join(lines)


def classify_lines(gate, lines, out) -> int:
    """One output line per input line (bytes); a bad line gets an error object, never a crash."""
    from safety.gate import PromptError

    failures = 0
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
            prompt = record.get("prompt") if isinstance(record, dict) else None
            if prompt is None:
                raise PromptError("each line needs a 'prompt' field")
            decision = gate.check(prompt)
            result = {"action": decision.action, "categories": sorted({c.name for c in decision.enforced})}
        except UnicodeDecodeError:
            failures += 1
            result = {"error": f"line {number}: not UTF-8 text"}
        except (ValueError, PromptError) as exc:  # JSON errors are ValueErrors too
            failures += 1
            result = {"error": f"line {number}: {exc}"}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failures else 0


def _rate(result: dict, name: str) -> str:
    """A rate cut (not rounded) to four places, with its counts: goals are "at least".
    Whole-number arithmetic: 57 of 100 must read 0.5700, which floating point cuts to 0.5699."""
    right, total = result["tallies"][name]
    if not total:
        return "—"
    cut = right * 10_000 // total
    return f"{cut // 10_000}.{cut % 10_000:04d} ({right} of {total})"


def report(result: dict) -> str:
    lines = [f"{result['n']} prompts: " + ", ".join(f"{k} {v}" for k, v in result["counts"].items()),
             f"unsafe blocked        {_rate(result, 'unsafe_blocked')}",
             f"obfuscated blocked    {_rate(result, 'obfuscated_blocked')}",
             f"benign allowed        {_rate(result, 'benign_allowed')}",
             f"  tricky benign       {_rate(result, 'tricky_benign_allowed')}",
             f"borderline not allowed {_rate(result, 'borderline_not_allowed')}",
             f"latency               p50 {result['latency'].get('p50_ms')} ms, p99 {result['latency'].get('p99_ms')} ms",
             "", f"{'category':<24}{'precision':>10}{'recall':>8}{'n':>5}"]
    for name, c in result["categories"].items():
        fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
        lines.append(f"{name:<24}{fmt(c['precision']):>10}{fmt(c['recall']):>8}{c['support']:>5}")
    if result["mistakes"]:
        lines += ["", f"{len(result['mistakes'])} mistakes, first ones:"]
        lines += [f"  [{m['kind']}] {m['action']} {m['named']} ← {m['prompt'][:90]!r}" for m in result["mistakes"][:25]]
    lines.append(f"gate {result['gate_version']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
