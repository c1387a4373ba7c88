"""Fixtures for the platform: teams, people in each role, API keys and clients."""
from __future__ import annotations

import itertools

import pytest
from django.test import Client

from accounts import services
from accounts.actors import SYSTEM, Actor
from accounts.models import Team, User
from accounts.roles import Role
from accounts.selectors import access_team_by_slug
from accounts.two_factor import two_factor_required

_counter = itertools.count(1)


@pytest.fixture
def make_user(db):
    def make(email: str | None = None, password: str | None = None) -> User:
        email = email or f"user{next(_counter)}@example.test"
        # No password unless a test logs in through the form: Argon2 is slow on purpose.
        return User.objects.create_user(email, password)

    return make


@pytest.fixture
def make_team(db, make_user):
    def make(slug: str | None = None, **roles: int) -> "TeamPeople":
        """A team with an admin plus `moderator=1, member=2, …` extra people."""
        slug = slug or f"team{next(_counter)}"
        admin = make_user(f"admin.{slug}@example.test")
        team = services.team_create(actor=SYSTEM, slug=slug, name=slug.title(), first_admin=admin)
        people = {Role.ADMIN.value: [admin]}
        for role, count in roles.items():
            for i in range(count):
                user = make_user(f"{role}{i}.{slug}@example.test")
                services.membership_add(team=team, user=user, role=role)
                people.setdefault(role, []).append(user)
        return TeamPeople(team, people)

    return make


class TeamPeople:
    def __init__(self, team: Team, people: dict[str, list[User]]):
        self.team, self.people = team, people

    def user(self, role: str) -> User:
        return self.people[role][0]

    def access(self, role: str = Role.ADMIN):
        return access_team_by_slug(user=self.user(role), slug=self.team.slug)

    def actor(self, role: str = Role.ADMIN) -> Actor:
        return Actor(user=self.user(role), client_ip="127.0.0.1")

    def api_key(self, role: str = Role.ADMIN, scopes: list[str] | None = None, days: int = 30) -> str:
        from accounts.roles import ROLE_PERMISSIONS

        access = self.access(role)
        issued = services.api_key_create(actor=self.actor(role), access=access, name=f"{role} key",
                                         scopes=scopes or sorted(ROLE_PERMISSIONS[role]), expires_in_days=days)
        return issued.token


@pytest.fixture
def api_client():
    def make(token: str) -> Client:
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


@pytest.fixture
def logged_in():
    def make(user: User, **client_options) -> Client:
        client = Client(**client_options)
        client.force_login(user)
        if two_factor_required(user):
            verify_second_factor(client, user)
        return client

    return make


def verify_second_factor(client: Client, user: User) -> None:
    """What entering a code does: the person has a confirmed TOTP device, and django-otp's own
    login marks the session verified with it (the code form itself is tested in accounts)."""
    from django.http import HttpRequest
    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = (TOTPDevice.objects.filter(user=user, confirmed=True).first()
              or TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True))
    request = HttpRequest()
    request.session, request.user = client.session, user
    otp_login(request, device)
    request.session.save()


@pytest.fixture
def database_url():
    """A URL for the test database, for subprocesses (worker, web server) to share it."""
    from django.db import connection

    db = connection.settings_dict
    credentials = f"{db['USER']}:{db['PASSWORD']}"
    if db["HOST"].startswith("/"):
        return f"postgresql://{credentials}@/{db['NAME']}?host={db['HOST']}"
    return f"postgresql://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(autouse=True)
def _audit_files_in_tmp(settings, tmp_path_factory):
    """The audit log's key, export folder, archives and reports live in a temporary folder per test,
    never in the developer's .data/ (where a running demo keeps its own)."""
    folder = tmp_path_factory.mktemp("audit-files")
    settings.HALLMARK_AUDIT_SIGNING_KEY = folder / "checkpoint-key.pem"
    settings.HALLMARK_AUDIT_EXPORT_DIR = folder / "export"
    settings.HALLMARK_AUDIT_ARCHIVE_DIR = folder / "archive"
    settings.HALLMARK_AUDIT_REPORTS_DIR = folder / "reports"
