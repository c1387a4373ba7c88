"""Per-minute rate limits for generation submissions and verification uploads.

Each request is counted against its caller (the API key, or the person when signed in through
the browser) and against the team, in fixed one-minute windows. One statement both checks and
counts (INSERT … ON CONFLICT DO UPDATE … WHERE count < limit RETURNING), so PostgreSQL's row
lock makes concurrent requests take turns: exactly `limit` of them get through, never more.
Settings: HALLMARK_RATE_{GENERATIONS,VERIFICATIONS}_PER_{KEY,TEAM}; 0 turns a limit off.
"""
from __future__ import annotations

import math
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accounts.actors import Actor
from accounts.errors import RateLimited
from accounts.models import RateCounter, Team

WINDOW = timedelta(minutes=1)
ACTIONS = {"generate": ("HALLMARK_RATE_GENERATIONS_PER_KEY", "HALLMARK_RATE_GENERATIONS_PER_TEAM", "generation requests"),
           "verify": ("HALLMARK_RATE_VERIFICATIONS_PER_KEY", "HALLMARK_RATE_VERIFICATIONS_PER_TEAM", "verifications")}

_TAKE = f"""
    INSERT INTO {RateCounter._meta.db_table} (scope, subject, action, window_start, count)
    VALUES (%s, %s, %s, %s, 1)
    ON CONFLICT (scope, subject, action, window_start)
    DO UPDATE SET count = {RateCounter._meta.db_table}.count + 1 WHERE {RateCounter._meta.db_table}.count < %s
    RETURNING count
"""


@transaction.atomic
def rate_limit_take(*, actor: Actor, team: Team, action: str) -> None:
    """Count one `action` request, or raise RateLimited (429, with Retry-After) counting nothing."""
    per_key_name, per_team_name, what = ACTIONS[action]
    now = timezone.now()
    window_start = now.replace(second=0, microsecond=0)
    retry_after = max(1, math.ceil((window_start + WINDOW - now).total_seconds()))
    if actor.api_key is not None:
        caller = ("key", actor.api_key.pk, f"API key hm_{actor.api_key.prefix}")
    elif actor.user is not None:
        caller = ("user", actor.user.pk, "you")
    else:
        caller = None  # the platform itself is not rate limited
    # The caller first, then the team: one order everywhere, so two requests never wait on each other crosswise.
    checks = [(caller, getattr(settings, per_key_name))] if caller else []
    checks.append((("team", team.pk, team.name), getattr(settings, per_team_name)))
    for (scope, subject, who), limit in checks:
        if not limit:
            continue
        with connection.cursor() as cursor:
            cursor.execute(_TAKE, [scope, subject, action, window_start, limit])
            row = cursor.fetchone()
            if row is None:  # the WHERE refused the update: the window is full (and the raise undoes the caller's count)
                raise RateLimited(f"Too many {what}: {who} may send {limit} a minute. "
                                  f"Try again in {retry_after} s.", retry_after=retry_after)
            if row[0] == 1:  # the first request of a new window: forget the old ones of this subject
                cursor.execute(f"DELETE FROM {RateCounter._meta.db_table} WHERE scope = %s AND subject = %s "
                               "AND action = %s AND window_start < %s", [scope, subject, action, window_start])
