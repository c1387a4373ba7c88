"""API-key authentication: `Authorization: Bearer hm_<prefix>_<secret>` (or `X-API-Key`)."""
from __future__ import annotations

from ninja.errors import HttpError
from ninja.security import HttpBearer

from accounts.errors import AuthenticationFailed
from accounts.services import api_key_authenticate


class ApiKeyAuth(HttpBearer):
    openapi_description = "A team API key, `hm_<prefix>_<secret>`, created on the team page or by POST /api-keys."

    def __call__(self, request):
        # Accept X-API-Key too: some HTTP clients make custom headers easier than Bearer.
        token = request.headers.get("X-API-Key")
        if token:
            return self.authenticate(request, token)
        if not request.headers.get("Authorization"):
            raise HttpError(401, "Missing API key: send 'Authorization: Bearer hm_<prefix>_<secret>'.")
        return super().__call__(request)

    def authenticate(self, request, token: str):
        try:
            return api_key_authenticate(token)
        except AuthenticationFailed as exc:
            raise HttpError(401, exc.message) from None


def key_access(request):
    """What the request's API key may do in its team (its creator's role, narrowed by its scopes)."""
    from accounts.selectors import access_team_by_api_key
    return access_team_by_api_key(api_key=request.auth)


def key_actor(request):
    from accounts.actors import Actor
    return Actor.from_request(request, api_key=request.auth)
