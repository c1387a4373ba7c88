"""An invisible video watermark that carries a 48-bit payload through re-encoding, scaling and cropping.

How it works, and why:
- The mark is a tile of T×T pixels (T = 48, 64 or 96 at 256×256, chosen per clip — see the
  last note; scaled with the frame) defined in the 2-D Fourier domain: 176 mid-frequency
  carriers (3–11 cycles per tile, whatever its size). 36 of them carry a
  keyed synchronisation pattern; 140 carry 280 coded bits: the payload and its CRC-16 under a
  rate-1/4 convolutional code, two bits per carrier (real and imaginary parts of its phase).
- The tile repeats across the frame and is the same in every frame, and it is added to luma
  only, at about 40.3 dB PSNR. Its strength follows each frame's content: up to 1.5× its RMS in
  flat areas, less on edges and texture, where the detector listens least and the codec
  quantises most. Repetition over space and time is what buys robustness: the detector
  averages all frames (so trimming, frame-rate changes and lost frames cost only averaging
  gain) and folds all tiles onto one.
- Synchronisation without the original: the tiling makes the whitened frame's autocorrelation
  peak at the tile period, which gives the scale after resizing (per axis); folding at that
  period and correlating with the sync carriers gives the crop offset (to a fraction of a
  pixel). Nothing needs the original clip, the crop window or the scale factor.
- The decision: the payload is decoded by soft Viterbi; z is its codeword's correlation with
  the soft bits. On unmarked input the CRC holds for 2^-16 of decodes whatever their z (the
  code is linear: flipping the noise's signs by any codeword shifts the decoded message by
  that codeword's message and keeps z), so a CRC-valid decode's p-value is 2^-16 times the
  chance that unmarked input reaches its z, that chance calibrated on unmarked video
  (`NULL_Z_MEAN`, `NULL_Z_SD`), or the Hoeffding union bound over the 2^48 CRC-valid codewords
  where that is smaller. Detected means the CRC holds and p ≤ `DETECTION_P_VALUE`; a mark that
  is present (Hoeffding over all 2^64 codewords) but does not read says so (`present_unreadable`).
- When the autocorrelation does not show the tile period (heavy compression, small frames),
  a search over scales 0.3–2.0 in 1% steps, then quarter steps, finds it. bench/watermark_robustness.py checks the false-positive rate on
  unmarked video.
- The detector's input is each frame high-passed and divided by its local contrast, so that
  texture and edges (the detector's noise) weigh less than flat areas, then summed.
- Known limit (measured 2026-12-05 on the bench's photo pans): H.264 at crf 35 keeps the mark in
  the I-frame only. P-frames predict it along the content's motion vectors and drop the residual
  that would put it back, so frame by frame the mark's offset drifts with the pan (3–5 px a
  frame) and the static average blurs it away. Summing frames shifted by the content's motion
  decoded 0 of 8 pans, the I-frame alone 1 of 8: the detector cannot get back what the codec
  threw away; what would help is mark energy that P-frames keep.
  Tried next (2026-12-05, same 8 pans): a mark that moves with the content (the tile shifted
  each frame by the global motion phase correlation finds, read after shifting each frame back).
  P-frames then keep it, but aligning frames on the content makes the content add up as
  coherently as the mark, and the averaging over moving content that a static mark lives on is
  lost: exact payloads crf 18 8 → 7 of 8, crf 28 8 → 5, crf 35 1 → 2, scale 0.5 7 → 5. Not kept.
  Kept (2026-12-05, 16 pans and 8 generated clips): strength ∝ 1/√(local variance + floor), at
  unit RMS so PSNR is unchanged, capped at 1.5× that RMS: crf 35 pans 2 → 4 of 16, generated
  6 → 7 of 8; scale 0.5 14 → 14; on the bench, all attacks 94.6 → 96.4% (crf 35 44 → 56%,
  scale 0.5 88 → 94%, crop + scale 94 → 100%). The price is in flat areas, where a mark shows
  first: their own PSNR falls from 41.0 to 38.2 dB (the bench's "flat areas" reads 38.0). A
  cap of 2 read crf 35 pans 5 of 16; a first version whose cap leaked (to 3× on frames with
  little flat area) read 6, but showed as mottling on flat walls and on the objects of
  generated clips.
  Measured, not kept as the only tile (2026-12-05; the last note uses it per clip): a 96-pixel
  tile, the same carriers 1.5× longer in period.
  What an I-frame keeps at crf 35 falls with frequency (a white-noise mark through 16 photo
  pans: 0.85 of it at a 32-pixel period, 0.55 at 16, 0.38 at 8, 0.21 at 6), and the 64-pixel
  tile's carriers sit mostly at 6–10 pixels. On 32 pans outside the bench, crf 35 exact payloads
  went 6 → 14 of 32 (tile 80: 7 of 16; 104: 18 of 32 but 2 lost at scale 0.5; 128: 20, with
  losses at scale 0.5 and crop + scale), and the bench read 96.4 → 98.7% (crf 35 56 → 81%). But a
  tile folds fewer times into a frame (7 against 16 at 256×256) and low frequencies are where
  content is strongest, so clips whose content does not move lost: still shots of 10 photographs
  (grass, gravel, brick, astronaut…) at crf 23 / 28 / 35 read 6 / 6 / 4 of 10 with the 64-pixel
  tile and 3 / 4 / 2 with the 96-pixel one, and the random tiny CogVideoX of the platform tests
  20 → 5 of 20 payloads at crf 18. Still shots are this mark's weak spot whatever the tile (a
  still is one image: nothing averages its content away); the bench reports them apart.
  Also measured on stills, not kept (2026-12-05): informed embedding — read what the clip's own
  content puts on each carrier through the detector's whitening and folding, and spend energy
  only on payload bits the content pushes below a margin (the margin chosen for the best
  predicted correlation at the same PSNR), iterated up to four times. Unattacked correlation on
  4 stills moved 8.8 → 8.3, 8.3 → 8.4, 13.6 → 13.9, 13.1 → 13.4: where content outweighs the
  mark (astronaut, grass: content reads 1.5–2.7× the mark) cancelling it costs more energy than
  the PSNR budget has, and the flatness gain's modulation couples neighbouring carriers, so the
  per-carrier prediction missed by 35–65%.
  Kept (2026-12-05): the tile is chosen per clip from three sizes that share their carriers,
  so the detector reads them all the same way (as scales 0.75, 1 and 1.5 of TILE). Higher
  frequencies are where a photograph's own content is weakest, lower ones are what crf 35
  keeps, and no one tile suits every clip: a 48-pixel tile read 10 stills (grass, gravel, brick,
  astronaut…, 6 attacks) 44 of 60 against 30 with 64, but crf 35 fell from 8 to 2 of 8 generated
  clips and 4 to 1 of 16 pans (64 pixels with carriers spread to 15 cycles: 41 of 60 stills,
  crf 35 generated 5 of 8). So the embedder marks with the 64-pixel tile and reads its own mark
  back at the scale and offset it used. Under FINE_TILE_BELOW the content outweighs the mark
  (textured stills read 8.2–12.9; clips that move 15.5–16.4, where the mark reads clean): it
  tries the 48-pixel tile, which read higher on every still, and keeps whichever reads higher.
  Otherwise, where the 96-pixel tile is within the detector's reach (`_within_reach`: not on
  square frames of 512 pixels and more, whose tile outgrows the analysis size), it marks the
  first TRIAL_FRAMES frames with it too, re-encodes both at crf 35 and keeps the tile that reads
  higher after it (static textured backgrounds keep 64, pans mostly take 96). On sets outside the bench: stills 30 → 43 of 60; 32 pans under 7
  attacks 196 → 202 of 224 (crf 35 8 → 13 of 32, scale 0.5 28 → 30, crop + scale 32 → 31);
  8 generated clips 56 of 56 either way. Always 96 for clips that move read alike on pans but
  lost a generated clip at crf 35; a choice by the unattacked reading alone cannot see what
  crf 35 keeps. Trying 16 frames rather than 8 read 205 of 224 pans but embedded at 105
  frames/s against 120 (timed outside the bench). On the bench: all attacks 96.4 → 98.2% (crf 35 56 → 75%, scale 0.5
  94 → 100%), photo pans 93.8 → 97.3%, generated 99.1%, stills 60.7 → 75.0%; PSNR 41.1 dB;
  embedding 344–557 (two runs of the same code) → 136 frames/s.
  Kept (2026-12-05): the target PSNR 41.0 → 40.3 dB, the goal's 40 less what clipping and rounding
  take (the worst clip reads 40.1). The two crf 35 clips that failed at the decoder's edge (true
  codeword z 8.8 against 8.65) now read; the two that lose synchronisation still do not. Bench:
  all attacks 98.2 → 99.1% (crf 35 75 → 88%), stills 75.0 → 78.6%, mean PSNR 41.1 → 40.4 dB,
  flat areas 38.3 → 37.7 dB. Side by side at 2× zoom the two strengths look alike: both show a
  faint grain on large flat colours (a generated ball, a night sky) to a viewer who looks for it.
  Kept (2026-12-05, output byte-identical): each frame's strength map is worked out once for every
  tile tried (the second pass used to work out half of them again), and frames are normalised on
  several threads for the embedder's readings and `detect`. On a machine where dwtDctSvd embeds at
  27–31 frames/s (66.8 on the one that read 136 before), ours went 93 → 114 frames/s on the bench.
"""
from __future__ import annotations

