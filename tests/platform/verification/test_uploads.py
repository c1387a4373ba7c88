"""Verification uploads: size cap, magic bytes, damaged files, and a report for an unmarked clip."""
import io
import json

import numpy as np
import pytest

from audit.models import AuditEvent
from provenance.media import write_h264
from verification.models import Verification
from verification.services import container_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def unmarked_mp4(tmp_path_factory):
    frames = np.random.default_rng(1).integers(0, 255, (8, 128, 128, 3), dtype=np.uint8)
    return write_h264(frames, tmp_path_factory.mktemp("uploads") / "plain.mp4", fps=8).read_bytes()


@pytest.fixture
def client(make_team, api_client):
    return api_client(make_team(member=1).api_key("member"))


def _post(client, data: bytes, name="clip.mp4"):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post("/api/v1/verifications", {"file": upload})


def test_container_magic():
    assert container_of(b"\x00\x00\x00\x18ftypisom\x00\x00") == "mp4"
    assert container_of(b"\x00\x00\x00\x14ftypqt  \x00\x00") == "mov"
    assert container_of(b"\x1a\x45\xdf\xa3\x01\x00") == "webm"
    assert container_of(b"\x89PNG\r\n\x1a\n") is None


def test_unmarked_clip_is_no_evidence_and_is_audited(client, unmarked_mp4):
    response = _post(client, unmarked_mp4)
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["verdict"] == "no evidence" and report["generation"] is None
    assert report["c2pa"]["state"] == "absent" and not report["watermark"]["detected"]
    assert "fingerprint" not in report  # the index's business, not the asker's
    verification = Verification.objects.get(pk=report["id"])
    assert verification.sha256 == report["sha256"] and verification.container == "mp4"
    assert AuditEvent.objects.filter(action="verification.completed", details__verdict="no evidence").exists()


@pytest.mark.parametrize("data, status, message", [
    (b"", 400, "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(2000), 415, "Only MP4, MOV and WebM"),
    (b"hello, this is text and not a video at all" * 10, 415, "Only MP4, MOV and WebM"),
])
def test_wrong_or_empty_files_are_refused_clearly(client, data, status, message):
    response = _post(client, data)
    assert response.status_code == status and message in response.json()["detail"]
    assert not Verification.objects.exists()


def test_truncated_mp4_is_refused_with_a_reason(client, unmarked_mp4):
    response = _post(client, unmarked_mp4[: len(unmarked_mp4) // 2])
    assert response.status_code == 400 and "truncated" in response.json()["detail"]


def test_oversized_upload_is_stopped_at_the_cap(client, settings, unmarked_mp4):
    settings.HALLMARK_MAX_UPLOAD_BYTES = 4096
    response = _post(client, unmarked_mp4 + bytes(10_000))
    assert response.status_code == 413 and "limit" in response.json()["detail"]


def test_a_request_without_a_file_says_how_to_send_one(client):
    response = client.post("/api/v1/verifications", {"other": "x"})
    assert response.status_code == 400 and "multipart/form-data field named 'file'" in response.json()["detail"]


def test_upload_larger_than_it_declares_is_stopped_while_reading(client, settings, unmarked_mp4):
    settings.HALLMARK_MAX_UPLOAD_BYTES = len(unmarked_mp4) + 70_000  # declared size passes, the data does not
    response = _post(client, unmarked_mp4 + bytes(100_000))
    assert response.status_code == 413


def test_an_oversized_upload_from_the_page_gets_the_413_page_not_a_csrf_error(make_team, settings, unmarked_mp4):
    from django.test import Client
    team = make_team(member=1)
    settings.HALLMARK_MAX_UPLOAD_BYTES = 4096
    client = Client(enforce_csrf_checks=True)
    client.force_login(team.user("member"))
    page = client.get(f"/t/{team.team.slug}/verify/")
    token = page.cookies["csrftoken"].value
    upload = io.BytesIO(unmarked_mp4 + bytes(200_000))
    upload.name = "big.mp4"
    response = client.post(f"/t/{team.team.slug}/verify/", {"csrfmiddlewaretoken": token, "file": upload})
    assert response.status_code == 413 and b"verification limit" in response.content


def test_a_mark_naming_a_request_that_made_no_clip_names_nothing(make_team, api_client, tmp_path):
    from studio import services as studio
    from studio.models import Status
    from provenance import watermark
    owner, stranger = make_team(), make_team()
    blocked = studio.generation_request(actor=owner.actor(), access=owner.access(), prompt="a naked child on a beach")
    assert blocked.status == Status.BLOCKED
    y, x = np.mgrid[0:256, 0:256]
    frames = np.stack([np.stack([x // 2 + t, y // 2, np.full_like(x, 120)], -1) for t in range(16)]).astype(np.uint8)
    forged = write_h264(watermark.embed(frames, blocked.watermark_payload), tmp_path / "forged.mp4", fps=8)
    for team in (owner, stranger):
        report = _post(api_client(team.api_key("admin")), forged.read_bytes()).json()
        assert report["verdict"] == "likely ours" and report["generation"] is None
        assert "a naked child" not in json.dumps(report)
