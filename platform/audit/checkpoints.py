"""Signing checkpoints of the audit log and copying them, with the events, to the export folder.

The export folder is append-only: every file is written once (to a temporary name, then
linked into place, so a crash never leaves half a file) and made read-only; a file that is
already there with other content is a conflict, never overwritten. Its layout is what
`python -m audit.verifier` reads:

    events/000000000001-000000000120.jsonl   the events a checkpoint adds, one JSON per line
    checkpoints/000000000120.json            the signed checkpoint at 120 events
    public-keys/<key id>.pem                 convenience copies; trust the key you were given
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import timezone as dt_timezone
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from audit import merkle
from audit.chain import canonical_json
from audit.models import AuditCheckpoint
from audit.proofs import leaf_hashes, log_size
from audit.selectors import chain_rows
from audit.signed_checkpoint import (
    Checkpoint, generate_private_key, key_id, load_private_key, load_public_key, public_key_pem, sign_checkpoint,
)

_CHECKPOINT_LOCK = 0x48414C434B5054  # "HALCKPT": one checkpoint writer at a time


class ExportConflict(RuntimeError):
    """A file in the export folder differs from what the database says it must hold."""


def signing_key():
    """The checkpoint signing key; development creates one under the data folder on first use."""
    path = Path(settings.HALLMARK_AUDIT_SIGNING_KEY)
    if not path.exists() and not settings.PRODUCTION:
        try:
            return generate_private_key(path)
        except FileExistsError:  # another process made it first
            pass
    return load_private_key(path)


def public_keys() -> dict:
    """Every key a checkpoint of ours may be signed with: the current one and any rotated out."""
    keys = {}
    current = signing_key().public_key()
    keys[key_id(current)] = current
    for path in settings.HALLMARK_AUDIT_PUBLIC_KEYS:
        public = load_public_key(path)
        keys[key_id(public)] = public
    return keys


def issued_at_text(moment) -> str:
    return moment.astimezone(dt_timezone.utc).isoformat(timespec="microseconds")


def as_signed(row: AuditCheckpoint) -> Checkpoint:
    return Checkpoint(tree_size=row.tree_size, root_hash=row.root_hash, issued_at=issued_at_text(row.issued_at),
                      key_id=row.key_id, signature=row.signature)


class CheckpointRefused(RuntimeError):
    """The stored log no longer extends what was signed before: signing it would vouch for a rewrite."""


def checkpoint_create() -> AuditCheckpoint | None:
    """Sign the log's current root, unless the last checkpoint already covers every event.

    Before signing, the log is checked against the last signature: the tree at the last
    checkpoint's size must still have the signed root, and every event since must hash to its
    content and link to the one before. Otherwise nothing is signed, `audit.chain_broken` is
    recorded, and CheckpointRefused is raised: the key never vouches for a rewritten history.
    """
    try:
        return _checkpoint_create()
    except CheckpointRefused as refused:
        from audit.services import record_event
        with transaction.atomic():
            record_event(action="audit.chain_broken", details={"checkpoint_refused": str(refused)})
        raise


@transaction.atomic
def _checkpoint_create() -> AuditCheckpoint | None:
    from audit.selectors import chain_verify

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHECKPOINT_LOCK])
    size = log_size()
    last = AuditCheckpoint.objects.order_by("-tree_size").first()
    if last is not None and size < last.tree_size:
        raise CheckpointRefused(f"the log holds {size} events but was signed at {last.tree_size}: events were removed")
    if size == 0 or (last is not None and last.tree_size == size):
        return None
    leaves = leaf_hashes(size)
    tree = merkle.TreeBuilder()
    if last is not None:
        tree.extend(leaves[:last.tree_size])
        if tree.root().hex() != last.root_hash:
            raise CheckpointRefused(f"the first {last.tree_size} events no longer hash to the root signed for them")
        report = chain_verify(from_seq=last.tree_size + 1)
        if not report.ok:
            raise CheckpointRefused(f"the events since the last checkpoint do not chain: {report.broken}")
    tree.extend(leaves[tree.size:])
    root = tree.root().hex()
    issued_at = timezone.now()  # microseconds, as PostgreSQL keeps it: the note re-reads the same
    signed = sign_checkpoint(signing_key(), tree_size=size, root_hash=root, issued_at=issued_at_text(issued_at))
    return AuditCheckpoint.objects.create(tree_size=size, root_hash=root, issued_at=issued_at,
                                          key_id=signed.key_id, signature=signed.signature)


def export_checkpoints(folder: Path | None = None) -> int:
    """Copy every checkpoint not yet in the export folder, with the events it adds. Returns how many."""
    folder = Path(folder or settings.HALLMARK_AUDIT_EXPORT_DIR)
    written, previous = 0, 0
    for row in AuditCheckpoint.objects.order_by("tree_size"):
        name = folder / "checkpoints" / f"{row.tree_size:012d}.json"
        if not name.exists():
            _export_events(folder, previous + 1, row.tree_size)
            public = signing_key().public_key()
            if key_id(public) == row.key_id:
                write_once(folder / "public-keys" / f"{row.key_id}.pem", public_key_pem(public))
            write_once(name, (json.dumps(as_signed(row).as_dict(), indent=1) + "\n").encode())
            written += 1
        previous = row.tree_size
    return written


def _export_events(folder: Path, first: int, last: int) -> None:
    lines = []
    for event in chain_rows(from_seq=first, to_seq=last):
        lines.append(canonical_json(event) + "\n")
    if len(lines) != last - first + 1:
        raise ExportConflict(f"events #{first}–#{last} are no longer all in the database (removed after "
                             f"archiving): an export folder must be kept from the log's start; copy the earlier "
                             f"export folder here rather than starting a new one")
    write_once(folder / "events" / f"{first:012d}-{last:012d}.jsonl", "".join(lines).encode("utf-8"))


def write_once(path: Path, content: bytes) -> None:
    if path.exists():
        if path.read_bytes() != content:
            raise ExportConflict(f"{path} already exists with other content; the export folder is append-only")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o444)
        try:
            os.link(temporary, path)  # fails if another writer got there first: never replaces
        except FileExistsError:
            if path.read_bytes() != content:
                raise ExportConflict(f"{path} was written concurrently with other content") from None
    finally:
        os.unlink(temporary)


def checkpoints_verify(*, up_to: int | None = None) -> tuple[int, str | None]:
    """Check every stored checkpoint (up to a size): its signature, and its root against the stored log.

    One pass over the leaves, reading each root as the tree grows. Returns how many verified and
    the first problem, if any.
    """
    from audit.signed_checkpoint import checkpoint_signature_ok

    rows = list(AuditCheckpoint.objects.order_by("tree_size"))
    if up_to is not None:
        rows = [row for row in rows if row.tree_size <= up_to]
    if not rows:
        return 0, None
    keys = public_keys()
    size = log_size()
    leaves = leaf_hashes(min(size, rows[-1].tree_size))
    tree, checked = merkle.TreeBuilder(), 0
    for row in rows:
        why_not = checkpoint_signature_ok(as_signed(row), keys)
        if why_not:
            return checked, f"checkpoint at {row.tree_size} events: {why_not}"
        if row.tree_size > len(leaves):
            return checked, f"checkpoint at {row.tree_size} events, but the log holds only {len(leaves)}"
        tree.extend(leaves[tree.size:row.tree_size])
        if tree.root().hex() != row.root_hash:
            return checked, (f"checkpoint at {row.tree_size} events: the stored events no longer hash to its "
                             f"signed root")
        checked += 1
    return checked, None


@dataclass(frozen=True)
class SignedInclusion:
    """Whether an event is under the latest signed checkpoint, checked as an outside auditor would."""

    checkpoint: AuditCheckpoint
    proof_hashes: int
    signature_ok: bool
    proof_ok: bool

    @property
    def ok(self) -> bool:
        return self.signature_ok and self.proof_ok


def signed_inclusion(seq: int) -> SignedInclusion | None:
    """None when no checkpoint covers the event yet (one is signed every ten minutes)."""
    from audit.proofs import inclusion, latest_checkpoint
    from audit.signed_checkpoint import checkpoint_signature_ok

    checkpoint = latest_checkpoint()
    if checkpoint is None or seq > checkpoint.tree_size:
        return None
    proof = inclusion(seq=seq, tree_size=checkpoint.tree_size)
    proof_ok = proof.leaf_hash == merkle.event_leaf(proof.event_hash).hex() and merkle.verify_inclusion(
        seq - 1, checkpoint.tree_size, bytes.fromhex(proof.leaf_hash), [bytes.fromhex(h) for h in proof.audit_path],
        bytes.fromhex(checkpoint.root_hash))
    return SignedInclusion(checkpoint=checkpoint, proof_hashes=len(proof.audit_path),
                           signature_ok=checkpoint_signature_ok(as_signed(checkpoint), public_keys()) is None,
                           proof_ok=proof_ok)
