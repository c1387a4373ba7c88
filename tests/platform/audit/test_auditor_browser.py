"""An auditor's charts, one event in detail and the compliance reports, in a real headless Chromium."""
import os
import re
import shutil

import pytest
from django.utils import timezone

from accounts import services
from accounts.actors import SYSTEM, Actor
from accounts.roles import Role
from accounts.selectors import access_team_by_slug
from audit.models import AuditEvent
from moderation import services as moderation
from studio import services as studio

from ..accounts.test_browser import CHROMIUM, SCREENSHOTS, _shot, page  # noqa: F401  (the page fixture)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not os.path.exists(CHROMIUM) and not os.environ.get("HALLMARK_REQUIRE_BROWSER"),
    reason="Chromium is not installed (apt-get install chromium); CI installs it and requires it")]


@pytest.mark.django_db(transaction=True)
def test_auditor_reads_charts_an_event_and_downloads_a_report(page, live_server, settings, tmp_path, logged_in):  # noqa: F811
    settings.HALLMARK_AUDIT_REPORTS_DIR = tmp_path / "reports"
    admin = services.user_create(email="admin@bank.test", password=None)
    team = services.team_create(actor=SYSTEM, slug="bank", name="Bank", first_admin=admin)
    moderator = services.user_create(email="moderator@bank.test", password=None)
    services.membership_add(team=team, user=moderator, role=Role.MODERATOR)
    auditor = services.user_create(email="auditor@bank.test", password=None)
    services.membership_add(team=team, user=auditor, role=Role.AUDITOR)
    access = access_team_by_slug(user=admin, slug="bank")
    for prompt in ("a red ball rolls left across a meadow", "a blue kite over the sea"):
        studio.generation_request(actor=Actor(user=admin), access=access, prompt=prompt)
    blocked = studio.generation_request(actor=Actor(user=admin), access=access, prompt="a naked woman in the shower")
    held = studio.generation_request(actor=Actor(user=admin), access=access,
                                     prompt="a soldier aiming a rifle at a man in a war zone")
    moderation.review_decide(actor=Actor(user=moderator), access=access_team_by_slug(user=moderator, slug="bank"),
                             request=held, decision="reject", reason="policy_violation", note="real violence")
    moderation.appeal_file(actor=Actor(user=admin), access=access, request=blocked, statement="a classical painting")

    # Signed in as the sign-in form (and a second factor, where the role needs one) would leave the
    # session: those pages have browser tests of their own.
    session = logged_in(auditor).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])

    page.goto(f"{live_server.url}/t/bank/audit/charts/")
    assert "Totals: 2 allowed · 1 reviewed · 1 blocked" in page.inner_text("[data-testid=chart-decisions]")
    assert "sexual_explicit" in page.inner_text("[data-testid=table-blocked]")
    assert page.get_by_role("img", name="Prompt decisions per day").count() == 1  # the SVG's accessible name
    today = timezone.now().date().isoformat()
    page.fill("[data-testid=period-form] input[name=from]", today)
    page.click("[data-testid=period-form] button[type=submit]")  # htmx swaps the charts
    page.wait_for_url(re.compile(rf"from={today}"))
    assert page.locator("[data-testid=table-decisions] tbody tr").count() == 1
    _shot(page, "audit-charts")

    rejected = AuditEvent.objects.get(action="moderation.rejected")
    page.goto(f"{live_server.url}/t/bank/audit/")
    page.click(f"[data-testid=events] a[href='/t/bank/audit/{rejected.seq}/']")
    page.wait_for_url(f"{live_server.url}/t/bank/audit/{rejected.seq}/")
    assert page.inner_text("[data-testid=hash]") == rejected.hash
    assert "Rejected" in page.inner_text("[data-testid=linked-review]")
    assert "review" in page.inner_text("[data-testid=linked-decision]")
    _shot(page, "audit-event")

    page.goto(f"{live_server.url}/t/bank/audit/reports/")
    page.fill("[data-testid=report-form] input[name=from]", today)
    page.fill("[data-testid=report-form] input[name=to]", today)
    page.click("[data-testid=report-form] button[type=submit]")
    page.wait_for_selector("[data-testid=reports] a:text('PDF')")
    _shot(page, "audit-reports")
    with page.expect_download() as download:
        page.click("[data-testid=reports] a:text('PDF')")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    if SCREENSHOTS:  # the report itself, for a person to open and check
        shutil.copy(download.value.path(), SCREENSHOTS / "compliance-report.pdf")
    assert AuditEvent.objects.filter(action="audit.report_downloaded", actor_label="auditor@bank.test").count() == 1
