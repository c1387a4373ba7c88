"""Retention: archive events past their age to files with proofs; remove them only when asked.

An archive file is JSON lines: first the signed checkpoint the proofs are against, then one
line per event with its chain fields and its RFC 6962 inclusion proof. Anyone holding the
checkpoint's public key can check each archived event on its own, long after its row is gone
(`python -m audit.verifier ARCHIVE.jsonl --public-key FILE`).

Removal (`manage.py audit_prune`) keeps each removed event's chain hash as an ArchivedLeaf,
so checkpoints, proofs and the chain of the events that remain still verify; the database
refuses to delete an event whose hash was not kept first (audit migration 0006).
"""
from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accounts.errors import Conflict, InvalidInput
from audit import merkle
from audit.chain import canonical_json
from audit.checkpoints import write_once, as_signed
from audit.models import ArchivedLeaf, AuditArchive, AuditCheckpoint, AuditEvent
from audit.proofs import leaf_hashes
from audit.selectors import chain_rows
from audit.services import record_event


def archive_create(*, older_than_days: int | None = None, now=None) -> AuditArchive | None:
    """Archive the events older than the retention age that no archive holds yet.

    Only events a signed checkpoint covers are archived, so every proof has a signed root.
    Returns None when there is nothing to archive.
    """
    days = settings.HALLMARK_AUDIT_RETENTION_DAYS if older_than_days is None else older_than_days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    checkpoint = AuditCheckpoint.objects.order_by("-tree_size").first()
    if checkpoint is None:
        return None
    done = AuditArchive.objects.order_by("-last_seq").values_list("last_seq", flat=True).first() or 0
    last = (AuditEvent.objects.filter(seq__gt=done, seq__lte=checkpoint.tree_size, occurred_at__lt=cutoff)
            .order_by("-seq").values_list("seq", flat=True).first())
    if last is None:
        return None
    first = done + 1
    tree = merkle.FullTree(leaf_hashes(checkpoint.tree_size))
    if tree.root().hex() != checkpoint.root_hash:
        raise Conflict(f"The stored events no longer hash to the root signed at {checkpoint.tree_size} events; "
                       f"nothing was archived. Run manage.py audit_verify.")
    header = {"checkpoint": as_signed(checkpoint).as_dict(), "first_seq": first, "last_seq": last}
    lines = [canonical_json(header) + "\n"]
    for event in chain_rows(from_seq=first, to_seq=last):
        proof = tree.inclusion_proof(event["seq"] - 1)
        lines.append(canonical_json({"event": event, "inclusion_proof": [h.hex() for h in proof]}) + "\n")
    content = "".join(lines).encode("utf-8")
    path = Path(settings.HALLMARK_AUDIT_ARCHIVE_DIR) / f"events-{first:012d}-{last:012d}.jsonl"
    write_once(path, content)
    with transaction.atomic():
        archive = AuditArchive.objects.create(first_seq=first, last_seq=last, path=str(path),
                                              sha256=hashlib.sha256(content).hexdigest(),
                                              checkpoint_size=checkpoint.tree_size)
        record_event(action="audit.archived", target=archive, details={
            "first_seq": first, "last_seq": last, "file": path.name, "sha256": archive.sha256,
            "older_than_days": days, "checkpoint_size": checkpoint.tree_size})
    return archive


def archive_prune(*, archive: AuditArchive, operator: str, reason: str) -> int:
    """Remove an archive's events from the database, after checking the file still holds them.

    Only this maintenance path removes events, and it records who did it and why in the log.
    """
    if archive.pruned_at is not None:
        raise Conflict(f"Archive {archive.pk} was already removed from the database on {archive.pruned_at:%Y-%m-%d}.")
    if not operator.strip() or not reason.strip():
        raise InvalidInput("Say who removes the events and why (--operator and --reason).")
    path = Path(archive.path)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise Conflict(f"The archive file {path} cannot be read ({exc.strerror}); nothing was removed.") from None
    if hashlib.sha256(content).hexdigest() != archive.sha256:
        raise Conflict(f"The archive file {path} has changed since it was written; nothing was removed.")
    kept = ArchivedLeaf.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    if archive.first_seq != kept + 1:
        raise Conflict(f"Archives are removed in order: events #{kept + 1}–#{archive.first_seq - 1} are still in "
                       f"the database; remove their archive first.")
    archived = {entry["event"]["seq"]: entry["event"]["hash"]
                for entry in map(json.loads, content.decode("utf-8").splitlines()[1:])}
    with transaction.atomic():
        AuditArchive.objects.select_for_update().get(pk=archive.pk)  # two operators at once: one waits
        archive.refresh_from_db()
        if archive.pruned_at is not None:
            raise Conflict(f"Archive {archive.pk} was just removed by someone else.")
        rows = list(AuditEvent.objects.filter(seq__gte=archive.first_seq, seq__lte=archive.last_seq)
                    .order_by("seq").values_list("seq", "hash"))
        if dict(rows) != archived:
            raise Conflict(f"The archive file {path} does not hold exactly the events it covers as the database "
                           f"has them; nothing was removed.")
        newest = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
        if archive.last_seq >= newest:
            raise Conflict("The newest event anchors the chain and is never removed; archive later events first.")
        ArchivedLeaf.objects.bulk_create([ArchivedLeaf(seq=seq, hash=digest) for seq, digest in rows])
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('hallmark.audit_prune_through', %s, true)", [str(archive.last_seq)])
            cursor.execute("DELETE FROM audit_auditevent WHERE seq BETWEEN %s AND %s",
                           [archive.first_seq, archive.last_seq])
            removed = cursor.rowcount
        AuditArchive.objects.filter(pk=archive.pk).update(pruned_at=timezone.now())
        record_event(action="audit.pruned", target=archive, details={
            "operator": operator.strip(), "reason": reason.strip(), "first_seq": archive.first_seq,
            "last_seq": archive.last_seq, "removed": removed, "file": path.name, "sha256": archive.sha256})
    return removed

