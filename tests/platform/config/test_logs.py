"""Prompts and uploads stay out of the logs: everything logged while a prompt is submitted, rendered
by a real worker and its clip verified (page and API) is searched for them."""
import io
import logging
import os
import subprocess
import sys

import pytest
from django.db import connection

from studio.models import Clip, GenerationRequest, Status

pytestmark = pytest.mark.django_db(transaction=True)  # the worker subprocess must see the rows

PROMPT = "a lighthouse keeper paints violet herons at dawn"
BLOCKED = "a naked woman in the shower beside the violet herons"
FILE_NAME = "source-tape-from-the-informant.mp4"
MARKER = b"CONFIDENTIAL-UPLOAD-MARKER-7f3a"


@pytest.fixture
def all_logs(caplog):
    """Every record at DEBUG, including loggers that do not propagate to the root (runserver's)."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")  # as an operator chasing a bug might
    for name in ("django.server", "procrastinate"):
        caplog.set_level(logging.DEBUG, logger=name)
        logging.getLogger(name).addHandler(caplog.handler)
    connection.force_debug_cursor = True  # as in development (DEBUG=True): the ORM would log its SQL
    yield caplog
    connection.force_debug_cursor = False
    for name in ("django.server", "procrastinate"):
        logging.getLogger(name).removeHandler(caplog.handler)


def _upload(data: bytes, name: str) -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def test_prompts_and_uploads_never_reach_the_logs(make_team, logged_in, api_client, all_logs, tmp_path,
                                                    database_url, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    team = make_team(member=1)
    slug, member, key = team.team.slug, logged_in(team.user("member")), team.api_key("member")

    form = {"prompt": PROMPT, "duration_seconds": 1, "steps": 1, "seed": 3}
    assert member.post(f"/t/{slug}/studio/generate/", form).status_code == 302
    assert member.post(f"/t/{slug}/studio/generate/", {**form, "prompt": BLOCKED}).status_code in (200, 302, 400)
    assert api_client(key).post("/api/v1/generations", {"prompt": PROMPT, "duration_seconds": 1, "steps": 1},
                                content_type="application/json").status_code == 201
    assert GenerationRequest.objects.filter(status=Status.QUEUED).count() == 2

    worker = subprocess.run(
        [sys.executable, str(settings.ROOT_DIR / "manage.py"), "procrastinate", "worker", "--one-shot",
         "--queues", "render"],
        env={**os.environ, "DATABASE_URL": database_url, "HALLMARK_MEDIA_DIR": str(settings.MEDIA_ROOT)},
        capture_output=True, text=True, timeout=600)
    assert worker.returncode == 0, worker.stderr[-3000:]
    clip = Clip.objects.order_by("pk").first().file.read()

    page = member.post(f"/t/{slug}/verify/", {"file": _upload(clip, FILE_NAME)})
    assert page.status_code == 201 and b"Made by" in page.content
    hostile = clip[:64] + MARKER * 40
    assert member.post(f"/t/{slug}/verify/", {"file": _upload(hostile, FILE_NAME)}).status_code in (400, 415, 422)
    assert api_client(key).post("/api/v1/verifications", {"file": _upload(clip, FILE_NAME)}).status_code == 201
    assert api_client(key).post("/api/v1/verifications", {"file": _upload(hostile, FILE_NAME)}).status_code == 400

    logged = "\n".join([all_logs.text, *(str(r.args) for r in all_logs.records), worker.stdout, worker.stderr])
    assert all_logs.records and worker.stderr  # something was logged: the search below is not vacuous
    for secret in ("lighthouse keeper", "violet herons", "naked woman", FILE_NAME, "informant",
                   MARKER.decode(), clip[200:232].hex(), repr(clip[200:232])[2:-1]):
        at = logged.find(secret)
        assert at < 0, f"{secret!r} was logged: …{logged[max(0, at - 400):at + 80]}"
