"""Auditors read their team's events: filters, keyset paging, streamed CSV and JSONL exports."""
import csv
import io
import json

import pytest

from accounts.roles import Role
from audit.models import AuditEvent
from studio import services as studio

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(make_team):
    team, other = make_team(auditor=1, member=1), make_team()
    for prompt in ("a red ball rolls left across a meadow", "a soldier aiming a rifle at a man in a war zone"):
        studio.generation_request(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), prompt=prompt,
                                  params=studio.GenerationParams(steps=2))
    studio.generation_request(actor=other.actor(), access=other.access(), prompt="another team's blue star")
    return team, other


def test_filters_and_paging(scene, api_client):
    team, other = scene
    client = api_client(team.api_key(Role.AUDITOR))
    events = client.get("/api/v1/audit/events").json()
    assert events and all(e["seq"] > n["seq"] for e, n in zip(events, events[1:]))  # newest first
    assert not {e["seq"] for e in events} & set(AuditEvent.objects.filter(team=other.team).values_list("seq", flat=True))
    requested = client.get("/api/v1/audit/events", {"action": "generation.requested"}).json()
    assert len(requested) == 2
    held = client.get("/api/v1/audit/events", {"category": "weapons_instructions"}).json()
    assert len(held) == 1 and held[0]["details"]["decision"]["action"] == "review"
    mine = client.get("/api/v1/audit/events", {"actor": team.user(Role.MEMBER).email}).json()
    assert {e["action"] for e in mine} >= {"generation.requested", "quota.reserved"}
    page = client.get("/api/v1/audit/events", {"limit": 2}).json()
    rest = client.get("/api/v1/audit/events", {"before_seq": page[-1]["seq"]}).json()
    assert [e["seq"] for e in page + rest] == [e["seq"] for e in events]


def test_streamed_exports_are_complete_and_audited(scene, api_client):
    team, _ = scene
    client = api_client(team.api_key(Role.AUDITOR))
    response = client.get("/api/v1/audit/export", {"format": "csv"})
    # The export is audited before it streams, so it includes its own record.
    expected = list(AuditEvent.objects.filter(team=team.team).order_by("seq").values_list("seq", flat=True))
    assert response.status_code == 200 and response.streaming and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [int(r["seq"]) for r in rows] == expected and all(len(r["hash"]) == 64 for r in rows)
    response = client.get("/api/v1/audit/export", {"format": "jsonl", "action": "generation."})
    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert len(lines) == 2 and all(line["action"] == "generation.requested" for line in lines)
    assert json.loads(lines[0]["details_text"])["decision"]["action"] == "allow"
    assert AuditEvent.objects.filter(action="audit.exported", team=team.team).count() == 2
    assert client.get("/api/v1/audit/export", {"format": "xml"}).status_code == 400


def test_the_audit_page_filters_by_date_and_says_what_is_wrong(scene, logged_in):
    team, _ = scene
    client = logged_in(team.user(Role.AUDITOR))
    page = client.get(f"/t/{team.team.slug}/audit/", {"action": "generation."})
    assert page.status_code == 200 and b"generation.requested" in page.content and b"quota.reserved" not in page.content
    assert client.get(f"/t/{team.team.slug}/audit/", {"since": "yesterday"}).status_code == 400
    assert client.get(f"/t/{team.team.slug}/audit/", {"since": "2999-01-01"}).content.count(b"<code>") == 0


def test_bad_filters_get_a_4xx_with_a_reason(scene, api_client, logged_in):
    team, _ = scene
    client = api_client(team.api_key(Role.AUDITOR))
    assert client.get("/api/v1/audit/events", {"actor": "a\x00b"}).status_code == 400
    assert client.get("/api/v1/audit/export", {"target": "x\x00"}).status_code == 400
    page = logged_in(team.user(Role.AUDITOR))
    assert page.get(f"/t/{team.team.slug}/audit/export/", {"since": "garbage"}).status_code == 400
    assert page.get(f"/t/{team.team.slug}/audit/", {"actor": "\x00"}).status_code == 400
    assert not AuditEvent.objects.filter(action="audit.exported").exists()  # refused exports are not exports
