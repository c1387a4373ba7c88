"""API for auditors: the team's audit events, filtered, paged, and exported as CSV or JSONL."""
from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from accounts.errors import InvalidInput
from api.auth import key_access, key_actor
from audit import selectors
from audit.exports import audited_export

router = Router(tags=["audit"])


class EventOut(Schema):
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    details: dict
    hash: str


def _events(request, action, actor, category, since, until, target):
    return selectors.team_events(access=key_access(request), action=action or "", actor=actor or "",
                                 category=category or "", since=since, until=until, target=target or "")


@router.get("/audit/events", response=list[EventOut], summary="Audit events of the team, newest first")
def list_events(request, action: str | None = None, actor: str | None = None, category: str | None = None,
                since: datetime | None = None, until: datetime | None = None, target: str | None = None,
                before_seq: int | None = None, limit: int = 100):
    events = _events(request, action, actor, category, since, until, target)
    if before_seq is not None:
        events = events.filter(seq__lt=before_seq)
    return [{"seq": e.seq, "occurred_at": e.occurred_at, "actor": e.actor_label, "action": e.action,
             "target_type": e.target_type, "target_id": e.target_id, "details": e.details, "hash": e.hash}
            for e in events[: max(1, min(limit, 1000))]]


@router.get("/audit/export", summary="Stream the filtered events as CSV or JSONL (format=csv|jsonl)")
def export_events(request, format: str = "jsonl", action: str | None = None, actor: str | None = None,
                  category: str | None = None, since: datetime | None = None, until: datetime | None = None,
                  target: str | None = None):
    if format not in ("csv", "jsonl"):
        raise InvalidInput("format must be csv or jsonl.")
    access = key_access(request)
    events = _events(request, action, actor, category, since, until, target)  # checks the filters first
    return audited_export(actor=key_actor(request), access=access, events=events, fmt=format, filters={
        "action": action, "actor": actor, "category": category, "target": target,
        "since": since.isoformat() if since else None, "until": until.isoformat() if until else None})
