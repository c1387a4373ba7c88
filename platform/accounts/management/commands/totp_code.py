"""Print the current two-factor code of a person's device: development only, for the demo's people."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from accounts.models import User, normalize_email
from accounts.two_factor import confirmed_device


class Command(BaseCommand):
    help = "Print the current TOTP code of EMAIL's authenticator device (refused in production)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        # Whoever runs this could sign in as anyone; production has real people with real phones.
        if settings.PRODUCTION:
            raise CommandError("totp_code is for development and the demo; it is refused in production.")
        user = User.objects.filter(email=normalize_email(email)).first()
        device = confirmed_device(user) if user else None
        if device is None:
            raise CommandError(f"{email} has no confirmed two-factor device.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}  (valid for {device.step - totp.time % device.step:.0f} s)")
