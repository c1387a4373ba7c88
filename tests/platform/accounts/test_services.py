"""Teams, memberships, invitations, API keys and quotas through their services."""
import hashlib
import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from accounts import services
from accounts.errors import AuthenticationFailed, Conflict, Forbidden, InvalidInput, NotFound, QuotaExceeded
from accounts.models import ApiKey, Invitation, Membership, QuotaUsage, TeamQuota
from accounts.roles import Role
from accounts.actors import Actor
from accounts.selectors import access_team_by_api_key, access_team_by_slug, quota_status
from audit.models import AuditEvent
from audit.selectors import chain_verify

pytestmark = pytest.mark.django_db


def _actions(team=None):
    events = AuditEvent.objects.all() if team is None else AuditEvent.objects.filter(team=team)
    return list(events.values_list("action", flat=True))


def test_a_new_team_has_its_admin_a_quota_and_audit_events(make_user):
    admin = make_user()
    team = services.team_create(slug="acme", name="Acme", first_admin=admin)
    assert Membership.objects.get(team=team).role == Role.ADMIN
    assert TeamQuota.objects.filter(team=team).exists()
    assert _actions(team) == ["team.created", "membership.added"]


def test_duplicate_or_bad_slug_is_refused(make_user):
    services.team_create(slug="acme", name="Acme", first_admin=make_user())
    with pytest.raises(Conflict, match="taken"):
        services.team_create(slug="acme", name="Other", first_admin=make_user())
    with pytest.raises(InvalidInput, match="slug"):
        services.team_create(slug="not a slug!", name="x", first_admin=make_user())


def test_a_user_may_belong_to_several_teams_with_different_roles(make_team, make_user):
    person = make_user()
    one, two = make_team(), make_team()
    services.membership_add(team=one.team, user=person, role=Role.MEMBER)
    services.membership_add(team=two.team, user=person, role=Role.AUDITOR)
    assert access_team_by_slug(user=person, slug=one.team.slug).membership.role == Role.MEMBER
    assert access_team_by_slug(user=person, slug=two.team.slug).membership.role == Role.AUDITOR


def test_role_change_is_audited_and_unknown_roles_change_nothing(make_team):
    t = make_team(member=1)
    membership = Membership.objects.get(user=t.user(Role.MEMBER))
    services.membership_change_role(actor=t.actor(), access=t.access(), membership=membership, role=Role.MODERATOR)
    event = AuditEvent.objects.filter(action="membership.role_changed").get()
    assert event.details == {"user": membership.user.email, "from": "member", "to": "moderator"}
    before = AuditEvent.objects.count()
    with pytest.raises(InvalidInput, match="Unknown role 'owner'"):
        services.membership_change_role(actor=t.actor(), access=t.access(), membership=membership, role="owner")
    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR and AuditEvent.objects.count() == before


def test_the_last_admin_cannot_leave_or_be_demoted(make_team):
    t = make_team()
    admin_membership = Membership.objects.get(user=t.user(Role.ADMIN))
    with pytest.raises(Conflict, match="at least one admin"):
        services.membership_change_role(actor=t.actor(), access=t.access(), membership=admin_membership, role="member")
    with pytest.raises(Conflict, match="at least one admin"):
        services.membership_remove(actor=t.actor(), access=t.access(), membership=admin_membership)


def test_invitation_round_trip(make_team, make_user):
    t = make_team()
    issued = services.invitation_create(actor=t.actor(), access=t.access(), email="New@Example.test", role="moderator")
    assert issued.invitation.email == "new@example.test"
    assert issued.token not in issued.invitation.token_hash  # only the hash is stored
    newcomer = make_user("new@example.test")

    membership = services.invitation_accept(actor=Actor(newcomer), token=issued.token)
    assert membership.role == Role.MODERATOR and membership.team == t.team
    with pytest.raises(Conflict, match="already been used"):
        services.invitation_accept(actor=Actor(newcomer), token=issued.token)
    assert _actions(t.team)[-3:] == ["invitation.created", "invitation.accepted", "membership.added"]


def test_duplicate_invitation_and_existing_member_are_refused(make_team):
    t = make_team(member=1)
    services.invitation_create(actor=t.actor(), access=t.access(), email="x@example.test", role="member")
    count = Invitation.objects.count()
    with pytest.raises(Conflict, match="already has an open invitation"):
        services.invitation_create(actor=t.actor(), access=t.access(), email="X@example.test", role="member")
    with pytest.raises(Conflict, match="already a member"):
        services.invitation_create(actor=t.actor(), access=t.access(), email=t.user("member").email, role="member")
    with pytest.raises(InvalidInput, match="Unknown role"):
        services.invitation_create(actor=t.actor(), access=t.access(), email="y@example.test", role="owner")
    assert Invitation.objects.count() == count


