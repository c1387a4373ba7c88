"""Verify a clip: limits first, then the provenance detector and a fingerprint lookup over all clips.

What a report reveals depends on who asks: members of the team that made the clip learn
which request made it; anyone else learns only that the platform made it, and when.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from accounts.actors import Actor
from accounts.errors import InvalidInput, PayloadTooLarge, UnsupportedMediaType
from accounts.ratelimits import rate_limit_take
from accounts.roles import Permission
from accounts.selectors import TeamAccess
from audit.services import record_event
from studio.models import Clip, GenerationRequest
from verification.models import Verification

CHUNK = 1024 * 1024


def container_of(head: bytes) -> str | None:
    """The container named by a file's first bytes (its magic), or None when we do not take it."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mov" if head[8:12] == b"qt  " else "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"  # EBML: WebM or Matroska
    return None


@dataclass(frozen=True)
class VerificationOutcome:
    verification: Verification
    report: dict  # what the asker may see


def verification_run(*, actor: Actor, access: TeamAccess | None, upload, file_name: str = "") -> VerificationOutcome:
    """Check `upload` (a file object with .read, and .size where known). `access` None: an operator."""
    if access is not None:
        access.require(Permission.VERIFY)
        rate_limit_take(actor=actor, team=access.team, action="verify")  # before any byte is read
    limit = settings.HALLMARK_MAX_UPLOAD_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise PayloadTooLarge(f"The file is {size / 2 ** 20:.1f} MB; verification takes files up to {limit / 2 ** 20:.0f} MB.")
    with tempfile.TemporaryDirectory(prefix="hallmark-verify-") as folder:
        path = Path(folder) / "upload"
        digest, size, head = save_capped(upload, path, limit)
        container = container_of(head)
        if size == 0:
            raise InvalidInput("The file is empty.")
        if container is None:
            raise UnsupportedMediaType("Only MP4, MOV and WebM videos can be verified; this file is none of them.")
        report = _detect(path)
    return _record(actor=actor, access=access, file_name=file_name, size=size, sha256=digest,
                   container=container, report=report)


def save_capped(upload, path: Path, limit: int, *, purpose: str = "verification") -> tuple[str, int, bytes]:
    """Stream `upload` to `path`: (SHA-256, size, first 16 bytes); PayloadTooLarge past `limit`."""
    digest, size, head = hashlib.sha256(), 0, b""
    with open(path, "wb") as out:
        while chunk := upload.read(CHUNK):
            size += len(chunk)
            if size > limit:  # a stream that lied about its size, or had none
                raise PayloadTooLarge(f"The file is larger than {limit / 2 ** 20:.0f} MB, the {purpose} limit.")
            if len(head) < 16:
                head += chunk[:16 - len(head)]
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest(), size, head


def _detect(path: Path) -> dict:
    from provenance import MediaError, detect
    from provenance.c2pa import DEV_ANCHORS
    from provenance.keys import KeyStore

    keys = settings.HALLMARK_PROVENANCE_KEYS
    try:
        result = detect(path, anchors=KeyStore(keys) if keys else DEV_ANCHORS, fingerprint_lookup=fingerprint_lookup,
                        key=settings.HALLMARK_WATERMARK_KEY.encode())
    except MediaError as exc:
        raise InvalidInput(str(exc).replace("upload", "The file", 1)) from None
    return result.to_dict()


def fingerprint_lookup(fingerprint):
    """The nearest clip we made, if it is near enough. A scan: fine for thousands of clips."""
    from provenance import FingerprintMatch
    from provenance.fingerprint import MATCH_DISTANCE, Fingerprint, distance

    best = None
    for generation_id, data in Clip.objects.values_list("request_id", "fingerprint").iterator(chunk_size=500):
        d = distance(fingerprint, Fingerprint.from_bytes(bytes(data)))
        if d <= MATCH_DISTANCE and (best is None or d < best.distance):
            best = FingerprintMatch(str(generation_id), d)
    return best


def _generation_of(report: dict) -> GenerationRequest | None:
    """Which request made the clip: the watermark first, then the manifest, then the fingerprint."""
    candidates = []
    if report["watermark"]["detected"]:
        candidates.append(int(report["watermark"]["payload"], 16))
    if report["c2pa"]["state"] == "Trusted" and re.fullmatch(r"\d{1,18}", report["c2pa"]["generation_id"] or ""):
        candidates.append(int(report["c2pa"]["generation_id"]))
    if report["fingerprint_match"]:
        candidates.append(int(report["fingerprint_match"]["reference"]))
    for pk in candidates:
        # Only a request that delivered a clip can have made one: an id in a mark or manifest
        # that names anything else proves nothing.
        found = GenerationRequest.objects.select_related("team", "requested_by").filter(
            pk=pk, clip__isnull=False).first()
        if found is not None:
            return found
    return None


