"""The detector and its command line: signed, re-encoded, unmarked and hostile files."""
import json
import subprocess
import sys
import time

import numpy as np
import pytest

from provenance.detect import FingerprintMatch, detect
from provenance.fingerprint import distance
from provenance.mark import mark
from provenance.media import MediaError, write_h264

from .test_watermark import h264

PAYLOAD = "00c0ffee1234"


@pytest.fixture(scope="module")
def source(tmp_path_factory, pan_maker):
    return write_h264(pan_maker("rocket", seed=4), tmp_path_factory.mktemp("detect") / "source.mp4", fps=8)


@pytest.fixture(scope="module")
def marked(source, keys):
    return mark(source, source.with_name("marked.mp4"), payload=PAYLOAD, keys=keys)


def test_marked_clip_is_ours_by_manifest_and_watermark(marked, keys):
    report = detect(marked, anchors=keys)
    assert report.verdict == "ours"
    assert report.c2pa.state == "Trusted" and report.c2pa.generation_id == PAYLOAD
    assert report.c2pa.soft_binding.value == PAYLOAD
    assert report.watermark.detected and report.watermark.payload == PAYLOAD
    assert "unchanged since we made it" in report.explanation


def test_reencoded_clip_has_no_manifest_but_its_watermark_is_found(marked, keys, tmp_path):
    from provenance.media import rgb_frames
    frames, fps = rgb_frames(marked)
    copy = write_h264(h264(frames, 28)[:, 20:220, 10:230], tmp_path / "reupload.mp4", fps=fps)
    report = detect(copy, anchors=keys)
    assert report.c2pa.state == "absent"
    assert report.watermark.detected and report.watermark.payload == PAYLOAD
    assert report.verdict == "ours" and "no C2PA manifest" in report.explanation


def test_one_flipped_byte_makes_the_manifest_invalid_yet_the_watermark_stays(marked, keys, tmp_path):
    data = bytearray(marked.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.mp4"
    tampered.write_bytes(bytes(data))
    report = detect(tampered, anchors=keys)
    assert report.c2pa.state == "Invalid"
    assert report.verdict == "ours" and "changed after signing" in report.explanation


def test_unmarked_clip_is_no_evidence(source, keys):
    report = detect(source, anchors=keys)
    assert report.verdict == "no evidence"
    assert report.c2pa.state == "absent" and not report.watermark.detected


def test_a_fingerprint_match_from_the_index_makes_it_likely_ours(source, marked, keys):
    reference = detect(marked, anchors=keys).fingerprint

    def lookup(fp):
        d = distance(fp, reference)
        return FingerprintMatch("gen-42", d) if d <= 0.2 else None

    report = detect(source, anchors=keys, fingerprint_lookup=lookup)
    assert report.verdict == "likely ours" and report.fingerprint_match.reference == "gen-42"


def _zero_frame_mp4(path):
    import av
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=8)
        stream.width, stream.height, stream.pix_fmt = 256, 256, "yuv420p"
        container.start_encoding()  # header and trailer, no frames
        container.mux(stream.encode())
    return path


@pytest.mark.parametrize("kind, message", [
    ("text", "not a video"), ("empty", "empty"), ("truncated", "truncated"), ("zero_frames", "no video stream|no decodable"),
    ("absurd", "beyond the"), ("missing", "does not exist"),
    ("unknown_codec", "format we cannot decode"),  # found by the upload fuzzer: FFmpeg gives no codec context
])
def test_hostile_input_gets_a_clear_error_quickly(kind, message, marked, tmp_path):
    path = tmp_path / f"{kind}.bin"
    if kind == "text":
        path.write_text("this is not a video\n" * 100)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(marked.read_bytes()[: marked.stat().st_size // 2])
    elif kind == "zero_frames":
        _zero_frame_mp4(path)
    elif kind == "unknown_codec":  # an MP4 whose sample entry names a codec no one knows
        path.write_bytes(marked.read_bytes().replace(b"avc1", b"zzzz"))
    elif kind == "absurd":  # a raw video header that claims 9000×9000 frames
        path.write_bytes(b"YUV4MPEG2 W9000 H9000 F8:1 Ip A1:1 C420jpeg\nFRAME\n" + bytes(1000))
    started = time.monotonic()
    with pytest.raises(MediaError, match=message):
        detect(path)
    assert time.monotonic() - started < 5


def test_cli_mark_then_detect_json(source, keys, tmp_path):
    out = tmp_path / "cli.mp4"
    run = subprocess.run([sys.executable, "-m", "provenance", "mark", str(source), str(out), "--payload", "ABCDEF012345",
                          "--keys", str(keys.directory)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "provenance", "detect", str(out), "--json", "--keys", str(keys.directory)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["verdict"] == "ours" and report["c2pa"]["state"] == "Trusted"
    assert report["watermark"]["detected"] is True and report["watermark"]["payload"] == "abcdef012345"
    assert report["watermark"]["p_value"] < 1e-6


def test_cli_errors_are_clear(tmp_path, source):
    junk = tmp_path / "junk.mp4"
    junk.write_text("not a video")
    run = subprocess.run([sys.executable, "-m", "provenance", "detect", str(junk)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 2 and "error:" in run.stderr and "Traceback" not in run.stderr
    run = subprocess.run([sys.executable, "-m", "provenance", "mark", str(source), str(tmp_path / "o.mp4"),
                          "--payload", "nothex"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "hexadecimal" in run.stderr
