"""Login throttling (django-axes): repeated failures lock one email out from one address for a while."""
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.test import Client

from accounts import services
from accounts.actors import SYSTEM
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

EMAIL, PASSWORD = "target@example.test", "the right passphrase"


def _try(client, password, email=EMAIL):
    return client.post("/accounts/login/", {"username": email, "password": password})


@pytest.fixture
def target():
    user = services.user_create(email=EMAIL, password=PASSWORD)
    services.team_create(actor=SYSTEM, slug="lockout", name="Lockout", first_admin=user)
    return user


def test_repeated_failures_lock_the_email_out_from_that_address(target):
    attacker = Client()
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        assert b"do not match" in _try(attacker, "guess").content
    locked = _try(attacker, "guess")
    assert locked.status_code == 429
    assert f"locked for {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in locked.content.decode()
    # Now even the right password is refused, and in any spelling of the address.
    for email in (EMAIL, EMAIL.upper()):
        refused = _try(attacker, PASSWORD, email)
        assert refused.status_code == 429 and b"Too many failed sign-ins" in refused.content
    assert attacker.get("/")["Location"].startswith("/accounts/login/")

    # Another address is not locked out; each failure was audited, the lockout marked.
    assert _try(Client(REMOTE_ADDR="10.9.8.7"), PASSWORD).status_code == 302
    failed = AuditEvent.objects.filter(action="user.login_failed", actor_id=target.pk).order_by("seq")
    assert failed.count() == limit + 2
    assert [e.details["locked_out"] for e in failed][limit - 2:limit] == [False, True]
    assert failed.last().client_ip == "127.0.0.1" and failed.last().details["email"] == EMAIL


def test_the_lockout_ends_after_the_cool_off(target):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(client, "guess")
    assert _try(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert _try(client, PASSWORD).status_code == 302


def test_a_success_resets_the_count(target):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, "guess")
    assert _try(client, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    assert b"do not match" in _try(client, "guess").content  # counting from zero again


def test_api_keys_are_not_affected(target, make_team):
    from accounts.selectors import access_team_by_slug
    from accounts.actors import Actor

    issued = services.api_key_create(actor=Actor(user=target), access=access_team_by_slug(user=target, slug="lockout"),
                                     name="ci", scopes=["generate"], expires_in_days=5)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(Client(), "guess")
    assert _try(Client(), PASSWORD).status_code == 429
    response = Client(HTTP_AUTHORIZATION=f"Bearer {issued.token}").get("/api/v1/me")
    assert response.status_code == 200
