"""A verification: someone asked whether a clip came from the platform, and what we found."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models import ApiKey, Team
from studio.models import GenerationRequest


class Verification(models.Model):
    """The upload itself is not kept: its hash, size and our report are."""

    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="verifications")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="verifications")
    api_key = models.ForeignKey(ApiKey, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField(max_length=200)
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    container = models.CharField(max_length=16)
    verdict = models.CharField(max_length=16, db_index=True)
    report = models.JSONField()  # provenance.DetectionReport.to_dict()
    generation = models.ForeignKey(GenerationRequest, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="verifications")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
