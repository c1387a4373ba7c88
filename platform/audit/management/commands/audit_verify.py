from django.core.management.base import BaseCommand, CommandError

from audit.selectors import chain_verify


class Command(BaseCommand):
    help = "Walk the audit hash chain and name the first broken link (exit status 1 if any)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="from_seq", type=int, default=1, help="first sequence number to check")
        parser.add_argument("--to", dest="to_seq", type=int, default=None, help="last sequence number to check")

    def handle(self, *args, from_seq: int, to_seq: int | None, **options):
        if from_seq < 1 or (to_seq is not None and to_seq < from_seq):
            raise CommandError("--from must be ≥ 1 and --to ≥ --from.")
        report = chain_verify(from_seq=from_seq, to_seq=to_seq)
        if report.ok:
            last = f"#{report.last_seq}" if report.events_checked else "none"
            self.stdout.write(f"OK: {report.events_checked} events verified (last {last}, hash {report.last_hash[:16]}…)")
            return
        self.stderr.write(f"BROKEN at {report.broken} ({report.events_checked} events before it verified)")
        raise SystemExit(1)
