"""The hash chain of the audit log, in plain Python (no Django, no database).

Each event's hash is SHA-256 over the previous event's hash and a canonical JSON of the
event, so changing, removing or reordering any event breaks every link after it. Kept free
of Django so that a verifier outside the platform can check an export with this file alone.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

GENESIS_HASH = "0" * 64

# The fields that the hash covers, in the order an export writes them.
HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_label",
    "team_id",
    "action",
    "target_type",
    "target_id",
    "details",
    "client_ip",
)


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept, no NaN or Infinity."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """Hash of one event. `details` is the canonical JSON *text* of the details, as stored."""
    body = canonical_json({field: event[field] for field in HASHED_FIELDS})
    return hashlib.sha256(f"{prev_hash}\n{body}".encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    seq: int | None
    reason: str

    def __str__(self) -> str:
        where = f"event #{self.seq}" if self.seq is not None else "the log"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ChainReport:
    events_checked: int
    last_seq: int | None
    last_hash: str
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify_chain(
    events: Iterable[Mapping[str, Any]], *, start_seq: int = 1, start_hash: str = GENESIS_HASH
) -> ChainReport:
    """Walk events in sequence order and name the first one that breaks the chain.

    Each event carries the HASHED_FIELDS plus `prev_hash` and `hash`.
    """
    expected_seq, expected_prev = start_seq, start_hash
    checked = 0
    for event in events:
        seq = event["seq"]
        if seq != expected_seq:
            reason = (
                f"sequence jumps from {expected_seq - 1} to {seq}: events are missing"
                if seq > expected_seq
                else f"sequence goes back from {expected_seq - 1} to {seq}: events are repeated or reordered"
            )
            return ChainReport(checked, expected_seq - 1, expected_prev, BrokenLink(seq, reason))
        if event["prev_hash"] != expected_prev:
            return ChainReport(
                checked, seq - 1, expected_prev,
                BrokenLink(seq, "previous-hash link does not match the event before it"),
            )
        recomputed = event_hash(expected_prev, event)
        if recomputed != event["hash"]:
            return ChainReport(
                checked, seq - 1, expected_prev,
                BrokenLink(seq, "content does not match its hash: the event was altered"),
            )
        checked += 1
        expected_seq, expected_prev = seq + 1, event["hash"]
    return ChainReport(checked, expected_seq - 1 if checked else start_seq - 1, expected_prev, None)
