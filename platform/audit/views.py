"""Pages for auditors: the audit log with filters and exports, one event in detail, charts, reports."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone as dj_timezone

from accounts.actors import Actor
from accounts.errors import NotFound, ServiceError
from accounts.roles import Permission
from accounts.views import or_404, team_view
from audit import selectors
from audit.activity import team_activity
from audit.checkpoints import signed_inclusion
from audit.event_links import event_links
from audit.exports import audited_export
from audit.reports import MAX_PERIOD_DAYS, activity_svgs, report_create, report_downloaded, report_file

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


# ---------------------------------------------------------------------------- every team one audits

@login_required
def audit_all_page(request):
    """The events of every team the person audits, with a team filter."""
    teams = selectors.audited_teams(user=request.user)
    if not teams:
        raise Http404("You audit no team.")
    query, error = _filters(request)
    team_slug = (request.GET.get("team") or "").strip()
    try:
        events = selectors.events_of_audited_teams(user=request.user, team_slug=team_slug, **query)
    except NotFound as exc:
        raise Http404(exc.message) from None
    except ServiceError as exc:
        events, error = selectors.events_of_audited_teams(user=request.user), exc.message
    from safety import CATEGORIES
    return render(request, "audit/all_teams.html", {
        "teams": teams, "team_slug": team_slug, "events": events[:200], "total": events.count(), "error": error,
        "filters": {k: request.GET.get(k, "") for k in FILTERS}, "categories": sorted(CATEGORIES)},
        status=400 if error else 200)


# ---------------------------------------------------------------------------- one event

@team_view(Permission.VIEW_AUDIT)
def event_page(request, access, seq: int):
    event = or_404(selectors.team_event, access=access, seq=seq)
    return render(request, "audit/event.html", {
        "access": access, "team": access.team, "event": event, "links": event_links(access=access, event=event),
        "signed": signed_inclusion(event.seq),
        "details_json": json.dumps(event.details, indent=2, ensure_ascii=False, sort_keys=True),
        "can_view_clips": access.allows(Permission.VIEW_CLIPS)})


# ---------------------------------------------------------------------------- charts

@team_view(Permission.VIEW_AUDIT)
def activity_page(request, access):
    """Charts per day and category for a period (default: the last 30 days). htmx swaps the charts alone."""
    period_start, period_end, error = _period(request)
    activity = team_activity(access=access, period_start=period_start, period_end=period_end)
    context = {"access": access, "team": access.team, "activity": activity, "svgs": activity_svgs(activity),
               "error": error, "period_from": period_start.isoformat(), "period_to": activity.last_day.isoformat()}
    template = "audit/_activity.html" if request.headers.get("HX-Request") else "audit/activity.html"
    return render(request, template, context, status=400 if error else 200)


def _period(request) -> tuple[date, date, str | None]:
    """The period asked for, as [start, end): the form's "to" day is included."""
    today = dj_timezone.now().date()
    default = (today - timedelta(days=29), today + timedelta(days=1))
    try:
        start = date.fromisoformat(request.GET["from"]) if request.GET.get("from") else default[0]
        end = date.fromisoformat(request.GET["to"]) + timedelta(days=1) if request.GET.get("to") else default[1]
    except ValueError:
        return *default, "Dates must look like 2026-11-26."
    if end <= start:
        return *default, "The period must end on or after the day it starts."
    if (end - start).days > MAX_PERIOD_DAYS:
        return *default, f"Choose a period of at most {MAX_PERIOD_DAYS} days."
    return start, end, None


# ---------------------------------------------------------------------------- compliance reports

@team_view()
def reports_page(request, access):
    """The team's reports (auditors and admins only; anyone else finds nothing here)."""
    reports = or_404(selectors.team_reports, access=access)
    error, status = None, 200
    if request.method == "POST":
        start, end, error = _report_period(request)
        if not error:
            try:
                report = report_create(team=access.team, period_start=start, period_end=end,
                                       actor=Actor.from_request(request))
            except ServiceError as exc:
                error = exc.message
            else:
                messages.success(request, f"The report for {report.period_start} to {end - timedelta(days=1)} is ready.")
                return redirect("audit:reports", slug=access.team.slug)
        status = 400
    rows = [(report, report.period_end - timedelta(days=1)) for report in reports]  # periods end exclusive
    return render(request, "audit/reports.html", {"access": access, "team": access.team, "rows": rows,
                                                  "error": error}, status=status)


def _report_period(request) -> tuple[date | None, date | None, str | None]:
    try:
        start = date.fromisoformat(request.POST.get("from", ""))
        end = date.fromisoformat(request.POST.get("to", "")) + timedelta(days=1)
    except ValueError:
        return None, None, "Give the first and the last day, like 2026-11-01 and 2026-11-30."
    return start, end, None


@team_view()
def report_file_download(request, access, report_id: int, fmt: str):
    if fmt not in ("html", "pdf"):
        raise Http404("No such format.")
    report = or_404(selectors.team_report, access=access, report_id=report_id)
    path = report_file(report, fmt)
    if not path.is_file():
        raise Http404("The report's file is missing.")
    report_downloaded(actor=Actor.from_request(request), access=access, report=report, fmt=fmt)
    response = FileResponse(path.open("rb"), as_attachment=fmt == "pdf", filename=path.name,
                            content_type="application/pdf" if fmt == "pdf" else "text/html; charset=utf-8")
    # The HTML opens in the browser: it may style itself and nothing more (no scripts, no requests).
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response
