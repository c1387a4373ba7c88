"""Reading the audit log as a Merkle tree: leaves, roots, inclusion and consistency proofs."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from audit import merkle
from audit.models import ArchivedLeaf, AuditCheckpoint, AuditEvent


def log_size() -> int:
    """Events ever appended, counting those removed after archiving."""
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    if last is None:
        last = ArchivedLeaf.objects.order_by("-seq").values_list("seq", flat=True).first()
    return last or 0


def leaf_hashes(size: int) -> list[bytes]:
    """The RFC 6962 leaf hashes of events #1..#size, archived ones included.

    One statement, so one snapshot: a prune committing meanwhile cannot make rows vanish from
    between the two tables.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT hash FROM (SELECT seq, hash FROM {ArchivedLeaf._meta.db_table} WHERE seq <= %s"
            f" UNION ALL SELECT seq, hash FROM {AuditEvent._meta.db_table} WHERE seq <= %s) AS leaves"
            f" ORDER BY seq", [size, size])
        hashes = [row[0] for row in cursor.fetchall()]
    if len(hashes) != size:
        raise merkle.ProofError(f"the log holds {len(hashes)} of the first {size} events")
    return [merkle.event_leaf(h) for h in hashes]


def root_at(size: int) -> bytes:
    return merkle.tree_root(leaf_hashes(size))


@dataclass(frozen=True)
class InclusionProof:
    seq: int
    leaf_index: int
    tree_size: int
    event_hash: str
    leaf_hash: str
    audit_path: list[str]
    root_hash: str


def inclusion(*, seq: int, tree_size: int) -> InclusionProof:
    """Proof that event #seq is in the tree of `tree_size` events (RFC 6962 audit path)."""
    if not 1 <= seq <= tree_size:
        raise merkle.ProofError(f"event #{seq} is not within the first {tree_size} events")
    leaves = leaf_hashes(tree_size)
    event_hash = _event_hash(seq)
    return InclusionProof(
        seq=seq, leaf_index=seq - 1, tree_size=tree_size, event_hash=event_hash,
        leaf_hash=leaves[seq - 1].hex(), audit_path=[h.hex() for h in merkle.inclusion_proof(seq - 1, leaves)],
        root_hash=merkle.tree_root(leaves).hex())


@dataclass(frozen=True)
class ConsistencyProof:
    first_size: int
    second_size: int
    first_root: str
    second_root: str
    proof: list[str]


def consistency(*, first_size: int, second_size: int) -> ConsistencyProof:
    """Proof that the log at `first_size` is a prefix of the log at `second_size` (RFC 6962)."""
    leaves = leaf_hashes(second_size)
    if not 0 < first_size <= second_size:
        raise merkle.ProofError(f"no consistency proof from size {first_size} to size {second_size}")
    return ConsistencyProof(
        first_size=first_size, second_size=second_size, first_root=merkle.tree_root(leaves[:first_size]).hex(),
        second_root=merkle.tree_root(leaves).hex(),
        proof=[h.hex() for h in merkle.consistency_proof(first_size, leaves)])


def latest_checkpoint() -> AuditCheckpoint | None:
    return AuditCheckpoint.objects.order_by("-tree_size").first()


def _event_hash(seq: int) -> str:
    found = AuditEvent.objects.filter(seq=seq).values_list("hash", flat=True).first()
    if found is None:
        found = ArchivedLeaf.objects.filter(seq=seq).values_list("hash", flat=True).first()
    return found
