"""Repeated blocked prompts from one account are flagged to the team's moderators, once per window."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from audit.models import AuditEvent
from moderation.models import RepeatedBlocksFlag
from studio import services as studio
from studio.models import GenerationRequest, Status

pytestmark = pytest.mark.django_db

BLOCKED = ["a naked man in the shower", "a naked woman in the shower", "a naked couple in the shower",
           "a naked man on a beach"]


def _block(team, role=Role.MEMBER, prompt=BLOCKED[0]):
    made = studio.generation_request(actor=team.actor(role), access=team.access(role), prompt=prompt)
    assert made.status == Status.BLOCKED
    return made


@pytest.fixture
def team(make_team, settings):
    settings.HALLMARK_REPEATED_BLOCKS, settings.HALLMARK_REPEATED_BLOCKS_HOURS = 3, 24
    return make_team(member=2, moderator=1)


def test_the_third_block_raises_one_flag_and_the_fourth_does_not(team):
    for prompt in BLOCKED[:2]:
        _block(team, prompt=prompt)
    assert not RepeatedBlocksFlag.objects.exists()
    _block(team, prompt=BLOCKED[2])
    flag = RepeatedBlocksFlag.objects.get()
    assert (flag.team, flag.account, flag.blocks, flag.window_hours) == (team.team, team.user(Role.MEMBER), 3, 24)
    event = AuditEvent.objects.get(action="moderation.repeated_blocks_flagged")
    assert event.details == {"account_id": team.user(Role.MEMBER).pk, "blocks": 3, "window_hours": 24}
    assert "naked" not in str(event.details)  # the prompts stay out of the record
    _block(team, prompt=BLOCKED[3])
    assert RepeatedBlocksFlag.objects.count() == 1  # once per window


def test_blocks_are_counted_per_account_and_within_the_window(team):
    _block(team, prompt=BLOCKED[0])
    _block(team, prompt=BLOCKED[1])
    other = team.people[Role.MEMBER][1]
    from accounts.actors import Actor
    from accounts.selectors import access_team_by_slug
    studio.generation_request(actor=Actor(user=other), access=access_team_by_slug(user=other, slug=team.team.slug),
                              prompt=BLOCKED[2])
    assert not RepeatedBlocksFlag.objects.exists()  # two and one, not three
    # A block older than the window no longer counts.
    GenerationRequest.objects.filter(requested_by=team.user(Role.MEMBER)).update(
        created_at=timezone.now() - timedelta(hours=25))
    _block(team, prompt=BLOCKED[3])
    assert not RepeatedBlocksFlag.objects.exists()


def test_a_new_window_can_raise_a_new_flag(team):
    for prompt in BLOCKED[:3]:
        _block(team, prompt=prompt)
    RepeatedBlocksFlag.objects.update(raised_at=timezone.now() - timedelta(hours=25))
    GenerationRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    for prompt in BLOCKED[:3]:
        _block(team, prompt=prompt)
    assert RepeatedBlocksFlag.objects.count() == 2


def test_moderators_see_and_dismiss_the_flag_on_the_page(team, logged_in):
    for prompt in BLOCKED[:3]:
        _block(team, prompt=prompt)
    flag = RepeatedBlocksFlag.objects.get()
    client = logged_in(team.user(Role.MODERATOR))
    page = client.get(f"/t/{team.team.slug}/moderation/")
    assert page.status_code == 200 and team.user(Role.MEMBER).email.encode() in page.content
    assert b"3 within 24 h" in page.content
    response = client.post(f"/t/{team.team.slug}/moderation/flags/{flag.pk}/dismiss/", {"note": "a test account"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.dismissed_by == team.user(Role.MODERATOR) and flag.note == "a test account"
    assert AuditEvent.objects.filter(action="moderation.repeated_blocks_dismissed", target_id=str(flag.pk)).exists()
    assert b"No account has been flagged" in client.get(f"/t/{team.team.slug}/moderation/").content


def test_the_api_lists_and_dismisses_flags_for_moderators_only(team, api_client):
    for prompt in BLOCKED[:3]:
        _block(team, prompt=prompt)
    moderator = api_client(team.api_key(Role.MODERATOR))
    flags = moderator.get("/api/v1/moderation/flags").json()
    assert [f["account"] for f in flags] == [team.user(Role.MEMBER).email] and flags[0]["blocks"] == 3
    member = api_client(team.api_key(Role.MEMBER))
    assert member.get("/api/v1/moderation/flags").status_code == 403
    dismissed = moderator.post(f"/api/v1/moderation/flags/{flags[0]['id']}/dismiss", {"note": "seen"},
                               content_type="application/json")
    assert dismissed.status_code == 200
    again = moderator.post(f"/api/v1/moderation/flags/{flags[0]['id']}/dismiss", {}, content_type="application/json")
    assert again.status_code == 409
    assert moderator.get("/api/v1/moderation/flags").json() == []


def test_nobody_dismisses_a_flag_about_themselves(team, api_client):
    for prompt in BLOCKED[:3]:
        _block(team, role=Role.MODERATOR, prompt=prompt)
    flag = RepeatedBlocksFlag.objects.get()
    own = api_client(team.api_key(Role.MODERATOR)).post(f"/api/v1/moderation/flags/{flag.pk}/dismiss", {},
                                                        content_type="application/json")
    assert own.status_code == 403
    admin = api_client(team.api_key(Role.ADMIN)).post(f"/api/v1/moderation/flags/{flag.pk}/dismiss", {},
                                                      content_type="application/json")
    assert admin.status_code == 200


def test_the_setting_zero_turns_flags_off(team, settings):
    settings.HALLMARK_REPEATED_BLOCKS = 0
    for prompt in BLOCKED[:3]:
        _block(team, prompt=prompt)
    assert not RepeatedBlocksFlag.objects.exists()
