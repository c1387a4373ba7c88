"""Settings: the database URL."""
import pytest

from config.database import parse_database_url


def test_database_urls_for_tcp_and_sockets():
    tcp = parse_database_url("postgres://app:s%40cret@db.internal:6543/hallmark?sslmode=require")
    assert (tcp["HOST"], tcp["PORT"], tcp["USER"], tcp["PASSWORD"], tcp["NAME"]) == (
        "db.internal", "6543", "app", "s@cret", "hallmark")
    assert tcp["OPTIONS"] == {"sslmode": "require"}
    socket = parse_database_url("postgresql://postgres:@/hallmark?host=/tmp/pg")
    assert socket["HOST"] == "/tmp/pg" and socket["NAME"] == "hallmark"


@pytest.mark.parametrize("url, message", [
    ("sqlite:///db.sqlite3", "PostgreSQL only"),
    ("postgres://localhost/", "names no database"),
])
def test_other_databases_are_refused(url, message):
    with pytest.raises(ValueError, match=message):
        parse_database_url(url)


# Production settings: tests/platform/config/test_production.py
