"""Sign MP4 clips with a C2PA manifest and read manifests back, fully offline.

This module is `provenance.c2pa`; the c2pa-python package is also called `c2pa`. Imports here
are absolute (`import c2pa` is the package, never this file), so the two never clash; do not
run this file as a script from inside provenance/.

The manifest says only what made the clip: `c2pa.created` by a trained algorithm (our model
and version), training and data mining not allowed, the watermark as a soft binding, and
`com.hallmark.generation` with the generation id and the model. No prompt, no user: those
stay in the platform, reachable through the generation id by those allowed to see them.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import c2pa

from provenance.keys import DEV_KEYS_DIR, KeyStore, dev_keys

MIME = "video/mp4"
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
GENERATION_LABEL = "com.hallmark.generation"
TRAINING_MINING_LABEL = "cawg.training-mining"
SOFT_BINDING_LABEL = "c2pa.soft-binding"
WATERMARK_ALG = "com.hallmark.watermark.1"
PARENT_ID = "parent"  # the ingredient label an extended clip's actions point at
INPUT_ID = "input"  # the ingredient label of an image a clip was animated from  # entity-specific soft-binding algorithm name
CLAIM_GENERATOR = {"name": "Hallmark", "version": "0.1.0"}
_TRAINING_MINING_USES = ("cawg.ai_generative_training", "cawg.ai_inference", "cawg.ai_training", "cawg.data_mining")
_FIELD_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:+\-/]{0,127}$")  # ids and model names, not free text
_MAX_TOP_LEVEL_BOXES = 100_000

# Remote manifests and OCSP would reach the network; a verifier must work offline.
_OFFLINE = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}


class InvalidMediaError(ValueError):
    """The input is not a complete MP4 (ISO BMFF) file."""


class SigningError(RuntimeError):
    """c2pa refused to sign a structurally sound MP4."""


@dataclass(frozen=True)
class SoftBinding:
    """A watermark that binds the clip to its manifest: the algorithm and the embedded value."""

    value: str  # the watermark payload, hex
    alg: str = WATERMARK_ALG


@dataclass(frozen=True)
class ManifestReport:
    """What a clip's C2PA manifest says and whether it holds."""

    state: str  # "Trusted" | "Valid" | "Invalid" | "absent"
    failure_codes: tuple[str, ...] = ()
    signer: str | None = None  # the signing certificate's common name
    issuer: str | None = None  # its organisation
    cert_serial: str | None = None
    claim_generator: str | None = None
    assertions: dict[str, dict] = field(default_factory=dict)  # label → data, labels as stored
    generation_id: str | None = None
    model: str | None = None
    model_version: str | None = None
    ingredients: tuple[dict, ...] = ()  # title, relationship, and our generation id when the ingredient is ours
    error: str | None = None  # why a manifest that is present could not be parsed

    def assertion(self, label: str) -> dict | None:
        """An assertion by label, ignoring the version suffix c2pa adds (c2pa.actions → c2pa.actions.v2)."""
        if label in self.assertions:
            return self.assertions[label]
        for stored, data in self.assertions.items():
            if re.fullmatch(re.escape(label) + r"(\.v\d+)?(__\d+)?", stored):
                return data
        return None

    @property
    def soft_binding(self) -> SoftBinding | None:
        data = self.assertion(SOFT_BINDING_LABEL)
        if not data or not data.get("blocks"):
            return None
        return SoftBinding(value=data["blocks"][0].get("value", ""), alg=data.get("alg", ""))

    def to_dict(self) -> dict:
        out = asdict(self)
        out["failure_codes"] = list(self.failure_codes)
        out["ingredients"] = list(self.ingredients)
        return out

    @property
    def source(self) -> dict | None:
        """What our assertion says about the video this clip extends or the image it animates."""
        ours = self.assertion(GENERATION_LABEL)
        return ours.get("source") if isinstance(ours, dict) else None

    @property
    def parent_generation_id(self) -> str | None:
        parents = [i for i in self.ingredients if i.get("relationship") == "parentOf"]
        return parents[0].get("generation_id") if parents else None


# ---------------------------------------------------------------------------- input checks