@transaction.atomic
def _record(*, actor, access, file_name, size, sha256, container, report) -> VerificationOutcome:
    generation = _generation_of(report) if report["verdict"] != "no evidence" else None
    if report["verdict"] == "ours" and generation is None and report["c2pa"]["state"] != "Trusted":
        # A mark that names no clip we delivered is a trace, not proof.
        report = {**report, "verdict": "likely ours",
                  "explanation": report["explanation"] + " But it names no clip this platform delivered."}
    verification = Verification.objects.create(
        team=access.team if access else None, requested_by=actor.user, api_key=actor.api_key,
        file_name=_safe_name(file_name), size_bytes=size, sha256=sha256, container=container,
        verdict=report["verdict"], report=report, generation=generation)
    owner = generation is not None and (access is None or generation.team_id == access.team.pk)
    # The verifier's team sees the id only if the clip is its own; the owning team hears of the match.
    record_event(action="verification.completed", actor=actor, team=access.team if access else None,
                 target=verification, details={"verdict": report["verdict"], "sha256": sha256, "size_bytes": size,
                                               "generation_id": generation.pk if owner else None,
                                               "made_by_hallmark": generation is not None})
    if generation is not None and not owner:
        record_event(action="clip.verified_by_another_team", team=generation.team, target=generation,
                     details={"verdict": report["verdict"], "sha256": sha256})
    return VerificationOutcome(verification, visible_report(verification, access))


def visible_report(verification: Verification, access: TeamAccess | None) -> dict:
    """The report as this asker may see it: ids that lead to a request only for its own team."""
    report = {k: v for k, v in verification.report.items() if k != "fingerprint"}  # ours to index only
    generation = verification.generation
    owner = generation is not None and (access is None or access.team.pk == generation.team_id)
    made = None
    if generation is not None:
        made = {"made_by": "Hallmark", "made_at": generation.created_at.date().isoformat()}
        if owner:
            made.update(made_at=generation.created_at.isoformat(), generation_id=generation.pk,
                        team=generation.team.slug, prompt=generation.prompt,
                        requested_by=generation.requested_by.email)
    if not owner:
        source = report["c2pa"].get("source")  # where an extension started: its kind and checks, no ids
        report["c2pa"] = {**report["c2pa"], "generation_id": None, "soft_binding": None,
                          "parent_generation_id": None,
                          "source": source and {k: v for k, v in source.items() if k in ("kind", "frame_check")}}
        report["watermark"] = {**report["watermark"], "payload": None}
        if report["fingerprint_match"]:
            report["fingerprint_match"] = {"distance": report["fingerprint_match"]["distance"]}
        report["explanation"] = _public_explanation(report, made)
    return {**report, "id": verification.pk, "sha256": verification.sha256, "generation": made,
            "created_at": verification.created_at.isoformat()}


def _public_explanation(report: dict, made: dict | None) -> str:
    evidence = []
    if report["c2pa"]["state"] == "Trusted":
        evidence.append("its C2PA manifest, signed by Hallmark, validates")
    elif report["c2pa"]["state"] == "Invalid":
        evidence.append("it carries a C2PA manifest that was altered after signing")
    if report["watermark"]["detected"]:
        evidence.append("Hallmark's invisible watermark is present")
    elif report["watermark"].get("present_unreadable"):
        evidence.append("traces of Hallmark's watermark are present")
    if report["fingerprint_match"]:
        evidence.append("it matches a Hallmark clip by its fingerprint")
    if made is None:
        return ("We found no evidence that Hallmark made this clip. That does not prove it did not: "
                "heavy editing can remove every trace." if not evidence else
                "There are traces of Hallmark's marks (" + "; ".join(evidence) + "), but not enough to name a clip.")
    when = made["made_at"][:10]
    return f"Hallmark made this clip on {when}: " + "; ".join(evidence) + "."


def _safe_name(name: str) -> str:
    name = Path(name or "upload").name
    return re.sub(r"[^\w.\- ]", "_", name)[:200] or "upload"

