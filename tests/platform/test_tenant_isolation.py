"""Every page and every API endpoint, called from another team (404) and with too low a role (403).

The matrix must list every route: a new route that is not added here fails the coverage test.
Later issues extend the same tables.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts import services
from accounts.models import Membership
from accounts.roles import Role
from api.api import api
from moderation import services as moderation_services
from studio import services as studio_services
from verification.services import verification_run

pytestmark = pytest.mark.django_db
_CLIP_DIR = __import__("pathlib").Path(__import__("tempfile").gettempdir()) / "hallmark-isolation-clips"

# Routes anyone may reach (they enforce nothing team-specific).
PUBLIC_PAGES = {"accounts:login", "accounts:logout", "accounts:invitation_accept"}
PUBLIC_API = {("GET", "/api/v1/docs"), ("GET", "/api/v1/openapi.json")}


@dataclass
class Victim:
    """Team A and objects in it, which outsiders and low roles try to reach."""

    people: object
    member_id: int
    invitation_id: int
    key_id: int
    generation_id: int  # queued
    failed_generation_id: int
    done_generation_id: int  # with a clip
    verification_id: int
    held_generation_id: int  # waiting for review
    appeal_id: int  # the admin's appeal against a block
    blocked_by_member_id: int  # the member's own blocked request, not yet appealed
    event_seq: int  # one of the team's audit events, under a signed checkpoint
    report_id: int = 0  # the team's compliance report
    flag_id: int = 0  # the member's prompts were blocked three times: an open repeated-blocks flag


@dataclass(frozen=True)
class PageCase:
    name: str
    method: str
    kwargs: Callable[[Victim], dict]
    data: dict | None = None
    lowest_role: str | None = None  # None: any member; else a role that must NOT pass
    allowed_role: str = Role.ADMIN


def _slug(v):
    return {"slug": v.people.team.slug}


PAGES = [
    PageCase("accounts:team", "get", _slug, lowest_role=None, allowed_role=Role.AUDITOR),
    PageCase("accounts:member_role", "post", lambda v: {**_slug(v), "membership_id": v.member_id},
             {"role": "moderator"}, lowest_role=Role.MODERATOR),
    PageCase("accounts:member_remove", "post", lambda v: {**_slug(v), "membership_id": v.member_id},
             lowest_role=Role.MEMBER),
    PageCase("accounts:invitation_create", "post", _slug, {"email": "z@example.test", "role": "member"},
             lowest_role=Role.MODERATOR),
    PageCase("accounts:invitation_revoke", "post", lambda v: {**_slug(v), "invitation_id": v.invitation_id},
             lowest_role=Role.AUDITOR),
    PageCase("accounts:api_key_create", "post", _slug,
             {"name": "k", "scopes": ["generate"], "expires_in_days": 5}, lowest_role=Role.MEMBER),
    PageCase("accounts:api_key_revoke", "post", lambda v: {**_slug(v), "key_id": v.key_id},
             lowest_role=Role.MODERATOR),
]
def _gen(field="generation_id"):
    return lambda v: {**_slug(v), "generation_id": getattr(v, field)}


PAGES += [
    PageCase("studio:home", "get", _slug, lowest_role=Role.AUDITOR, allowed_role=Role.MEMBER),
    PageCase("studio:generate", "post", _slug, {"prompt": "a red ball rolls left", "duration_seconds": 2, "steps": 1,
                                                "guidance": 4}, lowest_role=Role.AUDITOR, allowed_role=Role.MEMBER),
    PageCase("studio:generation", "get", _gen(), lowest_role=Role.AUDITOR, allowed_role=Role.MEMBER),
    PageCase("studio:status", "get", _gen(), lowest_role=Role.AUDITOR, allowed_role=Role.MEMBER),
    PageCase("studio:clip", "get", _gen("done_generation_id"), lowest_role=Role.AUDITOR, allowed_role=Role.MEMBER),
    PageCase("studio:cancel", "post", _gen(), lowest_role=Role.AUDITOR, allowed_role=Role.MODERATOR),
    PageCase("studio:retry", "post", _gen("failed_generation_id"), lowest_role=Role.AUDITOR,
             allowed_role=Role.MODERATOR),
    PageCase("verification:verify", "get", _slug, lowest_role=None, allowed_role=Role.AUDITOR),
    PageCase("moderation:queue", "get", _slug, lowest_role=Role.MEMBER, allowed_role=Role.MODERATOR),
    PageCase("moderation:review", "post", _gen("held_generation_id"),
             {"decision": "approve", "reason": "within_policy"}, lowest_role=Role.MEMBER, allowed_role=Role.MODERATOR),
    PageCase("moderation:appeal_decide", "post", lambda v: {**_slug(v), "appeal_id": v.appeal_id},
             {"outcome": "overturned", "reason": "false_positive"}, lowest_role=Role.MEMBER,
             allowed_role=Role.MODERATOR),
    PageCase("moderation:appeal", "post", _gen("blocked_by_member_id"), {"statement": "a medical illustration"},
             lowest_role=Role.AUDITOR, allowed_role=Role.MEMBER),
    PageCase("moderation:policy", "get", _slug, lowest_role=Role.MODERATOR, allowed_role=Role.ADMIN),
    PageCase("moderation:flag_dismiss", "post", lambda v: {**_slug(v), "flag_id": v.flag_id}, {"note": "seen"},
             lowest_role=Role.MEMBER, allowed_role=Role.MODERATOR),
    PageCase("audit:log", "get", _slug, lowest_role=Role.ADMIN, allowed_role=Role.AUDITOR),
    PageCase("audit:export", "get", _slug, lowest_role=Role.ADMIN, allowed_role=Role.AUDITOR),
    PageCase("audit:event", "get", lambda v: {**_slug(v), "seq": v.event_seq}, lowest_role=Role.ADMIN,
             allowed_role=Role.AUDITOR),
    PageCase("audit:charts", "get", _slug, lowest_role=Role.ADMIN, allowed_role=Role.AUDITOR),
    # Reports are for auditors and admins; anyone else finds nothing (404, tested in tests/platform/audit).
    PageCase("audit:reports", "get", _slug, allowed_role=Role.AUDITOR),
    PageCase("audit:report_file", "get", lambda v: {**_slug(v), "report_id": v.report_id, "fmt": "pdf"},
             allowed_role=Role.AUDITOR),
]
# Pages that are not team-scoped by URL but need a signed-in user.
SIGNED_IN_PAGES = {"accounts:home", "accounts:two_factor", "audit:all_teams"}


@dataclass(frozen=True)
class ApiCase:
    method: str
    path: str  # with {member}, {invitation}, {key} placeholders
    body: dict | None = None
    lowest_role: str | None = None
    object_scoped: bool = True  # names an object of team A; list endpoints show the caller's own team
    needs: str | None = None  # the permission it checks last, when that is 'generate' (see the scope test)
    upload: str | None = None  # sends an unmarked clip as multipart/form-data, in this field, with the body
    caller_role: str = Role.ADMIN  # who calls it from the other team in the list test


API = [
    ApiCase("GET", "/api/v1/me", object_scoped=False),
    ApiCase("GET", "/api/v1/quota", object_scoped=False),
    ApiCase("GET", "/api/v1/members", lowest_role=Role.MODERATOR, object_scoped=False),
    ApiCase("PATCH", "/api/v1/members/{member}", {"role": "moderator"}, lowest_role=Role.MODERATOR),
    ApiCase("DELETE", "/api/v1/members/{member}", lowest_role=Role.MEMBER),
    ApiCase("GET", "/api/v1/invitations", lowest_role=Role.AUDITOR, object_scoped=False),
    ApiCase("POST", "/api/v1/invitations", {"email": "z@example.test", "role": "member"},
            lowest_role=Role.MEMBER, object_scoped=False),
    ApiCase("DELETE", "/api/v1/invitations/{invitation}", lowest_role=Role.MODERATOR),
    ApiCase("GET", "/api/v1/api-keys", lowest_role=Role.MEMBER, object_scoped=False),
    ApiCase("POST", "/api/v1/api-keys", {"name": "k", "scopes": ["generate"]}, lowest_role=Role.AUDITOR,
            object_scoped=False),
    ApiCase("DELETE", "/api/v1/api-keys/{key}", lowest_role=Role.MODERATOR),
    ApiCase("POST", "/api/v1/generations", {"prompt": "a red ball rolls left", "steps": 1},
            lowest_role=Role.AUDITOR, object_scoped=False, needs="generate"),
    # Extending another team's clip: as if it did not exist.
    ApiCase("POST", "/api/v1/generations", {"prompt": "it keeps rolling", "steps": 1, "extends": "{done}"}),
    ApiCase("POST", "/api/v1/generations/from-upload", {"prompt": "the clip goes on", "steps": 1},
            lowest_role=Role.AUDITOR, object_scoped=False, needs="generate", upload="source"),
    ApiCase("GET", "/api/v1/generations", lowest_role=Role.AUDITOR, object_scoped=False),
    ApiCase("GET", "/api/v1/generations/{generation}", lowest_role=Role.AUDITOR),
    ApiCase("GET", "/api/v1/generations/{generation}/download", lowest_role=Role.AUDITOR),
    ApiCase("POST", "/api/v1/generations/{generation}/cancel", lowest_role=Role.AUDITOR, needs="generate"),
    ApiCase("POST", "/api/v1/generations/{generation}/retry", lowest_role=Role.AUDITOR, needs="generate"),
    ApiCase("POST", "/api/v1/verifications", object_scoped=False, upload="file"),
    ApiCase("GET", "/api/v1/verifications/{verification}"),
    ApiCase("GET", "/api/v1/moderation/queue", lowest_role=Role.MEMBER, object_scoped=False),
    ApiCase("POST", "/api/v1/moderation/queue/{held}", {"decision": "approve", "reason": "within_policy"},
            lowest_role=Role.MEMBER),
    ApiCase("GET", "/api/v1/moderation/appeals", lowest_role=Role.MEMBER, object_scoped=False),
    ApiCase("POST", "/api/v1/moderation/appeals/{appeal}", {"outcome": "upheld", "reason": "policy_violation"},
            lowest_role=Role.MEMBER),
    ApiCase("POST", "/api/v1/generations/{generation}/appeal", {"statement": "please"}, lowest_role=Role.AUDITOR,
            needs="generate"),
    ApiCase("GET", "/api/v1/moderation/flags", lowest_role=Role.MEMBER, object_scoped=False,
            caller_role=Role.MODERATOR),
    ApiCase("POST", "/api/v1/moderation/flags/{flag}/dismiss", {"note": "seen"}, lowest_role=Role.MEMBER),
    ApiCase("GET", "/api/v1/policy", object_scoped=False),
    ApiCase("PUT", "/api/v1/policy", {"categories": {}}, lowest_role=Role.MODERATOR, object_scoped=False),
    ApiCase("GET", "/api/v1/audit/events", lowest_role=Role.ADMIN, object_scoped=False, caller_role=Role.AUDITOR),
    ApiCase("GET", "/api/v1/audit/export", lowest_role=Role.ADMIN, object_scoped=False, caller_role=Role.AUDITOR),
    ApiCase("GET", "/api/v1/audit/events/{event}/proof", lowest_role=Role.ADMIN),
    ApiCase("GET", "/api/v1/audit/checkpoints", lowest_role=Role.ADMIN, object_scoped=False, caller_role=Role.AUDITOR),
    ApiCase("GET", "/api/v1/audit/checkpoints/consistency", lowest_role=Role.ADMIN, object_scoped=False,
            caller_role=Role.AUDITOR),
]


@pytest.fixture
def victim(make_team, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    people = make_team("victim", member=1, moderator=1, auditor=1)
    access = people.access()
    invitation = services.invitation_create(actor=people.actor(), access=access, email="v@example.test", role="member")
    key = services.api_key_create(actor=people.actor(), access=access, name="victim key", scopes=["generate"])
    member = Membership.objects.get(user=people.user(Role.MEMBER))
    generation = studio_services.generation_request(actor=people.actor(), access=access,
                                                    prompt="a yellow square bounces at noon")
    failed = studio_services.generation_request(actor=people.actor(), access=access, prompt="a blue star spins at night")
    studio_services.generation_start(generation_id=failed.pk)
    studio_services.generation_fail(generation_id=failed.pk, reason="The model could not render this request.")
    done = _done_generation(people, access)
    held = studio_services.generation_request(actor=people.actor(), access=access,
                                              prompt="a soldier aiming a rifle at a man in a war zone")
    blocked = studio_services.generation_request(actor=people.actor(), access=access,
                                                 prompt="a naked woman in the shower")
    appeal = moderation_services.appeal_file(actor=people.actor(), access=access, request=blocked,
                                             statement="a classical painting")
    member_access = people.access(Role.MEMBER)
    blocked_by_member = studio_services.generation_request(actor=people.actor(Role.MEMBER), access=member_access,
                                                           prompt="a naked man in the shower")
    settings.HALLMARK_REPEATED_BLOCKS = 3
    for prompt in ("a naked couple in the shower", "a naked man on a beach"):  # the third block raises a flag
        studio_services.generation_request(actor=people.actor(Role.MEMBER), access=member_access, prompt=prompt)
    from moderation.models import RepeatedBlocksFlag
    flag = RepeatedBlocksFlag.objects.get(team=people.team)
    with open(_unmarked_clip(), "rb") as fh:
        verification = verification_run(actor=people.actor(), access=access, upload=fh, file_name="victim.mp4")
    from audit.checkpoints import checkpoint_create
    from audit.models import AuditEvent

    settings.HALLMARK_AUDIT_SIGNING_KEY = tmp_path / "audit-checkpoint.pem"
    checkpoint_create()
    event = AuditEvent.objects.filter(team=people.team).order_by("seq").first()
    from audit.reports import report_create
    from django.utils import timezone

    settings.HALLMARK_AUDIT_REPORTS_DIR = tmp_path / "audit-reports"
    today = timezone.now().date()
    report = report_create(team=people.team, period_start=today, period_end=today + timedelta(days=1))
    return Victim(people, member.pk, invitation.invitation.pk, key.api_key.pk, generation.pk, failed.pk, done.pk,
                  verification.verification.pk, held.pk, appeal.pk, blocked_by_member.pk, event.seq, report.pk,
                  flag.pk)


def _done_generation(people, access):
    """A finished generation whose clip is a real MP4 in storage (rendering is tested in tests/platform/studio)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    done = studio_services.generation_request(actor=people.actor(), access=access, prompt="a green circle drifts upward")
    studio_services.generation_start(generation_id=done.pk)
    import hashlib

    from provenance.fingerprint import fingerprint_frames
    from provenance.media import rgb_frames

    data = _unmarked_clip().read_bytes()
    frames, fps = rgb_frames(_unmarked_clip())
    stored = default_storage.save(f"clips/{people.team.slug}/{done.watermark_payload}.mp4", ContentFile(data))
    studio_services.generation_complete(generation_id=done.pk, clip_fields={
        "file": stored, "sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data),
        "watermark_payload": done.watermark_payload, "c2pa_state": "absent",
        "fingerprint": fingerprint_frames(frames, fps).to_bytes(), "model": "test", "model_version": "0",
        "frames": len(frames), "fps": 8,
        "width": 128, "height": 128, "frame_check": {}})
    return done