def check_mp4(path: str | os.PathLike) -> int:
    """Walk the top-level boxes of an MP4; raise InvalidMediaError unless it is complete. Returns its size.

    Reads a few bytes per box and seeks past the rest, so it costs the same for 1 kB or 1 GB.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InvalidMediaError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise InvalidMediaError(f"{path} is a folder, not an MP4 file.") from None
    except OSError as exc:
        raise InvalidMediaError(f"Cannot open {path}: {exc.strerror or exc}") from None
    seen: set[bytes] = set()
    with fh:
        if size < 8:
            raise InvalidMediaError(f"{path.name} is not an MP4 file ({size} bytes).")
        offset = 0
        for index in range(_MAX_TOP_LEVEL_BOXES):
            if offset == size:
                break
            if size - offset < 8:
                raise InvalidMediaError(f"{path.name} is truncated: {size - offset} stray bytes after the last box.")
            fh.seek(offset)
            header = fh.read(16)
            box_size, box_type = int.from_bytes(header[:4], "big"), header[4:8]
            if index == 0 and box_type != b"ftyp":
                raise InvalidMediaError(f"{path.name} is not an MP4 file (it does not start with an ftyp box).")
            if not all(32 <= c < 127 for c in box_type):
                raise InvalidMediaError(f"{path.name} is damaged: unreadable box at byte {offset}.")
            header_len = 8
            if box_size == 1:
                if len(header) < 16:
                    raise InvalidMediaError(f"{path.name} is truncated inside the {box_type.decode()} box header.")
                box_size, header_len = int.from_bytes(header[8:16], "big"), 16
            elif box_size == 0:  # "extends to the end of the file"
                box_size = size - offset
            if box_size < header_len:
                raise InvalidMediaError(f"{path.name} is damaged: box {box_type.decode()} at byte {offset} "
                                        f"declares {box_size} bytes.")
            if offset + box_size > size:
                raise InvalidMediaError(f"{path.name} is truncated: box {box_type.decode()} needs "
                                        f"{box_size} bytes, {size - offset} remain.")
            seen.add(box_type)
            offset += box_size
        else:
            raise InvalidMediaError(f"{path.name} has more than {_MAX_TOP_LEVEL_BOXES} top-level boxes.")
    if b"moov" not in seen:
        raise InvalidMediaError(f"{path.name} has no moov box: not a playable MP4.")
    if b"mdat" not in seen:
        raise InvalidMediaError(f"{path.name} has no media data (mdat box).")
    return size


def _check_field(name: str, value: str) -> str:
    if not isinstance(value, str) or not _FIELD_RE.fullmatch(value):
        raise ValueError(f"{name} must be a short identifier (letters, digits, . _ : + - /), got {value!r:.60}")
    return value


def _soft_binding(value: SoftBinding | bytes | str | None) -> SoftBinding | None:
    if value is None or isinstance(value, SoftBinding):
        return value
    if isinstance(value, bytes):
        return SoftBinding(value=value.hex())
    if isinstance(value, str) and re.fullmatch(r"(?:[0-9a-fA-F]{2}){1,64}", value):
        return SoftBinding(value=value.lower())
    raise ValueError("soft_binding must be a SoftBinding, payload bytes, or a hex string")


# ---------------------------------------------------------------------------- signing

def build_manifest(*, generation_id: str, model: str, model_version: str,
                   soft_binding: SoftBinding | None = None, extends: bool = False, animates: bool = False,
                   source: dict | None = None) -> dict:
    """The manifest definition c2pa signs (also useful to inspect what a clip will claim).

    `extends`: the clip continues a parent clip (a `parentOf` ingredient), so its history is
    "opened the parent, then the model edited it" rather than "created from nothing".
    `animates`: the clip was created from an image (an `inputTo` ingredient).
    `source`: what our own assertion says about that parent or image (short fields: its kind,
    whether it passed our frame checks, its hash), so a verifier learns where the start came from."""
    made = {"digitalSourceType": TRAINED_ALGORITHMIC_MEDIA, "softwareAgent": {"name": model, "version": model_version}}
    if extends:
        actions = [{"action": "c2pa.opened", "parameters": {"ingredientIds": [PARENT_ID]}},
                   {"action": "c2pa.edited", **made}]
    elif animates:
        actions = [{"action": "c2pa.created", **made, "parameters": {"ingredientIds": [INPUT_ID]}}]
    else:
        actions = [{"action": "c2pa.created", **made}]
    ours = {"generation_id": generation_id, "model": model, "model_version": model_version}
    if source:
        ours["source"] = {_check_field("source key", k): _check_field(f"source {k}", v) for k, v in source.items()}
    assertions = [
        {"label": "c2pa.actions", "data": {"actions": actions}},
        {"label": TRAINING_MINING_LABEL, "data": {"entries": {
            use: {"use": "notAllowed"} for use in _TRAINING_MINING_USES}}},
        {"label": GENERATION_LABEL, "data": ours},
    ]
    if soft_binding is not None:
        assertions.insert(2, {"label": SOFT_BINDING_LABEL, "data": {
            "alg": soft_binding.alg, "blocks": [{"scope": {}, "value": soft_binding.value}]}})
    return {"claim_generator_info": [CLAIM_GENERATOR], "format": MIME, "assertions": assertions}


def _key_store(keys: KeyStore | str | os.PathLike | None) -> KeyStore:
    if keys is None:
        return dev_keys()
    return keys if isinstance(keys, KeyStore) else KeyStore(keys)


def sign(in_mp4: str | os.PathLike, out_mp4: str | os.PathLike, *, generation_id: str, model: str,
         model_version: str, soft_binding: SoftBinding | bytes | str | None = None,
         keys: KeyStore | str | os.PathLike | None = None, parent: str | os.PathLike | None = None,
         input_image: str | os.PathLike | None = None, source: dict | None = None) -> Path:
    """Write `out_mp4`: `in_mp4` with a signed C2PA manifest embedded. `keys` None → development keys.

    `parent`: the MP4 this clip extends (a `parentOf` ingredient, its own manifest kept inside
    ours); `input_image`: the PNG, JPEG or WebP it was animated from (an `inputTo` ingredient).

    The output appears atomically (written beside it, then renamed), so a job that runs twice
    leaves one complete clip; `in_mp4` and `out_mp4` may be the same path.
    """
    in_mp4, out_mp4 = Path(in_mp4), Path(out_mp4)
    check_mp4(in_mp4)
    if parent is not None:
        check_mp4(parent)
    if parent is not None and input_image is not None:
        raise ValueError("a clip either extends a parent video or animates an image, not both")
    image_format = None if input_image is None else image_mime(input_image)
    manifest = build_manifest(generation_id=_check_field("generation_id", generation_id),
                              model=_check_field("model", model),
                              model_version=_check_field("model_version", model_version),
                              soft_binding=_soft_binding(soft_binding), extends=parent is not None,
                              animates=input_image is not None, source=source)
    store = _key_store(keys)
    identity = store.signing_identity()
    settings = {**_OFFLINE, "builder": {"thumbnail": {"enabled": False}},
                "trust": {"user_anchors": store.root_pem}}
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_mp4.name}.", suffix=".part", dir=out_mp4.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w+b") as dest, open(in_mp4, "rb") as source, \
                c2pa.Context.from_dict(settings) as context, \
                c2pa.Signer.from_info(c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, identity.chain_pem,
                                                          identity.key_pem, None)) as signer, \
                c2pa.Builder(manifest, context=context) as builder:
            if parent is not None:  # the parent's own manifest travels inside ours
                with open(parent, "rb") as parent_file:
                    builder.add_ingredient({"title": Path(parent).name, "relationship": "parentOf",
                                            "label": PARENT_ID, "instance_id": PARENT_ID}, MIME, parent_file)
            if input_image is not None:
                with open(input_image, "rb") as image_file:
                    builder.add_ingredient({"title": Path(input_image).name, "relationship": "inputTo",
                                            "label": INPUT_ID, "instance_id": INPUT_ID}, image_format, image_file)
            builder.sign(signer, MIME, source, dest)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_mp4)
    except c2pa.C2paError as exc:
        raise SigningError(f"c2pa could not sign {in_mp4.name}: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return out_mp4


_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


def image_mime(path: str | os.PathLike) -> str:
    """The MIME type of a PNG, JPEG or WebP image, by its first bytes; InvalidMediaError otherwise."""
    with open(path, "rb") as fh:
        head = fh.read(12)
    for magic, mime in _IMAGE_MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    raise InvalidMediaError(f"{Path(path).name} is not a PNG, JPEG or WebP image.")


# ---------------------------------------------------------------------------- reading

class _DevAnchors:
    def __repr__(self) -> str:
        return "DEV_KEYS"


DEV_ANCHORS = _DevAnchors()  # read's default: the development root, if development keys exist


def _anchors_pem(anchors) -> str | None:
    if anchors is DEV_ANCHORS:
        root = DEV_KEYS_DIR / "root-ca.pem"
        return root.read_text() if root.exists() else None
    if anchors is None:
        return None
    if isinstance(anchors, KeyStore):
        return anchors.root_pem
    if isinstance(anchors, str):
        if "-----BEGIN CERTIFICATE-----" not in anchors:
            raise ValueError("anchors must be PEM text, a KeyStore, or a list of either")
        return anchors
    if isinstance(anchors, Iterable):
        parts = [p for p in (_anchors_pem(a) for a in anchors) if p]
        return "\n".join(parts) or None
    raise TypeError(f"anchors must be a KeyStore, PEM text or a list of them, not {type(anchors).__name__}")


def read(path: str | os.PathLike, *, anchors=DEV_ANCHORS) -> ManifestReport:
    """Validate the clip's C2PA manifest, offline. `anchors`: our root(s) — a KeyStore or PEM.

    With our root as an anchor an intact clip reads "Trusted"; without it "Valid" (the
    signature holds, the signer is unknown); a changed clip "Invalid"; a clip without a
    manifest (for instance re-encoded) "absent".
    """
    path = Path(path)
    check_mp4(path)
    settings = dict(_OFFLINE)
    pem = _anchors_pem(anchors)
    if pem:
        settings["trust"] = {"user_anchors": pem}
    with c2pa.Context.from_dict(settings) as context, open(path, "rb") as fh:
        try:
            reader = c2pa.Reader(MIME, fh, context=context)
        except c2pa.C2paError.ManifestNotFound:
            return ManifestReport(state="absent")
        except c2pa.C2paError as exc:
            # A manifest is there but broken (damaged JUMBF, bad signature structure): not ours to trust.
            return ManifestReport(state="Invalid", failure_codes=("manifest.unreadable",), error=str(exc))
        with reader:
            return _report(reader)


def _report(reader: "c2pa.Reader") -> ManifestReport:
    state = reader.get_validation_state() or "Invalid"
    results = reader.get_validation_results() or {}
    active = results.get("activeManifest") or {}
    failures = [item.get("code", "") for item in active.get("failure", [])]
    for ingredient in results.get("ingredientDeltas") or []:
        failures += [item.get("code", "") for item in (ingredient.get("validationDeltas") or {}).get("failure", [])]
    if state not in ("Trusted", "Valid", "Invalid"):
        state = "Invalid"
    manifest = reader.get_active_manifest() or {}
    store = (json.loads(reader.json()) or {}).get("manifests", {})
    assertions: dict[str, dict] = {}
    for item in manifest.get("assertions", []):
        label = item.get("label", "")
        assertions[label if label not in assertions else f"{label}#{len(assertions)}"] = item.get("data")
    ours = assertions.get(GENERATION_LABEL) or {}
    signature = manifest.get("signature_info") or {}
    generator = manifest.get("claim_generator_info") or [{}]
    return ManifestReport(
        state=state,
        failure_codes=tuple(dict.fromkeys(code for code in failures if code)),
        signer=signature.get("common_name"),
        issuer=signature.get("issuer"),
        cert_serial=signature.get("cert_serial_number"),
        claim_generator=" ".join(str(generator[0].get(k, "")) for k in ("name", "version")).strip() or None,
        assertions=assertions,
        generation_id=ours.get("generation_id") if isinstance(ours, dict) else None,
        model=ours.get("model") if isinstance(ours, dict) else None,
        model_version=ours.get("model_version") if isinstance(ours, dict) else None,
        ingredients=tuple(_ingredient(item, store) for item in manifest.get("ingredients", [])),
    )


def _ingredient(item: dict, store: dict) -> dict:
    found = {"title": item.get("title"), "relationship": item.get("relationship")}
    for assertion in (store.get(item.get("active_manifest") or "", {}) or {}).get("assertions", []):
        if assertion.get("label") == GENERATION_LABEL and isinstance(assertion.get("data"), dict):
            found["generation_id"] = assertion["data"].get("generation_id")
    return found


def report_json(report: ManifestReport) -> str:
    return json.dumps(report.to_dict(), indent=2, sort_keys=True)
