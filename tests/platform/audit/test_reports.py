"""Compliance reports: HTML and PDF files, one per team and period, the monthly task, the command, downloads."""
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone as dj_timezone

from accounts.errors import InvalidInput
from accounts.roles import Role
from audit.models import AuditEvent, ComplianceReport
from audit.reports import previous_month, report_create, report_file
from audit.tasks import monthly_reports
from studio import services as studio

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def reports_dir(settings, tmp_path):
    settings.HALLMARK_AUDIT_REPORTS_DIR = tmp_path / "reports"
    return settings.HALLMARK_AUDIT_REPORTS_DIR


@pytest.fixture
def busy_team(make_team):
    """A team whose name needs Unicode, with one allowed and one blocked prompt today."""
    people = make_team("acme", member=1, auditor=1)
    people.team.name = "Acme Zürich Ltd"
    people.team.save()
    for prompt in ("a red ball rolls left across a meadow", "a naked woman in the shower"):
        studio.generation_request(actor=people.actor(Role.MEMBER), access=people.access(Role.MEMBER), prompt=prompt,
                                  params=studio.GenerationParams(steps=2))
    return people


def _today():
    return dj_timezone.now().date()


def test_report_writes_html_and_a_real_pdf_and_is_audited(busy_team, reports_dir):
    today = _today()
    report = report_create(team=busy_team.team, period_start=today, period_end=today + timedelta(days=1))
    html = report_file(report, "html").read_text()
    pdf = report_file(report, "pdf").read_bytes()
    assert report_file(report, "html").parent == reports_dir / "acme"
    assert "Compliance report: Acme Zürich Ltd" in html and html.count("<svg") == 3  # nothing was reviewed or verified: no chart of either
    assert "<td>sexual_explicit</td><td>1</td>" in html
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-32:]
    event = AuditEvent.objects.get(action="audit.report_created")
    assert event.team_id == busy_team.team.pk and event.target_id == str(report.pk)
    assert event.details["period_start"] == today.isoformat() and len(event.details["pdf_sha256"]) == 64
    assert event.details["event_count"] >= 2


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_the_pdf_reads_as_text_with_the_team_name_and_the_numbers(busy_team):
    today = _today()
    report = report_create(team=busy_team.team, period_start=today, period_end=today + timedelta(days=1))
    text = subprocess.run(["pdftotext", "-layout", str(report_file(report, "pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Compliance report: Acme Zürich Ltd" in text
    assert "sexual_explicit" in text and "Prompt decisions per day" in text
    assert "Totals: 1 allowed, 0 reviewed, 1 blocked." in text


def test_one_report_per_team_and_period(busy_team):
    today = _today()
    first = report_create(team=busy_team.team, period_start=today, period_end=today + timedelta(days=1))
    again = report_create(team=busy_team.team, period_start=today, period_end=today + timedelta(days=1))
    assert again.pk == first.pk
    assert AuditEvent.objects.filter(action="audit.report_created").count() == 1
    with pytest.raises(InvalidInput, match="must end after"):
        report_create(team=busy_team.team, period_start=today, period_end=today)


def test_a_rolled_back_report_leaves_no_row_and_no_event(busy_team):
    today = _today()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            report_create(team=busy_team.team, period_start=today, period_end=today + timedelta(days=1))
            raise RuntimeError("the surrounding change failed")
    assert not ComplianceReport.objects.exists()
    assert not AuditEvent.objects.filter(action="audit.report_created").exists()


def test_monthly_task_reports_last_month_for_every_team_once(make_team):
    older = make_team("older")
    newer = make_team("newer")
    older.team.created_at = datetime(2026, 1, 15, tzinfo=timezone.utc)
    older.team.save()
    newer.team.created_at = datetime(2026, 3, 2, tzinfo=timezone.utc)  # after the month reported
    newer.team.save()
    on_the_first = int(datetime(2026, 3, 1, 2, 30, tzinfo=timezone.utc).timestamp())
    result = monthly_reports(timestamp=on_the_first)
    assert result["period_start"] == "2026-02-01" and result["period_end"] == "2026-03-01"
    assert monthly_reports(timestamp=on_the_first) == result  # a rerun finds them made
    reports = ComplianceReport.objects.all()
    assert [(r.team.slug, r.period_start, r.period_end) for r in reports] == [
        ("older", date(2026, 2, 1), date(2026, 3, 1))]
    assert AuditEvent.objects.filter(action="audit.report_created").count() == 1
    assert previous_month(date(2026, 1, 1)) == (date(2025, 12, 1), date(2026, 1, 1))


def test_the_command_makes_the_report_with_both_days_included(busy_team):
    out = StringIO()
    call_command("audit_report", "--team", "acme", "--from", "2026-02-01", "--to", "2026-02-28", stdout=out)
    report = ComplianceReport.objects.get()
    assert (report.period_start, report.period_end) == (date(2026, 2, 1), date(2026, 3, 1))
    assert out.getvalue().splitlines() == [str(report_file(report, "html")), str(report_file(report, "pdf"))]
    with pytest.raises(CommandError, match="No team"):
        call_command("audit_report", "--team", "nobody", "--from", "2026-02-01", "--to", "2026-02-28")
    with pytest.raises(CommandError, match="dates like"):
        call_command("audit_report", "--team", "acme", "--from", "February", "--to", "2026-02-28")


def test_reports_page_and_downloads_for_auditors_and_admins_only(busy_team, make_team, logged_in):
    today = _today()
    report = report_create(team=busy_team.team, period_start=today, period_end=today + timedelta(days=1))
    slug = busy_team.team.slug
    auditor = logged_in(busy_team.user(Role.AUDITOR))
    page = auditor.get(f"/t/{slug}/audit/reports/")
    assert page.status_code == 200 and f"/t/{slug}/audit/reports/{report.pk}.pdf" in page.content.decode()

    pdf = auditor.get(f"/t/{slug}/audit/reports/{report.pk}.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    html = logged_in(busy_team.user(Role.ADMIN)).get(f"/t/{slug}/audit/reports/{report.pk}.html")
    assert html.status_code == 200 and "sandbox" in html["Content-Security-Policy"]
    downloads = AuditEvent.objects.filter(action="audit.report_downloaded").order_by("seq")
    assert [(e.actor_label, e.details["format"]) for e in downloads] == [
        (busy_team.user(Role.AUDITOR).email, "pdf"), (busy_team.user(Role.ADMIN).email, "html")]

    member = logged_in(busy_team.user(Role.MEMBER))
    assert member.get(f"/t/{slug}/audit/reports/").status_code == 404
    assert member.get(f"/t/{slug}/audit/reports/{report.pk}.pdf").status_code == 404
    assert auditor.get(f"/t/{slug}/audit/reports/{report.pk}.exe").status_code == 404

    other = make_team("other", auditor=1)
    theirs = logged_in(other.user(Role.AUDITOR))
    assert theirs.get(f"/t/{slug}/audit/reports/{report.pk}.pdf").status_code == 404  # not their team
    assert theirs.get(f"/t/other/audit/reports/{report.pk}.pdf").status_code == 404  # not their report
    assert AuditEvent.objects.filter(action="audit.report_downloaded").count() == 2


def test_reports_page_makes_a_report_for_a_chosen_period(busy_team, logged_in):
    client = logged_in(busy_team.user(Role.AUDITOR))
    slug = busy_team.team.slug
    response = client.post(f"/t/{slug}/audit/reports/", {"from": "2026-01-01", "to": "2026-01-31"})
    assert response.status_code == 302
    report = ComplianceReport.objects.get()
    assert (report.period_start, report.period_end) == (date(2026, 1, 1), date(2026, 2, 1))
    assert AuditEvent.objects.get(action="audit.report_created").actor_label == busy_team.user(Role.AUDITOR).email
    bad = client.post(f"/t/{slug}/audit/reports/", {"from": "2026-01-31", "to": "2026-01-01"})
    assert bad.status_code == 400 and "must end after" in bad.content.decode()
