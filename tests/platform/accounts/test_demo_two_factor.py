"""The demo's privileged people can sign in: demo_setup gives them devices, totp_code prints a code."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def test_demo_people_sign_in_with_the_printed_password_and_code(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("demo_setup", stdout=out)
    printed = out.getvalue()
    for role in ("admin", "moderator", "auditor"):
        assert f"otpauth://totp/Hallmark%3A{role}%40demo.hallmark.test?secret=" in printed
    assert "member%40demo" not in printed  # members are not asked for a code
    assert "otpauth://" in (tmp_path / "demo-logins.txt").read_text()

    email = "auditor@demo.hallmark.test"
    password = next(line.split()[2] for line in printed.splitlines() if email in line)
    client = Client()
    assert client.post("/accounts/login/", {"username": email, "password": password}).status_code == 302
    assert client.get("/t/demo/audit/")["Location"].startswith("/accounts/two-factor/")
    code = StringIO()
    call_command("totp_code", email, stdout=code)
    verified = client.post("/accounts/two-factor/", {"code": code.getvalue().split()[0], "next": "/t/demo/audit/"})
    assert verified.status_code == 302 and client.get("/t/demo/audit/").status_code == 200


def test_totp_code_is_refused_in_production(settings, make_team):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refused in production"):
        call_command("totp_code", make_team().user("admin").email)
