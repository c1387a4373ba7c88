"""A moderator's and an admin's pages in a real headless Chromium."""
import os
import re

import pytest

from accounts import services
from accounts.actors import SYSTEM, Actor
from accounts.roles import Role
from accounts.selectors import access_team_by_slug
from studio import services as studio
from studio.models import GenerationRequest, Status

from ..accounts.test_browser import CHROMIUM, _shot, page, sign_in  # noqa: F401  (the page fixture)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not os.path.exists(CHROMIUM) and not os.environ.get("HALLMARK_REQUIRE_BROWSER"),
    reason="Chromium is not installed (apt-get install chromium); CI installs it and requires it")]

PASSWORD = "a long browser passphrase"


def _sign_in(page, live_server, email):  # noqa: F811
    sign_in(page, live_server.url, email, PASSWORD)  # moderators and admins enter a code too
    page.wait_for_url(re.compile(r"/t/newsroom/$"))


@pytest.mark.django_db(transaction=True)
def test_moderator_approves_and_admin_tightens_the_policy(page, live_server):  # noqa: F811
    admin = services.user_create(email="admin@newsroom.test", password=PASSWORD)
    team = services.team_create(actor=SYSTEM, slug="newsroom", name="Newsroom", first_admin=admin)
    moderator = services.user_create(email="mod@newsroom.test", password=PASSWORD)
    services.membership_add(team=team, user=moderator, role=Role.MODERATOR)
    held = studio.generation_request(actor=Actor(user=admin), access=access_team_by_slug(user=admin, slug="newsroom"),
                                     prompt="a soldier aiming a rifle at a man in a war zone")
    assert held.status == Status.IN_REVIEW

    _sign_in(page, live_server, "mod@newsroom.test")
    page.goto(f"{live_server.url}/t/newsroom/moderation/")
    queue = page.inner_text("[data-testid=queue]")
    assert "a soldier aiming a rifle" in queue and "weapons_instructions" in queue
    _shot(page, "moderation-queue")
    page.select_option("[data-testid=queue] select[name=reason]", "newsworthy")
    page.click("[data-testid=queue] button[value=approve]")
    page.wait_for_selector("text=Nothing is waiting.")
    assert GenerationRequest.objects.get(pk=held.pk).status == Status.QUEUED
    page.click("text=Sign out")

    _sign_in(page, live_server, "admin@newsroom.test")
    page.goto(f"{live_server.url}/t/newsroom/policy/")
    page.fill("input[name='graphic_violence.block_threshold']", "0.3")
    page.check("input[name='hate.shadow']")
    page.click("[data-testid=policy-form] button[type=submit]")
    page.wait_for_selector("text=The team policy was saved.")
    _shot(page, "policy")
    page.fill("input[name='sexual_minors.block_threshold']", "0.95")
    page.click("[data-testid=policy-form] button[type=submit]")
    assert "never relaxed" in page.inner_text("p.error")
