"""The pages in a real headless Chromium (Debian's package, driven by Playwright)."""
import base64
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from django.db import connections

from accounts import services
from accounts.actors import SYSTEM
from accounts.roles import Role

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("HALLMARK_SCREENSHOT_DIR", "")) if os.environ.get("HALLMARK_SCREENSHOT_DIR") else None

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("HALLMARK_REQUIRE_BROWSER"),
                       reason="Chromium is not installed (apt-get install chromium); CI installs it and requires it"),
]


@pytest.fixture
def page(live_server):
    # Playwright's sync API runs an event loop in this thread; Django's ORM must still be allowed here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.set_default_timeout(15000)
        yield page
        browser.close()
        # Inside Playwright's event loop Django keeps separate connections; close them here,
        # or the test database cannot be dropped at the end of the run.
        connections.close_all()


def sign_in(page, base_url: str, email: str, password: str) -> None:
    """Sign in through the form; a moderator, admin or auditor then types their authenticator's code."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/two-factor/" in page.url:
        enter_authenticator_code(page, email)


def enter_authenticator_code(page, email: str) -> None:
    """Act as the person's authenticator app: on first sign-in it scans the setup key off the page;
    after that it holds the key it scanned (read back from the device, as the app would have it)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    secret = page.locator("[data-testid=totp-secret]")
    if secret.count():
        _shot(page, "two-factor-enrol")
        text = secret.inner_text()
        key, last_t = base64.b32decode(text + "=" * (-len(text) % 8)), -1
    else:
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        key, last_t = device.bin_key, device.last_t
    # A code is accepted once: when this step's code was used already, the app's next one is.
    drift = 1 if int(time.time()) // 30 <= last_t else 0
    page.fill("[data-testid=two-factor-form] input[name=code]", f"{totp(key, step=30, drift=drift):06d}")
    page.click("[data-testid=two-factor-form] button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/two-factor/" not in url)


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_sign_in_switch_team_and_create_a_key(page, live_server):
    admin = services.user_create(email="admin@studio.test", password="a long browser passphrase")
    studio = services.team_create(actor=SYSTEM, slug="studio", name="Studio", first_admin=admin)
    other_admin = services.user_create(email="boss@newsroom.test", password=None)
    newsroom = services.team_create(actor=SYSTEM, slug="newsroom", name="Newsroom", first_admin=other_admin)
    services.membership_add(team=newsroom, user=admin, role=Role.MEMBER)
    services.membership_add(team=studio, user=services.user_create(email="m@studio.test", password=None),
                            role=Role.MEMBER)

    page.goto(f"{live_server.url}/accounts/login/")
    _shot(page, "login")
    sign_in(page, live_server.url, "admin@studio.test", "a long browser passphrase")
    page.wait_for_url(re.compile(r"/t/newsroom/$|/t/studio/$"))

    page.goto(f"{live_server.url}/t/studio/")
    assert "m@studio.test" in page.inner_text("[data-testid=members]")
    page.fill("[data-testid=api-key-form] input[name=name]", "render farm")
    page.check("[data-testid=api-key-form] input[value=generate]")
    page.click("[data-testid=api-key-form] button[type=submit]")
    token = page.inner_text("[data-testid=new-api-key] code")
    assert re.fullmatch(r"hm_[0-9a-f]{8}_[0-9a-f]{48}", token)
    _shot(page, "team-new-key")

    page.click("[data-testid=team-switcher] summary")
    page.click("text=Newsroom")
    page.wait_for_url(f"{live_server.url}/t/newsroom/")
    assert "you are member" in page.inner_text("h1")
    assert page.locator("[data-testid=api-key-form]").count() == 0  # members do not manage keys
    _shot(page, "team-as-member")

    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/accounts/login/"))
