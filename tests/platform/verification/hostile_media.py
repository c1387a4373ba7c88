"""Hostile video uploads, for fuzzing every path that takes a stranger's file.

Starts from real small clips (MP4, MOV, WebM/VP8, WebM/VP9, Matroska/MPEG-4 written with PyAV),
then damages them (truncation, flipped bytes, splices, junk), lies in their headers (an MP4
whose tkhd/mvhd/avc1/SPS claim absurd frame sizes or durations, a WebM built element by element
whose Info, Tracks and VP8 key frame do the same) or sends no video at all (wrong magic,
zero bytes). `campaign` runs a hypothesis search over all of it against any `send` function
and checks the invariant each answer must keep: a 4xx with a message, never a 5xx, within
bounded wall time and memory. It needs no Django: the tests pass a Django test client.
"""
from __future__ import annotations

import io
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import av
import numpy as np
import psutil
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

MAX_WALL_SECONDS = 10.0  # per request: a bound against hangs, not a performance target
MAX_RSS_GROWTH_BYTES = 500 * 2 ** 20  # per request: a bound against decompression bombs


# ---------------------------------------------------------------------------- real seeds

def _encode(container_format: str, codec: str, *, frames: int = 8, side: int = 64, options=None) -> bytes:
    rng = np.random.default_rng(len(codec) + frames)
    buffer = io.BytesIO()  # in memory: an MP4's moov lands after mdat, so resizing moov moves no sample
    with av.open(buffer, "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=8)
        stream.width = stream.height = side
        stream.pix_fmt = "yuv420p"
        stream.options = options or {}
        for _ in range(frames):
            picture = rng.integers(0, 255, (side, side, 3), dtype=np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")))
        container.mux(stream.encode())
    return buffer.getvalue()


def seed_clips() -> dict[str, bytes]:
    """Small, valid clips in every container the platform takes (and one it only half takes)."""
    return {
        "mp4": _encode("mp4", "libx264", options={"preset": "ultrafast"}),
        "mov": _encode("mov", "libx264", options={"preset": "ultrafast"}),
        "webm-vp8": _encode("webm", "libvpx"),
        "webm-vp9": _encode("webm", "libvpx-vp9", options={"deadline": "realtime", "cpu-used": "8"}),
        "mkv-mpeg4": _encode("matroska", "mpeg4"),
    }


def _constant(container_format: str, codec: str, *, width: int, height: int, frames: int, rate: int) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        picture = av.VideoFrame.from_ndarray(np.full((height, width, 3), 90, np.uint8), format="rgb24")
        for _ in range(frames):
            container.mux(stream.encode(picture))
        container.mux(stream.encode())
    return buffer.getvalue()


def bomb_clips() -> dict[str, bytes]:
    """Small, valid files that cost a lot to decode naively: a minute at 120 fps (7200 frames in
    90 kB), a 4096×16 strip (a 65536-pixel-wide picture once its short side is scaled to 256)."""
    return {
        "minute-at-120fps": _constant("mp4", "libx264", width=16, height=16, frames=7200, rate=120),
        "strip-4096x16": _constant("mp4", "libx264", width=4096, height=16, frames=16, rate=8),
        "square-4096": _constant("mp4", "libx264", width=4096, height=4096, frames=2, rate=8),
    }


# ---------------------------------------------------------------------------- MP4 boxes

_CONTAINER_BOXES = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf", b"udta"}
_SAMPLE_ENTRY_FIELDS = 78  # a VisualSampleEntry's fixed fields before its child boxes


@dataclass
class Box:
    kind: bytes
    payload: bytes = b""  # the bytes before any children
    children: list["Box"] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        body = self.payload + b"".join(child.to_bytes() for child in self.children)
        return struct.pack(">I", 8 + len(body)) + self.kind + body

    def find(self, kind: bytes) -> "Box | None":
        for child in self.children:
            if child.kind == kind:
                return child
            found = child.find(kind)
            if found is not None:
                return found
        return None


def parse_boxes(data: bytes) -> list[Box]:
    """An MP4's box tree (only what the crafted headers need: 32-bit sizes, video sample entries)."""
    boxes, offset = [], 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + size]
        if kind in _CONTAINER_BOXES:
            boxes.append(Box(kind, children=parse_boxes(body)))
        elif kind == b"stsd":
            boxes.append(Box(kind, body[:8], parse_boxes(body[8:])))
        elif kind in (b"avc1", b"hvc1", b"mp4v"):
            boxes.append(Box(kind, body[:_SAMPLE_ENTRY_FIELDS], parse_boxes(body[_SAMPLE_ENTRY_FIELDS:])))
        else:
            boxes.append(Box(kind, body))
        offset += size
    return boxes


def _patch(payload: bytes, offset: int, fmt: str, *values) -> bytes:
    packed = struct.pack(fmt, *values)
    return payload[:offset] + packed + payload[offset + len(packed):]


def absurd_mp4(clip: bytes, *, width: int, height: int, timescale: int, duration: int,
               sps_width: int | None = None, sps_height: int | None = None) -> bytes:
    """The same samples under headers that lie: tkhd and avc1 frame size, mvhd and mdhd duration,
    and (optionally) an SPS in avcC that declares another frame size than the slices were coded for."""
    boxes = parse_boxes(clip)
    moov = next(b for b in boxes if b.kind == b"moov")
    for kind in (b"mvhd", b"mdhd"):
        box = moov.find(kind)
        v1 = box.payload[0] == 1
        box.payload = _patch(box.payload, 20 if v1 else 12, ">I", timescale & 0xFFFFFFFF)
        box.payload = _patch(box.payload, 24 if v1 else 16, ">Q" if v1 else ">I",
                             duration & (2 ** 64 - 1 if v1 else 0xFFFFFFFF))
    tkhd = moov.find(b"tkhd")
    at = 88 if tkhd.payload[0] == 1 else 76
    tkhd.payload = _patch(tkhd.payload, at, ">II", (width & 0xFFFF) << 16, (height & 0xFFFF) << 16)
    entry = moov.find(b"avc1")
    if entry is not None:
        entry.payload = _patch(entry.payload, 24, ">HH", min(width, 0xFFFF), min(height, 0xFFFF))
        avcc = entry.find(b"avcC")
        if avcc is not None and sps_width is not None:
            avcc.payload = _with_sps_size(avcc.payload, sps_width, sps_height or sps_width)
    return b"".join(box.to_bytes() for box in boxes)


# --- H.264 SPS: rewrite pic_width_in_mbs / pic_height_in_map_units, keep every other bit

class _Bits:
    def __init__(self, data: bytes):
        self.bits = "".join(f"{byte:08b}" for byte in data)
        self.at = 0

    def u(self, n: int) -> int:
        value = int(self.bits[self.at:self.at + n] or "0", 2)
        self.at += n
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bits[self.at + zeros] == "0":
            zeros += 1
        self.at += zeros + 1
        return (1 << zeros) - 1 + self.u(zeros)


def _ue(value: int) -> str:
    code = bin(value + 1)[2:]
    return "0" * (len(code) - 1) + code


def _unescape(nal: bytes) -> bytes:
    return nal.replace(b"\x00\x00\x03", b"\x00\x00")


def _escape(rbsp: bytes) -> bytes:
    out, zeros = bytearray(), 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def _with_sps_size(avcc: bytes, width: int, height: int) -> bytes:
    """avcC with its first SPS declaring width×height pixels (rounded up to macroblocks)."""
    sps_len = struct.unpack(">H", avcc[6:8])[0]
    sps = _unescape(avcc[8:8 + sps_len])
    bits = _Bits(sps[1:])  # after the NAL header byte
    profile = bits.u(8)
    bits.u(16)  # constraint flags, level
    bits.ue()  # seq_parameter_set_id
    if profile in (100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135):
        if bits.ue() == 3:  # chroma_format_idc
            bits.u(1)
        bits.ue(), bits.ue(), bits.u(1)  # bit depths, qpprime
        if bits.u(1):
            return avcc  # scaling matrices: not worth parsing for a fuzz seed
    bits.ue()  # log2_max_frame_num_minus4
    poc_type = bits.ue()
    if poc_type == 0:
        bits.ue()
    elif poc_type == 1:
        return avcc
    bits.ue(), bits.u(1)  # max_num_ref_frames, gaps
    start = bits.at
    bits.ue(), bits.ue()
    new_bits = (bits.bits[:start] + _ue(max(0, (width + 15) // 16 - 1)) + _ue(max(0, (height + 15) // 16 - 1))
                + bits.bits[bits.at:]).rstrip("0")
    new_bits = new_bits + "0" * (-len(new_bits) % 8)
    rbsp = sps[:1] + int(new_bits, 2).to_bytes(len(new_bits) // 8, "big")
    nal = _escape(rbsp)
    return avcc[:6] + struct.pack(">H", len(nal)) + nal + avcc[8 + sps_len:]


# ---------------------------------------------------------------------------- WebM, element by element

def _vint_size(n: int) -> bytes:
    return b"\x01" + n.to_bytes(7, "big")  # 8-byte sizes: simple, and legal


def _el(element_id: int, body: bytes) -> bytes:
    return element_id.to_bytes((element_id.bit_length() + 7) // 8, "big") + _vint_size(len(body)) + body


def _uint(element_id: int, value: int) -> bytes:
    return _el(element_id, value.to_bytes(8, "big"))


def vp8_packets(webm: bytes) -> list[bytes]:
    with av.open(io.BytesIO(webm)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


def absurd_webm(packets: list[bytes], *, width: int, height: int, duration_ms: float, frame_ns: int,
                keyframe_width: int | None = None, keyframe_height: int | None = None) -> bytes:
    """A WebM whose Info duration, track frame size and frame duration say what we like; the
    first VP8 key frame can also declare its own size (14 bits each) unlike what it holds."""
    frames = list(packets)
    if keyframe_width is not None and frames and frames[0][3:6] == b"\x9d\x01\x2a":
        sizes = struct.pack("<HH", keyframe_width & 0x3FFF, (keyframe_height or keyframe_width) & 0x3FFF)
        frames[0] = frames[0][:6] + sizes + frames[0][10:]
    header = _el(0x1A45DFA3, _uint(0x4286, 1) + _uint(0x42F7, 1) + _uint(0x42F2, 4) + _uint(0x42F3, 8)
                 + _el(0x4282, b"webm") + _uint(0x4287, 2) + _uint(0x4285, 2))
    info = _el(0x1549A966, _uint(0x2AD7B1, 1_000_000) + _el(0x4489, struct.pack(">d", duration_ms))
               + _el(0x4D80, b"fuzz") + _el(0x5741, b"fuzz"))
    video = _el(0xE0, _uint(0xB0, width) + _uint(0xBA, height))
    track = _el(0xAE, _uint(0xD7, 1) + _uint(0x73C5, 1) + _uint(0x83, 1) + _el(0x86, b"V_VP8")
                + _uint(0x23E383, frame_ns) + video)
    blocks = b"".join(_el(0xA3, b"\x81" + struct.pack(">h", i * 125) + (b"\x80" if i == 0 else b"\x00") + frame)
                      for i, frame in enumerate(frames))
    cluster = _el(0x1F43B675, _uint(0xE7, 0) + blocks)
    return header + _el(0x18538067, info + _el(0x1654AE6B, track) + cluster)


# ---------------------------------------------------------------------------- strategies

_MAGICS = [b"\x00\x00\x00\x18ftypisom", b"\x00\x00\x00\x14ftypqt  ", b"\x1a\x45\xdf\xa3", b"\x89PNG\r\n\x1a\n",
           b"\xff\xd8\xff\xe0", b"RIFF\x00\x00\x00\x00AVI ", b"GIF89a", b"%PDF-1.7", b"PK\x03\x04", b""]
_ABSURD_SIDES = st.sampled_from([0, 1, 2, 15, 8193, 16383, 65535, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 63])
_ABSURD_SPS_SIDES = st.sampled_from([16, 8192, 8208, 16384, 65536, 1 << 20])


def hostile_uploads(seeds: dict[str, bytes], bombs: dict[str, bytes] | None = None
                    ) -> st.SearchStrategy[tuple[str, bytes]]:
    """(what kind of damage, the bytes). Every kind draws from the real seeds (and the bombs)."""
    names = sorted(seeds)
    seed = st.sampled_from(names)
    mp4s = [n for n in names if n in ("mp4", "mov")]
    vp8 = vp8_packets(seeds["webm-vp8"]) if "webm-vp8" in seeds else []

    @st.composite
    def truncated(draw):
        name = draw(seed)
        return f"truncated:{name}", seeds[name][:draw(st.integers(0, len(seeds[name]) - 1))]

    @st.composite
    def flipped(draw):
        name = draw(seed)
        data = bytearray(seeds[name])
        for _ in range(draw(st.integers(1, 32))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return f"flipped:{name}", bytes(data)

    @st.composite
    def spliced(draw):
        a, b = draw(seed), draw(seed)
        cut_a, cut_b = draw(st.integers(0, len(seeds[a]))), draw(st.integers(0, len(seeds[b])))
        return f"spliced:{a}+{b}", seeds[a][:cut_a] + seeds[b][cut_b:]

    @st.composite
    def overwritten(draw):
        name = draw(seed)
        data = seeds[name]
        at = draw(st.integers(0, len(data) - 1))
        junk = draw(st.binary(min_size=1, max_size=256))
        how = draw(st.sampled_from(["replace", "insert", "repeat", "zero"]))
        if how == "replace":
            data = data[:at] + junk + data[at + len(junk):]
        elif how == "insert":
            data = data[:at] + junk + data[at:]
        elif how == "repeat":  # a stretch of the file twice over: duplicated boxes, clusters, packets
            data = data[:at] + data[at:at + len(junk) * 16] * 2 + data[at + len(junk) * 16:]
        else:
            data = data[:at] + bytes(len(junk)) + data[at + len(junk):]
        return f"{how}:{name}", data

    @st.composite
    def wrong_magic(draw):
        magic = draw(st.sampled_from(_MAGICS))
        body = draw(st.one_of(st.binary(max_size=2048), seed.map(lambda n: seeds[n][12:])))
        return "magic", magic + body

    @st.composite
    def lying_box_size(draw):
        name = draw(st.sampled_from(mp4s))
        data, boxes, offset = seeds[name], [], 0
        while offset + 8 <= len(data):
            boxes.append(offset)
            offset += max(8, struct.unpack(">I", data[offset:offset + 4])[0])
        at = draw(st.sampled_from(boxes))
        size = draw(st.sampled_from([b"\x00\x00\x00\x00", b"\x00\x00\x00\x01", b"\x00\x00\x00\x07",
                                     b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff"]))
        data = data[:at] + size + data[at + 4:]
        if size == b"\x00\x00\x00\x01":  # a 64-bit size follows the type: claim exabytes
            data = data[:at + 8] + draw(st.sampled_from([2 ** 63 - 1, 2 ** 64 - 1, 16])).to_bytes(8, "big") + data[at + 8:]
        return f"box-size:{name}", data

    @st.composite
    def absurd_mp4_headers(draw):
        name = draw(st.sampled_from(mp4s))
        with_sps = draw(st.booleans())
        data = absurd_mp4(seeds[name], width=draw(_ABSURD_SIDES), height=draw(_ABSURD_SIDES),
                          timescale=draw(st.sampled_from([0, 1, 8, 2 ** 32 - 1])),
                          duration=draw(st.sampled_from([0, 1, 2 ** 32 - 1, 2 ** 63])),
                          sps_width=draw(_ABSURD_SPS_SIDES) if with_sps else None,
                          sps_height=draw(_ABSURD_SPS_SIDES) if with_sps else None)
        return f"absurd-mp4{'-sps' if with_sps else ''}:{name}", data

    @st.composite
    def absurd_webm_headers(draw):
        with_key = draw(st.booleans())
        data = absurd_webm(vp8, width=draw(_ABSURD_SIDES), height=draw(_ABSURD_SIDES),
                           duration_ms=draw(st.sampled_from([0.0, 1.0, 1e12, 1e300, float("inf"), float("nan"),
                                                             -1.0])),
                           frame_ns=draw(st.sampled_from([0, 1, 125_000_000, 2 ** 63 - 1])),
                           keyframe_width=draw(st.sampled_from([16383, 8192, 1])) if with_key else None,
                           keyframe_height=draw(st.sampled_from([16383, 8192, 1])) if with_key else None)
        return f"absurd-webm{'-key' if with_key else ''}", data

    kinds = [truncated(), flipped(), spliced(), overwritten(), wrong_magic(), st.just(("empty", b""))]
    if mp4s:
        kinds += [lying_box_size(), absurd_mp4_headers()]
    if vp8:
        kinds.append(absurd_webm_headers())
    if bombs:
        kinds.append(st.sampled_from(sorted(bombs)).map(lambda n: (f"bomb:{n}", bombs[n])))
    return st.one_of(*kinds)


# ---------------------------------------------------------------------------- the campaign

@dataclass(frozen=True)
class Answer:
    status: int
    message: str  # what the person who sent the file reads


@dataclass
class CampaignReport:
    target: str
    tried: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    max_wall_seconds: float = 0.0
    max_rss_growth_mb: float = 0.0
    slowest_kind: str = ""
    hungriest_kind: str = ""

    def to_dict(self) -> dict:
        return {"target": self.target, "tried": self.tried, "by_status": dict(sorted(self.by_status.items())),
                "by_kind": dict(sorted(self.by_kind.items())), "max_wall_seconds": round(self.max_wall_seconds, 3),
                "max_rss_growth_mb": round(self.max_rss_growth_mb, 1), "slowest_kind": self.slowest_kind,
                "hungriest_kind": self.hungriest_kind}

    def line(self) -> str:
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(self.by_status.items()))
        return (f"{self.target}: {self.tried} hostile inputs ({statuses}); slowest {self.max_wall_seconds:.2f} s, "
                f"peak RSS growth {self.max_rss_growth_mb:.0f} MB ({self.slowest_kind}; {self.hungriest_kind})")


class _PeakRss:
    """Samples this process's RSS while a request runs: the peak, not just the end state."""

    def __init__(self, every: float = 0.002):
        self.process, self.every = psutil.Process(), every

    def __enter__(self):
        self.base = self.peak = self.process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)

    @property
    def growth(self) -> int:
        return self.peak - self.base


def campaign(send: Callable[[bytes, str], Answer], *, target: str, examples: int,
             seeds: dict[str, bytes] | None = None, accept_success: bool = True, seed: int | None = None
             ) -> CampaignReport:
    """Send `examples` hostile files through `send` and check every answer; an AssertionError names
    the smallest input hypothesis could shrink a failure to. `accept_success`: a damaged file that
    still decodes may be accepted (2xx); otherwise only 4xx pass."""
    seeds = seeds or seed_clips()
    bombs = bomb_clips()
    report = CampaignReport(target)
    send(seeds[sorted(seeds)[0]], "warm-up")  # the first request imports the app (torch and all): not timed

    # Deterministic unless a seed is given: the quick test run tries the same inputs every time.
    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is None,
              phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))
    @given(hostile_uploads(seeds, bombs))
    def one(case):
        kind, data = case
        started = time.monotonic()
        with _PeakRss() as rss:
            answer = send(data, kind)
        wall = time.monotonic() - started
        report.tried += 1
        report.by_status[answer.status] += 1
        report.by_kind[kind.split(":")[0]] += 1
        if wall > report.max_wall_seconds:
            report.max_wall_seconds, report.slowest_kind = wall, kind
        if rss.growth / 2 ** 20 > report.max_rss_growth_mb:
            report.max_rss_growth_mb, report.hungriest_kind = rss.growth / 2 ** 20, kind
        where = f"{kind}, {len(data)} bytes, head {data[:16].hex()}"
        assert answer.status < 500, f"{target} answered {answer.status} to {where}: {answer.message[:300]}"
        ok = 400 <= answer.status < 500 or (accept_success and 200 <= answer.status < 300)
        assert ok, f"{target} answered {answer.status} to {where}"
        assert answer.status < 400 or answer.message.strip(), f"{target} gave no message for {where}"
        assert wall < MAX_WALL_SECONDS, f"{target} took {wall:.1f} s on {where}"
        assert rss.growth < MAX_RSS_GROWTH_BYTES, f"{target} grew {rss.growth / 2 ** 20:.0f} MB on {where}"

    (one if seed is None else hypothesis_seed(seed)(one))()
    return report
