"""In a real headless Chromium: sign in, generate a video, watch it finish, play it, verify it."""
import os
import re
import threading

import pytest

from accounts import services
from accounts.actors import SYSTEM
from studio.models import Clip

from ..accounts.test_browser import CHROMIUM, _shot, page, sign_in  # noqa: F401  (the page fixture)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not os.path.exists(CHROMIUM) and not os.environ.get("HALLMARK_REQUIRE_BROWSER"),
    reason="Chromium is not installed (apt-get install chromium); CI installs it and requires it")]


@pytest.mark.django_db(transaction=True)
def test_generate_watch_play_and_verify(page, live_server, run_worker, media):  # noqa: F811
    member = services.user_create(email="maker@studio.test", password="a long browser passphrase")
    services.team_create(actor=SYSTEM, slug="studio", name="Studio", first_admin=member)

    sign_in(page, live_server.url, "maker@studio.test", "a long browser passphrase")  # an admin: with a code
    page.wait_for_url(re.compile(r"/t/studio/$"))

    page.goto(f"{live_server.url}/t/studio/studio/")
    form = "[data-testid=generate-form]"
    page.fill(f"{form} textarea[name=prompt]", "a red ball rolls left across a meadow")
    page.fill(f"{form} input[name=steps]", "2")
    page.fill(f"{form} input[name=seed]", "3")
    page.select_option(f"{form} select[name=fps]", "12")
    page.select_option(f"{form} select[name=aspect_ratio]", "16:9")
    page.click(f"{form} button[type=submit]")
    page.wait_for_url(re.compile(r"/t/studio/studio/\d+/$"))
    assert "Queued" in page.inner_text("[data-testid=status]")
    _shot(page, "studio-queued")

    worker = threading.Thread(target=run_worker)  # the page keeps polling while the worker renders
    worker.start()
    page.wait_for_selector("[data-testid=player]", timeout=240_000)
    worker.join()
    credentials = page.inner_text("[data-testid=credentials]")
    assert "Trusted" in credentials and "found after encoding" in credentials
    assert page.evaluate("document.querySelector('[data-testid=player]').readyState") >= 1  # the browser loaded it
    assert page.evaluate("document.querySelector('[data-testid=player]').videoWidth") == 456  # 16:9, as chosen
    assert "456×256, 12 fps, 24 frames" in page.inner_text("[data-testid=clip-format]")
    _shot(page, "studio-done")

    page.goto(f"{live_server.url}/t/studio/studio/")
    assert "Done" in page.inner_text("[data-testid=generations]")
    _shot(page, "studio-list")

    page.goto(f"{live_server.url}/t/studio/verify/")
    page.set_input_files("[data-testid=verify-form] input[type=file]", Clip.objects.get().file.path)
    page.click("[data-testid=verify-form] button[type=submit]")
    report = page.inner_text("[data-testid=report]")
    assert "Made by Hallmark" in report and "a red ball rolls left" in report
    _shot(page, "verify-ours")

    # Extend the video from its page: the new one names its parent, the parent lists it.
    parent = Clip.objects.get().request_id
    page.goto(f"{live_server.url}/t/studio/studio/{parent}/")
    extend = "[data-testid=extend-form]"
    page.fill(f"{extend} textarea[name=prompt]", "the red ball keeps rolling left")
    page.select_option(f"{extend} select[name=duration_seconds]", "1")
    page.click(f"{extend} button[type=submit]")
    page.wait_for_url(re.compile(r"/t/studio/studio/\d+/$"))
    run_worker()
    # No reload of our own: the page polls its status and reloads itself when the clip is done,
    # and a second reload racing that one was aborted by the browser (net::ERR_ABORTED).
    page.wait_for_selector("[data-testid=player]", timeout=60_000)
    assert f"Continues video {parent}" in page.inner_text("[data-testid=lineage]")
    assert "456×256, 12 fps, 36 frames" in page.inner_text("[data-testid=clip-format]")  # its parent's shape and rate
    assert "Trusted" in page.inner_text("[data-testid=credentials]")
    _shot(page, "studio-extension")
    page.goto(f"{live_server.url}/t/studio/studio/{parent}/")
    assert "Continued by video" in page.inner_text("[data-testid=lineage]")
