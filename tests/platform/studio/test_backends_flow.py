"""Every backend — ours and the open-weight ones (Wan, LTX-Video, CogVideoX) — through the whole platform
path at tiny size: gate, its own queue, a real worker, frame checks, watermark, H.264, C2PA. The tiny
models are random, built in code and saved in diffusers format: nothing is downloaded."""
import json

import pytest
from procrastinate.contrib.django.models import ProcrastinateJob

from accounts.services import backends_set
from generation.tiny_backends import build_tiny
from provenance import detect
from provenance.c2pa import read
from studio.backends import queue_for
from studio.models import Clip

BACKENDS = ("default", "wan", "ltx", "cogvideox")


@pytest.fixture(scope="module")
def tiny_folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("backends")
    return {name: build_tiny(name, root / name) for name in BACKENDS}


def _worker_env(backend: str, folder) -> dict:
    variable = "HALLMARK_MODEL_DIR" if backend == "default" else f"HALLMARK_{backend.upper()}_DIR"
    return {variable: str(folder), "HALLMARK_BACKEND_OPTIONS": json.dumps({backend: {"width": 256, "height": 256}})}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend", BACKENDS)
def test_each_backend_renders_a_signed_watermarked_clip(backend, tiny_folders, make_team, api_client, run_worker,
                                                        settings):
    settings.HALLMARK_BACKEND_DIRS = {**settings.HALLMARK_BACKEND_DIRS, backend: tiny_folders[backend]}
    settings.HALLMARK_BACKEND_OPTIONS = {backend: {"width": 256, "height": 256}}
    team = make_team(member=1)
    backends_set(team=team.team, backends=["default", backend])
    client = api_client(team.api_key("member"))
    created = client.post("/api/v1/generations", {"prompt": "a red ball rolls left across a meadow", "model": backend,
                                                  "steps": 2, "duration_seconds": 1, "seed": 5},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["model"] == backend and (body["params"]["width"], body["params"]["height"]) == (256, 256)
    job = ProcrastinateJob.objects.get(args__generation_id=body["id"])
    assert job.queue_name == queue_for(backend)  # a GPU worker takes only its own backend's jobs

    run_worker(queues=queue_for(backend), env=_worker_env(backend, tiny_folders[backend]))

    done = client.get(f"/api/v1/generations/{body['id']}").json()
    assert done["status"] == "done", done["failure"]
    clip = Clip.objects.get(request_id=body["id"])
    assert clip.frames == body["params"]["frames"] and clip.fps == body["params"]["fps"]
    assert clip.c2pa_state == "Trusted" and clip.watermark_verified and clip.frame_check["passed"]
    manifest = read(clip.file.path)
    assert manifest.model == clip.model and manifest.model_version == clip.model_version
    assert detect(clip.file.path).verdict == "ours"


@pytest.mark.django_db
def test_a_backend_must_be_granted_and_have_its_weights(make_team, api_client, settings, tmp_path):
    team = make_team(member=1)
    client = api_client(team.api_key("member"))

    def ask(model):
        return client.post("/api/v1/generations", {"prompt": "a red ball rolls left", "model": model, "steps": 1},
                           content_type="application/json")

    answer = ask("wan")
    assert answer.status_code == 403 and "may not use the wan model" in answer.json()["detail"]
    backends_set(team=team.team, backends=["default", "wan", "ltx"])
    settings.HALLMARK_BACKEND_DIRS = {**settings.HALLMARK_BACKEND_DIRS, "ltx": tmp_path / "no-ltx-here"}
    settings.HALLMARK_BACKEND_DIRS.pop("wan", None)
    answer = ask("ltx")
    assert answer.status_code == 400 and str(tmp_path / "no-ltx-here") in answer.json()["detail"]
    answer = ask("wan")
    assert answer.status_code == 400 and "no folder is configured" in answer.json()["detail"]
    answer = ask("sora")
    assert answer.status_code == 400 and "Unknown model 'sora'" in answer.json()["detail"]
    assert client.get("/api/v1/generations").json() == []  # nothing was queued or charged