import hashlib
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import cv2
import numpy as np

from provenance import ecc
from provenance.media import reencode

PAYLOAD_BITS = 48
TILE = 64  # the tile at 256×256 (larger frames: a multiple); the detector reads periods against it
COARSE_TILE = 96  # lower frequencies, which crf 35 keeps: for content that moves, where it reads better
FINE_TILE = 48  # higher frequencies, where a photograph's content is weakest: for busy content that stays put
FINE_TILE_BELOW = 14.5  # a mark that reads under this correlation unattacked tries FINE_TILE
TRIAL_CRF = 35  # content that moves tries COARSE_TILE through a re-encode this harsh…
TRIAL_FRAMES = 8  # …of at most this many frames
CHECK_BITS = 16  # CRC-16 over the payload: a decode that is close but wrong must not pass as right
BAND = (3.0, 11.0)  # carrier radius, cycles per tile
SYNC_CARRIERS = 36
PAYLOAD_CARRIERS = ecc.coded_length(PAYLOAD_BITS + CHECK_BITS) // 2
SYNC_ENERGY = 0.3  # share of the mark's energy spent on synchronisation
TARGET_PSNR_DB = 40.3  # the goal is 40 for every clip; clipping and rounding leave the worst at 40.1
DETECTION_P_VALUE = 1e-6
# z on unmarked input: 1,080 unmarked clip variants (bench/watermark_robustness.py) read mean
# 7.91, sd 0.32; i.i.d. Gaussian soft bits read mean 8.17, sd 0.22. The calibrated tail is a
# normal with the higher mean and the wider spread, above both where detection is decided
# (z ≈ 8.65: 6.5% of unmarked decodes reach it under this tail, 2% of Gaussian, 1% of video).
NULL_Z_MEAN, NULL_Z_SD = 8.17, 0.32
SEARCH_BELOW_SYNC = 6.0  # a sync z-score below this triggers the scale search
SCALE_RANGE = (0.3, 2.0)  # tile period ÷ TILE that the search covers
SCALE_STEP = 0.01
DEFAULT_KEY = b"hallmark-watermark-v1"
ANALYSIS_MAX_SIDE = 512  # larger frames are shrunk before analysis: the mark is mid-frequency
MIN_SIDE = 64
NOISE_FLOOR = 4.0  # luma variance below which a region counts as flat
FLAT_GAIN_CAP = 1.5  # the most the mark is strengthened in flat areas, × its RMS strength
GAIN_MAX_SIDE = 256  # the strength map is worked out at most this size: it is smooth
_THREADS = min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class WatermarkError(ValueError):
    """Frames or a payload the watermark cannot work with."""


