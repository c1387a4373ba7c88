"""Management commands of the accounts app: the demo set-up and team quotas."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Membership, TeamQuota, User
from accounts.roles import Role
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_demo_setup_makes_one_user_per_role_and_prints_logins_once(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    first, second = StringIO(), StringIO()
    call_command("demo_setup", stdout=first)
    call_command("demo_setup", stdout=second)
    roles = dict(Membership.objects.filter(team__slug="demo").values_list("user__email", "role"))
    assert sorted(roles.values()) == sorted(Role.values)
    for role in Role.values:
        email = f"{role}@demo.hallmark.test"
        password = next(line.split()[2] for line in first.getvalue().splitlines() if email in line)
        user = User.objects.get(email=email)
        assert user.check_password(password) and user.password.startswith("argon2$")
    assert "Demo team exists" in second.getvalue() and "@demo" not in second.getvalue()
    assert (tmp_path / "demo-logins.txt").stat().st_mode & 0o077 == 0


def test_team_quota_shows_sets_and_audits(make_team):
    t = make_team("q")
    out = StringIO()
    call_command("team_quota", "q", "--clips-per-day", "7", stdout=out)
    assert "7 clips per day" in out.getvalue()
    assert TeamQuota.objects.get(team=t.team).clips_per_day == 7
    event = AuditEvent.objects.get(action="quota.changed")
    assert event.details["to"]["clips_per_day"] == 7 and event.actor_label == "system"
    with pytest.raises(CommandError, match="No team"):
        call_command("team_quota", "nope")
    with pytest.raises(CommandError, match="cannot be negative"):
        call_command("team_quota", "q", "--clips-per-day", "-1")
