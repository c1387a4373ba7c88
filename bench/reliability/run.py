"""`make reliability`: faults, hostile uploads, access, abuse, hardening and load, measured; writes bench/RELIABILITY.md.

Usage: .venv/bin/python bench/reliability/run.py [--load-seconds 60] [--fuzz-inputs 3000] [--out bench/RELIABILITY.md]

Each part runs the real thing and reports numbers, not opinions:
- faults: bench/reliability/faults.py (a worker SIGKILLed mid-render, PostgreSQL restarted under
  load, a full disk while storing), on a PostgreSQL server of its own;
- hostile uploads: a fuzz campaign of --fuzz-inputs malformed media through the upload endpoints;
- access and abuse: the test files that prove them (tenant matrix, API key scopes and expiry,
  CSRF, login throttling, two-factor, rate limits and quotas under concurrency, repeated-block
  flags), with their pass counts;
- hardening: `manage.py check --deploy` with production settings, and the header, key and log tests;
- load: bench/api_load.py for --load-seconds with a worker running.
Exit status 1 when any part fails; the report says which.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

ACCESS_TESTS = [
    "tests/platform/test_tenant_isolation.py",  # every page and endpoint against other teams and lower roles
    "tests/platform/accounts",  # API key scopes, expiry, revocation; CSRF; login throttling; two-factor
]
ABUSE_TESTS = [
    "tests/platform/accounts/test_rate_limits_and_quotas.py",
    "tests/platform/moderation/test_repeated_blocks.py",
]
NO_RATE_LIMITS = {name: "0" for name in (  # the load run measures capacity, not the limits (tested above)
    "HALLMARK_RATE_GENERATIONS_PER_KEY", "HALLMARK_RATE_GENERATIONS_PER_TEAM",
    "HALLMARK_RATE_VERIFICATIONS_PER_KEY", "HALLMARK_RATE_VERIFICATIONS_PER_TEAM")}
HARDENING_TESTS = [
    "tests/platform/config/test_production.py",
    "tests/platform/config/test_security_headers.py",
    "tests/platform/config/test_logs.py",
]


def _run(command: list[str], *, env: dict | None = None, timeout: float = 3600) -> tuple[int, str, float]:
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                            timeout=timeout)
    return result.returncode, result.stdout + result.stderr, time.monotonic() - started


def faults(load_seconds: float) -> dict:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    code, log, seconds = _run([PYTHON, "bench/reliability/faults.py", "--json", str(out),
                               "--load-seconds", str(load_seconds)])
    try:
        results = json.loads(out.read_text())
    except ValueError:
        results = {"error": log[-2000:]}
    return {"ok": code == 0, "seconds": seconds, "results": results}


def pytest_counts(paths: list[str], database: str) -> dict:
    existing = [p for p in paths if (ROOT / p).exists()]
    report = Path(tempfile.mkstemp(suffix=".xml")[1])
    code, log, seconds = _run([PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
                               *existing], env={"HALLMARK_TEST_DATABASE": database})
    try:
        suite = ElementTree.parse(report).getroot()
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        counts = {k: int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped")}
    except (ElementTree.ParseError, AttributeError):
        counts = {"tests": 0, "failures": 0, "errors": 1, "skipped": 0}
    return {"ok": code == 0, "seconds": seconds, "paths": existing, **counts,
            "tail": "" if code == 0 else log[-1500:]}


def fuzz(inputs: int) -> dict:
    """The hostile-upload campaign of tests/platform/verification/test_hostile_uploads.py, made bigger and random."""
    report = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    seed = int(time.time())
    code, log, seconds = _run([PYTHON, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
                               "tests/platform/verification/test_hostile_uploads.py"],
                              env={"HALLMARK_FUZZ_EXAMPLES": str(inputs), "HALLMARK_FUZZ_SEED": str(seed),
                                   "HALLMARK_FUZZ_REPORT": str(report),
                                   "HALLMARK_TEST_DATABASE": "test_reliability_fuzz"})
    targets = [json.loads(line) for line in report.read_text().splitlines() if line.strip()]
    return {"ok": code == 0, "seconds": seconds, "seed": seed, "targets": targets,
            "tail": "" if code == 0 else log[-2000:]}


def production_env(folder: Path) -> dict:
    """What production needs, with real keys made as the tools make them (private files, mode 600)."""
    import secrets

    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
    from audit.signed_checkpoint import generate_private_key
    from provenance import init_keys

    init_keys(folder / "provenance-keys")
    generate_private_key(folder / "audit-checkpoint.pem")
    return {"HALLMARK_ENV": "production", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "hallmark.example.org",
            "DATABASE_URL": "postgres://hallmark@db.example.org:5432/hallmark",
            "HALLMARK_PROVENANCE_KEYS": str(folder / "provenance-keys"),
            "HALLMARK_WATERMARK_KEY": secrets.token_urlsafe(32),
            "HALLMARK_AUDIT_SIGNING_KEY": str(folder / "audit-checkpoint.pem")}


def hardening() -> dict:
    """`check --deploy` under production settings, then the tests of headers, keys, secrets and logs."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HALLMARK_")) and k != "DATABASE_URL"}
    env = {**clean, **production_env(Path(tempfile.mkdtemp(prefix="hallmark-production-")))}
    result = subprocess.run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    tests = pytest_counts(HARDENING_TESTS, "test_reliability_hardening")
    return {**tests, "ok": result.returncode == 0 and tests["ok"],
            "deploy_check": (result.stdout + result.stderr).strip()[-1500:]}


