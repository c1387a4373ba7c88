from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError

from accounts.errors import ServiceError
from accounts.models import Team
from audit.reports import report_create, report_file


class Command(BaseCommand):
    help = ("Make a team's compliance report (HTML and PDF) for a period, or print the one already made. "
            "Both days are included.")

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="the team's slug")
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD (UTC)")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD (UTC), included")

    def handle(self, *args, team: str, start: str, end: str, **options):
        found = Team.objects.filter(slug=team).first()
        if found is None:
            raise CommandError(f"No team {team!r}.")
        try:
            period_start, last_day = date.fromisoformat(start), date.fromisoformat(end)
        except ValueError:
            raise CommandError("--from and --to must be dates like 2026-11-30.") from None
        try:
            report = report_create(team=found, period_start=period_start, period_end=last_day + timedelta(days=1))
        except ServiceError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"{report_file(report, 'html')}\n{report_file(report, 'pdf')}")
