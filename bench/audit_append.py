"""Audit append throughput: hash-chained `record_event` against plain inserts, same run, same database.

Usage: .venv/bin/python bench/audit_append.py [--events 2000]
Prints events/s for 1 and 8 writers and the ratio chained / plain (goal: ≥ 0.5).
It works in its own scratch database (bench_hallmark), created and dropped here.
"""
from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import multiprocessing
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, connections, transaction  # noqa: E402

PLAIN_INSERT = """
INSERT INTO bench_plain_event (seq, occurred_at, actor_label, action, target_type, target_id, details_text,
                               prev_hash, hash)
VALUES (nextval('bench_plain_seq'), now(), %s, %s, '', '', %s, %s, %s)
"""


def chained_writer(count: int, writer: int) -> None:
    from audit.services import record_event

    for i in range(count):
        with transaction.atomic():
            record_event(action="bench.event", details={"writer": writer, "i": i})


def plain_writer(count: int, writer: int) -> None:
    from audit.chain import canonical_json

    for i in range(count):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(PLAIN_INSERT, ["system", "bench.event", canonical_json({"writer": writer, "i": i}),
                                          "0" * 64, secrets.token_hex(32)])


def run(writer_fn, writers: int, per_writer: int) -> float:
    """Events/s of `writers` processes (like web and job workers) writing `per_writer` each."""
    connections.close_all()  # each forked process opens its own connection
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(writers + 1)

    def body(n: int) -> None:
        barrier.wait()
        writer_fn(per_writer, n)
        connections.close_all()

    processes = [context.Process(target=body, args=(n,)) for n in range(writers)]
    for process in processes:
        process.start()
    barrier.wait()
    started = time.perf_counter()
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    if any(process.exitcode != 0 for process in processes):
        raise SystemExit("a writer process failed")
    return writers * per_writer / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000, help="events per measurement (default 2000)")
    parser.add_argument("--rounds", type=int, default=3, help="measurements per side, alternating (default 3)")
    args = parser.parse_args()

    connection.settings_dict["TEST"]["NAME"] = "bench_hallmark"  # never the test suite's database
    creation = connection.creation
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_plain_event (LIKE audit_auditevent INCLUDING ALL)")
            cursor.execute("CREATE SEQUENCE bench_plain_seq")
        from audit.selectors import chain_verify

        print(f"{'writers':>7} {'chained ev/s':>13} {'plain ev/s':>11} {'ratio':>6}   (median of {args.rounds} rounds)")
        for writers in (1, 8):
            per_writer = max(1, args.events // writers)
            plain, chained = [], []
            for round_ in range(args.rounds):
                # Alternate the order so that drift in the machine's speed hits both sides alike.
                order = [(plain, plain_writer), (chained, chained_writer)]
                for results, writer in order if round_ % 2 == 0 else reversed(order):
                    results.append(run(writer, writers, per_writer))
            p, c = statistics.median(plain), statistics.median(chained)
            print(f"{writers:>7} {c:>13.0f} {p:>11.0f} {c / p:>6.2f}")
        report = chain_verify()
        print(f"chain after the run: {'verifies' if report.ok else report.broken}, {report.events_checked} events")
    finally:
        creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
