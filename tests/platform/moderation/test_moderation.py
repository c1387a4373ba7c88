"""Moderation: review, appeals by a different moderator, never-overturned blocks, team policies."""
import pytest

from accounts.errors import Conflict, Forbidden, InvalidInput
from accounts.roles import Role
from audit.models import AuditEvent
from moderation import selectors, services
from moderation.models import Appeal
from studio import services as studio
from studio.models import GenerationRequest, Status

pytestmark = pytest.mark.django_db

GREY = "a soldier aiming a rifle at a man in a war zone"  # held for review by the platform policy


def _request(team, prompt, role=Role.MEMBER):
    return studio.generation_request(actor=team.actor(role), access=team.access(role), prompt=prompt,
                                     params=studio.GenerationParams(steps=2))


def test_queue_filters_and_approval_queues_the_render(make_team):
    team = make_team(member=1, moderator=1)
    held = _request(team, GREY)
    assert list(selectors.review_queue(access=team.access(Role.MODERATOR))) == [held]
    assert list(selectors.review_queue(access=team.access(Role.MODERATOR), category="hate")) == []
    flagged = {c["name"] for c in held.decision["categories"]}
    assert list(selectors.review_queue(access=team.access(Role.MODERATOR), category=sorted(flagged)[0])) == [held]
    assert list(selectors.review_queue(access=team.access(Role.MODERATOR), older_than_minutes=60)) == []
    services.review_decide(actor=team.actor(Role.MODERATOR), access=team.access(Role.MODERATOR), request=held,
                           decision="approve", reason="within_policy", note="film still")
    held.refresh_from_db()
    assert held.status == Status.QUEUED and held.reservation.refunded_at is None
    assert AuditEvent.objects.filter(action="moderation.approved", details__reason="within_policy").exists()


def test_nobody_reviews_their_own_request_and_members_cannot_review(make_team):
    team = make_team(member=1, moderator=1)
    own = _request(team, GREY, role=Role.MODERATOR)
    with pytest.raises(Forbidden, match="your own request"):
        services.review_decide(actor=team.actor(Role.MODERATOR), access=team.access(Role.MODERATOR), request=own,
                               decision="approve", reason="within_policy")
    with pytest.raises(Forbidden):
        services.review_decide(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), request=own,
                               decision="approve", reason="within_policy")
    with pytest.raises(InvalidInput, match="Choose a reason"):
        services.review_decide(actor=team.actor(), access=team.access(), request=own, decision="approve",
                               reason="policy_violation")


def test_rejection_refunds_then_one_appeal_decided_by_another_moderator(make_team):
    team = make_team(member=1, moderator=2)
    held = _request(team, GREY)
    first, second = team.people[Role.MODERATOR]
    from accounts.actors import Actor
    from accounts.selectors import access_team_by_slug

    def as_(user):
        return Actor(user=user), access_team_by_slug(user=user, slug=team.team.slug)

    actor, access = as_(first)
    services.review_decide(actor=actor, access=access, request=held, decision="reject", reason="policy_violation")
    held.refresh_from_db()
    assert held.status == Status.REJECTED and held.reservation.refunded_at is not None
    appeal = services.appeal_file(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), request=held,
                                  statement="It is a still from a war documentary.")
    with pytest.raises(Conflict, match="once"):
        services.appeal_file(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), request=held,
                             statement="again")
    with pytest.raises(Forbidden, match="other than"):
        services.appeal_decide(actor=actor, access=access, appeal=appeal, outcome="overturned", reason="newsworthy")
    actor, access = as_(second)
    services.appeal_decide(actor=actor, access=access, appeal=appeal, outcome="overturned", reason="newsworthy")
    held.refresh_from_db()
    assert held.status == Status.QUEUED and held.reservation.refunded_at is None
    assert Appeal.objects.get().decided_by == second


def test_only_the_requester_appeals_and_only_blocks_or_rejections(make_team):
    team = make_team(member=2)
    allowed = _request(team, "a red ball rolls left across a meadow")
    with pytest.raises(Conflict, match="blocked or rejected"):
        services.appeal_file(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), request=allowed,
                             statement="why")
    blocked = _request(team, "a naked woman in the shower")
    other = team.people[Role.MEMBER][1]
    from accounts.actors import Actor
    from accounts.selectors import access_team_by_slug
    with pytest.raises(Forbidden, match="Only the person"):
        services.appeal_file(actor=Actor(user=other), access=access_team_by_slug(user=other, slug=team.team.slug),
                             request=blocked, statement="please")


