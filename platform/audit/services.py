"""Writing to the audit log. Call `record_event` inside the transaction of the change it records."""
from __future__ import annotations

from typing import Any

from django.db import connection, models
from django.utils import timezone

from accounts.actors import SYSTEM, Actor
from audit.chain import HASHED_FIELDS, canonical_json
from audit.models import PendingAuditEvent

_SEQ_MARK = "\x00seq\x00"
_PENDING_COLUMNS = ("occurred_at", "actor_id", "actor_label", "team_id", "action", "target_type", "target_id",
                    "client_ip", "details_text", "body_head", "body_tail")
_INSERT_PENDING = (
    f"INSERT INTO {PendingAuditEvent._meta.db_table} ({', '.join(_PENDING_COLUMNS)})"
    f" VALUES ({', '.join(['%s'] * len(_PENDING_COLUMNS))})"
)


def record_event(
    *,
    action: str,
    actor: Actor = SYSTEM,
    team=None,
    target: models.Model | tuple[str, Any] | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Record an event; it joins the hash chain when the surrounding transaction commits.

    The chain gets its sequence number and hash at commit (see audit migration 0004), so
    concurrent writers never fork or gap it and a rolled-back change leaves no event behind.
    """
    target_type, target_id = _target(target)
    try:
        details_text = canonical_json(details or {})
    except (TypeError, ValueError) as exc:
        raise ValueError(f"audit details for {action!r} must be plain JSON: {exc}") from None
    if _holds_nul(details):
        # jsonb cannot hold NUL, and the failure would only surface at COMMIT.
        raise ValueError(f"audit details for {action!r} must not contain NUL characters")
    fields = dict(
        occurred_at=timezone.now(),
        actor_id=actor.user.pk if actor.user is not None else None,
        actor_label=actor.label,
        team_id=team.pk if team is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        client_ip=actor.client_ip,
    )
    body_head, body_tail = _canonical_body_around_seq(fields, details_text)
    row = {**fields, "details_text": details_text, "body_head": body_head, "body_tail": body_tail}
    # A plain INSERT rather than the ORM: this runs for every change, and needs nothing back.
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_PENDING, [row[column] for column in _PENDING_COLUMNS])


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_holds_nul(item) for item in value)
    return False


def _canonical_body_around_seq(fields: dict, details_text: str) -> tuple[str, str]:
    """The canonical JSON that audit.chain.event_hash hashes, split where the sequence number goes."""
    values = {**fields, "occurred_at": fields["occurred_at"].isoformat(timespec="microseconds"),
              "details": details_text, "seq": _SEQ_MARK}
    body = canonical_json({field: values[field] for field in HASHED_FIELDS})
    head, tail = body.split(canonical_json(_SEQ_MARK))
    return head, tail


def _target(target) -> tuple[str, str]:
    if target is None:
        return "", ""
    if isinstance(target, models.Model):
        return target._meta.label_lower, str(target.pk)
    kind, ident = target
    return str(kind), str(ident)
