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
