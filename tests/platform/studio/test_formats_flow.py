"""Frame rate and aspect ratio, end to end: what a request may ask, what is stored, and a real worker
rendering non-square clips at other frame rates with the real default model (two steps) — watermarked,
signed, read back from the MP4 — and an extension that keeps its video's shape and rate."""
import io

import pytest

from accounts.models import QuotaReservation
from generation.video import read_frames, video_fps
from provenance import detect
from studio import services
from studio.backends import render_shape
from studio.models import Clip, GenerationRequest

FAST = {"steps": 2, "seed": 4}


def _post(client, **fields):
    return client.post("/api/v1/generations", {"prompt": "a red ball rolls left across a meadow", **FAST, **fields},
                       content_type="application/json")


@pytest.mark.django_db
def test_unknown_rates_and_aspects_are_refused_with_the_choices_and_cost_nothing(make_team, api_client):
    client = api_client(make_team(member=1).api_key("member"))
    answer = _post(client, fps=30)
    assert answer.status_code == 400 and answer.json()["detail"] == "Frames per second must be one of 8, 12, 16, 24, " \
                                                                     "not '30'."
    answer = _post(client, aspect_ratio="21:9")
    assert answer.status_code == 400 and "aspect ratio must be one of 1:1, 16:9, 9:16, 4:3" in answer.json()["detail"]
    assert _post(client, fps="fast").status_code == 422  # not a number at all: the schema says so, as for steps
    assert _post(client, fps=0).status_code == 400
    assert client.get("/api/v1/generations").json() == [] and not QuotaReservation.objects.exists()


@pytest.mark.django_db
def test_params_store_the_rate_and_the_size_each_model_uses(make_team, settings):
    team = make_team()

    def params(**kwargs):
        return services.GenerationParams(**kwargs).validated().render_params()

    assert {k: params()[k] for k in ("frames", "fps", "width", "height", "aspect_ratio")} == \
        {"frames": 16, "fps": 8, "width": 256, "height": 256, "aspect_ratio": "1:1"}
    wide = params(fps=24, aspect_ratio="16:9", duration_seconds=3)
    assert (wide["frames"], wide["fps"], wide["width"], wide["height"]) == (72, 24, 456, 256)
    tall = params(aspect_ratio="9:16")
    assert (tall["width"], tall["height"], tall["aspect_ratio"]) == (256, 456, "9:16")
    # Other models: their recommended size for the aspect, or the operator's size class at it.
    assert render_shape("wan", 2, aspect="9:16") == {"frames": 33, "fps": 16, "width": 480, "height": 832,
                                                     "aspect_ratio": "9:16"}
    assert render_shape("wan", 2, fps=24) == {"frames": 48, "fps": 24, "width": 832, "height": 480,
                                              "aspect_ratio": "16:9"}
    settings.HALLMARK_BACKEND_OPTIONS = {"ltx": {"width": 256, "height": 256}}
    assert render_shape("ltx", 1, aspect="16:9")["width"] == 448
    request = services.generation_request(actor=team.actor(), access=team.access(), prompt="a blue star spins",
                                          params=services.GenerationParams(fps=12, aspect_ratio="4:3", steps=2))
    assert (request.params["fps"], request.params["frames"], request.params["width"]) == (12, 24, 344)
    assert request.duration_seconds == 2


@pytest.mark.django_db(transaction=True)
def test_non_square_clips_at_other_rates_through_a_real_worker(make_team, api_client, run_worker, logged_in):
    team = make_team(member=1)
    client = api_client(team.api_key("member"))
    wide = _post(client, fps=12, aspect_ratio="16:9")
    tall = _post(client, prompt="a yellow square rises in a blue sky", fps=24, aspect_ratio="9:16",
                 duration_seconds=1)
    assert wide.status_code == 201 and tall.status_code == 201, (wide.content, tall.content)
    run_worker()

    for created, (frames, fps, width, height) in ((wide, (24, 12, 456, 256)), (tall, (24, 24, 256, 456))):
        done = client.get(f"/api/v1/generations/{created.json()['id']}").json()
        assert done["status"] == "done", done["failure"]
        assert (done["clip"]["width"], done["clip"]["height"], done["clip"]["duration_seconds"]) == \
            (width, height, frames / fps)
        clip = Clip.objects.get(request_id=done["id"])
        assert (clip.frames, clip.fps) == (frames, fps)
        # The MP4 itself: its frames, size and rate, read back.
        back = read_frames(clip.file.path)
        assert back.shape == (frames, height, width, 3) and video_fps(clip.file.path) == fps
        assert clip.c2pa_state == "Trusted" and clip.watermark_verified
        report = detect(clip.file.path)
        assert report.verdict == "ours" and report.watermark.payload == clip.watermark_payload

    # The clip's page shows its rate and size.
    page = logged_in(team.user("member")).get(f"/t/{team.team.slug}/studio/{wide.json()['id']}/")
    text = page.content.decode()
    assert page.status_code == 200 and "12 fps · 456×256 (16:9)" in text and "456×256, 12 fps, 24 frames" in text

    # An extension keeps its video's shape and rate; asking for another is a clear error.
    parent = wide.json()["id"]
    refused = _post(client, extends=parent, fps=24)
    assert refused.status_code == 400 and "keeps its video's frame rate (12 fps)" in refused.json()["detail"]
    refused = _post(client, extends=parent, aspect_ratio="1:1")
    assert refused.status_code == 400 and "keeps the start's shape (456×256, 16:9)" in refused.json()["detail"]
    extension = _post(client, prompt="the red ball keeps rolling left", extends=parent, duration_seconds=1)
    assert extension.status_code == 201, extension.content
    run_worker()
    clip = Clip.objects.get(request_id=extension.json()["id"])
    assert (clip.frames, clip.fps, clip.width, clip.height) == (24 + 12, 12, 456, 256)
    assert clip.c2pa_state == "Trusted" and clip.watermark_verified
    verified = client.post("/api/v1/verifications", {"file": io.BytesIO(clip.file.read())}).json()
    assert verified["verdict"] == "ours" and verified["c2pa"]["parent_generation_id"] == str(parent)
    assert GenerationRequest.objects.get(pk=extension.json()["id"]).params["aspect_ratio"] == "16:9"


@pytest.mark.django_db
def test_an_uploaded_start_is_square(make_team, api_client):
    import numpy as np
    from PIL import Image

    client = api_client(make_team(member=1).api_key("member"))
    buffer = io.BytesIO()
    Image.fromarray(np.full((64, 64, 3), 128, np.uint8)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "start.png"
    answer = client.post("/api/v1/generations/from-upload", {"prompt": "a red ball rolls left", "aspect_ratio": "16:9",
                                                             "source": buffer})
    assert answer.status_code == 400 and "keeps the start's shape (256×256, 1:1)" in answer.json()["detail"]
