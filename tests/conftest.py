"""Shared fixtures. Tests run against real PostgreSQL (embedded, or DATABASE_URL)."""
from __future__ import annotations

import pytest
from django.db import connection


@pytest.fixture(scope="session", autouse=True)
def _flush_past_audit_triggers():
    """Let Django's between-test flush clear the append-only audit table.

    Transactional tests end with a TRUNCATE of every table, which the audit triggers refuse,
    as they should. The test database's owner is a superuser, so the flush runs in replica
    mode, where ordinary triggers do not fire: the same power a superuser always has, used
    only to reset the test database.
    """
    ops = type(connection.ops)
    original = ops.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        with self.connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            original(self, sql_list)
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = DEFAULT")

    ops.execute_sql_flush = execute_sql_flush
    yield
    ops.execute_sql_flush = original


@pytest.fixture(autouse=True)
def _chain_audit_events_at_once_in_rolled_back_tests(request):
    """In tests that run inside one transaction that is rolled back, chain events at once.

    Audit events join the hash chain when their transaction commits (a deferred trigger, see
    audit migration 0004). Most tests never commit, so there the trigger is made immediate:
    the same function chains each event as it is recorded. Tests marked
    `django_db(transaction=True)` commit for real and exercise the deferred path.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))) \
        or "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    if transactional or (marker is None and "db" not in request.fixturenames):
        yield
        return
    request.getfixturevalue("db")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS audit_chain_at_commit IMMEDIATE")
    yield
