from django.core.management.base import BaseCommand, CommandError

from accounts.errors import ServiceError
from audit.models import AuditArchive
from audit.retention import archive_prune


class Command(BaseCommand):
    help = ("Remove an archive's events from the database (maintenance; recorded in the audit log). "
            "Their hashes stay, so checkpoints and proofs still verify; the archive file keeps the events.")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=int, help="the archive id that audit_archive printed")
        parser.add_argument("--operator", required=True, help="who is removing the events")
        parser.add_argument("--reason", required=True, help="why (e.g. the retention policy it applies)")

    def handle(self, *args, archive: int, operator: str, reason: str, **options):
        found = AuditArchive.objects.filter(pk=archive).first()
        if found is None:
            raise CommandError(f"There is no archive {archive}; audit_archive lists the ones it makes.")
        try:
            removed = archive_prune(archive=found, operator=operator, reason=reason)
        except ServiceError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"Removed {removed} events (#{found.first_seq}–#{found.last_seq}); "
                          f"they remain in {found.path}.")
