"""The safety policy a team's requests are gated with.

Teams start on the platform policy (safety.Policy's defaults). Per-team thresholds and
shadow mode are edited by team admins in the moderation app (issue 6, still to build);
until then every team uses the platform policy, and this is the one place that changes.
"""
from __future__ import annotations

from safety import Policy


def team_policy(team) -> Policy:
    return Policy()
