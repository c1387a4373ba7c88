"""C2PA: signed clips read Trusted; tampering, re-encoding, unknown signers and bad input read as such."""
import json
import subprocess
import sys

import av
import numpy as np
import pytest

from generation.video import read_frames, write_mp4
from provenance.c2pa import (TRAINED_ALGORITHMIC_MEDIA, WATERMARK_ALG, InvalidMediaError, SoftBinding, check_mp4,
                             read, sign)
from provenance.keys import init_keys, rotate_signing_key

PROMPT = "a red fox crossing a snowy street at dusk"  # what the user typed: must never reach the manifest
GEN_ID = "0f8e2a4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b"


@pytest.fixture(scope="module")
def signed(tmp_path_factory, clip, keys):
    out = tmp_path_factory.mktemp("signed") / "signed.mp4"
    return sign(clip, out, generation_id=GEN_ID, model="hallmark-dit", model_version="2025.1",
                soft_binding=SoftBinding(value="a1b2c3d4e5f6a7b8"), keys=keys)


def test_signed_clip_reads_trusted_with_our_assertions(signed, keys):
    report = read(signed, anchors=keys)
    assert report.state == "Trusted" and report.failure_codes == ()
    assert report.signer == "Hallmark C2PA signing 0001" and report.issuer == "Hallmark"
    assert report.generation_id == GEN_ID and (report.model, report.model_version) == ("hallmark-dit", "2025.1")
    created = report.assertion("c2pa.actions")["actions"][0]
    assert created["action"] == "c2pa.created"
    assert created["digitalSourceType"] == TRAINED_ALGORITHMIC_MEDIA
    assert created["softwareAgent"] == {"name": "hallmark-dit", "version": "2025.1"}
    uses = report.assertion("cawg.training-mining")["entries"]
    assert uses and all(entry["use"] == "notAllowed" for entry in uses.values())
    assert report.soft_binding == SoftBinding(value="a1b2c3d4e5f6a7b8", alg=WATERMARK_ALG)
    assert report.assertion("com.hallmark.generation") == {
        "generation_id": GEN_ID, "model": "hallmark-dit", "model_version": "2025.1"}
    # The signed clip still plays, frame for frame.
    assert read_frames(signed).shape == (16, 256, 256, 3)


def test_nothing_but_identifiers_enters_the_manifest(signed, keys, tmp_path, clip):
    report = read(signed, anchors=keys)
    assert PROMPT not in json.dumps(report.to_dict())
    assert PROMPT.encode() not in signed.read_bytes()
    with pytest.raises(TypeError):  # there is no way to pass a prompt …
        sign(clip, tmp_path / "x.mp4", generation_id=GEN_ID, model="m", model_version="1", prompt=PROMPT, keys=keys)
    with pytest.raises(ValueError, match="short identifier"):  # … nor to smuggle free text in as a field
        sign(clip, tmp_path / "x.mp4", generation_id=PROMPT, model="m", model_version="1", keys=keys)
    assert not (tmp_path / "x.mp4").exists()


def test_without_a_soft_binding_there_is_no_soft_binding_assertion(clip, keys, tmp_path):
    out = sign(clip, tmp_path / "plain.mp4", generation_id=GEN_ID, model="m", model_version="1", keys=keys)
    report = read(out, anchors=keys)
    assert report.state == "Trusted" and report.soft_binding is None


