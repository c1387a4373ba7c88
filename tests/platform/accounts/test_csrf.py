"""CSRF: every page of the tenant matrix, and the sign-in forms, refuse a POST without the token."""
import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role

from ..test_tenant_isolation import PAGES, _state, victim  # noqa: F401  (the victim fixture)

pytestmark = pytest.mark.django_db


def _refused_for_csrf(response) -> bool:
    return response.status_code == 403 and b"CSRF" in response.content


def test_every_page_refuses_a_post_without_the_token(victim, logged_in):  # noqa: F811
    # Every page, GET-only ones too: none may be exempt from the check.
    before = _state(victim)
    for case in PAGES:
        client = logged_in(victim.people.user(case.allowed_role), enforce_csrf_checks=True)
        response = client.post(reverse(case.name, kwargs=case.kwargs(victim)), data=case.data or {})
        assert _refused_for_csrf(response), f"{case.name}: {response.status_code}"
    assert _state(victim) == before


def test_the_same_post_with_the_token_goes_through(victim, logged_in):  # noqa: F811
    client = logged_in(victim.people.user(Role.ADMIN), enforce_csrf_checks=True)
    page = client.get(f"/t/{victim.people.team.slug}/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(f"/t/{victim.people.team.slug}/invitations/",
                           {"csrfmiddlewaretoken": token, "email": "new@example.test", "role": "member"})
    assert response.status_code == 201


def test_sign_in_two_factor_sign_out_and_invitations_need_the_token(make_team, make_user):
    team = make_team()
    client = Client(enforce_csrf_checks=True)
    assert _refused_for_csrf(client.post("/accounts/login/", {"username": "a@b.test", "password": "x"}))
    assert _refused_for_csrf(client.post("/invitations/sometoken/", {"password": "a long passphrase"}))
    client.force_login(team.user(Role.ADMIN))
    assert _refused_for_csrf(client.post("/accounts/two-factor/", {"code": "123456"}))
    assert _refused_for_csrf(client.post("/accounts/logout/"))
