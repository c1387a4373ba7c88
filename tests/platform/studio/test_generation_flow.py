"""End to end with the real default model at few steps: prompt → gate → worker → signed, watermarked MP4
→ download → verification names the generation. Everything real: PostgreSQL, a procrastinate worker
subprocess, H.264, C2PA, the watermark detector."""
import io
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from procrastinate.contrib.django.models import ProcrastinateJob

from accounts.models import QuotaReservation
from audit.models import AuditEvent
from audit.selectors import chain_verify
from provenance import detect
from studio.models import Clip, GenerationRequest, Status

FAST = {"steps": 2, "seed": 7}


@pytest.mark.django_db(transaction=True)
def test_prompt_to_verified_clip_through_a_real_worker(make_team, api_client, run_worker, media):
    team = make_team(member=1)
    client = api_client(team.api_key("member"))
    created = client.post("/api/v1/generations", {"prompt": "a red ball rolls left across a meadow", **FAST},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "queued" and body["decision"] == "allow"
    assert ProcrastinateJob.objects.filter(task_name="studio.render", args__generation_id=body["id"]).count() == 1

    run_worker()

    done = client.get(f"/api/v1/generations/{body['id']}").json()
    assert done["status"] == "done" and done["progress"] == 1.0
    assert done["clip"]["c2pa_state"] == "Trusted" and done["clip"]["watermark_payload"] == f"{body['id']:012x}"
    download = client.get(done["clip"]["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "video/mp4"
    data = b"".join(download.streaming_content)
    clip = Clip.objects.get(request_id=body["id"])
    import hashlib
    assert hashlib.sha256(data).hexdigest() == clip.sha256

    # The library's detector reads the stored file: Trusted manifest, our watermark, our payload.
    report = detect(clip.file.path)
    assert report.verdict == "ours" and report.watermark.payload == clip.watermark_payload

    # Verification over the API names the generation for its own team…
    verified = client.post("/api/v1/verifications", {"file": io.BytesIO(data)})
    assert verified.status_code == 201, verified.content
    result = verified.json()
    assert result["verdict"] == "ours" and result["generation"]["generation_id"] == body["id"]
    assert result["c2pa"]["state"] == "Trusted" and result["watermark"]["detected"]
    # …and tells another team only that the platform made it, and when.
    stranger = api_client(make_team().api_key("admin"))
    seen = stranger.post("/api/v1/verifications", {"file": io.BytesIO(data)}).json()
    assert seen["verdict"] == "ours" and set(seen["generation"]) == {"made_by", "made_at"}
    assert seen["watermark"]["payload"] is None and seen["c2pa"]["generation_id"] is None
    assert "red ball" not in json.dumps(seen)

    actions = list(AuditEvent.objects.filter(target_type="studio.generationrequest", target_id=str(body["id"]))
                   .order_by("seq").values_list("action", flat=True))
    assert actions[:3] == ["generation.requested", "generation.started", "generation.completed"]
    assert AuditEvent.objects.filter(action="clip.downloaded").count() == 1
    assert AuditEvent.objects.filter(action="verification.completed").count() == 2
    assert chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_blocked_prompt_never_reaches_the_worker_and_is_refunded(make_team, api_client):
    team = make_team()
    client = api_client(team.api_key("admin"))
    response = client.post("/api/v1/generations", {"prompt": "a naked child on a beach", **FAST},
                           content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "blocked" and body["decision"] == "block"
    assert body["messages"] and "sexual_minors" in {c["name"] for c in body["categories"]}
    assert not ProcrastinateJob.objects.filter(task_name="studio.render", args__generation_id=body["id"]).exists()
    assert not QuotaReservation.objects.filter(team=team.team).exists()  # a blocked prompt costs no quota
    event = AuditEvent.objects.get(action="generation.requested")
    assert event.details["decision"]["action"] == "block" and "naked" not in json.dumps(event.details)


@pytest.mark.django_db(transaction=True)
def test_manage_generate_waits_for_the_clip_and_copies_it(make_team, database_url, media, tmp_path):
    team = make_team()
    out = tmp_path / "out.mp4"
    env = {**os.environ, "DATABASE_URL": database_url, "HALLMARK_MEDIA_DIR": str(media)}
    result = subprocess.run([sys.executable, str(settings.ROOT_DIR / "manage.py"), "generate", "--team", team.team.slug,
                             "--user", team.user("admin").email, "--steps", "2", "--out", str(out),
                             "a blue star spins at night under the stars"],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "done:" in result.stdout and out.stat().st_size > 1000
    request = GenerationRequest.objects.get()
    assert request.status == Status.DONE
    verify = subprocess.run([sys.executable, str(settings.ROOT_DIR / "manage.py"), "verify", str(out), "--json"],
                            env=env, capture_output=True, text=True, timeout=300)
    assert verify.returncode == 0, verify.stderr
    report = json.loads(verify.stdout)
    assert report["verdict"] == "ours" and report["generation"]["generation_id"] == request.pk


@pytest.mark.django_db(transaction=True)
def test_a_render_whose_worker_died_is_queued_again_and_yields_one_clip(make_team, run_worker):
    from asgiref.sync import async_to_sync
    from django.db import connection
    from procrastinate.contrib.django import app

    from studio import services
    from studio.rendering import render_generation
    from studio.tasks import retry_stalled_renders

    team = make_team()
    request = services.generation_request(actor=team.actor(), access=team.access(), prompt="a green square falls at sunset",
                                          params=services.GenerationParams(steps=2))
    # A worker took the job, marked the request running, and was killed: the job stays 'doing'
    # with no live worker behind it.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET status = 'doing', worker_id = NULL "
                       "WHERE task_name = 'studio.render' AND (args->>'generation_id')::bigint = %s", [request.pk])
    assert services.generation_start(generation_id=request.pk).status == Status.RUNNING

    class Context:
        pass

    context = Context()
    context.app = app
    # The periodic task's body, run here (its database calls come back to this thread's connection).
    assert async_to_sync(retry_stalled_renders.func)(context, 0) == 1
    run_worker()
    request.refresh_from_db()
    assert request.status == Status.DONE and request.attempts == 2
    assert render_generation(request.pk) == "nothing to do"  # a duplicate run changes nothing
    assert Clip.objects.filter(request=request).count() == 1


@pytest.mark.django_db(transaction=True)
def test_cancelling_a_queued_request_refunds_it_and_the_worker_skips_it(make_team, api_client, run_worker):
    team = make_team()
    client = api_client(team.api_key("admin"))
    body = client.post("/api/v1/generations", {"prompt": "a white triangle grows on a plain grey background", **FAST},
                       content_type="application/json").json()
    cancelled = client.post(f"/api/v1/generations/{body['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert client.post(f"/api/v1/generations/{body['id']}/cancel").status_code == 409
    run_worker()
    assert GenerationRequest.objects.get(pk=body["id"]).status == Status.CANCELLED
    assert not Clip.objects.exists()
    assert QuotaReservation.objects.get(team=team.team).refunded_at is not None
    assert client.get(f"/api/v1/generations/{body['id']}/download").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_held_request_is_approved_by_a_moderator_then_rendered(make_team, api_client, run_worker):
    team = make_team(member=1, moderator=1)
    member, moderator = api_client(team.api_key("member")), api_client(team.api_key("moderator"))
    body = member.post("/api/v1/generations", {"prompt": "a soldier aiming a rifle at a man in a war zone", **FAST},
                       content_type="application/json").json()
    assert body["status"] == "in_review"
    assert not ProcrastinateJob.objects.filter(task_name="studio.render", args__generation_id=body["id"]).exists()
    queue = moderator.get("/api/v1/moderation/queue").json()
    assert [r["id"] for r in queue] == [body["id"]]
    decided = moderator.post(f"/api/v1/moderation/queue/{body['id']}", {"decision": "approve", "reason": "newsworthy",
                                                                       "note": "war reporting"},
                             content_type="application/json")
    assert decided.status_code == 200 and decided.json()["status"] == "queued"
    run_worker()
    done = member.get(f"/api/v1/generations/{body['id']}").json()
    assert done["status"] == "done" and done["clip"]["c2pa_state"] == "Trusted"
    actions = list(AuditEvent.objects.filter(target_type="studio.generationrequest", target_id=str(body["id"]))
                   .order_by("seq").values_list("action", flat=True))
    assert actions == ["generation.requested", "moderation.approved", "generation.started", "generation.completed"]


@pytest.mark.django_db(transaction=True)
def test_a_render_cut_off_by_the_database_is_retried_and_yields_one_clip(make_team, run_worker, database_url, media):
    """PostgreSQL restarting mid-render kills the worker's connection: the request must not be left
    'running' for ever (the fault run once found one) nor marked failed; the task runs again."""
    import threading
    import time

    import psycopg
    from django.db import OperationalError, connection
    from procrastinate.jobs import Job

    from studio import services
    from studio.rendering import render_generation
    from studio.tasks import render

    team = make_team()
    request = services.generation_request(actor=team.actor(), access=team.access(), prompt="a blue star spins at night",
                                          params=services.GenerationParams(steps=8))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        render_connection = cursor.fetchone()[0]

    def cut_off_once_rendering() -> None:  # what a restart does to the worker's connection
        with psycopg.connect(database_url, autocommit=True) as admin:
            for _ in range(600):
                progress = admin.execute("SELECT progress FROM studio_generationrequest WHERE id = %s",
                                         [request.pk]).fetchone()[0]
                if progress > 0:
                    admin.execute("SELECT pg_terminate_backend(%s)", [render_connection])
                    return
                time.sleep(0.05)

    cutter = threading.Thread(target=cut_off_once_rendering)
    cutter.start()
    with pytest.raises(OperationalError):
        render_generation(request.pk)
    cutter.join()
    connection.close()  # the broken connection; Django opens a new one

    request.refresh_from_db()
    assert request.status == Status.RUNNING and request.attempts == 1 and not Clip.objects.filter(request=request)
    job = Job(id=1, queue="render", lock=None, queueing_lock=None, task_name="studio.render", attempts=0)
    assert render.retry_strategy.get_retry_decision(exception=OperationalError("terminated"), job=job) is not None
    assert render.retry_strategy.get_retry_decision(exception=ValueError("a bug"), job=job) is None

    run_worker()  # the retry: the request is claimed again and finishes
    request.refresh_from_db()
    assert request.status == Status.DONE and request.attempts == 2
    assert Clip.objects.filter(request=request).count() == 1
    assert QuotaReservation.objects.filter(team=team.team, refunded_at__isnull=True).count() == 1
    assert chain_verify().ok