def test_one_flipped_byte_in_the_media_data_reads_invalid(signed, keys, tmp_path, mp4_boxes):
    offset, size = mp4_boxes(signed)[b"mdat"]
    data = bytearray(signed.read_bytes())
    data[offset + size // 2] ^= 0x01
    tampered = tmp_path / "tampered.mp4"
    tampered.write_bytes(bytes(data))
    report = read(tampered, anchors=keys)
    assert report.state == "Invalid"
    assert "assertion.bmffHash.mismatch" in report.failure_codes


def test_a_reencoded_clip_has_no_manifest(signed, keys, tmp_path):
    with av.open(str(signed)) as container:
        frames = np.stack([f.to_ndarray(format="rgb24") for f in container.decode(video=0)])
    reencoded = write_mp4(frames, tmp_path / "reencoded.mp4", crf=28)
    report = read(reencoded, anchors=keys)
    assert report.state == "absent" and report.generation_id is None and report.assertions == {}


def test_without_our_root_as_anchor_it_reads_valid_not_trusted(signed):
    report = read(signed, anchors=None)
    assert report.state == "Valid"
    assert "signingCredential.untrusted" in report.failure_codes
    assert report.generation_id == GEN_ID  # the content is intact; only the signer is unknown


def test_another_root_does_not_make_it_trusted(signed, tmp_path):
    stranger = init_keys(tmp_path / "stranger")
    assert read(signed, anchors=stranger).state == "Valid"


def test_after_rotation_old_clips_stay_trusted_and_new_clips_use_the_new_certificate(tmp_path, clip_maker):
    store = init_keys(tmp_path / "keys")
    clip = clip_maker(tmp_path / "clip.mp4", frames=8, seed=3)
    old = sign(clip, tmp_path / "old.mp4", generation_id="gen-old", model="m", model_version="1", keys=store)
    rotate_signing_key(store.directory)
    new = sign(clip, tmp_path / "new.mp4", generation_id="gen-new", model="m", model_version="1", keys=store)
    old_report, new_report = read(old, anchors=store), read(new, anchors=store)
    assert old_report.state == "Trusted" and new_report.state == "Trusted"
    assert old_report.signer.endswith("0001") and new_report.signer.endswith("0002")
    certs = store.signing_certificates()
    assert int(old_report.cert_serial) == certs[0].serial_number
    assert int(new_report.cert_serial) == certs[1].serial_number


def test_signing_in_place_replaces_the_file_atomically(tmp_path, keys, clip_maker):
    clip = clip_maker(tmp_path / "clip.mp4", frames=4, seed=5)
    sign(clip, clip, generation_id="gen-inplace", model="m", model_version="1", keys=keys)
    assert read(clip, anchors=keys).state == "Trusted"
    assert [p.name for p in tmp_path.iterdir()] == ["clip.mp4"]  # no temporary file left behind


@pytest.mark.parametrize("kind", ["text", "empty", "png", "truncated", "no-moov", "huge-claim", "folder", "missing"])
def test_non_mp4_or_truncated_input_is_refused_clearly(kind, signed, keys, tmp_path):
    bad = tmp_path / f"{kind}.mp4"
    if kind == "text":
        bad.write_text("this is not a video\n" * 50)
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "png":
        bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    elif kind == "truncated":
        bad.write_bytes(signed.read_bytes()[: signed.stat().st_size // 2])
    elif kind == "no-moov":
        bad.write_bytes(b"\x00\x00\x00\x10ftypisom\x00\x00\x02\x00" + b"\x00\x00\x00\x10mdat" + b"\x00" * 8)
    elif kind == "huge-claim":
        # A sparse 256 MB file whose mdat claims a terabyte: refused from its headers, without reading it.
        with open(bad, "wb") as fh:
            fh.write(b"\x00\x00\x00\x10ftypisom\x00\x00\x02\x00")
            fh.write(b"\x00\x00\x00\x01mdat" + (1 << 40).to_bytes(8, "big"))
            fh.truncate(256 << 20)
    elif kind == "folder":
        bad.mkdir()
    with pytest.raises(InvalidMediaError) as refused:
        read(bad, anchors=keys)
    assert isinstance(refused.value, ValueError) and bad.name in str(refused.value)
    with pytest.raises(InvalidMediaError):
        sign(bad, tmp_path / "out.mp4", generation_id=GEN_ID, model="m", model_version="1", keys=keys)
    assert not (tmp_path / "out.mp4").exists()


def test_check_mp4_accepts_what_we_write(clip, signed):
    assert check_mp4(clip) == clip.stat().st_size
    assert check_mp4(signed) == signed.stat().st_size


def test_command_line_read(signed, keys):
    done = subprocess.run([sys.executable, "-m", "provenance", "read", str(signed), "--keys", str(keys.directory),
                           "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["state"] == "Trusted" and out["generation_id"] == GEN_ID


def test_an_extension_names_its_parent_as_an_ingredient(clip_maker, keys, tmp_path):
    parent = sign(clip_maker(tmp_path / "p.mp4"), tmp_path / "parent.mp4", generation_id="41", model="hallmark-dit",
                  model_version="2025.1", keys=keys)
    child = sign(clip_maker(tmp_path / "c.mp4", seed=2), tmp_path / "child.mp4", generation_id="42",
                 model="hallmark-dit", model_version="2025.1", keys=keys, parent=parent)
    report = read(child, anchors=keys)
    assert report.state == "Trusted" and report.generation_id == "42"
    assert report.parent_generation_id == "41"
    assert report.ingredients[0]["relationship"] == "parentOf"
    actions = [a["action"] for a in report.assertion("c2pa.actions")["actions"]]
    assert actions == ["c2pa.opened", "c2pa.edited"]
    assert read(parent, anchors=keys).parent_generation_id is None


def test_an_extended_upload_says_where_it_started_and_that_it_passed_our_checks(clip_maker, keys, tmp_path):
    foreign = clip_maker(tmp_path / "foreign.mp4")  # no manifest: someone else's video
    source = {"kind": "upload", "frame_check": "passed", "sha256": "ab" * 32}
    child = sign(clip_maker(tmp_path / "c.mp4", seed=3), tmp_path / "child.mp4", generation_id="43",
                 model="hallmark-dit", model_version="2025.1", keys=keys, parent=foreign, source=source)
    report = read(child, anchors=keys)
    assert report.state == "Trusted" and report.source == source
    assert report.ingredients[0]["relationship"] == "parentOf" and report.parent_generation_id is None


def test_an_animated_image_is_an_input_ingredient(clip_maker, keys, tmp_path):
    from PIL import Image
    image = tmp_path / "start.png"
    Image.fromarray(np.full((32, 32, 3), 200, np.uint8)).save(image)
    child = sign(clip_maker(tmp_path / "c.mp4", seed=4), tmp_path / "child.mp4", generation_id="44",
                 model="hallmark-dit", model_version="2025.1", keys=keys, input_image=image,
                 source={"kind": "image", "frame_check": "passed"})
    report = read(child, anchors=keys)
    assert report.state == "Trusted", report.failure_codes
    assert report.ingredients == ({"title": "start.png", "relationship": "inputTo"},)
    created = report.assertion("c2pa.actions")["actions"][0]
    # c2pa turns the ingredient's label into a hashed link to the ingredient assertion.
    assert created["action"] == "c2pa.created"
    assert [i["url"].rsplit("/", 1)[1] for i in created["parameters"]["ingredients"]] == ["c2pa.ingredient.v3"]
    (tmp_path / "not-an-image.png").write_bytes(b"GIF89a....")
    with pytest.raises(InvalidMediaError, match="not a PNG, JPEG or WebP"):
        sign(clip_maker(tmp_path / "d.mp4"), tmp_path / "d-signed.mp4", generation_id="45", model="hallmark-dit",
             model_version="2025.1", keys=keys, input_image=tmp_path / "not-an-image.png")