def _unmarked_clip():
    """A small real H.264 clip with no mark, made once per test session."""
    import numpy as np

    from provenance.media import write_h264
    path = _CLIP_DIR / "unmarked.mp4"
    if not path.exists():
        _CLIP_DIR.mkdir(parents=True, exist_ok=True)
        frames = np.random.default_rng(0).integers(0, 255, (4, 64, 64, 3), dtype=np.uint8).repeat(2, 1).repeat(2, 2)
        write_h264(frames, path, fps=8)
    return path


@pytest.fixture
def outsider(make_team):
    return make_team("outsider", member=1, moderator=1, auditor=1)


def _call_page(client, case: PageCase, victim: Victim):
    url = reverse(case.name, kwargs=case.kwargs(victim))
    return getattr(client, case.method)(url, data=case.data or {})


def _state(victim: Victim):
    from accounts.models import ApiKey, Invitation
    from audit.models import AuditEvent
    from moderation.models import Appeal, RepeatedBlocksFlag, TeamPolicy
    from studio.models import GenerationRequest

    team = victim.people.team
    return (list(Membership.objects.filter(team=team).values_list("pk", "role").order_by("pk")),
            list(Invitation.objects.filter(team=team).values_list("pk", "revoked_at").order_by("pk")),
            list(ApiKey.objects.filter(team=team).values_list("pk", "revoked_at").order_by("pk")),
            list(GenerationRequest.objects.filter(team=team).values_list("pk", "status").order_by("pk")),
            list(Appeal.objects.filter(request__team=team).values_list("pk", "outcome").order_by("pk")),
            list(TeamPolicy.objects.filter(team=team).values_list("policy", flat=True)),
            list(RepeatedBlocksFlag.objects.filter(team=team).values_list("pk", "dismissed_at").order_by("pk")),
            # A stranger verifying one of the team's clips tells the team so: that is not a change to it.
            AuditEvent.objects.filter(team=team).exclude(action="clip.verified_by_another_team").count())


