"""Retention: events past their age are archived with proofs; only audit_prune removes them, audited."""
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.checkpoints import checkpoint_create, checkpoints_verify, signing_key
from audit.models import ArchivedLeaf, AuditArchive, AuditEvent
from audit.proofs import inclusion, root_at
from audit.retention import archive_create
from audit.selectors import chain_verify
from audit.services import record_event
from audit.signed_checkpoint import public_key_pem

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.django_db


@pytest.fixture
def aged_log(settings, tmp_path):
    """Twelve events, the first eight backdated 400 days, all covered by a checkpoint; then two more."""
    settings.HALLMARK_AUDIT_SIGNING_KEY = tmp_path / "checkpoint.pem"
    settings.HALLMARK_AUDIT_ARCHIVE_DIR = tmp_path / "archive"
    settings.HALLMARK_AUDIT_RETENTION_DAYS = 365
    for i in range(12):
        record_event(action="test.thing", details={"i": i})
    # Backdating needs the append-only trigger off: done as the database owner, for the test only.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE audit_auditevent SET occurred_at = occurred_at - interval '400 days' WHERE seq <= 8")
        cursor.execute("SET LOCAL session_replication_role = origin")
    # The hashes no longer match the backdated times, so re-chain them as the log would have.
    _rechain()
    checkpoint_create()
    record_event(action="test.later")
    record_event(action="test.later")
    return tmp_path


def _rechain():
    from audit.chain import GENESIS_HASH, event_hash

    prev = GENESIS_HASH
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        for event in AuditEvent.objects.order_by("seq"):
            fields = event.chain_fields()
            digest = event_hash(prev, fields)
            cursor.execute("UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE seq = %s",
                           [prev, digest, event.seq])
            prev = digest
        cursor.execute("SET LOCAL session_replication_role = origin")


def _verifier(path: Path, key: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit.verifier", str(path), "--public-key", str(key)],
                          capture_output=True, text=True, cwd=ROOT / "platform", timeout=60)


def test_old_events_are_archived_with_proofs_that_verify_stand_alone(aged_log):
    assert chain_verify().ok
    archive = archive_create()
    assert (archive.first_seq, archive.last_seq) == (1, 8)
    assert archive_create() is None  # nothing more is old enough
    lines = Path(archive.path).read_text().splitlines()
    assert json.loads(lines[0])["checkpoint"]["tree_size"] == 12 and len(lines) == 9
    key = aged_log / "public.pem"
    key.write_bytes(public_key_pem(signing_key()))
    result = _verifier(Path(archive.path), key)
    assert result.returncode == 0 and "OK: 8 archived events" in result.stdout, result.stdout + result.stderr

    tampered = aged_log / "tampered.jsonl"
    entries = [json.loads(line) for line in lines]
    entries[4]["event"]["details"] = '{"i":99}'
    tampered.write_text("".join(json.dumps(e) + "\n" for e in entries))
    result = _verifier(tampered, key)
    assert result.returncode == 1 and "event #4 was altered" in result.stdout
    assert AuditEvent.objects.filter(action="audit.archived").count() == 1


def test_the_database_refuses_to_delete_events_outside_audit_prune(aged_log):
    archive_create()
    with pytest.raises(DatabaseError, match="may be removed only after it is archived"), transaction.atomic():
        AuditEvent.objects.filter(seq=1).delete()
    with pytest.raises(DatabaseError, match="may be removed only after it is archived"), transaction.atomic():
        with connection.cursor() as cursor:  # the setting alone is not enough: the hash must be kept first
            cursor.execute("SELECT set_config('hallmark.audit_prune_through', '8', true)")
            cursor.execute("DELETE FROM audit_auditevent WHERE seq = 1")


def test_prune_removes_archived_events_is_audited_and_everything_still_verifies(aged_log, capsys):
    archive = archive_create()
    root_before = root_at(14)
    with pytest.raises(CommandError, match="--operator"):
        call_command("audit_prune", str(archive.pk), "--reason", "retention")
    call_command("audit_prune", str(archive.pk), "--operator", "ops@example.test", "--reason", "7-year retention")
    assert "Removed 8 events" in capsys.readouterr().out
    assert not AuditEvent.objects.filter(seq__lte=8).exists()
    assert ArchivedLeaf.objects.count() == 8
    pruned = AuditEvent.objects.get(action="audit.pruned")
    assert pruned.details["operator"] == "ops@example.test" and pruned.details["removed"] == 8
    assert root_at(14) == root_before  # the tree is whole: the kept hashes stand in for the rows
    assert checkpoints_verify() == (1, None)
    report = chain_verify()
    assert report.ok and report.events_checked == AuditEvent.objects.count()
    proof = inclusion(seq=10, tree_size=12)
    assert proof.root_hash == root_at(12).hex() and proof.event_hash == AuditEvent.objects.get(seq=10).hash
    with pytest.raises(CommandError, match="already removed"):
        call_command("audit_prune", str(archive.pk), "--operator", "ops", "--reason", "again")


def test_prune_refuses_when_the_archive_file_changed(aged_log):
    archive = archive_create()
    Path(archive.path).chmod(0o644)
    Path(archive.path).write_text("{}\n")
    with pytest.raises(CommandError, match="has changed since it was written; nothing was removed"):
        call_command("audit_prune", str(archive.pk), "--operator", "ops", "--reason", "retention")
    assert AuditEvent.objects.filter(seq__lte=8).count() == 8


def test_events_younger_than_the_retention_age_stay(aged_log, settings):
    assert archive_create(older_than_days=500) is None
    assert AuditEvent.objects.filter(occurred_at__lt=timezone.now() - timedelta(days=365)).count() == 8


def test_an_archive_with_events_cut_off_its_end_fails(aged_log):
    archive = archive_create()
    key = aged_log / "public.pem"
    key.write_bytes(public_key_pem(signing_key()))
    cut = aged_log / "cut.jsonl"
    cut.write_text("".join(Path(archive.path).read_text().splitlines(keepends=True)[:-2]))
    result = _verifier(cut, key)
    assert result.returncode == 1 and "holds events #1–#8 but ends at #6" in result.stdout


def test_the_database_refuses_invented_kept_hashes_and_edited_archive_records(aged_log):
    archive = archive_create()
    with pytest.raises(DatabaseError, match="only in order and only as stored"), transaction.atomic():
        ArchivedLeaf.objects.create(seq=1, hash="f" * 64)
    with pytest.raises(DatabaseError, match="only in order and only as stored"), transaction.atomic():
        ArchivedLeaf.objects.create(seq=2, hash=AuditEvent.objects.get(seq=2).hash)
    with pytest.raises(DatabaseError, match="only pruned_at may be set"), transaction.atomic():
        AuditArchive.objects.filter(pk=archive.pk).update(last_seq=3)
