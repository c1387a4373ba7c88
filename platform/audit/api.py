"""API for auditors: the team's audit events, filtered, paged, exported as CSV or JSONL; signed
checkpoints of the whole log and RFC 6962 inclusion and consistency proofs against them."""
from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from accounts.errors import Conflict, InvalidInput, NotFound
from accounts.roles import Permission
from api.auth import key_access, key_actor
from audit import proofs, selectors
from audit.checkpoints import as_signed
from audit.merkle import ProofError
from audit.models import AuditCheckpoint, AuditEvent
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


class CheckpointOut(Schema):
    origin: str
    tree_size: int
    root_hash: str
    issued_at: str
    key_id: str
    signature: str
    note: str


def _checkpoint_out(row: AuditCheckpoint) -> dict:
    signed = as_signed(row)
    return {**signed.as_dict(), "note": signed.note().decode("ascii")}


@router.get("/audit/checkpoints", response=list[CheckpointOut],
            summary="Signed checkpoints of the whole log (size, RFC 6962 root, time; Ed25519), newest first")
def list_checkpoints(request, limit: int = 50):
    key_access(request).require(Permission.VIEW_AUDIT)
    return [_checkpoint_out(row) for row in AuditCheckpoint.objects.order_by("-tree_size")[: max(1, min(limit, 500))]]


class InclusionOut(Schema):
    seq: int
    leaf_index: int
    tree_size: int
    event_hash: str
    leaf_hash: str
    audit_path: list[str]
    root_hash: str
    checkpoint: CheckpointOut | None


@router.get("/audit/events/{seq}/proof", response=InclusionOut,
            summary="Proof that one of the team's events is in the log at a checkpoint (default: the latest)")
def inclusion_proof(request, seq: int, tree_size: int | None = None):
    access = key_access(request)
    # Only the team's own events: another team's answers 404, like a missing one, whatever the role.
    if not AuditEvent.objects.filter(seq=seq, team=access.team).exists():
        raise NotFound(f"Event #{seq} was not found.")
    access.require(Permission.VIEW_AUDIT)
    checkpoint = _checkpoint(tree_size)
    if seq > checkpoint.tree_size:
        raise InvalidInput(f"Event #{seq} is newer than the checkpoint at {checkpoint.tree_size} events; "
                           f"ask again after the next checkpoint.")
    proof = proofs.inclusion(seq=seq, tree_size=checkpoint.tree_size)
    _require_signed_roots((proof.root_hash, checkpoint))
    return {**proof.__dict__, "checkpoint": _checkpoint_out(checkpoint)}


class ConsistencyOut(Schema):
    first_size: int
    second_size: int
    first_root: str
    second_root: str
    proof: list[str]


@router.get("/audit/checkpoints/consistency", response=ConsistencyOut,
            summary="Proof that the log at one checkpoint is a prefix of the log at a later one "
                    "(default: the latest checkpoint and the one before it)")
def consistency_proof(request, first: int | None = None, second: int | None = None):
    key_access(request).require(Permission.VIEW_AUDIT)
    newer = _checkpoint(second)
    if first is None:
        older = AuditCheckpoint.objects.filter(tree_size__lt=newer.tree_size).order_by("-tree_size").first() or newer
    else:
        older = _checkpoint(first)
    if older.tree_size > newer.tree_size:
        raise InvalidInput("first must be a checkpoint no larger than second.")
    try:
        proof = proofs.consistency(first_size=older.tree_size, second_size=newer.tree_size)
    except ProofError as exc:
        raise InvalidInput(str(exc)) from None
    _require_signed_roots((proof.first_root, older), (proof.second_root, newer))
    return proof.__dict__


def _require_signed_roots(*pairs) -> None:
    """A proof from the stored log is worth giving only if that log still has the signed roots."""
    for computed, checkpoint in pairs:
        if computed != checkpoint.root_hash:
            raise Conflict(f"The stored log no longer matches the checkpoint signed at {checkpoint.tree_size} "
                           f"events, so no proof is given; run manage.py audit_verify.")


def _checkpoint(tree_size: int | None) -> AuditCheckpoint:
    rows = AuditCheckpoint.objects.order_by("-tree_size")
    row = rows.filter(tree_size=tree_size).first() if tree_size is not None else rows.first()
    if row is None:
        raise NotFound("No signed checkpoint has that size." if tree_size is not None
                       else "No checkpoint has been signed yet.")
    return row
