"""A request that finds the database unreachable gets 503 and Retry-After, not a 500 and a traceback.

While PostgreSQL restarts or fails over, every query raises OperationalError (or
InterfaceError on a connection it closed). Nothing the request did can have committed
after that, and the next request opens a fresh connection, so telling the client to come
back in a few seconds is both true and useful.
"""
from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
MESSAGE = "The service is briefly unavailable (its database cannot be reached). Try again in a few seconds."


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    # Views touch the database first (the user, the session and the API key are read lazily), so
    # an outage surfaces here; Django turns exceptions raised elsewhere into a 500 before this sees them.
    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, exc):
        return unavailable_response(request, exc)


def unavailable_response(request, exc):
    """503 with Retry-After; JSON under /api/, plain text elsewhere."""
    logger.warning("database unavailable during %s %s: %s", request.method, request.path, type(exc).__name__)
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": MESSAGE}, status=503)
    else:
        response = HttpResponse(MESSAGE, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
