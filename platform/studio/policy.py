"""The safety policy a team's requests are gated with: the platform's, as the team's admins tuned
it within the platform's bounds (moderation.services.policy_update)."""
from __future__ import annotations

from safety import Policy


def team_policy(team) -> Policy:
    from moderation.selectors import team_policy_dict
    return Policy.from_stored(team_policy_dict(team))
