"""The HTTP API with real API keys: /me, members, invitations, keys, quota, and bad input."""
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import ApiKey, Membership
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _json(client, method, path, body=None, raw=None):
    data = raw if raw is not None else (json.dumps(body) if body is not None else None)
    return getattr(client, method)(f"/api/v1{path}", data=data, content_type="application/json")


def test_me_describes_the_key(make_team, api_client):
    t = make_team(member=1)
    response = api_client(t.api_key("member", scopes=["generate"])).get("/api/v1/me")
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == t.user("member").email and body["team"]["slug"] == t.team.slug
    assert body["role"] == "member" and body["scopes"] == ["generate"] and body["permissions"] == ["generate"]


def test_openapi_docs_are_served(client):
    assert client.get("/api/v1/docs").status_code == 200
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/api-keys" in schema["paths"]


@pytest.mark.parametrize("headers, message", [
    ({}, "Missing API key"),
    ({"HTTP_AUTHORIZATION": "Bearer nope"}, "Malformed API key"),
    ({"HTTP_X_API_KEY": "hm_00000000_" + "0" * 48}, "Unknown API key"),
])
def test_requests_without_a_good_key_get_401_with_a_reason(client, headers, message):
    response = client.get("/api/v1/me", **headers)
    assert response.status_code == 401 and message in response.json()["detail"]


def test_expired_and_revoked_keys_get_401(make_team, api_client):
    t = make_team()
    token = t.api_key()
    key = ApiKey.objects.get(prefix=token.split("_")[1])
    ApiKey.objects.filter(pk=key.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = api_client(token).get("/api/v1/me")
    assert response.status_code == 401 and "expired on" in response.json()["detail"]
    ApiKey.objects.filter(pk=key.pk).update(expires_at=None, revoked_at=timezone.now())
    response = api_client(token).get("/api/v1/me")
    assert response.status_code == 401 and "revoked on" in response.json()["detail"]


def test_admin_manages_keys_over_the_api(make_team, api_client):
    t = make_team()
    client = api_client(t.api_key())
    created = _json(client, "post", "/api-keys", {"name": "render farm", "scopes": ["generate", "view_clips"],
                                                  "expires_in_days": 30})
    assert created.status_code == 201, created.content
    new = created.json()
    assert new["token"].startswith(f"hm_{new['prefix']}_")
    listed = client.get("/api/v1/api-keys").json()
    assert {k["prefix"] for k in listed} >= {new["prefix"]} and all("token" not in k for k in listed)
    assert api_client(new["token"]).get("/api/v1/me").json()["scopes"] == ["generate", "view_clips"]
    revoked = client.delete(f"/api/v1/api-keys/{new['id']}")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert api_client(new["token"]).get("/api/v1/me").status_code == 401
    actions = list(AuditEvent.objects.filter(team=t.team).values_list("action", flat=True))
    assert actions.count("api_key.created") == 2 and actions.count("api_key.revoked") == 1


def test_admin_manages_members_over_the_api(make_team, api_client):
    t = make_team(member=1)
    client = api_client(t.api_key())
    members = client.get("/api/v1/members").json()
    member = next(m for m in members if m["role"] == "member")
    changed = _json(client, "patch", f"/members/{member['id']}", {"role": "moderator"})
    assert changed.status_code == 200 and changed.json()["role"] == "moderator"
    invited = _json(client, "post", "/invitations", {"email": "new@example.test", "role": "auditor"})
    assert invited.status_code == 201 and "/invitations/" in invited.json()["accept_url"]
    assert client.get("/api/v1/invitations").json()[0]["email"] == "new@example.test"
    assert client.delete(f"/api/v1/members/{member['id']}").status_code == 204
    assert not Membership.objects.filter(pk=member["id"]).exists()


@pytest.mark.parametrize("method, path, body, raw, status, message", [
    ("patch", "/members/{member}", {"role": "owner"}, None, 422, "role"),
    ("patch", "/members/{member}", {"role": "member", "extra": 1}, None, 422, "extra"),
    ("patch", "/members/{member}", None, "{not json", 400, "parse"),
    ("post", "/invitations", {"email": "dup@example.test", "role": "member"}, None, 409, "already has an open invitation"),
    ("post", "/invitations", {"email": "not-an-email", "role": "member"}, None, 400, "not a valid email"),
    ("post", "/api-keys", {"name": "k", "scopes": ["root"]}, None, 422, "scopes"),
    ("post", "/api-keys", {"name": "k", "scopes": ["generate"], "expires_in_days": 10000}, None, 400, "expire in 1 to"),
    ("patch", "/members/999999", {"role": "member"}, None, 404, "No such member"),
])
def test_bad_input_gets_a_clear_4xx_and_changes_nothing(make_team, api_client, method, path, body, raw, status, message):
    t = make_team(member=1)
    client = api_client(t.api_key())
    _json(client, "post", "/invitations", {"email": "dup@example.test", "role": "member"})
    member = Membership.objects.get(user=t.user("member"))
    events_before, keys_before = AuditEvent.objects.count(), ApiKey.objects.count()
    response = _json(client, method, path.format(member=member.pk), body, raw)
    assert response.status_code == status, response.content
    assert message.lower() in response.json()["detail"].lower()
    member.refresh_from_db()
    assert member.role == "member"
    assert AuditEvent.objects.count() == events_before and ApiKey.objects.count() == keys_before


def test_quota_is_readable_by_any_member(make_team, api_client):
    t = make_team(member=1)
    body = api_client(t.api_key("member")).get("/api/v1/quota").json()
    assert body["clips_today"] == 0 and body["clips_per_day"] > 0
