"""TOTP two-factor sign-in: required for moderators, admins and auditors; members are not asked."""
import base64
import re
import time

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.roles import Role
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"


def code_for(secret_b32: str, drift: int = 0) -> str:
    """What an authenticator app shows for a setup key (base32, as the page prints it)."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    return f"{totp(key, step=30, t0=0, digits=6, drift=drift):06d}"


def _sign_in(email: str) -> Client:
    client = Client()
    assert client.post("/accounts/login/", {"username": email, "password": PASSWORD}).status_code == 302
    return client


@pytest.fixture
def team(make_team):
    t = make_team("otp", member=1, auditor=1)
    for people in t.people.values():
        for user in people:
            user.set_password(PASSWORD)
            user.save()
    return t


def test_an_admin_enrols_then_enters_a_code_at_each_sign_in(team):
    admin = team.user(Role.ADMIN)
    client = _sign_in(admin.email)
    # Every page sends them to set up two-factor first, remembering where they were going.
    assert client.get("/t/otp/")["Location"] == "/accounts/two-factor/?next=%2Ft%2Fotp%2F"
    page = client.get("/accounts/two-factor/?next=/t/otp/").content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page).group(1)
    uri = re.search(r'data-testid="totp-uri">([^<]+)<', page).group(1).replace("&amp;", "&")
    assert uri.startswith("otpauth://totp/Hallmark%3Aadmin.otp%40example.test?") and f"secret={secret}" in uri and "issuer=Hallmark" in uri
    assert 'src="data:image/svg+xml' in page  # the QR code

    wrong = client.post("/accounts/two-factor/", {"code": "000000" if code_for(secret) != "000000" else "111111",
                                                  "next": "/t/otp/"})
    assert wrong.status_code == 400 and b"not right" in wrong.content
    time.sleep(1.1)  # django-otp throttles after a wrong code: 1 s, then doubling
    done = client.post("/accounts/two-factor/", {"code": code_for(secret), "next": "/t/otp/"})
    assert done.status_code == 302 and done["Location"] == "/t/otp/"
    assert client.get("/t/otp/").status_code == 200
    assert TOTPDevice.objects.get(user=admin).confirmed

    # The next sign-in asks for a code only (the secret is never shown again) and refuses a replayed one.
    client.post("/accounts/logout/")
    client = _sign_in(admin.email)
    page = client.get("/accounts/two-factor/").content.decode()
    assert "Enter your code" in page and secret not in page
    assert client.post("/accounts/two-factor/", {"code": code_for(secret)}).status_code == 400
    time.sleep(1.1)
    assert client.post("/accounts/two-factor/", {"code": code_for(secret, drift=1)}).status_code == 302
    assert client.get("/t/otp/").status_code == 200

    actions = list(AuditEvent.objects.filter(actor_id=admin.pk, action__startswith="user.totp")
                   .order_by("seq").values_list("action", flat=True))
    assert actions == ["user.totp_failed", "user.totp_enrolled", "user.totp_failed", "user.totp_verified"]


def test_auditors_and_moderators_are_asked_members_are_not(team, make_user):
    assert _sign_in(team.user(Role.AUDITOR).email).get("/t/otp/audit/")["Location"].startswith(
        "/accounts/two-factor/")
    member = _sign_in(team.user(Role.MEMBER).email)
    assert member.get("/t/otp/").status_code == 200
    assert member.get("/t/otp/studio/").status_code == 200
    # Promoted to moderator: asked at once, in the same session.
    services.membership_change_role(actor=team.actor(), access=team.access(),
                                    membership=team.user(Role.MEMBER).memberships.get(), role=Role.MODERATOR)
    assert member.get("/t/otp/studio/")["Location"].startswith("/accounts/two-factor/")


def test_the_api_with_a_key_needs_no_second_factor(team):
    token = team.api_key(Role.ADMIN)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/me").status_code == 200


def test_next_cannot_send_anyone_off_site(team):
    client = _sign_in(team.user(Role.ADMIN).email)
    page = client.get("/accounts/two-factor/").content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page).group(1)
    done = client.post("/accounts/two-factor/", {"code": code_for(secret), "next": "https://evil.example/"})
    assert done.status_code == 302 and done["Location"] == "/"


def test_the_logged_in_fixture_verifies_privileged_people_honestly(team, logged_in):
    client = logged_in(team.user(Role.ADMIN))
    assert client.get("/t/otp/").status_code == 200
    assert TOTPDevice.objects.filter(user=team.user(Role.ADMIN), confirmed=True).count() == 1
    logged_in(team.user(Role.MEMBER))
    assert not TOTPDevice.objects.filter(user=team.user(Role.MEMBER)).exists()
