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


def team_events(*, access, action: str = "", actor: str = "", category: str = "", since=None, until=None,
                target: str = ""):
    """A team's events, newest first, for its auditors. `action` matches a prefix ("moderation.")."""
    from accounts.roles import Permission

    from accounts.errors import InvalidInput

    access.require(Permission.VIEW_AUDIT)
    for name, value in (("action", action), ("actor", actor), ("category", category), ("target", target)):
        if len(value) > 200 or any(ord(c) < 32 for c in value):
            raise InvalidInput(f"The {name} filter must be at most 200 characters, without control characters.")
    events = AuditEvent.objects.filter(team=access.team)
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_label__icontains=actor)
    if category:
        events = events.filter(details__decision__categories__contains=[{"name": category}])
    if since:
        events = events.filter(occurred_at__gte=since)
    if until:
        events = events.filter(occurred_at__lt=until)
    if target:
        kind, _, ident = target.partition(":")
        events = events.filter(target_type=kind, **({"target_id": ident} if ident else {}))
    return events.order_by("-seq")


EXPORT_FIELDS = ("seq", "occurred_at", "actor_label", "action", "target_type", "target_id", "client_ip",
                 "details_text", "prev_hash", "hash")


def export_rows(events, batch: int = 2000) -> Iterator[dict]:
    """Events as plain dicts in sequence order, streamed in keyset batches (exports of any size)."""
    last = None
    events = events.order_by("seq")
    while True:
        page = events.filter(seq__gt=last) if last is not None else events
        rows = list(page.values(*EXPORT_FIELDS)[:batch])
        for row in rows:
            row["occurred_at"] = row["occurred_at"].isoformat()
            yield row
        if len(rows) < batch:
            return
        last = rows[-1]["seq"]
