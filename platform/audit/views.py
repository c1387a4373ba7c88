"""Pages for auditors: the team's audit log with filters, and streamed exports of what is shown."""
from __future__ import annotations

from datetime import datetime, time, timezone

from django.http import HttpResponseBadRequest
from django.shortcuts import render

from accounts.actors import Actor
from accounts.errors import ServiceError
from accounts.roles import Permission
from accounts.views import team_view
from audit import selectors
from audit.exports import audited_export

FILTERS = ("action", "actor", "category", "since", "until", "target")


def _filters(request) -> tuple[dict, str | None]:
    values = {name: (request.GET.get(name) or "").strip() for name in FILTERS}
    query, error = dict(values), None
    for name, edge in (("since", time.min), ("until", time.max)):
        if values[name]:
            try:
                query[name] = datetime.combine(datetime.strptime(values[name], "%Y-%m-%d").date(), edge,
                                               tzinfo=timezone.utc)
            except ValueError:
                query[name], error = None, f"{name} must be a date like 2026-11-26."
        else:
            query[name] = None
    return query, error


@team_view(Permission.VIEW_AUDIT)
def audit_page(request, access):
    query, error = _filters(request)
    try:
        events = selectors.team_events(access=access, **query)
    except ServiceError as exc:
        events, error = selectors.team_events(access=access), exc.message
    from safety import CATEGORIES
    return render(request, "audit/log.html", {
        "access": access, "team": access.team, "events": events[:200], "total": events.count(), "error": error,
        "filters": {k: request.GET.get(k, "") for k in FILTERS}, "categories": sorted(CATEGORIES),
        "querystring": request.GET.urlencode()}, status=400 if error else 200)


@team_view(Permission.VIEW_AUDIT)
def audit_export(request, access):
    query, error = _filters(request)
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    try:
        events = selectors.team_events(access=access, **query)
    except ServiceError as exc:
        return HttpResponseBadRequest(exc.message, content_type="text/plain; charset=utf-8")
    fmt = "csv" if request.GET.get("format") == "csv" else "jsonl"
    return audited_export(actor=Actor.from_request(request), access=access, events=events, fmt=fmt,
                          filters={k: request.GET.get(k) for k in FILTERS})
