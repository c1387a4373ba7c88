"""The auditor's pages: every team one audits, one event with what it links to, charts counted from the log."""
from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from accounts import services as accounts
from accounts.roles import Role
from audit.activity import duration_text, team_activity
from audit.charts import BarChart, to_svg
from audit.models import AuditEvent
from moderation import services as moderation
from provenance.media import write_h264
from studio import services as studio
from studio.models import Status
from verification.services import verification_run

pytestmark = pytest.mark.django_db

ALLOWED = "a red ball rolls left across a meadow"
HELD = "a soldier aiming a rifle at a man in a war zone"  # held for review by the platform policy
BLOCKED = "a naked woman dancing on a bed"  # blocked: sexual_explicit alone


def _request(team, prompt, role=Role.MEMBER):
    return studio.generation_request(actor=team.actor(role), access=team.access(role), prompt=prompt,
                                     params=studio.GenerationParams(steps=2))


@pytest.fixture(scope="module")
def unmarked_mp4(tmp_path_factory):
    frames = np.random.default_rng(3).integers(0, 255, (8, 64, 64, 3), dtype=np.uint8)
    return write_h264(frames, tmp_path_factory.mktemp("audit") / "plain.mp4", fps=8)


@pytest.fixture
def scene(make_team, unmarked_mp4):
    """A team with two allowed prompts, two held (one approved, one rejected), one blocked and
    appealed (upheld), and one verification; and a second team with activity of its own."""
    team = make_team(member=1, moderator=2, auditor=1)
    first, second = team.people[Role.MODERATOR]
    requests = {"allowed": [_request(team, ALLOWED), _request(team, ALLOWED)],
                "held": [_request(team, HELD), _request(team, HELD)], "blocked": [_request(team, BLOCKED)]}
    assert [r.status for r in requests["held"]] == [Status.IN_REVIEW] * 2
    assert requests["blocked"][0].status == Status.BLOCKED
    actor, access = _as(first, team)
    moderation.review_decide(actor=actor, access=access, request=requests["held"][0], decision="approve",
                             reason="within_policy")
    moderation.review_decide(actor=actor, access=access, request=requests["held"][1], decision="reject",
                             reason="policy_violation", note="real violence")
    appeal = moderation.appeal_file(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER),
                                    request=requests["blocked"][0], statement="a classical painting")
    actor, access = _as(second, team)
    moderation.appeal_decide(actor=actor, access=access, appeal=appeal, outcome="upheld", reason="policy_violation")
    with open(unmarked_mp4, "rb") as upload:
        verification_run(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER), upload=upload,
                         file_name="found.mp4")
    other = make_team(member=1, auditor=1)
    _request(other, BLOCKED)
    _request(other, ALLOWED)
    return team, other, requests


def _as(user, team):
    """One particular person of the team (the fixture's helpers take the first of each role)."""
    from accounts.actors import Actor
    from accounts.selectors import access_team_by_slug

    return Actor(user=user, client_ip="127.0.0.1"), access_team_by_slug(user=user, slug=team.team.slug)


def _today_period():
    today = timezone.now().date()
    return today, today + timedelta(days=1)


def test_chart_numbers_match_the_events(scene):
    team, _, _ = scene
    start, end = _today_period()
    activity = team_activity(access=team.access(Role.AUDITOR), period_start=start, period_end=end)
    assert activity.days == [start]
    assert activity.decision_totals == {"allowed": 2, "reviewed": 2, "blocked": 1}
    assert activity.decisions_per_day[start] == {"allowed": 2, "reviewed": 2, "blocked": 1}
    assert activity.blocked_per_category == [("sexual_explicit", 1)]
    assert activity.turnaround.decided == 2 and 0 <= activity.turnaround.max_hours < 1
    assert activity.turnaround.median_text in ("under 1 min", "1 min")
    assert dict(activity.turnaround.buckets())["under 1 h"] == 2
    assert activity.appeals == {"filed": 1, "upheld": 1, "overturned": 0}
    assert activity.verification_total == 1 and activity.verdicts == ["no evidence"]
    # An earlier period holds none of it.
    empty = team_activity(access=team.access(Role.AUDITOR), period_start=start - timedelta(days=7),
                          period_end=start)
    assert len(empty.days) == 7 and empty.decision_totals == {"allowed": 0, "reviewed": 0, "blocked": 0}
    assert empty.turnaround.decided == 0 and empty.verification_total == 0


def test_only_auditors_read_the_activity(scene):
    from accounts.errors import Forbidden

    team, _, _ = scene
    with pytest.raises(Forbidden):
        team_activity(access=team.access(Role.ADMIN), period_start=_today_period()[0], period_end=_today_period()[1])


