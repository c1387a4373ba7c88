"""An auditor's audit log in a real headless Chromium: filter, then export what is shown."""
import os
import re

import pytest

from accounts import services
from accounts.actors import SYSTEM, Actor
from accounts.roles import Role
from accounts.selectors import access_team_by_slug
from studio import services as studio

from ..accounts.test_browser import CHROMIUM, _shot, page, sign_in  # noqa: F401  (the page fixture)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not os.path.exists(CHROMIUM) and not os.environ.get("HALLMARK_REQUIRE_BROWSER"),
    reason="Chromium is not installed (apt-get install chromium); CI installs it and requires it")]


@pytest.mark.django_db(transaction=True)
def test_auditor_filters_the_log_and_exports_it(page, live_server):  # noqa: F811
    admin = services.user_create(email="admin@bank.test", password=None)
    team = services.team_create(actor=SYSTEM, slug="bank", name="Bank", first_admin=admin)
    auditor = services.user_create(email="auditor@bank.test", password="a long browser passphrase")
    services.membership_add(team=team, user=auditor, role=Role.AUDITOR)
    access = access_team_by_slug(user=admin, slug="bank")
    for prompt in ("a red ball rolls left across a meadow", "a soldier aiming a rifle at a man in a war zone",
                   "a naked woman in the shower"):
        studio.generation_request(actor=Actor(user=admin), access=access, prompt=prompt)

    sign_in(page, live_server.url, "auditor@bank.test", "a long browser passphrase")  # with a code
    page.wait_for_url(re.compile(r"/t/bank/$"))
    page.goto(f"{live_server.url}/t/bank/audit/")
    assert "team.created" in page.inner_text("[data-testid=events]")
    page.fill("[data-testid=audit-filter] input[name=action]", "generation.")
    page.click("[data-testid=audit-filter] button[type=submit]")
    events = page.inner_text("[data-testid=events]")
    assert events.count("generation.requested") == 3 and "team.created" not in events
    assert "block" in events and "sexual_explicit" in events
    _shot(page, "audit-log")
    with page.expect_download() as download:
        page.click("text=CSV")
    lines = open(download.value.path()).read().splitlines()
    assert lines[0].startswith("seq,occurred_at") and len(lines) == 4
