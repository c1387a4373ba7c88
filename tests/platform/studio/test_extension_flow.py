"""Extending a clip, extending someone else's video, animating an image: end to end with the real
default model at two steps, a real worker, H.264, C2PA and the watermark detector."""
import io

import numpy as np
import pytest
from PIL import Image

from audit.models import AuditEvent
from audit.selectors import chain_verify
from generation import world
from provenance import detect
from provenance.c2pa import read
from provenance.media import write_h264
from studio.gate import frame_checker
from studio.models import Clip, GenerationRequest, SourceKind

FAST = {"steps": 2, "seed": 3}


def _png(frame: np.ndarray) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.fromarray(frame).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "start.png"
    return buffer


def _foreign_video(tmp_path) -> io.BytesIO:
    """Someone else's video: 320×240 at 24 fps, 1.5 s, no manifest, no watermark."""
    frames = world.render(world.sample_spec(11, simple=True))
    wide = np.concatenate([frames, frames[:, :, :16]], axis=2)  # 64×80: not square
    big = np.stack([np.asarray(Image.fromarray(f).resize((320, 240))) for f in wide])
    path = write_h264(np.repeat(big, 3, axis=0)[:36], tmp_path / "theirs.mp4", fps=24)
    buffer = io.BytesIO(path.read_bytes())
    buffer.name = "theirs.mp4"
    return buffer


