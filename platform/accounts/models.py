from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.roles import Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)  # None → an unusable password
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


def normalize_email(email: str) -> str:
    # One person, one account: addresses compare case-insensitively.
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an email address (passwords hashed with Argon2id)."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=120, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    def __str__(self) -> str:
        return self.email

    @property
    def label(self) -> str:
        return self.display_name or self.email


class Team(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=120)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.slug


class Membership(models.Model):
    """A user's role in one team; a user may belong to several teams."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="membership_one_per_user_and_team"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_known"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team} as {self.role}"


class Invitation(models.Model):
    """An admin's invitation for an email address to join with a role; the link is shown once."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_team_and_email",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class ApiKey(models.Model):
    """A team's API key: `hm_<prefix>_<secret>`. Only a SHA-256 of the secret is kept.

    The secret has 192 bits of entropy, so a fast hash is enough: nobody can guess it, and
    checking it must stay cheap on every request.
    """

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="api_keys")
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_keys")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = ArrayField(models.CharField(max_length=32))
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"hm_{self.prefix}_… ({self.name})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())


def default_backends() -> list[str]:
    return ["default"]


class TeamQuota(models.Model):
    """Limits for one team; usage is counted per UTC day and per calendar month."""

    team = models.OneToOneField(Team, on_delete=models.PROTECT, related_name="quota")
    clips_per_day = models.PositiveIntegerField()
    video_seconds_per_month = models.PositiveIntegerField()
    # The models the team may render with: GPU backends cost more, so operators grant them.
    backends = models.JSONField(default=default_backends)


class QuotaUsage(models.Model):
    class Period(models.TextChoices):
        DAY = "day"
        MONTH = "month"

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="quota_usage")
    period = models.CharField(max_length=8, choices=Period.choices)
    period_start = models.DateField()
    clips = models.PositiveIntegerField(default=0)
    video_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "period", "period_start"], name="quota_usage_one_per_period"),
        ]


class QuotaReservation(models.Model):
    """What one request reserved, so that a refund gives back exactly that, once."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="quota_reservations")
    clips = models.PositiveIntegerField()
    video_seconds = models.PositiveIntegerField()
    day = models.DateField()
    month = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    refunded_at = models.DateTimeField(null=True, blank=True)
    refund_reason = models.CharField(max_length=200, blank=True)


class RateCounter(models.Model):
    """Requests one caller (an API key, or a person in the browser) or one team made in one
    fixed one-minute window. Counted by a single INSERT … ON CONFLICT (accounts.ratelimits)."""

    scope = models.CharField(max_length=8)  # "key" | "user" | "team"
    subject = models.BigIntegerField()  # the key's, person's or team's id
    action = models.CharField(max_length=16)  # "generate" | "verify"
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "subject", "action", "window_start"],
                                    name="rate_counter_one_per_window"),
        ]
