"""provenance: who made a clip, provable. No Django.

Signing keys (`provenance.keys`), C2PA manifests (`provenance.c2pa`), the watermark
(`provenance.watermark`), fingerprints (`provenance.fingerprint`), and `detect`, which puts
the three together. `provenance.mark.mark` is what the platform does to a clip it delivers.

`provenance.c2pa` shares its name with the c2pa-python package; it imports that package
absolutely, and the package is never reachable as `provenance.c2pa`.
"""
from provenance.c2pa import InvalidMediaError, ManifestReport, SigningError, SoftBinding, read, sign
from provenance.detect import DetectionReport, FingerprintMatch, detect
from provenance.fingerprint import Fingerprint
from provenance.keys import KeyStore, KeyStoreError, dev_keys, init_keys, rotate_signing_key
from provenance.media import MediaError
from provenance.watermark import WatermarkError, WatermarkPayload, WatermarkResult

__all__ = [
    "DetectionReport", "Fingerprint", "FingerprintMatch", "MediaError", "WatermarkError", "WatermarkPayload",
    "WatermarkResult", "detect", "InvalidMediaError", "KeyStore", "KeyStoreError", "ManifestReport", "SigningError", "SoftBinding",
    "dev_keys", "init_keys", "read", "rotate_signing_key", "sign",
]
