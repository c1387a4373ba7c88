"""Pages through Django's test client: login, team page, invitations, keys."""
import re

import pytest
from django.test import Client

from accounts import services
from accounts.models import ApiKey, Membership, User
from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_email_login_with_an_argon2_password(make_user):
    user = make_user("Person@Example.test", password="correct horse battery")
    assert user.password.startswith("argon2$argon2id$")
    client = Client()
    page = client.get("/accounts/login/")
    assert page.status_code == 200 and b"Sign in" in page.content
    wrong = client.post("/accounts/login/", {"username": "person@example.test", "password": "nope"})
    assert wrong.status_code == 200 and b"do not match" in wrong.content
    right = client.post("/accounts/login/", {"username": "person@example.test", "password": "correct horse battery"})
    assert right.status_code == 302
    assert client.get("/").status_code == 200  # signed in, no team yet
    assert b"not in a team yet" in client.get("/").content
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").status_code == 302


def test_team_page_and_switcher_list_every_team(make_team, make_user, logged_in):
    one, two = make_team("alpha"), make_team("beta")
    person = make_user()

    services.membership_add(team=one.team, user=person, role=Role.MEMBER)
    services.membership_add(team=two.team, user=person, role=Role.AUDITOR)
    client = logged_in(person)
    home = client.get("/")
    assert home.status_code == 302 and home["Location"] == "/t/alpha/"
    page = client.get("/t/beta/").content.decode()
    assert 'href="/t/alpha/"' in page and 'href="/t/beta/" aria-current="page"' in page
    assert "you are auditor" in page and "API keys" not in page  # no admin sections
    assert client.get("/").headers["Location"] == "/t/beta/"  # remembers the last team


def test_admin_invites_and_the_invitee_signs_up_through_the_link(make_team, logged_in):
    t = make_team("gamma")
    admin = logged_in(t.user(Role.ADMIN))
    response = admin.post("/t/gamma/invitations/", {"email": "fresh@example.test", "role": "moderator"})
    assert response.status_code == 201
    link = re.search(r"http://testserver(/invitations/[^<\s]+/)", response.content.decode()).group(1)
    again = admin.post("/t/gamma/invitations/", {"email": "fresh@example.test", "role": "member"})
    assert again.status_code == 409 and b"already has an open invitation" in again.content

    visitor = Client()
    assert b"Create account and join" in visitor.get(link).content
    weak = visitor.post(link, {"password": "short"})
    assert weak.status_code == 400 and not User.objects.filter(email="fresh@example.test").exists()
    joined = visitor.post(link, {"display_name": "Fresh", "password": "a much longer passphrase"})
    assert joined.status_code == 302 and joined["Location"] == "/t/gamma/"
    user = User.objects.get(email="fresh@example.test")
    assert user.password.startswith("argon2$")
    assert Membership.objects.get(user=user).role == Role.MODERATOR
    assert Client().get(link).status_code == 409  # used
    # A moderator now: before any page, they set up two-factor sign-in.
    assert visitor.get("/t/gamma/")["Location"] == "/accounts/two-factor/?next=%2Ft%2Fgamma%2F"


def test_api_key_token_is_shown_once_on_the_page(make_team, logged_in):
    t = make_team("delta")
    admin = logged_in(t.user(Role.ADMIN))
    created = admin.post("/t/delta/keys/", {"name": "ci", "scopes": ["generate", "verify"], "expires_in_days": 7})
    assert created.status_code == 201
    token = re.search(r"hm_[0-9a-f]{8}_[0-9a-f]{48}", created.content.decode()).group(0)
    assert token not in admin.get("/t/delta/").content.decode()
    key = ApiKey.objects.get(team=t.team)
    assert key.scopes == ["generate", "verify"]
    bad = admin.post("/t/delta/keys/", {"name": "x", "scopes": ["generate"], "expires_in_days": 100000})
    assert bad.status_code == 400 and b"expire in 1 to" in bad.content
    revoked = admin.post(f"/t/delta/keys/{key.pk}/revoke/")
    assert revoked.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_role_change_from_the_page_and_errors_are_shown(make_team, logged_in):
    t = make_team("eps", member=1)
    admin = logged_in(t.user(Role.ADMIN))
    member = Membership.objects.get(user=t.user(Role.MEMBER))
    assert admin.post(f"/t/eps/members/{member.pk}/role/", {"role": "moderator"}).status_code == 302
    member.refresh_from_db()
    assert member.role == Role.MODERATOR
    bad = admin.post(f"/t/eps/members/{member.pk}/role/", {"role": "owner"})
    assert bad.status_code == 400 and b"Unknown role" in bad.content
    own = Membership.objects.get(user=t.user(Role.ADMIN))
    last = admin.post(f"/t/eps/members/{own.pk}/role/", {"role": "member"})
    assert last.status_code == 409 and b"at least one admin" in last.content


def test_forms_need_a_csrf_token(make_team, logged_in):
    t = make_team("zeta")
    client = logged_in(t.user(Role.ADMIN), enforce_csrf_checks=True)
    response = client.post("/t/zeta/keys/", {"name": "x", "scopes": ["generate"], "expires_in_days": 5})
    assert response.status_code == 403 and not ApiKey.objects.exists()
