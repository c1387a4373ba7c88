"""One detector: is this clip ours? C2PA first, then the watermark, then the fingerprint.

Verdicts:
- "ours": a manifest signed by our keys that validates (Trusted), or our watermark read with
  a p-value ≤ 1e-6 and its CRC holding.
- "likely ours": weaker evidence — a watermark that is present but unreadable, a weak
  watermark (p ≤ 1e-3), or a fingerprint match the caller's index found.
- "no evidence": none of these. That does not prove a clip is not ours; it says we cannot tell.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from provenance import watermark as wm
from provenance.c2pa import DEV_ANCHORS, InvalidMediaError, ManifestReport, check_mp4, read
from provenance.fingerprint import Fingerprint, FingerprintBuilder
from provenance.media import MediaError, luma_frames

WEAK_P_VALUE = 1e-3
MAX_FRAMES = 900  # 30 s at 30 fps: enough averaging; longer clips are judged on their start


@dataclass(frozen=True)
class FingerprintMatch:
    reference: str  # what the caller's index calls the match (a generation id)
    distance: float


@dataclass(frozen=True)
class DetectionReport:
    verdict: str  # "ours" | "likely ours" | "no evidence"
    explanation: str
    c2pa: ManifestReport
    watermark: wm.WatermarkResult
    fingerprint: Fingerprint
    fingerprint_match: FingerprintMatch | None = None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        c2pa = self.c2pa
        return {
            "verdict": self.verdict,
            "explanation": self.explanation,
            "c2pa": {"state": c2pa.state, "failure_codes": list(c2pa.failure_codes), "signer": c2pa.signer,
                     "issuer": c2pa.issuer, "generation_id": c2pa.generation_id, "model": c2pa.model,
                     "model_version": c2pa.model_version, "parent_generation_id": c2pa.parent_generation_id,
                     "source": c2pa.source, "soft_binding": c2pa.soft_binding.value if c2pa.soft_binding else None},
            "watermark": self.watermark.to_dict(),
            "fingerprint": self.fingerprint.hex,
            "fingerprint_match": (None if self.fingerprint_match is None else
                                  {"reference": self.fingerprint_match.reference,
                                   "distance": round(self.fingerprint_match.distance, 4)}),
        }


def detect(path: str | Path, *, anchors=DEV_ANCHORS, key: bytes = wm.DEFAULT_KEY,
           fingerprint_lookup: Callable[[Fingerprint], FingerprintMatch | None] | None = None) -> DetectionReport:
    """Examine a video file. Raises MediaError for input that is not a readable video."""
    path = Path(path)
    manifest = _manifest(path, anchors)
    accumulator, builder = wm.LumaAccumulator(), FingerprintBuilder(query=True)
    for frame in luma_frames(path, max_frames=MAX_FRAMES):
        accumulator.add(frame.luma)
        builder.add(frame.time, frame.luma)
    try:
        mark = wm.detect_accumulated(accumulator, key=key)
    except wm.WatermarkError:
        mark = wm.WatermarkResult(detected=False, p_value=1.0, frames_used=accumulator.frames)
    fingerprint = builder.build()
    match = fingerprint_lookup(fingerprint) if fingerprint_lookup else None
    verdict, explanation = _judge(manifest, mark, match)
    return DetectionReport(verdict, explanation, manifest, mark, fingerprint, match)


def watermark_in_file(path: str | Path, *, key: bytes = wm.DEFAULT_KEY) -> wm.WatermarkResult:
    """Only the watermark: what `detect` reads from the frames, without C2PA or fingerprints."""
    accumulator = wm.LumaAccumulator()
    for frame in luma_frames(Path(path), max_frames=MAX_FRAMES):
        accumulator.add(frame.luma)
    return wm.detect_accumulated(accumulator, key=key)


def _manifest(path: Path, anchors) -> ManifestReport:
    try:
        check_mp4(path)
    except InvalidMediaError as exc:
        if _is_iso_media(path):  # an MP4 or MOV that is cut short or damaged: say so, judge nothing
            raise MediaError(str(exc)) from None
        # Another container (WebM, Matroska, AVI…): it cannot hold our manifest; the frames may still speak.
        return ManifestReport(state="absent", error="not an MP4 file, so no C2PA manifest was read")
    return read(path, anchors=anchors)


def _is_iso_media(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(8)[4:8] == b"ftyp"
    except OSError:
        return False


def _p(p_value: float) -> str:
    if p_value >= 1e-2:
        return f"{p_value:.2f}"
    return f"below 1 in 10^{min(math.floor(-math.log10(p_value)), 300)}" if p_value > 0 else "below 1 in 10^300"


def _judge(manifest: ManifestReport, mark: wm.WatermarkResult,
           match: FingerprintMatch | None) -> tuple[str, str]:
    said: list[str] = []
    if manifest.state == "Trusted":
        said.append(f"It carries a C2PA manifest signed by {manifest.signer or 'our key'} that validates: "
                    f"the file is unchanged since we made it (generation {manifest.generation_id}).")
    elif manifest.state == "Valid":
        said.append("It carries a C2PA manifest with a valid signature from a signer we do not trust as our own.")
    elif manifest.state == "Invalid":
        said.append("It carries a C2PA manifest that no longer validates: the file was changed after signing "
                    f"({', '.join(manifest.failure_codes) or 'unreadable manifest'}).")
    else:
        said.append("It has no C2PA manifest (re-encoding or editing removes it).")

    if mark.detected:
        said.append(f"Our invisible watermark is present with payload {mark.payload}; the chance of an unmarked "
                    f"clip reading like this is {_p(mark.p_value)}.")
        if manifest.soft_binding and manifest.soft_binding.value != mark.payload:
            said.append(f"The manifest names watermark {manifest.soft_binding.value}, which does not match.")
    elif mark.present_unreadable:
        said.append("Traces of our watermark are present, but too damaged to read its payload.")
    elif mark.p_value <= WEAK_P_VALUE:
        said.append(f"A weak trace of our watermark was found (chance of a false alarm {_p(mark.p_value)}).")
    else:
        said.append("Our watermark was not found.")
    if match is not None:
        said.append(f"Its fingerprint is close to generation {match.reference} (distance {match.distance:.2f}).")

    if manifest.state == "Trusted" or mark.detected:
        verdict = "ours"
    elif mark.present_unreadable or mark.p_value <= WEAK_P_VALUE or match is not None:
        verdict = "likely ours"
    else:
        verdict = "no evidence"
    return verdict, " ".join(said)


__all__ = ["DetectionReport", "FingerprintMatch", "MediaError", "detect"]
