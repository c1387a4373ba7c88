"""python manage.py verify FILE [--json]: the verification report for a clip, as an operator sees it."""
from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.actors import SYSTEM
from accounts.errors import ServiceError
from verification.services import verification_run


class Command(BaseCommand):
    help = "Verify a clip: C2PA, watermark, fingerprint lookup, and which generation made it."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print the whole report as JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            with open(path, "rb") as fh:
                outcome = verification_run(actor=SYSTEM, access=None, upload=fh, file_name=path.name)
        except ServiceError as exc:
            raise CommandError(exc.message) from None
        report = outcome.report
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, sort_keys=True, default=str))
            return
        self.stdout.write(f"{report['verdict']}: {report['explanation']}")
        if report["generation"]:
            made = report["generation"]
            self.stdout.write(f"generation {made.get('generation_id')} of team {made.get('team')}, "
                              f"requested by {made.get('requested_by')} at {made['made_at']}")
