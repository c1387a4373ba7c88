from django.core.management.base import BaseCommand

from audit.retention import archive_create


class Command(BaseCommand):
    help = ("Archive audit events older than the retention age (HALLMARK_AUDIT_RETENTION_DAYS) to a file with "
            "their inclusion proofs. Nothing leaves the database: audit_prune does that, separately.")

    def add_arguments(self, parser):
        parser.add_argument("--older-than-days", type=int, default=None,
                            help="archive events older than this many days (default: the retention setting)")

    def handle(self, *args, older_than_days: int | None, **options):
        archive = archive_create(older_than_days=older_than_days)
        if archive is None:
            self.stdout.write("Nothing to archive: no signed, unarchived event is past the retention age.")
            return
        self.stdout.write(f"Archived events #{archive.first_seq}–#{archive.last_seq} to {archive.path} "
                          f"(archive {archive.pk}, sha256 {archive.sha256[:16]}…)")