@dataclass(frozen=True)
class WatermarkPayload:
    """48 bits, usually the generation id; written and read as 12 hex digits."""

    value: int

    def __post_init__(self):
        if not isinstance(self.value, int) or not 0 <= self.value < 1 << PAYLOAD_BITS:
            raise WatermarkError(f"A watermark payload is a whole number of at most {PAYLOAD_BITS} bits.")

    @classmethod
    def from_hex(cls, text: str) -> "WatermarkPayload":
        digits = text.lower().removeprefix("0x")
        if not digits or len(digits) > PAYLOAD_BITS // 4 or any(c not in "0123456789abcdef" for c in digits):
            raise WatermarkError(f"The payload must be 1 to {PAYLOAD_BITS // 4} hexadecimal digits, got {text!r:.40}.")
        return cls(int(digits, 16))

    @property
    def hex(self) -> str:
        return f"{self.value:0{PAYLOAD_BITS // 4}x}"

    def bits(self) -> np.ndarray:
        return np.array([(self.value >> (PAYLOAD_BITS - 1 - i)) & 1 for i in range(PAYLOAD_BITS)], dtype=np.uint8)

    @classmethod
    def from_bits(cls, bits: np.ndarray) -> "WatermarkPayload":
        return cls(int("".join(str(int(b)) for b in bits), 2))


@dataclass(frozen=True)
class WatermarkResult:
    """What the detector found. `payload` is set only when `detected`."""

    detected: bool
    p_value: float
    payload: str | None = None
    present_unreadable: bool = False  # the mark is there (p small) but the payload's CRC fails
    bits_corrected: int = 0  # coded bits the decoder overruled
    bit_accuracy: float = 0.5  # coded bits read right, judged against the decoded codeword
    sync_score: float = 0.0  # z-score of the synchronisation peak
    correlation: float = 0.0  # normalised correlation of the soft bits with the decoded codeword (the test statistic)
    scale: tuple[float, float] = (1.0, 1.0)  # period found ÷ TILE, x and y (untouched 256-px clips: 0.75, 1 or 1.5)
    offset: tuple[float, float] = (0.0, 0.0)
    frames_used: int = 0
    candidate_payload: str | None = field(default=None, repr=False)  # best guess even when not detected

    def to_dict(self) -> dict:
        return {"detected": self.detected, "payload": self.payload, "p_value": self.p_value,
                "present_unreadable": self.present_unreadable,
                "bits_corrected": self.bits_corrected, "bit_accuracy": round(self.bit_accuracy, 4),
                "sync_score": round(self.sync_score, 2), "correlation": round(self.correlation, 2), "scale": [round(s, 4) for s in self.scale],
                "frames_used": self.frames_used}


# ---------------------------------------------------------------------------- the keyed pattern