def test_expired_invitation_cannot_be_used_but_does_not_block_a_new_one(make_team, make_user):
    t = make_team()
    issued = services.invitation_create(actor=t.actor(), access=t.access(), email="late@example.test", role="member")
    Invitation.objects.filter(pk=issued.invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    with pytest.raises(InvalidInput, match="expired"):
        services.invitation_accept(actor=Actor(make_user("late@example.test")), token=issued.token)
    again = services.invitation_create(actor=t.actor(), access=t.access(), email="late@example.test", role="member")
    assert again.invitation.pk != issued.invitation.pk


def test_invitation_for_someone_else_is_refused(make_team, make_user):
    t = make_team()
    issued = services.invitation_create(actor=t.actor(), access=t.access(), email="a@example.test", role="member")

    with pytest.raises(InvalidInput, match="This invitation is for a@example.test"):
        services.invitation_accept(actor=Actor(make_user("b@example.test")), token=issued.token)
    with pytest.raises(NotFound):
        services.invitation_by_token("not-a-token")


def test_api_key_is_shown_once_and_stored_as_a_hash(make_team):
    t = make_team()
    issued = services.api_key_create(actor=t.actor(), access=t.access(), name="ci", scopes=["generate"])
    token = issued.token
    assert token.startswith(f"hm_{issued.api_key.prefix}_")
    stored = ApiKey.objects.get(pk=issued.api_key.pk)
    secret = token.split("_")[2]
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiKey.objects.filter(pk=stored.pk).values().get())
    key = services.api_key_authenticate(token)
    assert key.pk == stored.pk and key.last_used_at is not None


@pytest.mark.parametrize("token, message", [
    ("hm_nothex_abc", "Malformed"),
    ("Bearer something", "Malformed"),
    ("hm_00000000_" + "0" * 48, "Unknown API key"),
])
def test_bad_tokens_are_refused_with_a_reason(token, message):
    with pytest.raises(AuthenticationFailed, match=message):
        services.api_key_authenticate(token)


def test_wrong_secret_expired_and_revoked_keys_are_refused(make_team):
    t = make_team()
    issued = services.api_key_create(actor=t.actor(), access=t.access(), name="k", scopes=["generate"])
    prefix = issued.api_key.prefix
    with pytest.raises(AuthenticationFailed, match="Unknown API key"):
        services.api_key_authenticate(f"hm_{prefix}_" + "f" * 48)
    ApiKey.objects.filter(pk=issued.api_key.pk).update(expires_at=timezone.now() - timedelta(days=1))
    with pytest.raises(AuthenticationFailed, match="expired on"):
        services.api_key_authenticate(issued.token)
    ApiKey.objects.filter(pk=issued.api_key.pk).update(expires_at=timezone.now() + timedelta(days=1))
    services.api_key_revoke(actor=t.actor(), access=t.access(), api_key=issued.api_key)
    with pytest.raises(AuthenticationFailed, match="revoked on"):
        services.api_key_authenticate(issued.token)
    with pytest.raises(Conflict, match="already revoked"):
        services.api_key_revoke(actor=t.actor(), access=t.access(), api_key=issued.api_key)


def test_key_scopes_are_checked(make_team):
    t = make_team(member=1)
    with pytest.raises(InvalidInput, match="Unknown scope"):
        services.api_key_create(actor=t.actor(), access=t.access(), name="k", scopes=["root"])
    with pytest.raises(InvalidInput, match="Your role cannot grant: view_audit"):
        services.api_key_create(actor=t.actor(), access=t.access(), name="k", scopes=["view_audit"])
    with pytest.raises(InvalidInput, match="expire in 1 to"):
        services.api_key_create(actor=t.actor(), access=t.access(), name="k", scopes=["generate"], expires_in_days=0)
    assert not ApiKey.objects.exists()


def test_a_demoted_creator_narrows_their_key(make_team):

    t = make_team(admin=1)  # a second admin
    second_admin = t.people["admin"][1]

    access = access_team_by_slug(user=second_admin, slug=t.team.slug)
    issued = services.api_key_create(actor=Actor(second_admin), access=access, name="k",
                                     scopes=["manage_team", "generate"])
    assert access_team_by_api_key(api_key=issued.api_key).allows("manage_team")
    membership = Membership.objects.get(user=second_admin)
    services.membership_change_role(actor=t.actor(), access=t.access(), membership=membership, role="member")
    narrowed = access_team_by_api_key(api_key=issued.api_key)
    assert not narrowed.allows("manage_team") and narrowed.allows("generate")


