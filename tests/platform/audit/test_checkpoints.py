"""Signed checkpoints, the append-only export folder, and the stand-alone verifier run as a program."""
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from audit import merkle
from audit.checkpoints import ExportConflict, checkpoint_create, checkpoints_verify, export_checkpoints, signing_key
from audit.models import AuditCheckpoint, AuditEvent
from audit.proofs import consistency, inclusion, root_at
from audit.services import record_event
from audit.signed_checkpoint import public_key_pem

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def audit_dirs(settings, tmp_path):
    settings.HALLMARK_AUDIT_SIGNING_KEY = tmp_path / "keys" / "checkpoint.pem"
    settings.HALLMARK_AUDIT_EXPORT_DIR = tmp_path / "export"
    return tmp_path


def _events(n, start=0):
    for i in range(start, start + n):
        record_event(action="test.thing", details={"i": i, "text": "naïve café"})


def _public_key_file(folder: Path) -> Path:
    path = folder / "checkpoint-public.pem"
    path.write_bytes(public_key_pem(signing_key()))
    return path


def _verifier(export: Path, key: Path, *extra) -> subprocess.CompletedProcess:
    """The verifier as an auditor runs it: its own process, the export folder and a public key."""
    code = ("import sys; import builtins; real = builtins.__import__\n"
            "def guard(name, *a, **k):\n"
            "    if name.split('.')[0] in ('django', 'psycopg', 'procrastinate'):\n"
            "        raise ImportError('the stand-alone verifier imported ' + name)\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = guard\n"
            "from audit.verifier import main; sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "platform")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, "-c", code, str(export), "--public-key", str(key), *extra],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.django_db
def test_a_checkpoint_signs_the_rfc_6962_root_and_is_not_repeated_when_nothing_changed(audit_dirs):
    _events(5)
    first = checkpoint_create()
    assert first.tree_size == 5 and first.root_hash == root_at(5).hex()
    assert checkpoint_create() is None
    _events(3, start=5)
    second = checkpoint_create()
    assert second.tree_size == 8
    assert checkpoints_verify() == (2, None)
    assert stat.S_IMODE(os.stat(audit_dirs / "keys" / "checkpoint.pem").st_mode) == 0o600


@pytest.mark.django_db
def test_proofs_from_the_stored_log_verify_against_the_signed_roots(audit_dirs):
    _events(13)
    small = checkpoint_create()
    _events(9, start=13)
    large = checkpoint_create()
    proof = inclusion(seq=7, tree_size=large.tree_size)
    assert merkle.verify_inclusion(6, large.tree_size, bytes.fromhex(proof.leaf_hash),
                                   [bytes.fromhex(h) for h in proof.audit_path], bytes.fromhex(large.root_hash))
    step = consistency(first_size=small.tree_size, second_size=large.tree_size)
    assert merkle.verify_consistency(small.tree_size, large.tree_size, bytes.fromhex(small.root_hash),
                                     bytes.fromhex(large.root_hash), [bytes.fromhex(h) for h in step.proof])


@pytest.mark.django_db
def test_export_is_written_once_read_only_and_verifies_stand_alone(audit_dirs):
    _events(10)
    checkpoint_create()
    _events(7, start=10)
    checkpoint_create()
    _events(2, start=17)  # after the last checkpoint: chained but not yet signed
    assert export_checkpoints() == 2
    assert export_checkpoints() == 0  # idempotent
    export = audit_dirs / "export"
    files = sorted(p.name for p in (export / "events").iterdir())
    assert files == ["000000000001-000000000010.jsonl", "000000000011-000000000017.jsonl"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o444 for p in (export / "events").iterdir())
    result = _verifier(export, _public_key_file(audit_dirs))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 17 events in 2 files match 2 signed checkpoints" in result.stdout
    report = json.loads(_verifier(export, _public_key_file(audit_dirs), "--json").stdout)
    assert report["ok"] and report["events_checked"] == 17


def _tampered_copy(export: Path, tmp: Path, name: str) -> Path:
    copy = tmp / name
    shutil.copytree(export, copy)
    for path in copy.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return copy


def _rewrite(path: Path, change) -> None:
    """Tamper as a careful forger would: the lines stay canonical JSON, as the platform writes them."""
    from audit.chain import canonical_json

    lines = [json.loads(line) for line in path.read_text().splitlines()]
    path.write_text("".join(canonical_json(e) + "\n" for e in change(lines)))


@pytest.mark.django_db
def test_tampered_exports_fail_naming_the_first_bad_event(audit_dirs):
    from audit.chain import event_hash

    _events(12)
    checkpoint_create()
    _events(8, start=12)
    checkpoint_create()
    export_checkpoints()
    export, key = audit_dirs / "export", _public_key_file(audit_dirs)
    second = "events/000000000013-000000000020.jsonl"

    def edit(events):
        events[3]["details"] = events[3]["details"].replace("café", "cafe")
        return events

    def remove(events):
        return events[:2] + events[3:]

    def reorder(events):
        events[4], events[5] = events[5], events[4]
        return events

    def rewrite_chain(events):  # edit #16 and recompute every hash after it: only the checkpoint catches it
        events[3]["details"] = events[3]["details"].replace("café", "cafe")
        prev = events[2]["hash"]
        for event in events[3:]:
            event["prev_hash"] = prev
            event["hash"] = prev = event_hash(prev, event)
        return events

    for name, change, expected in [
        ("edited", edit, "event #16 was altered"),
        ("removed", remove, "event #15 is missing or out of order: #16 follows #14"),
        ("reordered", reorder, "event #17 is missing or out of order: #18 follows #16"),
        ("rewritten", rewrite_chain, "events #13–#20 do not match the signed checkpoint at 20 events"),
    ]:
        copy = _tampered_copy(export, audit_dirs, name)
        _rewrite(copy / second, change)
        result = _verifier(copy, key)
        assert result.returncode == 1, (name, result.stdout)
        assert expected in result.stdout, (name, result.stdout)

    truncated = _tampered_copy(export, audit_dirs, "truncated")
    (truncated / second).unlink()
    result = _verifier(truncated, key)
    assert result.returncode == 1 and "events #13–#20 were removed" in result.stdout

    forged = _tampered_copy(export, audit_dirs, "forged")
    checkpoint = forged / "checkpoints" / "000000000020.json"
    data = json.loads(checkpoint.read_text())
    checkpoint.write_text(json.dumps({**data, "tree_size": 19}))
    result = _verifier(forged, key)
    assert result.returncode == 1 and "signature does not verify" in result.stdout

    assert _verifier(export, key).returncode == 0  # the original is untouched


@pytest.mark.django_db
def test_the_verifier_refuses_lines_that_are_not_what_the_platform_wrote(audit_dirs):
    _events(6)
    checkpoint_create()
    export_checkpoints()
    export, key = audit_dirs / "export", _public_key_file(audit_dirs)
    events = "events/000000000001-000000000006.jsonl"

    def tamper(name, rewrite):
        copy = _tampered_copy(export, audit_dirs, name)
        path = copy / events
        path.write_bytes(rewrite(path.read_bytes()))
        return _verifier(copy, key)

    extra = tamper("extra", lambda data: data.replace(b'{"action"', b'{"approved_by":"ceo","action"', 1))
    assert extra.returncode == 1 and "approved_by is not ours" in extra.stdout
    repeated = tamper("repeated", lambda data: data.replace(b'{"action":"test.thing"',
                                                             b'{"action":"test.thing","action":"test.other"', 1))
    assert repeated.returncode == 1 and "not the canonical JSON" in repeated.stdout
    binary = tamper("binary", lambda data: data.replace(b"caf\xc3\xa9", b"caf\xff", 1))
    assert binary.returncode == 1 and "not UTF-8" in binary.stdout
    blank = tamper("blank", lambda data: data + b"\n")
    assert blank.returncode == 1 and "line 7 is empty" in blank.stdout


@pytest.mark.django_db
def test_a_kept_checkpoint_pins_history_against_a_rewritten_and_re_signed_export(audit_dirs):
    from audit.signed_checkpoint import sign_checkpoint

    _events(6)
    checkpoint_create()
    export_checkpoints()
    export, key = audit_dirs / "export", _public_key_file(audit_dirs)
    kept = audit_dirs / "kept-checkpoint.json"
    shutil.copy(export / "checkpoints" / "000000000006.json", kept)
    assert _verifier(export, key, "--trusted-checkpoint", str(kept)).returncode == 0

    # Whoever holds the signing key rewrites event #2, re-chains and re-signs: self-consistent…
    forged = _tampered_copy(export, audit_dirs, "forged-and-resigned")
    events = forged / "events" / "000000000001-000000000006.jsonl"
    from audit.chain import canonical_json, event_hash
    lines = [json.loads(line) for line in events.read_text().splitlines()]
    lines[1]["details"] = '{"i":1,"text":"nothing happened"}'
    prev, tree = lines[0]["hash"], merkle.TreeBuilder()
    tree.append(merkle.event_leaf(lines[0]["hash"]))
    for event in lines[1:]:
        event["prev_hash"] = prev
        event["hash"] = prev = event_hash(prev, event)
        tree.append(merkle.event_leaf(event["hash"]))
    events.write_text("".join(canonical_json(e) + "\n" for e in lines))
    resigned = sign_checkpoint(signing_key(), tree_size=6, root_hash=tree.root().hex(),
                               issued_at="2026-12-04T00:00:00.000000+00:00")
    (forged / "checkpoints" / "000000000006.json").write_text(json.dumps(resigned.as_dict()))
    assert _verifier(forged, key).returncode == 0  # …so without a kept checkpoint it passes,
    result = _verifier(forged, key, "--trusted-checkpoint", str(kept))  # but not against one kept earlier
    assert result.returncode == 1 and "two signed checkpoints at 6 events disagree" in result.stdout
    assert "trusted checkpoint you gave" in result.stdout


@pytest.mark.django_db
def test_no_checkpoint_is_signed_over_a_rewritten_log(audit_dirs):
    from audit.checkpoints import CheckpointRefused

    _events(5)
    checkpoint_create()
    _events(2, start=5)
    with connection.cursor() as cursor:  # a superuser edits event #3 and re-chains everything after it
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE audit_auditevent SET details_text = '{\"i\":99}' WHERE seq = 3")
        from audit.chain import event_hash
        prev = AuditEvent.objects.get(seq=2).hash
        for event in AuditEvent.objects.filter(seq__gte=3).order_by("seq"):
            digest = event_hash(prev, event.chain_fields())
            cursor.execute("UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE seq = %s",
                           [prev, digest, event.seq])
            prev = digest
        cursor.execute("SET LOCAL session_replication_role = origin")
    with pytest.raises(CheckpointRefused, match="first 5 events no longer hash to the root signed"):
        checkpoint_create()
    assert AuditCheckpoint.objects.count() == 1
    assert AuditEvent.objects.filter(action="audit.chain_broken").exists()


@pytest.mark.django_db
def test_a_different_key_or_a_broken_folder_is_refused_clearly(audit_dirs, tmp_path):
    from audit.signed_checkpoint import generate_private_key

    _events(3)
    checkpoint_create()
    export_checkpoints()
    stranger = tmp_path / "stranger.pem"
    stranger.write_bytes(public_key_pem(generate_private_key(tmp_path / "stranger-private.pem")))
    result = _verifier(audit_dirs / "export", stranger)
    assert result.returncode == 1 and "not among the public keys given" in result.stdout
    result = _verifier(tmp_path / "nowhere", stranger)
    assert result.returncode == 2 and "not an audit export folder" in result.stderr
    result = _verifier(audit_dirs / "export", tmp_path / "missing.pem")
    assert result.returncode == 2 and "cannot read the public key" in result.stderr


@pytest.mark.django_db
def test_an_export_file_that_was_changed_is_a_conflict_not_overwritten(audit_dirs):
    _events(4)
    checkpoint_create()
    export_checkpoints()
    path = audit_dirs / "export" / "checkpoints" / "000000000004.json"
    path.chmod(0o644)
    path.write_text("{}")
    (audit_dirs / "export" / "checkpoints" / "000000000004.json").chmod(0o444)
    AuditCheckpoint.objects.all()  # the database still holds the true checkpoint
    _events(1, start=4)
    checkpoint_create()
    export_checkpoints()  # the new one is written; the altered one is left for the verifier to catch
    with pytest.raises(ExportConflict, match="append-only"):
        from audit.checkpoints import write_once
        write_once(path, b"something else")


@pytest.mark.django_db
def test_audit_verify_checks_checkpoints_and_accepts_dates(audit_dirs, capsys):
    _events(6)
    checkpoint_create()
    call_command("audit_verify", "--from", "2", "--to", "5")
    call_command("audit_verify", "--from", "2000-01-01")
    out = capsys.readouterr().out
    assert "OK: 4 events verified" in out and "OK: 6 events verified" in out
    assert "1 signed checkpoints match" in out
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.update(root_hash="0" * 64)
    with connection.cursor() as cursor:  # as a superuser who switches the triggers off would
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE audit_auditcheckpoint SET root_hash = repeat('0', 64)")
        cursor.execute("SET LOCAL session_replication_role = origin")
    with pytest.raises(SystemExit) as exit_:
        call_command("audit_verify")
    assert exit_.value.code == 1
    assert "CHECKPOINT FAILED" in capsys.readouterr().err
