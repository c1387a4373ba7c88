"""Create the demo team with one user per role; print their logins the first time only."""
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts import services, two_factor
from accounts.actors import SYSTEM
from accounts.models import Team, User
from accounts.roles import Role

DEMO_TEAM = ("demo", "Demo Studio")
DEMO_DOMAIN = "demo.hallmark.test"


class Command(BaseCommand):
    help = "Create (once) a demo team with one user per role and print their logins."

    def handle(self, *args, **options):
        logins_file = settings.DATA_DIR / "demo-logins.txt"
        if Team.objects.filter(slug=DEMO_TEAM[0]).exists():
            self.stdout.write(f"Demo team exists; its logins were printed when it was made (copy kept in {logins_file}).")
            return
        logins = []
        with transaction.atomic():
            users = {}
            for role in (Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.AUDITOR):
                email = f"{role}@{DEMO_DOMAIN}"
                users[role] = User.objects.filter(email=email).first()
                if users[role] is None:
                    password = secrets.token_urlsafe(12)
                    users[role] = services.user_create(email=email, password=password, display_name=f"Demo {role}")
                else:  # an account from before keeps its own password
                    password = "(existing account, password unchanged)"
                logins.append((role, email, password))
            team = services.team_create(slug=DEMO_TEAM[0], name=DEMO_TEAM[1], first_admin=users[Role.ADMIN])
            for role in (Role.MODERATOR, Role.MEMBER, Role.AUDITOR):
                services.membership_add(team=team, user=users[role], role=role)
            # Moderators, admins and auditors sign in with a second factor: give them a device up front.
            devices = {role: two_factor.totp_device_provision(actor=SYSTEM, user=users[role])
                       for role in (Role.ADMIN, Role.MODERATOR, Role.AUDITOR)}
        lines = [f"  {role:<10} {email:<32} {password}" for role, email, password in logins]
        text = "Demo logins (shown once) for http://127.0.0.1:8000/accounts/login/\n" + "\n".join(lines) + "\n"
        text += ("Admin, moderator and auditor then enter a two-factor code: add their setup link to an\n"
                 "authenticator app, or print the current code with `python manage.py totp_code EMAIL`.\n")
        text += "".join(f"  {role:<10} {device.config_url}\n" for role, device in devices.items())
        logins_file.write_text(text)
        logins_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(text) + f"(a copy is kept, readable only by you, in {logins_file})")
