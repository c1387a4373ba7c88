"""Hostile uploads through every door that takes a stranger's video: a 4xx with a message, never a
5xx, within bounded time and memory (hostile_media.campaign checks each answer).

HALLMARK_FUZZ_EXAMPLES sets how many inputs the verification API tries (default 120; the page
and the studio upload try half as many); HALLMARK_FUZZ_SEED makes a campaign random (and
reproducible) instead of the fixed default; HALLMARK_FUZZ_REPORT names a JSON file the counts
are appended to, for `make reliability`.
"""
from __future__ import annotations

import html
import io
import json
import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # importlib mode: the generators sit beside this file
import hostile_media  # noqa: E402

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HALLMARK_FUZZ_EXAMPLES", "120"))
SEED = int(os.environ["HALLMARK_FUZZ_SEED"]) if os.environ.get("HALLMARK_FUZZ_SEED") else None


@pytest.fixture(scope="module")
def seeds():
    return hostile_media.seed_clips()


@pytest.fixture
def team(make_team, settings, tmp_path):
    from accounts.services import quota_set

    settings.MEDIA_ROOT = tmp_path / "media"
    # These tests are about what a file does, not how often one may send it.
    for name in ("HALLMARK_RATE_GENERATIONS_PER_KEY", "HALLMARK_RATE_GENERATIONS_PER_TEAM",
                 "HALLMARK_RATE_VERIFICATIONS_PER_KEY", "HALLMARK_RATE_VERIFICATIONS_PER_TEAM"):
        setattr(settings, name, 0)
    people = make_team(member=1)
    quota_set(team=people.team, clips_per_day=100_000, video_seconds_per_month=10_000_000)
    return people


def _upload(data: bytes, name: str):
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def _api_answer(response) -> hostile_media.Answer:
    try:
        message = response.json().get("detail", "") if response.status_code >= 400 else "ok"
    except ValueError:
        message = ""
    return hostile_media.Answer(response.status_code, str(message))


def _page_answer(response) -> hostile_media.Answer:
    found = re.search(rb'<p class="error" role="alert">(.*?)</p>', response.content, re.S)
    return hostile_media.Answer(response.status_code, html.unescape(found.group(1).decode()) if found else "")


def _record(report: hostile_media.CampaignReport) -> None:
    print("\n" + report.line())
    if os.environ.get("HALLMARK_FUZZ_REPORT"):
        with open(os.environ["HALLMARK_FUZZ_REPORT"], "a") as out:
            out.write(json.dumps(report.to_dict()) + "\n")
    assert report.tried > 0


def test_verification_api_survives_hostile_files(team, api_client, seeds):
    client = api_client(team.api_key("member"))

    def send(data: bytes, kind: str) -> hostile_media.Answer:
        return _api_answer(client.post("/api/v1/verifications", {"file": _upload(data, "clip.mp4")}))

    _record(hostile_media.campaign(send, target="POST /api/v1/verifications", examples=EXAMPLES, seeds=seeds,
                                   seed=SEED))


def test_verification_page_survives_hostile_files(team, logged_in, seeds):
    client = logged_in(team.user("member"))
    url = f"/t/{team.team.slug}/verify/"

    def send(data: bytes, kind: str) -> hostile_media.Answer:
        return _page_answer(client.post(url, {"file": _upload(data, "clip.webm")}))

    _record(hostile_media.campaign(send, target="POST /t/<team>/verify/", examples=max(1, EXAMPLES // 2),
                                   seeds=seeds, seed=SEED))


def test_studio_upload_survives_hostile_files(team, api_client, seeds):
    client = api_client(team.api_key("member"))

    def send(data: bytes, kind: str) -> hostile_media.Answer:
        return _api_answer(client.post("/api/v1/generations/from-upload",
                                       {"prompt": "the clip goes on", "steps": "1", "source": _upload(data, "x.mov")}))

    _record(hostile_media.campaign(send, target="POST /api/v1/generations/from-upload",
                                   examples=max(1, EXAMPLES // 2), seeds=seeds, seed=SEED))


def test_the_bombs_are_refused_or_cut_down_to_size(team, api_client):
    """The two small files that once cost gigabytes in the studio's upload path."""
    client = api_client(team.api_key("member"))
    for name, data in hostile_media.bomb_clips().items():
        with hostile_media._PeakRss() as rss:
            response = client.post("/api/v1/generations/from-upload",
                                   {"prompt": "the clip goes on", "steps": "1", "source": _upload(data, "x.mp4")})
        assert response.status_code < 500, (name, response.content[:300])
        assert rss.growth < hostile_media.MAX_RSS_GROWTH_BYTES, (name, rss.growth)


def test_crafted_headers_are_what_they_claim(seeds):
    """The generators really lie: the parsed headers say what the campaign meant them to."""
    import av

    lying = hostile_media.absurd_mp4(seeds["mp4"], width=65535, height=65535, timescale=1, duration=2 ** 32 - 1)
    moov = next(b for b in hostile_media.parse_boxes(lying) if b.kind == b"moov")
    assert moov.find(b"avc1").payload[24:28] == b"\xff\xff\xff\xff"
    sps = hostile_media.absurd_mp4(seeds["mp4"], width=64, height=64, timescale=8, duration=8,
                                   sps_width=1024, sps_height=512)
    with av.open(io.BytesIO(sps)) as container:
        context = container.streams.video[0].codec_context
        assert (context.width, context.height) == (1024, 512)
    webm = hostile_media.absurd_webm(hostile_media.vp8_packets(seeds["webm-vp8"]), width=64, height=64,
                                     duration_ms=500.0, frame_ns=125_000_000)
    with av.open(io.BytesIO(webm)) as container:
        assert len([f for f in container.decode(video=0)]) == 8
