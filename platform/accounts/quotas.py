"""Quota periods: usage is counted per UTC day (clips) and per calendar month (video seconds)."""
from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone


def quota_periods(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.now().date()
    return today, today.replace(day=1)


def quota_defaults() -> tuple[int, int]:
    return settings.HALLMARK_DEFAULT_CLIPS_PER_DAY, settings.HALLMARK_DEFAULT_VIDEO_SECONDS_PER_MONTH