def test_quota_reserve_refuses_overspend_and_refunds_once(make_team):
    t = make_team()
    services.quota_set(actor=t.actor(), team=t.team, clips_per_day=2, video_seconds_per_month=10)
    first = services.quota_reserve(actor=t.actor(), team=t.team, video_seconds=4)
    services.quota_reserve(actor=t.actor(), team=t.team, video_seconds=4)
    with pytest.raises(QuotaExceeded, match="used 2 of its 2 clips today"):
        services.quota_reserve(actor=t.actor(), team=t.team, video_seconds=1)
    assert services.quota_refund(actor=t.actor(), reservation=first, reason="blocked") is True
    assert services.quota_refund(actor=t.actor(), reservation=first, reason="blocked") is False
    with pytest.raises(QuotaExceeded, match="has 6 of its 10 seconds"):
        services.quota_reserve(actor=t.actor(), team=t.team, video_seconds=7)
    status = quota_status(access=t.access())
    assert (status.clips_today, status.video_seconds_this_month) == (1, 4)
    assert _actions(t.team).count("quota.refunded") == 1
    assert "quota.changed" in _actions(t.team)
    assert chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_concurrent_reservations_never_overspend(make_team):
    t = make_team()
    services.quota_set(actor=t.actor(), team=t.team, clips_per_day=5, video_seconds_per_month=1000)
    outcomes, lock = [], threading.Lock()
    barrier = threading.Barrier(12)

    def reserve():
        try:
            barrier.wait()
            services.quota_reserve(actor=t.actor(), team=t.team, video_seconds=1)
            result = "ok"
        except QuotaExceeded:
            result = "refused"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=reserve) for _ in range(12)]
    [thread.start() for thread in threads]
    [thread.join() for thread in threads]
    assert sorted(outcomes) == ["ok"] * 5 + ["refused"] * 7
    day = QuotaUsage.objects.get(team=t.team, period="day")
    assert day.clips == 5


def test_a_key_cannot_mint_a_wider_key(make_team):
    t = make_team()
    narrow = services.api_key_create(actor=t.actor(), access=t.access(), name="ops", scopes=["manage_team"])
    key_access = access_team_by_api_key(api_key=narrow.api_key)
    with pytest.raises(InvalidInput, match="This API key cannot grant: generate"):
        services.api_key_create(actor=t.actor(), access=key_access, name="wider", scopes=["generate", "manage_team"])
    assert ApiKey.objects.count() == 1


@pytest.mark.parametrize("name", ["bad\x00name", "tab\tname", "\ud800"])
def test_key_names_with_control_characters_are_refused(make_team, name):
    t = make_team()
    with pytest.raises(InvalidInput, match="control characters"):
        services.api_key_create(actor=t.actor(), access=t.access(), name=name, scopes=["generate"])


def test_a_revoked_invitation_cannot_be_accepted(make_team, make_user):
    t = make_team()
    issued = services.invitation_create(actor=t.actor(), access=t.access(), email="r@example.test", role="member")
    services.invitation_revoke(actor=t.actor(), access=t.access(), invitation=issued.invitation)
    with pytest.raises(NotFound, match="not valid"):
        services.invitation_accept(actor=Actor(make_user("r@example.test")), token=issued.token)
    assert not Membership.objects.filter(user__email="r@example.test").exists()


def test_removing_a_member_revokes_their_keys_on_the_record(make_team):
    t = make_team(admin=1)
    other_admin = t.people["admin"][1]
    access = access_team_by_slug(user=other_admin, slug=t.team.slug)
    issued = services.api_key_create(actor=Actor(other_admin), access=access, name="theirs", scopes=["generate"])
    services.membership_remove(actor=t.actor(), access=t.access(), membership=Membership.objects.get(user=other_admin))
    issued.api_key.refresh_from_db()
    assert issued.api_key.revoked_at is not None
    assert AuditEvent.objects.filter(action="api_key.revoked", details__reason="member removed").count() == 1
    with pytest.raises(AuthenticationFailed, match="revoked"):
        services.api_key_authenticate(issued.token)


def test_a_demoted_admin_can_no_longer_change_roles(make_team):
    t = make_team(admin=1, member=1)
    other_admin = t.people["admin"][1]
    stale_access = access_team_by_slug(user=other_admin, slug=t.team.slug)  # looked up before the demotion
    services.membership_change_role(actor=t.actor(), access=t.access(),
                                    membership=Membership.objects.get(user=other_admin), role="member")
    member = Membership.objects.get(user=t.user("member"))
    with pytest.raises(Forbidden, match="no longer manage"):
        services.membership_change_role(actor=Actor(other_admin), access=stale_access, membership=member,
                                        role="admin")
    member.refresh_from_db()
    assert member.role == "member"


@pytest.mark.django_db(transaction=True)
def test_account_changes_chain_when_they_commit(make_team):
    """The whole account flow with real commits: every change lands in a verifying chain."""
    t = make_team(member=1)
    issued = services.api_key_create(actor=t.actor(), access=t.access(), name="k", scopes=["generate"])
    services.membership_change_role(actor=t.actor(), access=t.access(),
                                    membership=Membership.objects.get(user=t.user("member")), role="moderator")
    services.api_key_revoke(actor=t.actor(), access=t.access(), api_key=issued.api_key)
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-3:] == ["api_key.created", "membership.role_changed", "api_key.revoked"]
    assert chain_verify().ok