# --- coverage ----------------------------------------------------------------------------


def _page_names(resolver=None, namespace=""):
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "api":
                continue  # covered through the OpenAPI schema below
            names |= _page_names(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_matrix_covers_every_page_and_endpoint():
    listed_pages = {case.name for case in PAGES} | PUBLIC_PAGES | SIGNED_IN_PAGES
    assert _page_names() - {n for n in _page_names() if n.startswith("api:")} == listed_pages
    schema = api.get_openapi_schema()
    operations = {(method.upper(), path) for path, item in schema["paths"].items() for method in item}
    listed = {(case.method, case.path.replace("{member}", "{membership_id}").replace("{invitation}", "{invitation_id}")
               .replace("{key}", "{key_id}").replace("{generation}", "{generation_id}")
               .replace("{verification}", "{verification_id}").replace("{held}", "{generation_id}")
               .replace("{appeal}", "{appeal_id}").replace("{event}", "{seq}")
               .replace("{flag}", "{flag_id}")) for case in API}
    assert operations == listed


# --- pages -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.name)
def test_pages_answer_404_to_another_team(case, victim, outsider, logged_in):
    before = _state(victim)
    response = _call_page(logged_in(outsider.user(Role.ADMIN)), case, victim)
    assert response.status_code == 404
    assert _state(victim) == before


@pytest.mark.parametrize("case", [c for c in PAGES if c.lowest_role], ids=lambda c: c.name)
def test_pages_answer_403_to_a_lower_role(case, victim, logged_in):
    before = _state(victim)
    response = _call_page(logged_in(victim.people.user(case.lowest_role)), case, victim)
    assert response.status_code == 403
    assert _state(victim) == before


@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.name)
def test_pages_work_for_the_right_role(case, victim, logged_in):
    before = _state(victim)
    response = _call_page(logged_in(victim.people.user(case.allowed_role)), case, victim)
    assert response.status_code in (200, 201, 302), response.content[:500]
    if case.method == "post":  # the change happened, and was audited
        after = _state(victim)
        assert after[:-1] != before[:-1] and after[-1] > before[-1]


