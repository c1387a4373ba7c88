"""A compact perceptual fingerprint per clip: keyframe hashes plus a temporal signature.

- Keyframe hashes: a 64-bit DCT hash (pHash) of the central part of a frame, two per second.
  The centre survives crops and letterboxing; a 32×32 DCT's lowest frequencies survive
  re-encoding and resizing. A query is hashed at three centre sizes (60%, 67%, 75% of the
  side) so that a clip cropped to 80% of its area still lines up with the original's 60%.
- Temporal signature: the central luma's mean, four samples per second, as signed
  differences; it tells apart clips whose keyframes look alike (our plain backgrounds).
- Distance: the keyframe sequences are aligned over time offsets (trimmed clips), and the
  mean Hamming distance over matched keyframes, divided by 64, is the distance (0 identical,
  about 0.5 unrelated). `MATCH_DISTANCE` is the threshold the platform uses.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

import cv2
import numpy as np

KEYFRAMES_PER_SECOND = 2.0
SIGNATURE_PER_SECOND = 4.0
CENTRE = 0.6
QUERY_CENTRES = (0.6, 0.67, 0.75)
MATCH_DISTANCE = 0.2
VERSION = 1
MAX_KEYFRAMES = 240  # two minutes at two per second: bounded storage per clip


@dataclass(frozen=True)
class Fingerprint:
    times: tuple[float, ...]  # keyframe times, seconds
    hashes: tuple[int, ...]  # one 64-bit hash per keyframe (at CENTRE)
    signature: tuple[int, ...]  # int8 temporal signature
    query_hashes: tuple[tuple[int, ...], ...] = ()  # hashes at the other centre sizes (queries only)

    def to_bytes(self) -> bytes:
        head = struct.pack("<BHH", VERSION, len(self.hashes), len(self.signature))
        body = b"".join(struct.pack("<HQ", round(t * 100) & 0xFFFF, h) for t, h in zip(self.times, self.hashes))
        return head + body + struct.pack(f"<{len(self.signature)}b", *self.signature)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Fingerprint":
        try:
            version, count, length = struct.unpack_from("<BHH", data)
            if version != VERSION:
                raise ValueError(f"unknown fingerprint version {version}")
            pairs = [struct.unpack_from("<HQ", data, 5 + 10 * i) for i in range(count)]
            signature = struct.unpack_from(f"<{length}b", data, 5 + 10 * count)
        except struct.error:
            raise ValueError("truncated fingerprint") from None
        return cls(tuple(t / 100 for t, _ in pairs), tuple(h for _, h in pairs), tuple(signature))

    @property
    def hex(self) -> str:
        return self.to_bytes().hex()


def _phash(luma: np.ndarray, centre: float) -> int:
    height, width = luma.shape
    side = min(height, width) * centre
    top, left = (height - side) / 2, (width - side) / 2
    region = luma[int(top):int(top + side), int(left):int(left + side)].astype(np.float32)
    small = cv2.resize(region, (32, 32), interpolation=cv2.INTER_AREA)
    low = cv2.dct(small)[:8, :8].ravel()[1:]  # skip DC: brightness changes must not matter
    bits = low > np.median(low)
    return int("".join("1" if b else "0" for b in bits), 2) << 1


class FingerprintBuilder:
    """Fed decoded luma frames with their times, in order."""

    def __init__(self, *, query: bool = False):
        self.query = query
        self.times: list[float] = []
        self.hashes: list[list[int]] = []
        self.means: list[float] = []
        self._next_key = 0.0
        self._next_sample = 0.0
        self._start: float | None = None

    def add(self, seconds: float, luma: np.ndarray) -> None:
        if self._start is None:
            self._start = seconds
        t = seconds - self._start
        if t + 1e-6 >= self._next_sample:
            height, width = luma.shape
            side = int(min(height, width) * CENTRE)
            top, left = (height - side) // 2, (width - side) // 2
            self.means.append(float(luma[top:top + side, left:left + side].mean()))
            self._next_sample += 1 / SIGNATURE_PER_SECOND
        if t + 1e-6 >= self._next_key and len(self.times) < MAX_KEYFRAMES:
            centres = QUERY_CENTRES if self.query else (CENTRE,)
            self.times.append(t)
            self.hashes.append([_phash(luma, c) for c in centres])
            self._next_key += 1 / KEYFRAMES_PER_SECOND

    def build(self) -> Fingerprint:
        means = np.array(self.means or [0.0])
        steps = np.clip(np.rint(np.diff(means, prepend=means[0]) * 4), -127, 127).astype(int)
        per_centre = tuple(zip(*self.hashes)) if self.hashes else ((),)
        return Fingerprint(tuple(round(t, 2) for t in self.times), tuple(per_centre[0]), tuple(int(s) for s in steps),
                           query_hashes=tuple(per_centre[1:]) if self.query else ())


def fingerprint_frames(frames: np.ndarray, fps: float, *, query: bool = False) -> Fingerprint:
    """Fingerprint T×H×W×3 RGB (or T×H×W luma) frames."""
    builder = FingerprintBuilder(query=query)
    for index, frame in enumerate(np.asarray(frames)):
        luma = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY) if frame.ndim == 3 else frame
        builder.add(index / fps, luma)
    return builder.build()


def _hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = np.bitwise_xor(a, b)
    return np.unpackbits(x.view(np.uint8).reshape(*x.shape, 8), axis=-1).sum(axis=-1)


def distance(query: Fingerprint, reference: Fingerprint) -> float:
    """0 for the same clip, about 0.5 for unrelated ones; tolerant to trims, crops, scaling, re-encoding."""
    if not query.hashes or not reference.hashes:
        return 1.0
    ref = np.array(reference.hashes, dtype=np.uint64)
    best = 1.0
    for hashes in (query.hashes, *query.query_hashes):
        q = np.array(hashes, dtype=np.uint64)
        # Slide the query along the reference (a trimmed clip starts later); need half the query to overlap.
        for shift in range(-(len(q) // 2), len(ref) - (len(q) + 1) // 2 + 1):
            lo, hi = max(0, -shift), min(len(q), len(ref) - shift)
            if hi - lo < max(1, len(q) // 2):
                continue
            best = min(best, float(_hamming(q[lo:hi], ref[lo + shift:hi + shift]).mean()) / 64)
    return best