def test_charts_page_shows_svg_with_titles_and_the_numbers(scene, logged_in):
    team, _, _ = scene
    client = logged_in(team.user(Role.AUDITOR))
    today = timezone.now().date().isoformat()
    response = client.get(f"/t/{team.team.slug}/audit/charts/", {"from": today, "to": today})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") == 5 and "<title id=\"decisions-title\">Prompt decisions per day" in html
    assert f"{today}: allowed 2, reviewed 2, blocked 1." in html  # the chart in words, for screen readers
    assert "<td>sexual_explicit</td><td>1</td>" in html
    assert "<td>1</td><td>1</td><td>0</td>" in html  # appeals: filed, upheld, overturned
    # htmx asks for the charts alone.
    partial = client.get(f"/t/{team.team.slug}/audit/charts/", {"from": today, "to": today}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "<svg" in partial.content.decode()
    bad = client.get(f"/t/{team.team.slug}/audit/charts/", {"from": today, "to": "2000-01-01"})
    assert bad.status_code == 400 and "must end on or after" in bad.content.decode()
    assert logged_in(team.user(Role.ADMIN)).get(f"/t/{team.team.slug}/audit/charts/").status_code == 403


def test_event_detail_links_request_decision_review_and_appeal(scene, logged_in):
    team, _, requests = scene
    client = logged_in(team.user(Role.AUDITOR))
    rejected = requests["held"][1]
    requested = AuditEvent.objects.get(action="generation.requested", target_id=str(rejected.pk))
    html = client.get(f"/t/{team.team.slug}/audit/{requested.seq}/").content.decode()
    assert requested.hash in html and requested.prev_hash in html
    assert f"Generation request {rejected.pk}" in html and HELD in html
    assert "Policy decision: review" in html
    assert "Moderator's review: Rejected" in html and "real violence" in html
    # The trail of the request: requested, rejected by the moderator, refused.
    trail = list(AuditEvent.objects.filter(target_id=str(rejected.pk), target_type="studio.generationrequest")
                 .values_list("seq", flat=True))
    assert len(trail) >= 3 and all(f"/t/{team.team.slug}/audit/{seq}/" in html for seq in trail)

    blocked = requests["blocked"][0]
    upheld = AuditEvent.objects.get(action="moderation.appeal_upheld", target_id=str(blocked.pk))
    html = client.get(f"/t/{team.team.slug}/audit/{upheld.seq}/").content.decode()
    assert "Appeal: Upheld" in html and "a classical painting" in html and "Policy decision: block" in html
    assert "sexual_explicit" in html
    # An auditor may not open the studio: no link to it.
    assert f"/t/{team.team.slug}/studio/{blocked.pk}/" not in html

    verified = AuditEvent.objects.get(action="verification.completed", team=team.team)
    html = client.get(f"/t/{team.team.slug}/audit/{verified.seq}/").content.decode()
    assert "Verification: no evidence" in html and "found.mp4" in html


def test_another_teams_event_answers_404(scene, logged_in):
    team, other, _ = scene
    theirs = AuditEvent.objects.filter(team=other.team).first()
    client = logged_in(team.user(Role.AUDITOR))
    assert client.get(f"/t/{team.team.slug}/audit/{theirs.seq}/").status_code == 404  # through one's own team
    assert client.get(f"/t/{other.team.slug}/audit/{theirs.seq}/").status_code == 404  # not a member there
    assert client.get(f"/t/{team.team.slug}/audit/999999/").status_code == 404
    assert logged_in(team.user(Role.MEMBER)).get(
        f"/t/{team.team.slug}/audit/{AuditEvent.objects.filter(team=team.team).first().seq}/").status_code == 403


def test_cross_team_page_shows_only_the_teams_one_audits(scene, make_team, logged_in):
    team, other, _ = scene
    auditor = team.user(Role.AUDITOR)
    accounts.membership_add(team=other.team, user=auditor, role=Role.AUDITOR)
    third = make_team(member=1)
    accounts.membership_add(team=third.team, user=auditor, role=Role.MEMBER)  # a member there, not an auditor
    _request(third, ALLOWED)
    client = logged_in(auditor)

    html = client.get("/audit/", {"action": "generation.requested"}).content.decode()
    assert "7 events match" in html  # five in the first team, two in the second
    assert team.team.name in html and other.team.name in html
    assert f"/t/{third.team.slug}/audit/" not in html

    only_other = client.get("/audit/", {"team": other.team.slug, "action": "generation.requested"})
    assert "2 events match" in only_other.content.decode()
    assert client.get("/audit/", {"team": third.team.slug}).status_code == 404
    assert logged_in(team.user(Role.MEMBER)).get("/audit/").status_code == 404  # audits no team
    assert client.get("/audit/", {"since": "yesterday"}).status_code == 400


def test_svg_escapes_labels_and_describes_an_empty_chart():
    chart = BarChart("<b>title</b>", ["x<y"], ["a&b"], [[3]], horizontal=True)
    svg = to_svg(chart, ident="t")
    assert "&lt;b&gt;title&lt;/b&gt;" in svg and "x&lt;y" in svg and "<b>" not in svg
    assert BarChart("empty", ["2026-01-01"], ["n"], [[0]]).description() == "No data in this period."
    assert [duration_text(h) for h in (None, 0.001, 0.5, 3.25, 72)] == ["–", "under 1 min", "30 min", "3.2 h", "3.0 days"]
    assert BarChart("t", ["a"], ["n"], [[7]]).ticks == [0, 2, 4, 6, 8]
    assert BarChart("t", ["a", "b"], ["n"], [[47], [7]]).top == 50


def test_event_detail_says_whether_a_signed_checkpoint_covers_it(scene, logged_in, settings, tmp_path):
    from audit.checkpoints import checkpoint_create

    settings.HALLMARK_AUDIT_SIGNING_KEY = tmp_path / "checkpoint.pem"
    team, _, requests = scene
    client = logged_in(team.user(Role.AUDITOR))
    event = AuditEvent.objects.filter(team=team.team).order_by("seq").first()
    page = f"/t/{team.team.slug}/audit/{event.seq}/"
    assert "Not yet under a signed checkpoint" in client.get(page).content.decode()
    checkpoint = checkpoint_create()
    html = client.get(page).content.decode()
    assert f"Under the checkpoint at {checkpoint.tree_size} events" in html and "verifies against the signed root" in html