@pytest.mark.parametrize("name", sorted(SIGNED_IN_PAGES))
def test_signed_in_pages_send_strangers_to_the_login(name, client):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.name)
def test_pages_send_anonymous_visitors_to_the_login(case, victim, client):
    response = _call_page(client, case, victim)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- API ---------------------------------------------------------------------------------


def _call_api(client, case: ApiCase, victim: Victim):
    path = case.path.format(member=victim.member_id, invitation=victim.invitation_id, key=victim.key_id,
                            generation=victim.generation_id, verification=victim.verification_id,
                            held=victim.held_generation_id, appeal=victim.appeal_id, event=victim.event_seq,
                            flag=victim.flag_id)
    if case.upload:
        with open(_unmarked_clip(), "rb") as fh:
            return client.post(path, {**(case.body or {}), case.upload: fh})
    fields = {key: victim.done_generation_id if value == "{done}" else value for key, value in (case.body or {}).items()}
    body = json.dumps(fields) if case.body is not None else None
    return getattr(client, case.method.lower())(path, data=body, content_type="application/json")


@pytest.mark.parametrize("case", [c for c in API if c.object_scoped], ids=lambda c: f"{c.method} {c.path}")
def test_api_answers_404_for_another_teams_objects(case, victim, outsider, api_client):
    before = _state(victim)
    response = _call_api(api_client(outsider.api_key(Role.ADMIN)), case, victim)
    assert response.status_code == 404, response.content
    assert _state(victim) == before


