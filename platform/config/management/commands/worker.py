"""Run a procrastinate worker, and start it again when it stops on a lost database connection.

procrastinate's worker exits when PostgreSQL goes away (a restart, a failover): its LISTEN
connection fails and it stops, with exit status 0 or 1. A service manager would start it
again; this command does the same wherever the worker is run directly (`make demo`, a plain
VM): a worker that stops without being asked to is started again after a pause that doubles
from 1 s to 30 s; SIGTERM or SIGINT stops it for good (it finishes its current jobs first). Jobs are never lost in between:
they wait in PostgreSQL, and a render that was running is queued again by the stalled-job task.
"""
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run a job worker on the given queues, restarting it after a database outage."

    def add_arguments(self, parser):
        parser.add_argument("--queues", default="render,maintenance,audit",
                            help="comma-separated procrastinate queues (default: render,maintenance,audit)")

    def handle(self, *args, queues: str, **options):
        command = [sys.executable, str(settings.ROOT_DIR / "manage.py"), "procrastinate", "worker", "--queues", queues]
        state = {"stopping": False, "child": None}

        def stop(signum, frame):
            state["stopping"] = True
            child = state["child"]
            if child is not None and child.poll() is None:
                child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        pause = 1.0
        while not state["stopping"]:
            started = time.monotonic()
            state["child"] = subprocess.Popen(command)
            code = state["child"].wait()
            if state["stopping"]:
                break
            # Nobody asked it to stop, so it stopped on an error — procrastinate exits 0 after
            # "Database error, stopping worker" as readily as 1: start it again either way.
            if time.monotonic() - started > 60:
                pause = 1.0  # it ran a good while: this is a new outage, not the same one
            self.stderr.write(f"worker exited with status {code}; starting it again in {pause:.0f} s")
            deadline = time.monotonic() + pause
            while not state["stopping"] and time.monotonic() < deadline:
                time.sleep(0.1)
            pause = min(pause * 2, 30.0)
