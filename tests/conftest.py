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
