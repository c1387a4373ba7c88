"""Compliance reports: a team's activity in a period, written as HTML and PDF, one per team and period.

Files live under settings.HALLMARK_AUDIT_REPORTS_DIR/<team slug>/; the ComplianceReport row
keeps their paths relative to that folder (the folder can move) and the audit event keeps
their SHA-256, so a report file can be checked against the log later.
"""
from __future__ import annotations

import hashlib
import os
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.actors import SYSTEM, Actor
from accounts.errors import InvalidInput
from accounts.models import Team
from audit.activity import Activity, activity_of_team, period_bounds
from audit.charts import to_svg
from audit.models import AuditEvent, ComplianceReport
from audit.services import record_event

MAX_PERIOD_DAYS = 366


def activity_svgs(activity: Activity) -> dict[str, str]:
    """The charts of `activity` as inline SVG, by section (for audit/_activity.html)."""
    return {
        "decisions": to_svg(activity.decisions_chart(), ident="decisions"),
        "blocked": to_svg(activity.blocked_chart(), ident="blocked",
                          height=max(80, 40 + 24 * len(activity.blocked_per_category))),
        "turnaround": to_svg(activity.turnaround_chart(), ident="turnaround", height=160),
        "appeals": to_svg(activity.appeals_chart(), ident="appeals", height=110),
        "verifications": to_svg(activity.verifications_chart(), ident="verifications"),
    }


def previous_month(today: date) -> tuple[date, date]:
    """[first day of last month, first day of this month)."""
    end = today.replace(day=1)
    return (end - timedelta(days=1)).replace(day=1), end


def reports_dir() -> Path:
    return Path(settings.HALLMARK_AUDIT_REPORTS_DIR)


def report_file(report: ComplianceReport, fmt: str) -> Path:
    relative = report.pdf_path if fmt == "pdf" else report.html_path
    return reports_dir() / relative


@transaction.atomic
def report_create(*, team: Team, period_start: date, period_end: date, actor: Actor = SYSTEM) -> ComplianceReport:
    """The team's report for [period_start, period_end): made once, then returned as it is."""
    if period_end <= period_start:
        raise InvalidInput("A report's period must end after it starts.")
    if (period_end - period_start).days > MAX_PERIOD_DAYS:
        raise InvalidInput(f"A report covers at most {MAX_PERIOD_DAYS} days.")
    # Holding the team row makes concurrent runs (the monthly task, the command) wait, then find the first one's report.
    Team.objects.select_for_update().get(pk=team.pk)
    existing = ComplianceReport.objects.filter(team=team, period_start=period_start, period_end=period_end).first()
    if existing is not None:
        return existing

    from audit.report_pdf import render_pdf

    activity = activity_of_team(team=team, period_start=period_start, period_end=period_end)
    generated_at = timezone.now()
    span = _event_span(team, period_start, period_end)
    folder = reports_dir() / team.slug
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{team.slug}-{period_start}-to-{activity.last_day}"
    html = render_to_string("audit/report.html", {
        "activity": activity, "svgs": activity_svgs(activity), "generated_at": generated_at, **span})
    html_path, pdf_path = folder / f"{stem}.html", folder / f"{stem}.pdf"
    _write_atomically(html_path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
    _write_atomically(pdf_path, lambda tmp: render_pdf(
        activity, tmp, generated_at=generated_at,
        event_span=f"events #{span['first_seq'] or '–'} to #{span['last_seq'] or '–'}, {span['event_count']} in the period"))

    report = ComplianceReport.objects.create(
        team=team, period_start=period_start, period_end=period_end,
        html_path=str(html_path.relative_to(reports_dir())), pdf_path=str(pdf_path.relative_to(reports_dir())))
    record_event(action="audit.report_created", actor=actor, team=team, target=report, details={
        "period_start": period_start.isoformat(), "period_end": period_end.isoformat(),
        "html_sha256": _sha256(html_path), "pdf_sha256": _sha256(pdf_path), **span})
    return report


def report_downloaded(*, actor: Actor, access, report: ComplianceReport, fmt: str) -> None:
    """A report left the platform: who took which one, in which format."""
    record_event(action="audit.report_downloaded", actor=actor, team=access.team, target=report,
                 details={"format": fmt, "period_start": report.period_start.isoformat(),
                          "period_end": report.period_end.isoformat()})


def _event_span(team: Team, period_start: date, period_end: date) -> dict:
    since, until = period_bounds(period_start, period_end)
    events = AuditEvent.objects.filter(team=team, occurred_at__gte=since, occurred_at__lt=until)
    seqs = events.order_by("seq").values_list("seq", flat=True)
    return {"first_seq": seqs.first(), "last_seq": seqs.last(), "event_count": events.count()}


def _write_atomically(path: Path, write) -> None:
    """Write through a temporary file and rename: a reader never sees half a report."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
