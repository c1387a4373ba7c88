"""Writing to the audit log. Call `record_event` inside the transaction of the change it records."""
from __future__ import annotations

import json
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from accounts.actors import SYSTEM, Actor
from audit.chain import HASHED_FIELDS, canonical_json
from audit.models import AuditEvent

# The database function audit_append (migration 0003) takes a transaction-level advisory lock,
# so concurrent writers never fork or gap the chain: the lock is held until the surrounding
# change commits or rolls back, and a rollback takes the event with it.
_SEQ_MARK = "\x00seq\x00"


def record_event(
    *,
    action: str,
    actor: Actor = SYSTEM,
    team=None,
    target: models.Model | tuple[str, Any] | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    target_type, target_id = _target(target)
    try:
        details_text = canonical_json(details or {})
    except (TypeError, ValueError) as exc:
        raise ValueError(f"audit details for {action!r} must be plain JSON: {exc}") from None

    row = dict(
        occurred_at=timezone.now(),
        actor_id=actor.user.pk if actor.user is not None else None,
        actor_label=actor.label,
        team_id=team.pk if team is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        client_ip=actor.client_ip,
    )
    head, tail = _canonical_body_around_seq(row, details_text)
    # No savepoint: if the append fails, the change it records must fail with it.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM audit_append(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [row["occurred_at"], row["actor_id"], row["actor_label"], row["team_id"], action, target_type,
             target_id, details_text, row["client_ip"], head, tail],
        )
        seq, prev_hash, hash_ = cursor.fetchone()
    event = AuditEvent(seq=seq, details_text=details_text, details=json.loads(details_text),
                       prev_hash=prev_hash, hash=hash_, **row)
    event._state.adding, event._state.db = False, connection.alias
    return event


def _canonical_body_around_seq(row: dict, details_text: str) -> tuple[str, str]:
    """The canonical JSON that audit.chain.event_hash hashes, split where the sequence number goes."""
    fields = {**row, "occurred_at": row["occurred_at"].isoformat(timespec="microseconds"),
              "details": details_text, "seq": _SEQ_MARK}
    body = canonical_json({field: fields[field] for field in HASHED_FIELDS})
    head, tail = body.split(canonical_json(_SEQ_MARK))
    return head, tail


def _target(target) -> tuple[str, str]:
    if target is None:
        return "", ""
    if isinstance(target, models.Model):
        return target._meta.label_lower, str(target.pk)
    kind, ident = target
    return str(kind), str(ident)
