"""Roles a member holds in a team, and what each role may do.

API-key scopes use the same names as permissions: a key can do what its scopes list *and*
what its creator's current role allows, so demoting a person also narrows their keys.
"""
from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    MODERATOR = "moderator", "Moderator"
    ADMIN = "admin", "Admin"
    AUDITOR = "auditor", "Auditor"


class Permission(models.TextChoices):
    GENERATE = "generate", "Generate videos"
    VIEW_CLIPS = "view_clips", "View the team's clips"
    VERIFY = "verify", "Verify clips"
    MODERATE = "moderate", "Review flagged requests"
    MANAGE_TEAM = "manage_team", "Manage members, keys and policy"
    VIEW_AUDIT = "view_audit", "Read the audit log"


_MEMBER = {Permission.GENERATE, Permission.VIEW_CLIPS, Permission.VERIFY}
# Auditors read the record and verify clips but do not generate: separation of duties.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.MEMBER: frozenset(_MEMBER),
    Role.MODERATOR: frozenset(_MEMBER | {Permission.MODERATE}),
    Role.ADMIN: frozenset(_MEMBER | {Permission.MODERATE, Permission.MANAGE_TEAM}),
    Role.AUDITOR: frozenset({Permission.VERIFY, Permission.VIEW_AUDIT}),
}

API_KEY_SCOPES = frozenset(Permission.values)


def role_allows(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())
