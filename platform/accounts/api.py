"""API: who am I, team members and invitations, API keys, quota."""
from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import ConfigDict, Field

from accounts import selectors, services
from accounts.roles import Permission, Role
from api.auth import key_access, key_actor

router = Router(tags=["team"])


class StrictSchema(Schema):
    # Unknown fields are an error, not silently dropped: a typo must not change nothing quietly.
    model_config = ConfigDict(extra="forbid")


class TeamOut(Schema):
    slug: str
    name: str


class MeOut(Schema):
    email: str
    display_name: str
    team: TeamOut
    role: str
    key_prefix: str
    scopes: list[str]
    permissions: list[str]


class MemberOut(Schema):
    id: int
    email: str
    display_name: str
    role: str
    joined_at: datetime


class RoleIn(StrictSchema):
    role: Role


class InvitationIn(StrictSchema):
    email: str = Field(max_length=254)
    role: Role


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    expires_at: datetime
    accept_url: str | None = None


class ApiKeyIn(StrictSchema):
    name: str = Field(min_length=1, max_length=80)
    scopes: list[Permission] = Field(min_length=1)
    expires_in_days: int = Field(90, ge=1)


class ApiKeyOut(Schema):
    id: int
    name: str
    prefix: str
    scopes: list[str]
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


class NewApiKeyOut(ApiKeyOut):
    token: str = Field(description="The whole key. Shown only now: store it safely.")


class QuotaOut(Schema):
    clips_per_day: int
    clips_today: int
    video_seconds_per_month: int
    video_seconds_this_month: int




def _member_out(m) -> dict:
    return {"id": m.pk, "email": m.user.email, "display_name": m.user.display_name, "role": m.role, "joined_at": m.created_at}


def _key_out(k) -> dict:
    return {"id": k.pk, "name": k.name, "prefix": k.prefix, "scopes": k.scopes, "created_by": k.created_by.email,
            "created_at": k.created_at, "expires_at": k.expires_at, "revoked_at": k.revoked_at,
            "last_used_at": k.last_used_at}


@router.get("/me", response=MeOut, summary="The key's owner, team, role and effective permissions")
def me(request):
    access = key_access(request)
    user = access.membership.user
    return {"email": user.email, "display_name": user.display_name,
            "team": {"slug": access.team.slug, "name": access.team.name}, "role": access.membership.role,
            "key_prefix": request.auth.prefix, "scopes": request.auth.scopes, "permissions": sorted(access.permissions)}


@router.get("/quota", response=QuotaOut, summary="The team's quota and what is used")
def quota(request):
    status = selectors.quota_status(access=key_access(request))
    return status.__dict__


@router.get("/members", response=list[MemberOut], summary="Team members (admin)")
def members(request):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    return [_member_out(m) for m in selectors.team_members(access=access)]


@router.patch("/members/{membership_id}", response=MemberOut, summary="Change a member's role (admin)")
def member_change_role(request, membership_id: int, payload: RoleIn):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    membership = selectors.team_membership(access=access, membership_id=membership_id)
    membership = services.membership_change_role(actor=key_actor(request), access=access, membership=membership,
                                                 role=payload.role.value)
    return _member_out(membership)


@router.delete("/members/{membership_id}", response={204: None}, summary="Remove a member (admin)")
def member_remove(request, membership_id: int):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    membership = selectors.team_membership(access=access, membership_id=membership_id)
    services.membership_remove(actor=key_actor(request), access=access, membership=membership)
    return Status(204, None)


@router.get("/invitations", response=list[InvitationOut], summary="Open invitations (admin)")
def invitations(request):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    return [{"id": i.pk, "email": i.email, "role": i.role, "expires_at": i.expires_at}
            for i in selectors.team_open_invitations(access=access)]


@router.post("/invitations", response={201: InvitationOut}, summary="Invite someone by email (admin)")
def invitation_create(request, payload: InvitationIn):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    issued = services.invitation_create(actor=key_actor(request), access=access, email=payload.email,
                                        role=payload.role.value)
    i = issued.invitation
    url = request.build_absolute_uri(f"/invitations/{issued.token}/")
    return Status(201, {"id": i.pk, "email": i.email, "role": i.role, "expires_at": i.expires_at, "accept_url": url})


@router.delete("/invitations/{invitation_id}", response={204: None}, summary="Revoke an open invitation (admin)")
def invitation_revoke(request, invitation_id: int):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    invitation = selectors.team_invitation(access=access, invitation_id=invitation_id)
    services.invitation_revoke(actor=key_actor(request), access=access, invitation=invitation)
    return Status(204, None)


@router.get("/api-keys", response=list[ApiKeyOut], summary="The team's API keys (admin)")
def api_keys(request):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    return [_key_out(k) for k in selectors.team_api_keys(access=access)]


@router.post("/api-keys", response={201: NewApiKeyOut}, summary="Create an API key; the token is shown once (admin)")
def api_key_create(request, payload: ApiKeyIn):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    issued = services.api_key_create(actor=key_actor(request), access=access, name=payload.name,
                                     scopes=[scope.value for scope in payload.scopes],
                                     expires_in_days=payload.expires_in_days)
    return Status(201, {**_key_out(issued.api_key), "token": issued.token})


@router.delete("/api-keys/{key_id}", response=ApiKeyOut, summary="Revoke an API key (admin)")
def api_key_revoke(request, key_id: int):
    access = key_access(request).require(Permission.MANAGE_TEAM)
    key = selectors.team_api_key(access=access, key_id=key_id)
    return _key_out(services.api_key_revoke(actor=key_actor(request), access=access, api_key=key))
