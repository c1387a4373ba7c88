"""A generation request, from prompt to clip, and the clip it made."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models import ApiKey, QuotaReservation, Team


class Status(models.TextChoices):
    BLOCKED = "blocked", "Blocked by policy"
    IN_REVIEW = "in_review", "Waiting for a moderator"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Rendering"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    REJECTED = "rejected", "Rejected"
    CANCELLED = "cancelled", "Cancelled"


class SourceKind(models.TextChoices):
    """Where a generation starts when it does not start from nothing."""

    CLIP = "clip", "Extends one of the team's videos"
    VIDEO = "video", "Extends an uploaded video"
    IMAGE = "image", "Animates an uploaded image"


# Statuses a request can still leave; the others are final (a failed request may be retried).
OPEN_STATUSES = (Status.IN_REVIEW, Status.QUEUED, Status.RUNNING)


class GenerationRequest(models.Model):
    """One prompt, its parameters, the gate's decision and where the request stands.

    The id doubles as the clip's 48-bit watermark payload, so a clip found anywhere leads
    back here.
    """

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="generation_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="generation_requests")
    api_key = models.ForeignKey(ApiKey, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    prompt = models.TextField()
    negative_prompt = models.TextField(blank=True)
    backend = models.CharField(max_length=16, default="default")  # the model that renders it (generation.backends)
    params = models.JSONField()  # frames, fps, seed, steps, guidance, size: what the worker renders
    decision = models.JSONField()  # safety.Decision.to_dict()
    status = models.CharField(max_length=16, choices=Status.choices, db_index=True)
    progress = models.FloatField(default=0.0)
    failure = models.TextField(blank=True)  # why it failed or was rejected, in words for the requester
    reservation = models.ForeignKey(QuotaReservation, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    attempts = models.PositiveIntegerField(default=0)
    # What the video continues or animates (empty: made from the prompt alone). An upload is kept
    # as received: the worker starts from it and the clip's C2PA manifest carries it as an ingredient.
    source_kind = models.CharField(max_length=8, choices=SourceKind.choices, blank=True)
    source_clip = models.ForeignKey("Clip", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="extensions")
    source_file = models.FileField(upload_to="sources/", blank=True, max_length=200)
    source_sha256 = models.CharField(max_length=64, blank=True)
    source_check = models.JSONField(null=True, blank=True)  # the upload's frame checks, as stored
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["team", "-created_at"])]

    def __str__(self) -> str:
        return f"generation {self.pk} ({self.status})"

    @property
    def watermark_payload(self) -> str:
        return f"{self.pk:012x}"

    @property
    def duration_seconds(self) -> float:
        return self.params["frames"] / self.params["fps"]


class Clip(models.Model):
    """The delivered MP4: watermarked, C2PA-signed, fingerprinted. One per request, ever."""

    request = models.OneToOneField(GenerationRequest, on_delete=models.PROTECT, related_name="clip")
    file = models.FileField(upload_to="clips/", max_length=200)
    sha256 = models.CharField(max_length=64)
    size_bytes = models.PositiveBigIntegerField()
    watermark_payload = models.CharField(max_length=12, unique=True)
    watermark_verified = models.BooleanField(default=False)  # read back from the delivered file
    c2pa_state = models.CharField(max_length=16)
    c2pa_signer = models.CharField(max_length=200, blank=True)
    fingerprint = models.BinaryField()
    model = models.CharField(max_length=100)
    model_version = models.CharField(max_length=100)
    frames = models.PositiveIntegerField()
    fps = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    frame_check = models.JSONField()  # safety.FrameReport as stored
    created_at = models.DateTimeField(default=timezone.now)

    @property
    def duration_seconds(self) -> float:
        return self.frames / self.fps
