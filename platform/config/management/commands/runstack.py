"""Run the web server and a procrastinate worker together; Ctrl-C stops both."""
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the platform on ADDRESS (default 127.0.0.1:8000) with a job worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, address: str, **options):
        manage = [sys.executable, str(settings.ROOT_DIR / "manage.py")]
        children = {
            "web": subprocess.Popen([*manage, "runserver", address, "--noreload"]),
            # The default model's queue and the housekeeping ones; open-weight backends have GPU
            # workers of their own (`manage.py worker --queues render-wan`, …). `worker` starts
            # procrastinate's worker again after a database outage.
            "worker": subprocess.Popen([*manage, "worker", "--queues", "render,maintenance,audit"]),
        }
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        self.stdout.write(f"Hallmark on http://{address}/ with a worker; Ctrl-C stops both.")
        while not stopping and all(child.poll() is None for child in children.values()):
            time.sleep(0.2)
        for child in children.values():
            if child.poll() is None:
                # SIGTERM, not SIGINT: a child started from a background shell ignores SIGINT.
                # The worker finishes its current jobs on SIGTERM; the web server just exits.
                child.terminate()
        for child in children.values():
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        failed = [name for name, child in children.items()
                  if not stopping and child.returncode not in (0, -signal.SIGTERM)]
        if failed:
            self.stderr.write(f"stopped because {', '.join(failed)} exited")
            raise SystemExit(1)
        self.stdout.write("Stopped web server and worker.")