@dataclass(frozen=True)
class _Carriers:
    sync_uv: np.ndarray  # (S, 2) integer (u, v) frequencies, cycles per tile
    sync_phase: np.ndarray  # (S,) unit complex
    payload_uv: np.ndarray  # (P, 2)
    payload_phase: np.ndarray  # (P,) unit complex: the reference each payload carrier is read against
    interleave: np.ndarray  # coded bit i goes to slot interleave[i]


def _carriers(key: bytes) -> _Carriers:
    half = TILE // 2
    band = [(u, v) for v in range(0, half) for u in range(-half + 1, half)
            if (v > 0 or u > 0) and BAND[0] <= math.hypot(u, v) <= BAND[1]]
    if len(band) < SYNC_CARRIERS + PAYLOAD_CARRIERS:
        raise AssertionError("the band holds too few carriers")
    rng = np.random.default_rng(np.frombuffer(hashlib.sha256(key).digest(), dtype=np.uint32))
    order = rng.permutation(len(band))
    uv = np.array(band)[order]
    phases = np.exp(2j * np.pi * rng.random(len(band)))
    s, p = SYNC_CARRIERS, PAYLOAD_CARRIERS
    return _Carriers(uv[:s], phases[:s], uv[s:s + p], phases[s:s + p], rng.permutation(2 * p))


_CARRIER_CACHE: dict[bytes, _Carriers] = {}


def _carriers_for(key: bytes) -> _Carriers:
    if key not in _CARRIER_CACHE:
        _CARRIER_CACHE[key] = _carriers(key)
    return _CARRIER_CACHE[key]


def _payload_symbols(payload: WatermarkPayload, carriers: _Carriers) -> np.ndarray:
    coded = 1.0 - 2.0 * ecc.encode(_with_check(payload.bits()))  # 0 → +1, 1 → -1
    slots = np.empty_like(coded)
    slots[carriers.interleave] = coded
    return (slots[0::2] + 1j * slots[1::2]) / math.sqrt(2)


def _crc16(bits: np.ndarray) -> np.ndarray:
    """CRC-16/CCITT (polynomial 0x1021, initial 0xFFFF) of a bit sequence, as 16 bits."""
    register = 0xFFFF
    for bit in bits:
        feedback = ((register >> 15) & 1) ^ int(bit)
        register = ((register << 1) & 0xFFFF) ^ (0x1021 if feedback else 0)
    return np.array([(register >> (15 - i)) & 1 for i in range(16)], dtype=np.uint8)


def _with_check(bits: np.ndarray) -> np.ndarray:
    return np.concatenate([bits, _crc16(bits)])


def _tile(payload: WatermarkPayload, key: bytes, size: int) -> np.ndarray:
    """The real-valued tile (size × size), unit RMS."""
    c = _carriers_for(key)
    spectrum = np.zeros((size, size), dtype=np.complex128)
    values = np.concatenate([_gains(c.sync_uv, SYNC_ENERGY) * c.sync_phase,
                             _gains(c.payload_uv, 1 - SYNC_ENERGY) * c.payload_phase * _payload_symbols(payload, c)])
    for (u, v), value in zip(np.concatenate([c.sync_uv, c.payload_uv]), values):
        spectrum[v % size, u % size] += value
        spectrum[-v % size, -u % size] += np.conj(value)
    tile = np.fft.ifft2(spectrum).real
    return tile / tile.std()


def _gains(uv: np.ndarray, energy: float) -> np.ndarray:
    """Equal carrier amplitudes, `energy` in total. (Tilting energy towards low or high
    frequencies was measured: it loses more under scaling than it gains under crf 35.)"""
    return np.full(len(uv), math.sqrt(energy / len(uv)))


