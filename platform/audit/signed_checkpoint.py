"""Signed checkpoints of the audit log's Merkle tree, in plain Python (no Django, no database).

A checkpoint says "the log had N events, its RFC 6962 root was R, at time T", signed with
Ed25519. The signed bytes are a short text note (the layout of Go's transparency-log
checkpoints, plus a time line), so anyone can check one with any Ed25519 library:

    hallmark-audit-log/v1
    1234
    <root, base64>
    2026-12-04T18:00:00.000000+00:00

The signing key is named by its key id: the first 8 bytes of SHA-256 over the raw public key,
in hex, so a verifier holding several public keys (after a rotation) picks the right one.
"""
from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ORIGIN = "hallmark-audit-log/v1"


class CheckpointKeyError(ValueError):
    """A key file is missing, unreadable or not an Ed25519 key."""


@dataclass(frozen=True)
class Checkpoint:
    tree_size: int
    root_hash: str  # hex
    issued_at: str  # ISO 8601, UTC, microseconds
    key_id: str
    signature: str  # base64

    def note(self) -> bytes:
        return checkpoint_note(self.tree_size, self.root_hash, self.issued_at)

    def as_dict(self) -> dict:
        return {"origin": ORIGIN, "tree_size": self.tree_size, "root_hash": self.root_hash,
                "issued_at": self.issued_at, "key_id": self.key_id, "signature": self.signature}

    @classmethod
    def from_dict(cls, data: dict) -> "Checkpoint":
        if data.get("origin") != ORIGIN:
            raise ValueError(f"not a Hallmark audit checkpoint (origin {data.get('origin')!r})")
        return cls(tree_size=int(data["tree_size"]), root_hash=str(data["root_hash"]),
                   issued_at=str(data["issued_at"]), key_id=str(data["key_id"]),
                   signature=str(data["signature"]))


def checkpoint_note(tree_size: int, root_hash_hex: str, issued_at: str) -> bytes:
    root_b64 = base64.b64encode(bytes.fromhex(root_hash_hex)).decode("ascii")
    return f"{ORIGIN}\n{tree_size}\n{root_b64}\n{issued_at}\n".encode("ascii")


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign_checkpoint(private_key: Ed25519PrivateKey, *, tree_size: int, root_hash: str, issued_at: str) -> Checkpoint:
    signature = private_key.sign(checkpoint_note(tree_size, root_hash, issued_at))
    return Checkpoint(tree_size=tree_size, root_hash=root_hash, issued_at=issued_at,
                      key_id=key_id(private_key.public_key()),
                      signature=base64.b64encode(signature).decode("ascii"))


def checkpoint_signature_ok(checkpoint: Checkpoint, public_keys: dict[str, Ed25519PublicKey]) -> str | None:
    """None when the signature verifies under the named key; otherwise why not."""
    key = public_keys.get(checkpoint.key_id)
    if key is None:
        return f"it is signed by key {checkpoint.key_id}, which is not among the public keys given"
    try:
        key.verify(base64.b64decode(checkpoint.signature, validate=True), checkpoint.note())
    except (InvalidSignature, ValueError):
        return "its signature does not verify: the checkpoint was altered or signed by another key"
    return None


def generate_private_key(path: Path) -> Ed25519PrivateKey:
    """A new Ed25519 key written as PKCS#8 PEM, readable only by its owner (0600)."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return key


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise CheckpointKeyError(f"cannot read the audit signing key {path}: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CheckpointKeyError(f"the audit signing key {path} is not an Ed25519 key")
    return key


def public_key_pem(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(Path(path).read_bytes())
    except (OSError, ValueError, TypeError) as exc:
        raise CheckpointKeyError(f"cannot read the public key {path}: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise CheckpointKeyError(f"the public key {path} is not an Ed25519 key")
    return key
