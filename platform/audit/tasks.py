"""Background jobs of the audit app."""
from procrastinate.contrib.django import app

from audit.selectors import chain_verify
from audit.services import record_event


@app.periodic(cron="17 * * * *", periodic_id="hourly")
@app.task(name="audit.verify_chain", queue="audit", queueing_lock="audit.verify_chain")
def verify_chain(timestamp: int | None = None) -> dict:
    """Walk the whole chain hourly and record the outcome, so a break is noticed within the hour."""
    report = chain_verify()
    details = {"events_checked": report.events_checked, "last_seq": report.last_seq}
    if report.ok:
        record_event(action="audit.chain_verified", details=details)
    else:
        record_event(action="audit.chain_broken", details={**details, "first_broken": str(report.broken)})
    return {"ok": report.ok, **details}


@app.periodic(cron="*/10 * * * *", periodic_id="every-ten-minutes")
@app.task(name="audit.write_checkpoint", queue="audit", queueing_lock="audit.write_checkpoint")
def write_checkpoint(timestamp: int | None = None) -> dict:
    """Sign the log's Merkle root when it has grown, and copy new checkpoints and events to the export folder."""
    from audit.checkpoints import checkpoint_create, export_checkpoints

    created = checkpoint_create()
    exported = export_checkpoints()
    return {"tree_size": created.tree_size if created else None, "exported": exported}


@app.periodic(cron="41 3 * * *", periodic_id="daily")
@app.task(name="audit.archive_expired", queue="audit", queueing_lock="audit.archive_expired")
def archive_expired(timestamp: int | None = None) -> dict:
    """Archive, daily, the events past the retention age (removing them stays a manual, audited step)."""
    from audit.retention import archive_create

    archive = archive_create()
    return {"archived": [archive.first_seq, archive.last_seq] if archive else None}


@app.periodic(cron="30 2 1 * *", periodic_id="monthly")
@app.task(name="audit.monthly_reports", queue="audit", queueing_lock="audit.monthly_reports")
def monthly_reports(timestamp: int | None = None) -> dict:
    """On the 1st, each team's compliance report for the month before (a rerun finds them made)."""
    from datetime import datetime, timezone

    from accounts.models import Team
    from audit.reports import previous_month, report_create

    today = datetime.fromtimestamp(timestamp, timezone.utc).date() if timestamp else datetime.now(timezone.utc).date()
    period_start, period_end = previous_month(today)
    made = []
    # A team created after the month ended had nothing to report for it.
    for team in Team.objects.filter(created_at__date__lt=period_end).order_by("pk"):
        report = report_create(team=team, period_start=period_start, period_end=period_end)
        made.append(report.pk)
    return {"period_start": period_start.isoformat(), "period_end": period_end.isoformat(), "reports": made}
