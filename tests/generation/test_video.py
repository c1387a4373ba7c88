"""MP4 writing and reading with PyAV."""
import numpy as np
import pytest

from generation import world
from generation.video import VideoReadError, read_frames, video_fps, write_mp4


def test_round_trip_is_h264_yuv420p_faststart(tmp_path):
    import av

    frames = np.repeat(np.repeat(world.render(world.sample_spec(5)), 4, axis=1), 4, axis=2)
    path = write_mp4(frames, tmp_path / "clip.mp4", fps=8)
    back = read_frames(path)
    assert back.shape == frames.shape
    assert np.abs(back.astype(int) - frames).mean() < 4  # lossy, but close
    assert video_fps(path) == 8
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264" and stream.codec_context.pix_fmt == "yuv420p"
    head = path.read_bytes()[:64]
    assert head.index(b"moov") < 64  # index before the media data: playable while downloading


def test_reading_refuses_what_is_not_a_video(tmp_path):
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 100)
    with pytest.raises(VideoReadError):
        read_frames(junk)
    frames = np.zeros((2, 64, 64, 3), np.uint8)
    path = write_mp4(frames, tmp_path / "small.mp4")
    with pytest.raises(VideoReadError, match="exceed"):
        read_frames(path, max_pixels=100)


def test_writing_refuses_odd_sizes(tmp_path):
    with pytest.raises(ValueError, match="even"):
        write_mp4(np.zeros((2, 63, 64, 3), np.uint8), tmp_path / "odd.mp4")
