"""Reading the audit log."""
from __future__ import annotations

from typing import Iterator

from audit.chain import BrokenLink, ChainReport, verify_chain
from audit.models import AuditEvent, chain_fields_from_row

_CHAIN_COLUMNS = (
    "seq", "occurred_at", "actor_id", "actor_label", "team_id", "action", "target_type",
    "target_id", "details_text", "client_ip", "prev_hash", "hash",
)


def chain_rows(*, from_seq: int = 1, to_seq: int | None = None, batch: int = 5000) -> Iterator[dict]:
    """Events in sequence order as the chain hashes them, read in keyset batches."""
    next_seq = from_seq
    while True:
        query = AuditEvent.objects.filter(seq__gte=next_seq).order_by("seq")
        if to_seq is not None:
            query = query.filter(seq__lte=to_seq)
        rows = list(query.values_list(*_CHAIN_COLUMNS)[:batch])
        for values in rows:
            yield chain_fields_from_row(**dict(zip(_CHAIN_COLUMNS, values)))
        if len(rows) < batch:
            return
        next_seq = rows[-1][0] + 1


def chain_verify(*, from_seq: int = 1, to_seq: int | None = None) -> ChainReport:
    """Verify the stored chain (or a stretch of it, anchored on the event before `from_seq`)."""
    start_hash = None
    if from_seq > 1:
        start_hash = AuditEvent.objects.filter(seq=from_seq - 1).values_list("hash", flat=True).first()
        if start_hash is None:
            return ChainReport(0, None, "", BrokenLink(from_seq - 1, "event is missing: cannot anchor the range"))
    kwargs = {"start_hash": start_hash} if start_hash else {}
    return verify_chain(chain_rows(from_seq=from_seq, to_seq=to_seq), start_seq=from_seq, **kwargs)
