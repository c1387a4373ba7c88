import json
from datetime import date, datetime, time, timezone

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from audit.checkpoints import checkpoints_verify
from audit.merkle import ProofError
from audit.models import ArchivedLeaf, AuditCheckpoint, AuditEvent
from audit.signed_checkpoint import Checkpoint
from audit.selectors import chain_verify


class Command(BaseCommand):
    help = ("Walk the audit hash chain and name the first broken link, then check the signed checkpoints "
            "against the stored events (exit status 1 if anything fails).")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", default=None,
                            help="first event to check: a sequence number or a date (YYYY-MM-DD, UTC)")
        parser.add_argument("--to", dest="end", default=None,
                            help="last event to check: a sequence number or a date (inclusive)")

    def handle(self, *args, start: str | None, end: str | None, **options):
        from_seq = _seq(start, first=True) if start else 1
        to_seq = _seq(end, first=False) if end else None
        if from_seq < 1 or (to_seq is not None and to_seq < from_seq):
            raise CommandError("--from must be ≥ 1 and --to must not come before --from.")
        report = chain_verify(from_seq=from_seq, to_seq=to_seq)
        if not report.ok:
            self.stderr.write(f"BROKEN at {report.broken} ({report.events_checked} events before it verified)")
            raise SystemExit(1)
        last = f"#{report.last_seq}" if report.events_checked else "none"
        self.stdout.write(f"OK: {report.events_checked} events verified (last {last}, hash {report.last_hash[:16]}…)")
        pruned = ArchivedLeaf.objects.order_by("-seq").values_list("seq", flat=True).first()
        if pruned and from_seq <= pruned:
            self.stdout.write(f"Events #1–#{pruned} were archived and removed: their content is checked with "
                              f"python -m audit.verifier on the archive files; their hashes below.")
        try:
            checked, problem = checkpoints_verify(up_to=to_seq)
        except ProofError as exc:
            checked, problem = 0, str(exc)
        problem = problem or _export_mismatch()
        if problem:
            self.stderr.write(f"CHECKPOINT FAILED: {problem} ({checked} checkpoints before it verified)")
            raise SystemExit(1)
        self.stdout.write(f"OK: {checked} signed checkpoints match the stored events" if checked else
                          "No signed checkpoint in that range yet: only the hash chain was checked")


def _seq(value: str, *, first: bool) -> int:
    """A sequence number as given, or the first (last) event on or after (up to the end of) a date."""
    if value.isdigit():
        return int(value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is neither a sequence number nor a date like 2026-12-04.") from None
    if first:
        moment = datetime.combine(day, time.min, tzinfo=timezone.utc)
        found = AuditEvent.objects.filter(occurred_at__gte=moment).order_by("seq").values_list("seq", flat=True)
        return found.first() or (AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
    moment = datetime.combine(day, time.max, tzinfo=timezone.utc)
    found = AuditEvent.objects.filter(occurred_at__lte=moment).order_by("-seq").values_list("seq", flat=True).first()
    if found is None:
        raise CommandError(f"No event was recorded on or before {value}.")
    return found


def _export_mismatch() -> str | None:
    """The newest checkpoint in the export folder must still be in the database, with the same root.

    The export folder is append-only and kept apart: a database cut back or rewritten (and
    re-signed) since the last export no longer agrees with it.
    """
    folder = settings.HALLMARK_AUDIT_EXPORT_DIR / "checkpoints"
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        return None
    try:
        exported = Checkpoint.from_dict(json.loads(files[-1].read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"the newest exported checkpoint {files[-1].name} cannot be read: {exc}"
    stored = AuditCheckpoint.objects.filter(tree_size=exported.tree_size).values_list("root_hash", flat=True).first()
    if stored != exported.root_hash:
        return (f"the export folder holds a checkpoint at {exported.tree_size} events that the database "
                f"{'does not have' if stored is None else 'has with another root'}: the log was cut back or rewritten")
    return None