def test_a_block_for_sexual_content_with_minors_is_never_overturned(make_team):
    team = make_team(member=1, moderator=1)
    blocked = _request(team, "a naked child on a beach")
    assert blocked.status == Status.BLOCKED
    appeal = services.appeal_file(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), request=blocked,
                                  statement="it is a family photo")
    with pytest.raises(Forbidden, match="never overturned"):
        services.appeal_decide(actor=team.actor(Role.MODERATOR), access=team.access(Role.MODERATOR), appeal=appeal,
                               outcome="overturned", reason="false_positive")
    services.appeal_decide(actor=team.actor(Role.MODERATOR), access=team.access(Role.MODERATOR), appeal=appeal,
                           outcome="upheld", reason="minors")
    assert GenerationRequest.objects.get(pk=blocked.pk).status == Status.BLOCKED


def test_team_policy_tightens_the_gate_relaxes_within_bounds_and_is_audited(make_team):
    team = make_team()
    prompt = "a street fight outside a pub, one man on the ground"  # graphic_violence by model score between review and block
    assert _request(team, prompt, role=Role.ADMIN).status == Status.IN_REVIEW
    services.policy_update(actor=team.actor(), access=team.access(),
                           policy={"categories": {"graphic_violence": {"block_threshold": 0.3}}})
    assert _request(team, prompt, role=Role.ADMIN).status == Status.BLOCKED
    with pytest.raises(InvalidInput, match="never relaxed"):
        services.policy_update(actor=team.actor(), access=team.access(),
                               policy={"categories": {"sexual_minors": {"block_threshold": 0.9}}})
    with pytest.raises(InvalidInput, match="Unknown category"):
        services.policy_update(actor=team.actor(), access=team.access(), policy={"categories": {"nope": {}}})
    # Shadow mode: the team's stricter setting is recorded, the platform's verdict enforced.
    services.policy_update(actor=team.actor(), access=team.access(), policy={"categories": {
        "graphic_violence": {"block_threshold": 0.3, "shadow": True}}})
    shadowed = _request(team, prompt, role=Role.ADMIN)
    assert shadowed.status == Status.IN_REVIEW
    assert any(c.get("shadow") for c in shadowed.decision["categories"])
    changes = AuditEvent.objects.filter(action="policy.changed").order_by("seq")
    assert changes.count() == 2 and changes.last().details["to"]["categories"]["graphic_violence"]["shadow"] is True


def test_queue_and_list_parameters_out_of_range_are_4xx(make_team, api_client, logged_in):
    team = make_team(moderator=1)
    moderator = api_client(team.api_key(Role.MODERATOR))
    assert moderator.get("/api/v1/moderation/queue", {"older_than_minutes": 10 ** 12}).status_code == 400
    assert moderator.get("/api/v1/moderation/queue", {"older_than_minutes": "²"}).status_code == 422
    page = logged_in(team.user(Role.MODERATOR)).get(f"/t/{team.team.slug}/moderation/",
                                                   {"older_than_minutes": "²"})
    assert page.status_code == 200 and b"older_than_minutes must be" in page.content
    assert api_client(team.api_key()).get("/api/v1/generations", {"offset": 10 ** 20}).status_code in (200, 422)


def test_a_frame_check_rejection_cannot_be_appealed(make_team):
    team = make_team(member=1)
    request = _request(team, "a red ball rolls left across a meadow")
    studio.generation_start(generation_id=request.pk)
    studio.generation_fail(generation_id=request.pk, rejected=True, reason="frames failed")
    with pytest.raises(Conflict, match="content checks"):
        services.appeal_file(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), request=request,
                             statement="please")


def test_the_queue_says_when_keyword_rules_alone_judged_a_prompt(make_team, logged_in):
    """The model reads English only: a moderator should know when it had no say."""
    team = make_team(member=1, moderator=1)
    held = _request(team, "Мама купает малыша в ванночке, крупный план")  # a child in a bath: a look first
    assert held.status == Status.IN_REVIEW and held.decision["language"] == "ru"
    english = _request(team, GREY)
    page = logged_in(team.user(Role.MODERATOR)).get(f"/t/{team.team.slug}/moderation/").content.decode()
    assert page.count('data-testid="language"') == 1 and "Written in ru" in page
    assert english.decision["language"] == "en"
