"""A bounded load on loopback: people generating and verifying for a while, with a worker running.

Usage: .venv/bin/python bench/api_load.py [--seconds 60] [--generators 2] [--verifiers 2]

Starts the real stack (runserver + a procrastinate worker) against a scratch database
(bench_api_load, created and dropped here), then `--generators` clients submit generations
(2 denoising steps, so the worker keeps up) and `--verifiers` clients upload clips to
/api/v1/verifications, for `--seconds`. Afterwards it waits for the queue to drain and checks
that every accepted request was rendered, that no response was a 5xx, and that the audit
chain verifies. Prints submissions/s, latency p50/p99 for both, and the counts. The baseline
in the same run: GET /api/v1/me, the cheapest authenticated call.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

PROMPTS = ["a red ball rolls left across a meadow", "a blue star spins at night under the stars",
           "a yellow square bounces in a blue sky", "a green triangle drifts over the water"]


def call(method: str, url: str, token: str, body: bytes | None = None, content_type: str = "application/json"):
    request = urllib.request.Request(url, data=body, method=method, headers={
        "Authorization": f"Bearer {token}", **({"Content-Type": content_type} if body is not None else {})})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, payload = exc.code, exc.read()
    return status, payload, time.perf_counter() - started


def multipart(data: bytes, name: str = "clip.mp4") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: video/mp4\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {}
        self.status: dict[int, int] = {}
        self.accepted: list[int] = []

    def add(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.latency.setdefault(kind, []).append(seconds)
            self.status[status] = self.status.get(status, 0) + 1


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def setup_team() -> str:
    from accounts import services
    from accounts.actors import SYSTEM, Actor
    from accounts.selectors import access_team_by_slug

    user = services.user_create(email="load@bench.test", password=None)
    team = services.team_create(actor=SYSTEM, slug="load", name="Load", first_admin=user)
    services.quota_set(team=team, clips_per_day=100_000, video_seconds_per_month=10_000_000)
    access = access_team_by_slug(user=user, slug="load")
    return services.api_key_create(actor=Actor(user=user), access=access, name="load", expires_in_days=1,
                                   scopes=["generate", "view_clips", "verify"]).token


def sample_clips(folder: Path) -> list[bytes]:
    """An unmarked clip and one marked and signed with the development keys, as the platform would."""
    import numpy as np

    from provenance.mark import mark
    from provenance.media import write_h264
    frames = np.random.default_rng(0).integers(0, 255, (16, 64, 64, 3), dtype=np.uint8).repeat(4, 1).repeat(4, 2)
    plain = write_h264(frames, folder / "plain.mp4", fps=8)
    marked = mark(plain, folder / "marked.mp4", payload="000000abcdef")
    return [plain.read_bytes(), marked.read_bytes()]


def database_url() -> str:
    db = connection.settings_dict
    credentials = f"{db['USER']}:{db['PASSWORD']}"
    if db["HOST"].startswith("/"):
        return f"postgresql://{credentials}@/{db['NAME']}?host={db['HOST']}"
    return f"postgresql://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--generators", type=int, default=2)
    parser.add_argument("--verifiers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--drain-seconds", type=float, default=600)
    args = parser.parse_args()

    connection.settings_dict["TEST"]["NAME"] = "bench_api_load"  # never the test suite's database
    creation = connection.creation
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    stack = []
    try:
        token = setup_team()
        folder = Path(tempfile.mkdtemp(prefix="hallmark-load-"))
        clips = sample_clips(folder)
        env = {**os.environ, "DATABASE_URL": database_url(), "HALLMARK_MEDIA_DIR": str(folder / "media")}
        manage = [sys.executable, str(ROOT / "manage.py")]
        web_log = open(folder / "web.log", "w")
        stack = [subprocess.Popen([*manage, "runserver", f"127.0.0.1:{args.port}", "--noreload"], env=env,
                                  stdout=web_log, stderr=subprocess.STDOUT),
                 subprocess.Popen([*manage, "procrastinate", "worker", "--queues", "render"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        base = f"http://127.0.0.1:{args.port}/api/v1"
        for _ in range(100):
            try:
                if call("GET", f"{base}/me", token)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        # Warm-up, untimed: the web process loads the policy gate's models on its first request.
        call("POST", f"{base}/generations", token, json.dumps({"prompt": PROMPTS[0], "steps": 2}).encode())
        call("POST", f"{base}/verifications", token, *multipart(clips[0]))
        tally, deadline = Tally(), time.monotonic() + args.seconds

        def generator(n: int) -> None:
            i = 0
            while time.monotonic() < deadline:
                body = json.dumps({"prompt": PROMPTS[(n + i) % len(PROMPTS)], "steps": 2, "seed": i}).encode()
                status, payload, seconds = call("POST", f"{base}/generations", token, body)
                tally.add("submit", status, seconds)
                if status == 201:
                    with tally.lock:
                        tally.accepted.append(json.loads(payload)["id"])
                i += 1
                time.sleep(0.5)  # a person, not a flood: the worker renders what is accepted

        def verifier(n: int) -> None:
            i = 0
            while time.monotonic() < deadline:
                body, content_type = multipart(clips[(n + i) % len(clips)])
                status, _, seconds = call("POST", f"{base}/verifications", token, body, content_type)
                tally.add("verify", status, seconds)
                i += 1

        def baseline() -> None:
            while time.monotonic() < deadline:
                status, _, seconds = call("GET", f"{base}/me", token)
                tally.add("me", status, seconds)
                time.sleep(0.2)

        threads = [threading.Thread(target=generator, args=(n,)) for n in range(args.generators)]
        threads += [threading.Thread(target=verifier, args=(n,)) for n in range(args.verifiers)]
        threads.append(threading.Thread(target=baseline))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started

        from studio.models import GenerationRequest, Status
        drain_deadline = time.monotonic() + args.drain_seconds
        while time.monotonic() < drain_deadline and GenerationRequest.objects.filter(
                status__in=[Status.QUEUED, Status.RUNNING]).exists():
            time.sleep(1)
        drained = time.monotonic() - started - elapsed
        outcome = dict(GenerationRequest.objects.filter(pk__in=tally.accepted).values_list("pk", "status"))
        lost = [pk for pk in tally.accepted if pk not in outcome]
        done = sum(1 for s in outcome.values() if s == Status.DONE)

        # The auditors' own check, as they run it: manage.py audit_verify against this database.
        audit = subprocess.run([*manage, "audit_verify"], env=env, capture_output=True, text=True, timeout=600)
        server_errors = sum(count for status, count in tally.status.items() if status >= 500)
        me = tally.latency.get("me", [])
        print(f"{args.seconds:.0f} s of load: {args.generators} generating and {args.verifiers} verifying clients, "
              f"one worker, runserver on loopback")
        print(f"  submissions accepted : {len(tally.accepted)} ({len(tally.accepted) / elapsed:.2f}/s), "
              f"p50 {percentile(tally.latency.get('submit', []), 0.5) * 1000:.0f} ms, "
              f"p99 {percentile(tally.latency.get('submit', []), 0.99) * 1000:.0f} ms")
        verify = tally.latency.get("verify", [])
        print(f"  verifications        : {len(verify)} ({len(verify) / elapsed:.2f}/s), "
              f"p50 {percentile(verify, 0.5) * 1000:.0f} ms, p99 {percentile(verify, 0.99) * 1000:.0f} ms")
        print(f"  baseline GET /me     : p50 {percentile(me, 0.5) * 1000:.0f} ms, p99 {percentile(me, 0.99) * 1000:.0f} ms "
              f"(verification p50 is {percentile(verify, 0.5) / max(percentile(me, 0.5), 1e-9):.0f}× it)")
        print(f"  status codes         : {dict(sorted(tally.status.items()))}; 5xx: {server_errors}")
        print(f"  rendered             : {done} of {len(tally.accepted)} accepted "
              f"({drained:.0f} s after the load ended); lost: {len(lost)}")
        print(f"  manage.py audit_verify: exit {audit.returncode}: {(audit.stdout + audit.stderr).strip()[-200:]}")
        if server_errors:
            print(f"  the web server's log (tracebacks of the 5xx): {folder / 'web.log'}")
        if server_errors or lost or audit.returncode:
            sys.exit(1)
    finally:
        for process in stack:
            process.terminate()
        for process in stack:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