def tile_size_for(height: int, width: int, tile: int = TILE) -> int:
    return tile * max(1, min(height, width) // 256)


def pattern(payload: WatermarkPayload, height: int, width: int, key: bytes = DEFAULT_KEY, *,
            tile: int = TILE) -> np.ndarray:
    """The additive luma pattern for frames of this size, unit RMS (float32)."""
    size = tile_size_for(height, width, tile)
    tile = _tile(payload, key, size)
    reps = (-(-height // size), -(-width // size))
    return np.tile(tile, reps)[:height, :width].astype(np.float32)


# ---------------------------------------------------------------------------- embedding

def _amplitude(psnr_db: float) -> float:
    # Rounding to 8 bits adds 1/12 of noise power; leave room for it.
    return math.sqrt(max(255.0 ** 2 / 10 ** (psnr_db / 10) - 1 / 12, 0.1))


def embed(frames: np.ndarray, payload: WatermarkPayload | int | str, *, key: bytes = DEFAULT_KEY,
          psnr_db: float = TARGET_PSNR_DB) -> np.ndarray:
    """Watermark T×H×W×3 uint8 RGB frames; returns new frames of the same shape.

    The same luma offset goes on R, G and B, so luma carries it all and colours do not shift.
    The tile is TILE, FINE_TILE where the content outweighs the mark (a busy still shot), or
    COARSE_TILE where a trial re-encode keeps it better (see the module notes); the detector
    reads each as the same mark at another scale, so it needs no hint of which was used.
    """
    frames = _check_frames(frames)
    payload = as_payload(payload)
    # The strength map does not depend on the tile: worked out once per frame for every tile tried,
    # and kept small (at most GAIN_MAX_SIDE a side; the frames themselves are far larger).
    with ThreadPoolExecutor(_THREADS) as pool:  # OpenCV and NumPy let go of the GIL: frames in parallel
        gains = list(pool.map(lambda frame: _small_flatness_gain(rgb_to_luma(frame.astype(np.float32))), frames))
    marked = _embed_tiled(frames, payload, key, psnr_db, TILE, gains)
    reading = _reading(marked, key, TILE)
    if reading < FINE_TILE_BELOW:  # the content outweighs the mark (in practice: a busy still shot)
        fine = _embed_tiled(frames, payload, key, psnr_db, FINE_TILE, gains)
        return fine if _reading(fine, key, FINE_TILE) > reading else marked
    if not _within_reach(COARSE_TILE, *frames.shape[1:3]):
        return marked
    # The mark reads clean, so what decides is what a harsh re-encode keeps: try it on the first frames.
    coarse = _embed_tiled(frames[:TRIAL_FRAMES], payload, key, psnr_db, COARSE_TILE, gains)
    if _trial_reading(coarse, key, COARSE_TILE) > _trial_reading(marked[:TRIAL_FRAMES], key, TILE):
        rest = _embed_tiled(frames[TRIAL_FRAMES:], payload, key, psnr_db, COARSE_TILE, gains[TRIAL_FRAMES:])
        return np.concatenate([coarse, rest])
    return marked


def _within_reach(tile: int, height: int, width: int) -> bool:
    """Whether a tile leaves room for the detector: two periods on the short side, and a period
    the scale search still covers after a 1.25× enlargement (the tile grows with the frame, the
    detector's analysis size stops at ANALYSIS_MAX_SIDE)."""
    size = tile_size_for(height, width, tile)
    shrink = _size_within(height, width, ANALYSIS_MAX_SIDE)[0] / height
    return min(height, width) >= 2 * size and 1.25 * size * shrink <= SCALE_RANGE[1] * TILE


def _trial_reading(marked: np.ndarray, key: bytes, tile: int) -> float:
    # x264's fastest preset: a third of the time of the one clips are delivered with, and it
    # ranks the tiles the same way on the sets the module notes name.
    return _reading(reencode(marked, crf=TRIAL_CRF, preset="ultrafast"), key, tile)


def _reading(frames: np.ndarray, key: bytes, tile: int) -> float:
    """How well freshly marked frames read: the detector's correlation at the exact scale and
    offset they were marked at (no search; for ranking tiles, not for detecting)."""
    total = _accumulated(frames).total
    height, width = frames.shape[1:3]
    size = tile_size_for(height, width, tile)
    folded = _fold(_whiten(total), size * total.shape[0] / height, size * total.shape[1] / width)
    if folded is None:
        return 0.0
    return _decode(np.fft.fft2(folded), (0.0, 0.0), _carriers_for(key), score=0.0, scale=(1.0, 1.0),
                   frames=len(frames)).correlation


def _embed_tiled(frames: np.ndarray, payload: WatermarkPayload, key: bytes, psnr_db: float, tile: int,
                 gains: list[np.ndarray] | None = None) -> np.ndarray:
    """Mark with one tile size; `gains`, if given, holds each frame's small strength map."""
    height, width = frames.shape[1:3]
    delta = pattern(payload, height, width, key, tile=tile) * _amplitude(psnr_db)
    out = np.empty_like(frames)
    for index, frame in enumerate(frames):
        marked = frame.astype(np.float32)
        small = gains[index] if gains is not None else _small_flatness_gain(rgb_to_luma(marked))
        gain = _at_size(small, height, width)
        marked += (delta * gain)[:, :, None]
        np.clip(marked, 0, 255, out=marked)
        out[index] = np.rint(marked)
    return out


def _at_size(gain: np.ndarray, height: int, width: int) -> np.ndarray:
    return gain if gain.shape == (height, width) else cv2.resize(gain, (width, height), interpolation=cv2.INTER_LINEAR)


def _small_flatness_gain(luma: np.ndarray) -> np.ndarray:
    """Per-pixel strength, at GAIN_MAX_SIDE at most: more where the frame is flat, less on edges
    and texture; unit RMS, so PSNR is what it would be without it, and never above FLAT_GAIN_CAP.

    The detector weighs pixels by the inverse of their local contrast, and H.264 quantises flat
    blocks more finely, so mark energy in flat areas is worth more than the same energy on
    edges; the cap keeps flat areas from showing the pattern (see the module notes). Worked out
    at GAIN_MAX_SIDE at most: blurs at HD sizes are slow."""
    height, width = luma.shape
    size = _size_within(height, width, GAIN_MAX_SIDE)
    small = luma if size == luma.shape else cv2.resize(luma, size[::-1], interpolation=cv2.INTER_AREA)
    weight = 1.0 / np.sqrt(_local_spread(small) + NOISE_FLOOR)
    weight /= weight.max()
    # gain = min(c·weight, cap) at unit RMS; the RMS grows with c, so bisect for c (on every
    # fourth pixel each way: the weight is smooth, and this is per frame).
    sample = weight[::4, ::4]
    low, high = 1.0, FLAT_GAIN_CAP / float(sample.min())  # at high every pixel is capped: RMS = cap ≥ 1
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if np.mean(np.minimum(middle * sample, FLAT_GAIN_CAP) ** 2) < 1 else (low, middle)
    return np.minimum(low * weight, FLAT_GAIN_CAP)


def _size_within(height: int, width: int, max_side: int) -> tuple[int, int]:
    """(height, width) shrunk, keeping the aspect, so the long side is at most max_side."""
    shrink = max(1.0, max(height, width) / max_side)
    return max(1, round(height / shrink)), max(1, round(width / shrink))


def as_payload(payload) -> WatermarkPayload:
    """A WatermarkPayload from itself, an int, hex text or bytes."""
    if isinstance(payload, WatermarkPayload):
        return payload
    if isinstance(payload, str):
        return WatermarkPayload.from_hex(payload)
    if isinstance(payload, (bytes, bytearray)):
        return WatermarkPayload.from_hex(bytes(payload).hex())
    return WatermarkPayload(payload)


def _check_frames(frames: np.ndarray) -> np.ndarray:
    frames = np.asarray(frames)
    if frames.ndim != 4 or frames.shape[-1] != 3 or frames.dtype != np.uint8:
        raise WatermarkError(f"Expected T×H×W×3 uint8 frames, got {frames.shape} {frames.dtype}.")
    if len(frames) == 0:
        raise WatermarkError("There are no frames to watermark.")
    if min(frames.shape[1:3]) < MIN_SIDE:
        raise WatermarkError(f"Frames of {frames.shape[2]}×{frames.shape[1]} are too small to carry a watermark "
                             f"(at least {MIN_SIDE}×{MIN_SIDE}).")
    return frames


# ---------------------------------------------------------------------------- detection

class LumaAccumulator:
    """Sums frames' luma at analysis size, so a video can be streamed through without keeping it."""

    def __init__(self):
        self.total: np.ndarray | None = None
        self.frames = 0

    def analysis_size(self, height: int, width: int) -> tuple[int, int]:
        return _size_within(height, width, ANALYSIS_MAX_SIDE)

    def add(self, luma: np.ndarray) -> None:
        self.add_normalised(self.normalised(luma))

    def normalised(self, luma: np.ndarray) -> np.ndarray:
        """One frame's share of the sum (the costly part; safe to run on several threads)."""
        luma = np.asarray(luma, dtype=np.float32)
        size = self.analysis_size(*luma.shape)
        if size != luma.shape:
            luma = cv2.resize(luma, (size[1], size[0]), interpolation=cv2.INTER_AREA)
        return _normalise_locally(luma)

    def add_normalised(self, normalised: np.ndarray) -> None:
        if self.total is None:
            self.total = np.zeros(normalised.shape, dtype=np.float64)
        elif self.total.shape != normalised.shape:
            raise WatermarkError("The frames change size mid-video.")
        self.total += normalised
        self.frames += 1


def _normalise_locally(luma: np.ndarray) -> np.ndarray:
    """High-pass the frame and divide by local contrast: edges and texture count less than flat areas.

    Content is the detector's noise, and it is far from uniform; weighting each pixel by the
    inverse of its local spread is what a maximum-likelihood detector would do.
    """
    detail = _detail(luma)
    return detail / np.sqrt(_local_spread(luma, detail) + NOISE_FLOOR)


def _detail(luma: np.ndarray) -> np.ndarray:
    return luma - cv2.GaussianBlur(luma, (0, 0), _local_sigma(luma))


def _local_spread(luma: np.ndarray, detail: np.ndarray | None = None) -> np.ndarray:
    """The local variance of the frame's high-passed luma: how busy each neighbourhood is."""
    detail = _detail(luma) if detail is None else detail
    return cv2.GaussianBlur(detail * detail, (0, 0), _local_sigma(luma))


def _local_sigma(luma: np.ndarray) -> float:
    return 8.0 * max(luma.shape) / 256


def rgb_to_luma(frames: np.ndarray) -> np.ndarray:
    return frames[..., 0] * 0.299 + frames[..., 1] * 0.587 + frames[..., 2] * 0.114


def detect(frames: np.ndarray, *, key: bytes = DEFAULT_KEY) -> WatermarkResult:
    """Look for the watermark in T×H×W×3 RGB frames (or T×H×W luma)."""
    return detect_accumulated(_accumulated(np.asarray(frames)), key=key)


def _accumulated(frames: np.ndarray) -> LumaAccumulator:
    accumulator = LumaAccumulator()

    def normalised(frame):
        return accumulator.normalised(rgb_to_luma(frame.astype(np.float32)) if frame.ndim == 3 else frame)

    # Frames normalised in parallel, summed in order; a few at a time, so memory stays bounded.
    with ThreadPoolExecutor(_THREADS) as pool:
        for start in range(0, len(frames), 4 * _THREADS):
            for one in pool.map(normalised, frames[start:start + 4 * _THREADS]):
                accumulator.add_normalised(one)
    return accumulator


def detect_accumulated(accumulator: LumaAccumulator, *, key: bytes = DEFAULT_KEY) -> WatermarkResult:
    if accumulator.total is None:
        raise WatermarkError("There are no frames to look for a watermark in.")
    if min(accumulator.total.shape) < 32:
        raise WatermarkError("The frames are too small to carry a watermark.")
    carriers = _carriers_for(key)
    residual = _whiten(accumulator.total)
    best = _best_alignment(residual, carriers, _period_candidates(residual))
    if best is None or best[0] < SEARCH_BELOW_SYNC:
        # The autocorrelation did not show the period clearly: search the scale (same on both axes).
        grid = [TILE * SCALE_RANGE[0] * (1 + SCALE_STEP) ** k for k in range(_grid_size())]
        coarse = _best_alignment(residual, carriers, [(p, p) for p in grid])
        if coarse is not None:
            centre = coarse[3][0] * TILE
            fine = [centre * (1 + SCALE_STEP * k / 4) for k in range(-4, 5)]
            coarse = _best_alignment(residual, carriers, [(p, p) for p in fine]) or coarse
            if best is None or coarse[0] > best[0]:
                best = coarse
    if best is None:
        return WatermarkResult(detected=False, p_value=1.0, frames_used=accumulator.frames)
    score, offset, spectrum, scale = best
    return _decode(spectrum, offset, carriers, score=score, scale=scale, frames=accumulator.frames)


def _grid_size() -> int:
    return int(math.log(SCALE_RANGE[1] / SCALE_RANGE[0]) / math.log(1 + SCALE_STEP)) + 1


def _best_alignment(residual, carriers, periods):
    """The (sync score, offset, folded spectrum, scale) of the period pair that synchronises best."""
    best = None
    for period_y, period_x in periods:
        tile = _fold(residual, period_y, period_x)
        if tile is None:
            continue
        spectrum = np.fft.fft2(tile)
        score, offset = _synchronise(spectrum, carriers)
        if best is None or score > best[0]:
            best = (score, offset, spectrum, (period_x / TILE, period_y / TILE))
    return best


def _whiten(total: np.ndarray) -> np.ndarray:
    """Flatten the spectrum of the summed luma so content does not drown the carriers."""
    height, width = total.shape
    window = np.outer(np.hanning(height) ** 0.25, np.hanning(width) ** 0.25)  # soft edges, little loss
    spectrum = np.fft.rfft2(total * window)
    magnitude = cv2.blur(np.abs(spectrum).astype(np.float32), (9, 9), borderType=cv2.BORDER_REFLECT)
    spectrum /= magnitude + magnitude.mean() * 1e-3 + 1e-9
    return np.fft.irfft2(spectrum, s=total.shape).astype(np.float32)


def _period_candidates(residual: np.ndarray, per_axis: int = 3) -> list[tuple[float, float]]:
    """Tile periods (y, x) suggested by the peaks of the residual's autocorrelation."""
    height, width = residual.shape
    padded = np.fft.rfft2(residual, s=(2 * height, 2 * width))
    autocorrelation = np.fft.irfft2(np.abs(padded) ** 2, s=(2 * height, 2 * width))
    found = []
    for length, profile in ((height, autocorrelation[:, 0]), (width, autocorrelation[0, :])):
        overlap = np.maximum(length - np.arange(2 * length), 1)
        profile = profile / overlap  # unbiased: long lags overlap less
        low, high = int(0.25 * TILE), min(int(2.5 * TILE), length // 2) + 1
        peaks = [lag for lag in range(low, high) if profile[lag] > profile[lag - 1] and profile[lag] >= profile[lag + 1]]
        peaks.sort(key=lambda lag: -profile[lag])
        refined = []
        for lag in peaks[:per_axis]:
            left, centre, right = profile[lag - 1], profile[lag], profile[lag + 1]
            bend = left - 2 * centre + right
            refined.append(lag + (0.5 * (left - right) / bend if bend < 0 else 0.0))
        found.append(refined or [float(TILE)])
    # Most resizes keep the aspect ratio, and most clips are not resized: try those too, in case
    # one axis's autocorrelation peak is drowned by content.
    pairs = [(py, px) for py in found[0] for px in found[1]]
    pairs += [(p, p) for p in found[0] + found[1]] + [(float(TILE), float(TILE))]
    return list(dict.fromkeys(pairs))


def _fold(residual: np.ndarray, period_y: float, period_x: float) -> np.ndarray | None:
    """Resample so one period is TILE pixels, then average all tiles onto one."""
    height, width = residual.shape
    new_h, new_w = round(height * TILE / period_y), round(width * TILE / period_x)
    if min(new_h, new_w) < TILE or max(new_h, new_w) > 8 * ANALYSIS_MAX_SIDE:
        return None
    resampled = cv2.resize(residual, (new_w, new_h), interpolation=cv2.INTER_LINEAR if period_x < TILE else cv2.INTER_AREA)
    pad_h, pad_w = -new_h % TILE, -new_w % TILE
    sums = np.pad(resampled, ((0, pad_h), (0, pad_w))).reshape(-1, TILE, (new_w + pad_w) // TILE, TILE).sum(axis=(0, 2))
    counts = np.pad(np.ones((new_h, new_w), np.float32), ((0, pad_h), (0, pad_w)))
    counts = counts.reshape(-1, TILE, (new_w + pad_w) // TILE, TILE).sum(axis=(0, 2))
    return sums / np.maximum(counts, 1)


def _synchronise(spectrum: np.ndarray, carriers: _Carriers) -> tuple[float, tuple[float, float]]:
    """The crop offset (x, y) in tile pixels, and how sure: the correlation peak as a z-score."""
    sparse = np.zeros((TILE, TILE), dtype=np.complex128)
    u, v = carriers.sync_uv[:, 0] % TILE, carriers.sync_uv[:, 1] % TILE
    observed = spectrum[v, u]
    sparse[v, u] = observed / (np.abs(observed) + 1e-12) * np.conj(carriers.sync_phase)
    surface = np.fft.fft2(sparse).real  # surface[dy, dx] = Σ Re(G·conj(c)·e^{-2πi(u·dx + v·dy)/T})
    peak_y, peak_x = np.unravel_index(np.argmax(surface), surface.shape)
    others = np.delete(surface.ravel(), np.ravel_multi_index((peak_y, peak_x), surface.shape))
    score = float((surface[peak_y, peak_x] - others.mean()) / (others.std() + 1e-12))

    def refine(before, centre, after):
        bend = before - 2 * centre + after
        return 0.5 * (before - after) / bend if bend < 0 else 0.0

    dy = peak_y + refine(surface[peak_y - 1, peak_x], surface[peak_y, peak_x], surface[(peak_y + 1) % TILE, peak_x])
    dx = peak_x + refine(surface[peak_y, peak_x - 1], surface[peak_y, peak_x], surface[peak_y, (peak_x + 1) % TILE])
    return score, (dx, dy)


def _union_bound(z: float, codeword_bits: int) -> float:
    log_p = codeword_bits * math.log(2) - z * z / 2 if z > 0 else 0.0
    return math.exp(min(log_p, 0.0))


def _calibrated_p_value(z: float) -> float:
    """The chance that unmarked input gives a CRC-valid decode with a correlation ≥ z (see the module notes)."""
    null_tail = 0.5 * math.erfc((z - NULL_Z_MEAN) / (NULL_Z_SD * math.sqrt(2)))
    return min(2.0 ** -CHECK_BITS * null_tail, _union_bound(z, PAYLOAD_BITS))


def detection_threshold() -> float:
    """The correlation z at which a CRC-valid decode's p-value reaches `DETECTION_P_VALUE`."""
    low, high = NULL_Z_MEAN, 20.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if _calibrated_p_value(middle) > DETECTION_P_VALUE else (low, middle)
    return high


def _decode(spectrum, offset, carriers: _Carriers, *, score, scale, frames) -> WatermarkResult:
    dx, dy = offset
    u, v = carriers.payload_uv[:, 0], carriers.payload_uv[:, 1]
    observed = spectrum[v % TILE, u % TILE] * np.exp(-2j * np.pi * (u * dx + v * dy) / TILE)
    symbols = observed * np.conj(carriers.payload_phase)
    slots = np.empty(2 * len(symbols))
    slots[0::2], slots[1::2] = symbols.real, symbols.imag
    soft = slots[carriers.interleave]
    message = ecc.decode(soft, PAYLOAD_BITS + CHECK_BITS)
    codeword = 1.0 - 2.0 * ecc.encode(message)
    norm = float(np.sqrt(np.sum(soft ** 2))) or 1.0
    z = float(codeword @ soft) / norm
    bits, check = message[:PAYLOAD_BITS], message[PAYLOAD_BITS:]
    payload = WatermarkPayload.from_bits(bits).hex
    check_holds = bool(np.array_equal(_crc16(bits), check))
    # Hoeffding: for sign-symmetric noise, P(codeword·soft ≥ z·|soft|) ≤ exp(-z²/2) for one codeword.
    # "Present" allows any of the 2^64 codewords; "detected" needs one whose CRC holds.
    present = _union_bound(z, PAYLOAD_BITS + CHECK_BITS) <= DETECTION_P_VALUE
    p_value = _calibrated_p_value(z) if check_holds else _union_bound(z, PAYLOAD_BITS + CHECK_BITS)
    detected = check_holds and p_value <= DETECTION_P_VALUE
    return WatermarkResult(
        detected=detected, p_value=p_value, payload=payload if detected else None,
        present_unreadable=present and not detected,
        bits_corrected=int(np.sum(np.sign(soft) != codeword)), bit_accuracy=float(np.mean(np.sign(soft) == codeword)),
        sync_score=score, correlation=z, scale=scale, offset=(float(dx), float(dy)), frames_used=frames,
        candidate_payload=payload)
