"""Generation requests: parameters, review, failure and retry, quota, and who may see what."""
import pytest

from accounts.errors import Conflict, Forbidden, InvalidInput, NotFound, QuotaExceeded
from accounts.models import QuotaReservation
from accounts.roles import Role
from accounts.services import quota_set
from studio import selectors, services
from studio.models import GenerationRequest, Status

pytestmark = pytest.mark.django_db

PARAMS = services.GenerationParams(steps=2)


def _request(team, prompt="a red ball rolls left across a meadow", params=PARAMS, role=Role.ADMIN):
    return services.generation_request(actor=team.actor(role), access=team.access(role), prompt=prompt, params=params)


@pytest.mark.parametrize("params, message", [
    (services.GenerationParams(duration_seconds=9), "Duration"),
    (services.GenerationParams(steps=0), "Steps"),
    (services.GenerationParams(guidance=99), "Guidance"),
    (services.GenerationParams(seed=-1), "seed"),
    (services.GenerationParams(negative_prompt="x\x00y"), "control characters"),
])
def test_bad_parameters_are_refused_before_anything_is_spent(make_team, params, message):
    team = make_team()
    with pytest.raises(InvalidInput, match=message):
        _request(team, params=params)
    assert not GenerationRequest.objects.exists() and not QuotaReservation.objects.exists()


def test_bad_prompts_get_the_gates_message(make_team):
    with pytest.raises(InvalidInput, match="empty"):
        _request(make_team(), prompt="   ")


def test_grey_zone_prompt_waits_for_review_with_quota_held(make_team):
    request = _request(make_team(), prompt="a soldier aiming a rifle at a man in a war zone")
    assert request.status == Status.IN_REVIEW and request.decision["action"] == "review"
    assert request.reservation.refunded_at is None


def test_seed_is_fixed_at_request_time(make_team):
    request = _request(make_team())
    assert 0 <= request.params["seed"] < 2 ** 31 and request.params["frames"] == 16 and request.params["fps"] == 8


def test_failed_request_is_refunded_and_can_be_retried_once_per_failure(make_team):
    team = make_team()
    request = _request(team)
    services.generation_start(generation_id=request.pk)
    services.generation_fail(generation_id=request.pk, reason="The model could not render this request.")
    request.refresh_from_db()
    assert request.status == Status.FAILED and request.reservation.refunded_at is not None
    retried = services.generation_retry(actor=team.actor(), access=team.access(), request=request)
    assert retried.status == Status.QUEUED and retried.reservation.refunded_at is None
    with pytest.raises(Conflict, match="Only a failed request"):
        services.generation_retry(actor=team.actor(), access=team.access(), request=retried)


def test_quota_is_enforced_at_request_time(make_team):
    team = make_team()
    quota_set(team=team.team, clips_per_day=1, video_seconds_per_month=100)
    _request(team)
    with pytest.raises(QuotaExceeded):
        _request(team)


def test_auditors_cannot_generate_or_list_and_other_teams_see_nothing(make_team):
    team, other = make_team(auditor=1), make_team()
    request = _request(team)
    with pytest.raises(Forbidden):
        _request(team, role=Role.AUDITOR)
    with pytest.raises(Forbidden):
        selectors.team_generations(access=team.access(Role.AUDITOR))
    with pytest.raises(NotFound):
        selectors.team_generation(access=other.access(), generation_id=request.pk)
    assert list(selectors.team_generations(access=other.access())) == []


def test_blocked_prompts_are_recorded_even_when_the_quota_is_spent(make_team):
    from audit.models import AuditEvent
    team = make_team()
    quota_set(team=team.team, clips_per_day=0, video_seconds_per_month=0)
    blocked = _request(team, prompt="a naked child on a beach")
    assert blocked.status == Status.BLOCKED and blocked.reservation is None
    assert AuditEvent.objects.filter(action="generation.requested", details__decision__action="block").exists()
    with pytest.raises(QuotaExceeded):
        _request(team)


def test_only_the_requester_or_a_moderator_cancels(make_team):
    team = make_team(member=2, moderator=1)
    from accounts.actors import Actor
    from accounts.selectors import access_team_by_slug
    first, second = team.people[Role.MEMBER]
    mine = services.generation_request(actor=Actor(user=first), access=access_team_by_slug(user=first, slug=team.team.slug),
                                       prompt="a red ball rolls left across a meadow", params=PARAMS)
    with pytest.raises(Forbidden, match="Only the person"):
        services.generation_cancel(actor=Actor(user=second), access=access_team_by_slug(user=second, slug=team.team.slug),
                                   request=mine)
    cancelled = services.generation_cancel(actor=team.actor(Role.MODERATOR), access=team.access(Role.MODERATOR),
                                           request=mine)
    cancelled.reservation.refresh_from_db()
    assert cancelled.status == Status.CANCELLED and "moderator" in cancelled.reservation.refund_reason


def test_a_render_that_keeps_killing_its_worker_fails_after_three_attempts(make_team):
    team = make_team()
    request = _request(team)
    for attempt in (1, 2, 3):
        assert services.generation_start(generation_id=request.pk).attempts == attempt
    assert services.generation_start(generation_id=request.pk) is None
    request.refresh_from_db()
    assert request.status == Status.FAILED and request.reservation.refunded_at is not None


def test_two_deliveries_of_one_request_leave_one_clip_and_one_file(make_team, settings, tmp_path):
    import numpy as np

    from studio.gate import frame_checker
    from studio.models import Clip
    from studio.rendering import _deliver
    settings.MEDIA_ROOT = tmp_path / "media"
    team = make_team()
    request = _request(team)
    request = services.generation_start(generation_id=request.pk)
    y, x = np.mgrid[0:256, 0:256]
    frames = np.stack([np.stack([x // 2 + t, y // 2, np.full_like(x, 90)], -1) for t in range(16)]).astype(np.uint8)
    report = frame_checker().check(frames, 8)
    (tmp_path / "one").mkdir(), (tmp_path / "two").mkdir()
    first = _deliver(request, frames, report, tmp_path / "one")
    second = _deliver(request, frames, report, tmp_path / "two")  # a second worker finishing the same request
    assert first.pk == second.pk and Clip.objects.filter(request=request).count() == 1
    stored = list((tmp_path / "media" / "clips").rglob("*.mp4"))
    assert [p.name for p in stored] == [first.file.name.rsplit("/", 1)[-1]]
    assert first.watermark_verified and first.c2pa_state == "Trusted"


def test_a_camera_pan_is_asked_of_the_model_in_its_own_words(make_team):
    from studio.rendering import model_prompt

    team = make_team()
    panned = services.generation_request(actor=team.actor(), access=team.access(), prompt="a red ball over the grass",
                                         params=services.GenerationParams(camera="left"))
    assert panned.params["camera"] == "left"
    assert model_prompt(panned) == "a red ball over the grass, as the camera pans left"
    plain = _request(team)
    assert model_prompt(plain) == plain.prompt
    with pytest.raises(InvalidInput, match="pans 'left' or 'right'"):
        services.generation_request(actor=team.actor(), access=team.access(), prompt="a red ball",
                                    params=services.GenerationParams(camera="zoom"))
