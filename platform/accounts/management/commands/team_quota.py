"""Show or set a team's quota and the models it may use (platform operators; team admins cannot raise their own)."""
from django.core.management.base import BaseCommand, CommandError

from accounts import services
from accounts.errors import ServiceError
from accounts.models import Team, TeamQuota


class Command(BaseCommand):
    help = "Show a team's quota, or set it with --clips-per-day and/or --video-seconds-per-month (audited)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--clips-per-day", type=int)
        parser.add_argument("--video-seconds-per-month", type=int)
        parser.add_argument("--backends", help="comma-separated models the team may use, e.g. default,wan")

    def handle(self, *args, slug: str, clips_per_day: int | None, video_seconds_per_month: int | None,
               backends: str | None, **options):
        team = Team.objects.filter(slug=slug).first()
        if team is None:
            raise CommandError(f"No team with slug '{slug}'.")
        quota = TeamQuota.objects.filter(team=team).first()
        if clips_per_day is not None or video_seconds_per_month is not None:
            try:
                quota = services.quota_set(
                    team=team,
                    clips_per_day=clips_per_day if clips_per_day is not None else quota.clips_per_day,
                    video_seconds_per_month=(video_seconds_per_month if video_seconds_per_month is not None
                                             else quota.video_seconds_per_month),
                )
            except ServiceError as exc:
                raise CommandError(exc.message) from None
        if backends is not None:
            try:
                quota = services.backends_set(team=team, backends=[b.strip() for b in backends.split(",") if b.strip()])
            except ServiceError as exc:
                raise CommandError(exc.message) from None
        self.stdout.write(f"{team.slug}: {quota.clips_per_day} clips per day, "
                          f"{quota.video_seconds_per_month} seconds of video per month, "
                          f"models: {', '.join(quota.backends)}")