@pytest.mark.django_db(transaction=True)
def test_extend_a_clip_an_upload_and_an_image(make_team, api_client, run_worker, tmp_path):
    team = make_team(member=1)
    client = api_client(team.api_key("member"))
    parent = client.post("/api/v1/generations", {"prompt": "a yellow star drifts to the right at sunset", **FAST},
                         content_type="application/json").json()
    run_worker()
    assert client.get(f"/api/v1/generations/{parent['id']}").json()["status"] == "done"

    # Another team cannot extend it, or learn it exists.
    stranger = api_client(make_team().api_key("admin"))
    refused = stranger.post("/api/v1/generations", {"prompt": "it keeps going", "extends": parent["id"], **FAST},
                            content_type="application/json")
    assert refused.status_code == 404

    extension = client.post("/api/v1/generations", {"prompt": "the star keeps drifting right", "extends": parent["id"],
                                                    "duration_seconds": 1, **FAST}, content_type="application/json")
    assert extension.status_code == 201, extension.content
    assert extension.json()["source"]["extends_generation"] == parent["id"]
    from_video = client.post("/api/v1/generations/from-upload", {"prompt": "the circle keeps moving",
                                                                 "duration_seconds": 1, **FAST,
                                                                 "source": _foreign_video(tmp_path)})
    assert from_video.status_code == 201, from_video.content
    assert from_video.json()["source"]["kind"] == "video" and from_video.json()["source"]["frame_check"]["passed"]
    image = world.render(world.sample_spec(12, simple=True))[0]
    from_image = client.post("/api/v1/generations/from-upload", {"prompt": "a shape moves up over the grass",
                                                                 "duration_seconds": 2, **FAST, "source": _png(image)})
    assert from_image.status_code == 201, from_image.content
    run_worker()

    # The extension: the parent's 16 frames and 8 new ones, our mark with its own id, the parent named.
    clip = Clip.objects.get(request_id=extension.json()["id"])
    assert clip.frames == 24 and clip.c2pa_state == "Trusted" and clip.watermark_verified
    report = detect(clip.file.path)
    assert report.verdict == "ours" and report.watermark.payload == f"{extension.json()['id']:012x}"
    assert report.c2pa.parent_generation_id == str(parent["id"])
    assert report.c2pa.source == {"kind": "hallmark_clip", "generation_id": str(parent["id"])}
    verified = client.post("/api/v1/verifications", {"file": io.BytesIO(clip.file.read())}).json()
    assert verified["verdict"] == "ours" and verified["generation"]["generation_id"] == extension.json()["id"]
    assert verified["c2pa"]["parent_generation_id"] == str(parent["id"])
    parent_clip = Clip.objects.get(request_id=parent["id"])
    assert list(parent_clip.extensions.values_list("pk", flat=True)) == [extension.json()["id"]]

    # Someone else's video: 1.5 s at 8 fps (12 frames, cropped square) and 8 new; the manifest says it was
    # an upload that passed our checks, and carries it as the parent ingredient.
    clip = Clip.objects.get(request_id=from_video.json()["id"])
    assert (clip.frames, clip.width, clip.height) == (20, 256, 256) and clip.c2pa_state == "Trusted"
    manifest = read(clip.file.path)
    assert manifest.source["kind"] == "upload_video" and manifest.source["frame_check"] == "passed"
    assert manifest.ingredients[0]["relationship"] == "parentOf" and manifest.parent_generation_id is None
    assert detect(clip.file.path).verdict == "ours"

    # The image is the first frame of a 2-second clip, an input ingredient.
    clip = Clip.objects.get(request_id=from_image.json()["id"])
    assert clip.frames == 16 and clip.watermark_verified
    manifest = read(clip.file.path)
    assert manifest.ingredients[0]["relationship"] == "inputTo" and manifest.source["kind"] == "upload_image"
    request = GenerationRequest.objects.get(pk=from_image.json()["id"])
    assert request.source_kind == SourceKind.IMAGE and request.source_file.name.endswith(".png")
    assert chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_bad_starts_get_a_clear_error_and_cost_nothing(make_team, api_client, settings, monkeypatch, tmp_path):
    team = make_team(member=1)
    client = api_client(team.api_key("member"))

    def post(source, **fields):
        return client.post("/api/v1/generations/from-upload", {"prompt": "a red ball rolls left", **fields,
                                                               **({"source": source} if source else {})})

    assert post(None).status_code == 400
    gif = io.BytesIO(b"GIF89a" + bytes(100))
    answer = post(gif)
    assert answer.status_code == 415 and "PNG, JPEG or WebP" in answer.json()["detail"]
    empty = io.BytesIO(b"")
    empty.name = "empty.png"
    assert post(empty).status_code == 400
    broken = io.BytesIO(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    broken.name = "broken.mp4"
    answer = post(broken)
    assert answer.status_code == 400 and "video" in answer.json()["detail"]
    broken_png = io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(40))
    assert post(broken_png).status_code == 400
    settings.HALLMARK_MAX_UPLOAD_BYTES = 1000
    noise = np.random.default_rng(0).integers(0, 255, (64, 64, 3), dtype=np.uint8)  # a 12 kB PNG
    answer = post(_png(noise))
    assert answer.status_code == 413 and "MB" in answer.json()["detail"]
    settings.HALLMARK_MAX_UPLOAD_BYTES = 50 * 2 ** 20
    # An unknown parameter is refused, not ignored.
    answer = post(_png(np.zeros((64, 64, 3), np.uint8)), colour="red")
    assert answer.status_code == 400 and "colour" in answer.json()["detail"]
    # A 59-second video cannot take 2 s more (60 s in all); a generation that does not exist cannot be extended.
    long = write_h264(np.zeros((59 * 8, 64, 64, 3), np.uint8), tmp_path / "long.mp4", fps=8)
    answer = post(io.BytesIO(long.read_bytes()), duration_seconds=2)
    assert answer.status_code == 400 and "60 s" in answer.json()["detail"], answer.content
    answer = client.post("/api/v1/generations", {"prompt": "more", "extends": 999999},
                         content_type="application/json")
    assert answer.status_code == 404

    # An upload the frame checks refuse (the real model's score against a threshold no frame passes)
    # is recorded by its hash, never stored, never queued.
    monkeypatch.setattr(frame_checker(), "threshold", 0.0)
    answer = post(_png(world.render(world.sample_spec(1, simple=True))[0]))
    assert answer.status_code == 400 and "content checks" in answer.json()["detail"]
    refused = AuditEvent.objects.get(action="generation.source_refused")
    assert refused.details["kind"] == "image" and len(refused.details["sha256"]) == 64
    assert not GenerationRequest.objects.exists()
    assert chain_verify().ok
