"""`manage.py runstack` (what `make demo` runs): web server and worker start, serve, and stop on Ctrl-C."""
import base64
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django_otp.oath import totp

from accounts import services
from accounts.actors import SYSTEM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout}s")


@pytest.mark.django_db(transaction=True)
def test_runstack_serves_the_login_and_stops_both_on_ctrl_c(database_url):
    user = services.user_create(email="demo@example.test", password="a long demo passphrase")
    services.team_create(actor=SYSTEM, slug="demo", name="Demo Studio", first_admin=user)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    stack = subprocess.Popen(
        [sys.executable, str(settings.ROOT_DIR / "manage.py"), "runstack", f"127.0.0.1:{port}"],
        env={**os.environ, "DATABASE_URL": database_url}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )
    try:
        _wait_for(f"{base}/accounts/login/")
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login_page = opener.open(f"{base}/accounts/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "demo@example.test",
                                       "password": "a long demo passphrase"}).encode()
        enrol = opener.open(urllib.request.Request(f"{base}/accounts/login/", data=form,
                                                   headers={"Referer": f"{base}/accounts/login/"}))
        # An admin: first sign-in sets up two-factor; the test is the authenticator app.
        assert enrol.url.startswith(f"{base}/accounts/two-factor/")
        page = enrol.read().decode()
        secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page).group(1)
        code = totp(base64.b32decode(secret + "=" * (-len(secret) % 8)), step=30)
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1), "code": f"{code:06d}",
            "next": "/t/demo/"}).encode()
        team_page = opener.open(urllib.request.Request(enrol.url, data=form, headers={"Referer": enrol.url}))
        assert team_page.url == f"{base}/t/demo/"
        assert "Demo Studio" in team_page.read().decode()
        children = _children(stack.pid)
        assert len(children) == 2
    finally:
        os.killpg(stack.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        output, _ = stack.communicate(timeout=30)
    assert stack.returncode == 0, output
    assert "Stopped web server and worker." in output
    assert all(not _alive(pid) for pid in children)


def _children(pid: int) -> list[int]:
    import psutil

    return [child.pid for child in psutil.Process(pid).children()]


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
