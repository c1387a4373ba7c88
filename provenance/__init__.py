"""provenance: who made a clip, provable. No Django.

Built so far: signing keys (`provenance.keys`) and C2PA manifests (`provenance.c2pa`: sign an
MP4, read a manifest back). Still to come (issue 5): the watermark, fingerprints and `detect`.

`provenance.c2pa` shares its name with the c2pa-python package; it imports that package
absolutely, and the package is never reachable as `provenance.c2pa`.
"""
from provenance.c2pa import InvalidMediaError, ManifestReport, SigningError, SoftBinding, read, sign
from provenance.keys import KeyStore, KeyStoreError, dev_keys, init_keys, rotate_signing_key

__all__ = [
    "InvalidMediaError", "KeyStore", "KeyStoreError", "ManifestReport", "SigningError", "SoftBinding",
    "dev_keys", "init_keys", "read", "rotate_signing_key", "sign",
]