def load(seconds: float) -> dict:
    code, log, elapsed = _run([PYTHON, "bench/api_load.py", "--seconds", str(seconds)], env=NO_RATE_LIMITS)
    return {"ok": code == 0, "seconds": elapsed, "output": log.strip()[-3000:]}


def _table(rows: list[tuple]) -> str:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in body]
    return "\n".join(lines)


def write_report(path: Path, parts: dict, args) -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    verdict = lambda part: "**passed**" if part["ok"] else "**FAILED**"  # noqa: E731
    f = parts["faults"]["results"]
    lines = [
        "# Reliability and security, measured",
        "",
        f"Written by `make reliability` (`bench/reliability/run.py`) on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"commit {commit}, {platform.machine()} with {os.cpu_count()} cores. Every number below comes from "
        f"that run; rerun it to refresh them.",
        "",
        f"## Faults — {verdict(parts['faults'])}",
        "",
        "`bench/reliability/faults.py`, on a PostgreSQL server of its own, with real worker and web processes.",
        "",
    ]
    killed = f.get("worker_killed_mid_render", {})
    restart = f.get("database_restarted_under_load", {})
    disk = f.get("disk_full_while_storing", {})
    lines.append(_table([
        ("scenario", "what happened", "outcome"),
        ("worker SIGKILLed mid-render",
         f"killed at {killed.get('progress_at_kill', '?')} progress; the stalled job ran again after "
         f"{killed.get('recovered_after_seconds', '?')} s", f"status {killed.get('status')}, attempts "
         f"{killed.get('attempts')}, clips {killed.get('clips')}, files {killed.get('clip_files')}, quota "
         f"reservations {killed.get('reservations')} (refunded {killed.get('refunded')}), audit chain "
         f"{'verifies' if killed.get('audit_chain_ok') else 'BROKEN'}"),
        ("PostgreSQL restarted under load",
         f"{restart.get('load_seconds')} s of submissions, restart took {restart.get('restart_seconds')} s; "
         f"responses {restart.get('statuses')}",
         f"accepted {restart.get('accepted')}, rendered {restart.get('rendered')}, lost {restart.get('lost')}, "
         f"5xx other than 503: {restart.get('server_errors')}, worker restarts {restart.get('worker_restarts')}, "
         f"audit chain {'verifies' if restart.get('audit_chain_ok') else 'BROKEN'}"),
        ("disk full while storing a clip", disk.get("skipped") or "1 MB tmpfs as the clip store, filled",
         disk.get("skipped") and "skipped" or f"status {disk.get('status')} ({disk.get('reason')}), quota refunded "
         f"{disk.get('refunded')}, partial files left {len(disk.get('partial_files_left', []))}, audit chain "
         f"{'verifies' if disk.get('audit_chain_ok') else 'BROKEN'}"),
    ]))
    lines += ["", f"`manage.py audit_verify` afterwards: exit {f.get('audit_verify_exit')}.", ""]
    z = parts["fuzz"]
    lines += [f"## Hostile uploads — {verdict(z)}", "",
              f"`tests/platform/verification/test_hostile_uploads.py` with `HALLMARK_FUZZ_EXAMPLES={args.fuzz_inputs}` "
              f"and `HALLMARK_FUZZ_SEED={z['seed']}` (hypothesis; malformed, truncated, corrupted and spliced "
              f"MP4/MOV/WebM/MKV, wrong magic, zero bytes, headers claiming absurd sizes and durations), "
              f"{z['seconds']:.0f} s:", ""]
    lines.append(_table([("target", "inputs tried", "answers by status", "slowest request", "peak RSS growth")] + [
        (t["target"], t["tried"], t["by_status"], f"{t['max_wall_seconds']:.2f} s ({t['slowest_kind']})",
         f"{t['max_rss_growth_mb']:.0f} MB ({t['hungriest_kind']})") for t in z["targets"]]))
    total = sum(t["tried"] for t in z["targets"])
    server_errors = sum(v for t in z["targets"] for k, v in t["by_status"].items() if int(k) >= 500)
    lines += ["", f"In all: {total} hostile inputs, {server_errors} answered 5xx.", "",
              "Inputs by kind: " + "; ".join(f"{t['target']}: {t['by_kind']}" for t in z["targets"]), ""]
    if z["tail"]:
        lines += ["```", z["tail"], "```", ""]
    for key, title in (("access", "Access"), ("abuse", "Abuse")):
        part = parts[key]
        lines += [f"## {title} — {verdict(part)}", "",
                  f"{part['tests']} tests ({part['failures']} failed, {part['errors']} errors, {part['skipped']} "
                  f"skipped) in {part['seconds']:.0f} s: " + ", ".join(f"`{p}`" for p in part["paths"]) + ".", ""]
        if part["tail"]:
            lines += ["```", part["tail"], "```", ""]
    d = parts["hardening"]
    lines += [f"## Hardening — {verdict(d)}", "", "`manage.py check --deploy --fail-level WARNING` with production "
              "settings and real keys:", "", "```", d["deploy_check"], "```", "",
              f"Then {d['tests']} tests of security headers, CSP-safe templates, key-file permissions, secrets only "
              f"from the environment and prompts kept out of logs ({d['failures']} failed, {d['errors']} errors): "
              + ", ".join(f"`{p}`" for p in d["paths"]) + ".", ""]
    if d["tail"]:
        lines += ["```", d["tail"], "```", ""]
    lo = parts["load"]
    lines += [f"## Load — {verdict(lo)}", "", f"`bench/api_load.py --seconds {args.load_seconds:.0f}`:", "", "```",
              lo["output"], "```", ""]
    path.write_text("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--fault-load-seconds", type=float, default=20)
    parser.add_argument("--fuzz-inputs", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RELIABILITY.md")
    args = parser.parse_args()
    parts = {}
    for name, run in [("hardening", hardening),
                      ("access", lambda: pytest_counts(ACCESS_TESTS, "test_reliability_access")),
                      ("abuse", lambda: pytest_counts(ABUSE_TESTS, "test_reliability_abuse")),
                      ("fuzz", lambda: fuzz(args.fuzz_inputs)),
                      ("faults", lambda: faults(args.fault_load_seconds)),
                      ("load", lambda: load(args.load_seconds))]:
        print(f"{name}…", flush=True)
        parts[name] = run()
        print(f"{name}: {'passed' if parts[name]['ok'] else 'FAILED'}", flush=True)
    write_report(args.out, parts, args)
    print(f"wrote {args.out}")
    if not all(part["ok"] for part in parts.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
