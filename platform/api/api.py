"""The HTTP API at /api/v1 (OpenAPI docs at /api/v1/docs). Routers live in each app's api.py."""
from __future__ import annotations

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError

from accounts.errors import ServiceError
from api.auth import ApiKeyAuth
from config.db_outage import unavailable_response

api = NinjaAPI(
    title="Hallmark API",
    version="1",
    description="Generate, moderate and verify AI video. Every call is made with a team API key.",
    auth=ApiKeyAuth(),
    urls_namespace="api",
)


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError):
    response = api.create_response(request, {"detail": exc.message}, status=exc.status)
    if getattr(exc, "retry_after", None):  # RateLimited: when the next window opens
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_unavailable(request: HttpRequest, exc: Exception):
    # Ninja would answer 500 itself (with a traceback in development): a restart is not a bug.
    return unavailable_response(request, exc)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    # One readable sentence first, then ninja's field-by-field list for programs.
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "payload"))
        problems.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return api.create_response(
        request, {"detail": "Invalid request: " + "; ".join(problems), "errors": exc.errors}, status=422
    )


from accounts.api import router as accounts_router  # noqa: E402  (routers need `api` defined first)
from studio.api import router as studio_router  # noqa: E402
from verification.api import router as verification_router  # noqa: E402
from moderation.api import router as moderation_router  # noqa: E402
from audit.api import router as audit_router  # noqa: E402

api.add_router("/", accounts_router)
api.add_router("/", studio_router)
api.add_router("/", verification_router)
api.add_router("/", moderation_router)
api.add_router("/", audit_router)
