"""Moderators' decisions on held requests, appeals against blocks and rejections, team policies."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models import Team
from studio.models import GenerationRequest


class Reason(models.TextChoices):
    """The fixed reasons a moderator gives; the note adds detail."""

    WITHIN_POLICY = "within_policy", "Within policy: ordinary or artistic use"
    FALSE_POSITIVE = "false_positive", "The gate misread the prompt"
    NEWSWORTHY = "newsworthy", "Newsworthy or educational context"
    POLICY_VIOLATION = "policy_violation", "Violates the content policy"
    REAL_PERSON = "real_person", "Depicts a real person without consent"
    MINORS = "minors", "Involves minors"
    DECEPTIVE = "deceptive", "Deceptive or misleading"
    COPYRIGHT = "copyright", "Protected characters or brands"
    OTHER = "other", "Other (see the note)"


APPROVE_REASONS = (Reason.WITHIN_POLICY, Reason.FALSE_POSITIVE, Reason.NEWSWORTHY, Reason.OTHER)
REJECT_REASONS = (Reason.POLICY_VIOLATION, Reason.REAL_PERSON, Reason.MINORS, Reason.DECEPTIVE, Reason.COPYRIGHT,
                  Reason.OTHER)


class Review(models.Model):
    """A moderator's decision on a request held for review."""

    class Decision(models.TextChoices):
        APPROVE = "approve", "Approved"
        REJECT = "reject", "Rejected"

    request = models.OneToOneField(GenerationRequest, on_delete=models.PROTECT, related_name="review")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=8, choices=Decision.choices)
    reason = models.CharField(max_length=32, choices=Reason.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)


class Appeal(models.Model):
    """The requester's one appeal against a block or a rejection, decided by another moderator."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", "Upheld: the request stays refused"
        OVERTURNED = "overturned", "Overturned: the request renders"

    request = models.OneToOneField(GenerationRequest, on_delete=models.PROTECT, related_name="appeal")
    appellant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    statement = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    reason = models.CharField(max_length=32, choices=Reason.choices, blank=True)
    note = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)


class TeamPolicy(models.Model):
    """A team's safety policy (safety.Policy.to_dict()), within the platform's bounds."""

    team = models.OneToOneField(Team, on_delete=models.PROTECT, related_name="safety_policy")
    policy = models.JSONField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)


class RepeatedBlocksFlag(models.Model):
    """One account's prompts were blocked `blocks` times within `window_hours`: the team's
    moderators should look. Raised at most once per account and window; a moderator dismisses it."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="repeated_blocks_flags")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    blocks = models.PositiveIntegerField()
    window_hours = models.PositiveIntegerField()
    raised_at = models.DateTimeField(default=timezone.now, db_index=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    note = models.TextField(blank=True)
