from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast


class AuditEvent(models.Model):
    """One entry of the append-only, hash-chained audit log.

    PostgreSQL triggers (see migration 0002) refuse UPDATE, DELETE and TRUNCATE, and check
    on INSERT that the new row extends the chain by exactly one. The details are stored as
    their canonical JSON text, the exact bytes that were hashed; `details` is a jsonb copy
    generated from that text, for queries.
    """

    seq = models.BigIntegerField(primary_key=True)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=400)
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=64, db_index=True)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    details_text = models.TextField()
    details = models.GeneratedField(
        expression=Cast("details_text", models.JSONField()),
        output_field=models.JSONField(),
        db_persist=True,
    )
    # Text, not inet: PostgreSQL would respell addresses, and the hash covers the exact text.
    client_ip = models.CharField(max_length=45, null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["team", "occurred_at"], name="audit_team_time")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.actor_label}"

    def chain_fields(self) -> dict:
        """The values as the chain hashes them (see audit.chain)."""
        return chain_fields_from_row(
            seq=self.seq, occurred_at=self.occurred_at, actor_id=self.actor_id,
            actor_label=self.actor_label, team_id=self.team_id, action=self.action,
            target_type=self.target_type, target_id=self.target_id,
            details_text=self.details_text, client_ip=self.client_ip,
            prev_hash=self.prev_hash, hash=self.hash,
        )


def chain_fields_from_row(*, occurred_at, details_text, **fields) -> dict:
    fields["occurred_at"] = occurred_at.isoformat(timespec="microseconds")
    fields["details"] = details_text
    return fields


class PendingAuditEvent(models.Model):
    """An event recorded in a transaction that has not committed yet.

    A deferred constraint trigger (migration 0004) moves each row into the chain when its
    transaction commits, and deletes it in the same transaction: from outside, this table is
    always empty. `body_head` and `body_tail` are the event's canonical JSON on either side of
    its sequence number, which only the commit decides.
    """

    occurred_at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    actor_label = models.CharField(max_length=400)
    team_id = models.BigIntegerField(null=True)
    action = models.CharField(max_length=64)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    details_text = models.TextField()
    client_ip = models.CharField(max_length=45, null=True)
    body_head = models.TextField()
    body_tail = models.TextField()


class AuditCheckpoint(models.Model):
    """A signed statement of the log's Merkle root at a size (see audit.signed_checkpoint).

    Written by the periodic task `audit.write_checkpoint` and copied to the append-only export
    folder; an auditor's verifier checks the exported events against them.
    """

    tree_size = models.BigIntegerField(primary_key=True)
    root_hash = models.CharField(max_length=64)
    issued_at = models.DateTimeField()
    key_id = models.CharField(max_length=16)
    signature = models.CharField(max_length=100)

    class Meta:
        ordering = ["tree_size"]

    def __str__(self) -> str:
        return f"checkpoint at {self.tree_size} events ({self.root_hash[:12]}…)"


class ArchivedLeaf(models.Model):
    """The chain hash of an event whose row was removed after archiving (retention).

    Kept so that Merkle proofs and checkpoints still verify over the whole log, and the chain
    of the events that remain stays anchored. A hash reveals nothing of the event.
    """

    seq = models.BigIntegerField(primary_key=True)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]


class AuditArchive(models.Model):
    """A file of events (with their inclusion proofs) written before they may leave the database."""

    first_seq = models.BigIntegerField()
    last_seq = models.BigIntegerField(unique=True)
    path = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    checkpoint_size = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    pruned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["first_seq"]


class ComplianceReport(models.Model):
    """A team's compliance report for a period, rendered as HTML and PDF."""

    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField(help_text="exclusive")
    html_path = models.CharField(max_length=500)
    pdf_path = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start"]
        constraints = [models.UniqueConstraint(fields=["team", "period_start", "period_end"],
                                               name="audit_report_one_per_period")]