@pytest.mark.parametrize("case", [c for c in API if not c.object_scoped], ids=lambda c: f"{c.method} {c.path}")
def test_api_lists_show_only_the_callers_team(case, victim, outsider, api_client):
    before = _state(victim)
    response = _call_api(api_client(outsider.api_key(case.caller_role)), case, victim)
    assert response.status_code in (200, 201)
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "victim" not in text and victim.people.user(Role.MEMBER).email not in text
    assert _state(victim) == before


@pytest.mark.parametrize("case", [c for c in API if c.lowest_role], ids=lambda c: f"{c.method} {c.path}")
def test_api_answers_403_to_a_lower_role(case, victim, api_client):
    client = api_client(victim.people.api_key(case.lowest_role))
    before = _state(victim)
    response = _call_api(client, case, victim)
    assert response.status_code == 403, response.content
    assert "may not" in response.json()["detail"]
    assert _state(victim) == before


@pytest.mark.parametrize("case", [c for c in API if c.lowest_role], ids=lambda c: f"{c.method} {c.path}")
def test_api_answers_403_to_a_key_without_the_scope(case, victim, api_client):
    scopes = ["view_clips"] if case.needs == "generate" else ["generate"]
    response = _call_api(api_client(victim.people.api_key(Role.ADMIN, scopes=scopes)), case, victim)
    assert response.status_code == 403 and "scope" in response.json()["detail"]
