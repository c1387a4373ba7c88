"""Reading the audit log."""
from __future__ import annotations

from typing import Iterator

from audit.chain import BrokenLink, ChainReport, verify_chain
from audit.models import AuditEvent, chain_fields_from_row

_CHAIN_COLUMNS = (
    "seq", "occurred_at", "actor_id", "actor_label", "team_id", "action", "target_type",
    "target_id", "details_text", "client_ip", "prev_hash", "hash",
)


def chain_rows(*, from_seq: int = 1, to_seq: int | None = None, batch: int = 5000) -> Iterator[dict]:
    """Events in sequence order as the chain hashes them, read in keyset batches."""
    next_seq = from_seq
    while True:
        query = AuditEvent.objects.filter(seq__gte=next_seq).order_by("seq")
        if to_seq is not None:
            query = query.filter(seq__lte=to_seq)
        rows = list(query.values_list(*_CHAIN_COLUMNS)[:batch])
        for values in rows:
            yield chain_fields_from_row(**dict(zip(_CHAIN_COLUMNS, values)))
        if len(rows) < batch:
            return
        next_seq = rows[-1][0] + 1


def chain_verify(*, from_seq: int = 1, to_seq: int | None = None) -> ChainReport:
    """Verify the stored chain (or a stretch of it, anchored on the event before `from_seq`).

    Events removed after archiving are skipped: the stretch starts after them, anchored on
    the last removed event's kept hash.
    """
    from audit.models import ArchivedLeaf

    pruned_through = ArchivedLeaf.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    from_seq = max(from_seq, pruned_through + 1)
    start_hash = None
    if from_seq > 1:
        start_hash = (AuditEvent.objects.filter(seq=from_seq - 1).values_list("hash", flat=True).first()
                      or ArchivedLeaf.objects.filter(seq=from_seq - 1).values_list("hash", flat=True).first())
        if start_hash is None:
            return ChainReport(0, None, "", BrokenLink(from_seq - 1, "event is missing: cannot anchor the range"))
    kwargs = {"start_hash": start_hash} if start_hash else {}
    return verify_chain(chain_rows(from_seq=from_seq, to_seq=to_seq), start_seq=from_seq, **kwargs)


def team_events(*, access, action: str = "", actor: str = "", category: str = "", since=None, until=None,
                target: str = ""):
    """A team's events, newest first, for its auditors. `action` matches a prefix ("moderation.")."""
    from accounts.roles import Permission

    access.require(Permission.VIEW_AUDIT)
    return _filtered(AuditEvent.objects.filter(team=access.team), action=action, actor=actor, category=category,
                     since=since, until=until, target=target)


def team_event(*, access, seq: int) -> AuditEvent:
    """One of the team's events; another team's event and a missing one are both NotFound."""
    from accounts.errors import NotFound
    from accounts.roles import Permission

    access.require(Permission.VIEW_AUDIT)
    event = AuditEvent.objects.filter(team=access.team, seq=seq).first()
    if event is None:
        raise NotFound("No such event in this team's audit log.")
    return event


def audited_teams(*, user) -> list:
    """The teams whose audit log this person may read (a role with VIEW_AUDIT), by name."""
    from accounts.models import Membership
    from accounts.roles import ROLE_PERMISSIONS, Permission

    roles = [role for role, permissions in ROLE_PERMISSIONS.items() if Permission.VIEW_AUDIT in permissions]
    memberships = Membership.objects.select_related("team").filter(user=user, user__is_active=True, role__in=roles)
    return [m.team for m in memberships.order_by("team__name")]


def events_of_audited_teams(*, user, team_slug: str = "", **filters):
    """Events of every team the person audits (or of one of them), newest first, with their team."""
    from accounts.errors import NotFound

    teams = audited_teams(user=user)
    if team_slug:
        teams = [t for t in teams if t.slug == team_slug]
        if not teams:
            raise NotFound("No such team among those you audit.")
    events = AuditEvent.objects.select_related("team").filter(team__in=teams)
    return _filtered(events, **filters)


def _filtered(events, *, action: str = "", actor: str = "", category: str = "", since=None, until=None,
              target: str = ""):
    from accounts.errors import InvalidInput

    for name, value in (("action", action), ("actor", actor), ("category", category), ("target", target)):
        if len(value) > 200 or any(ord(c) < 32 for c in value):
            raise InvalidInput(f"The {name} filter must be at most 200 characters, without control characters.")
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_label__icontains=actor)
    if category:
        events = events.filter(details__decision__categories__contains=[{"name": category}])
    if since:
        events = events.filter(occurred_at__gte=since)
    if until:
        events = events.filter(occurred_at__lt=until)
    if target:
        kind, _, ident = target.partition(":")
        events = events.filter(target_type=kind, **({"target_id": ident} if ident else {}))
    return events.order_by("-seq")


def team_reports(*, access):
    """The team's compliance reports, newest period first: for its auditors and admins only.

    Anyone else is told there is nothing here (NotFound), as for another team's reports.
    """
    from accounts.errors import NotFound
    from accounts.roles import Permission
    from audit.models import ComplianceReport

    if not (access.allows(Permission.VIEW_AUDIT) or access.allows(Permission.MANAGE_TEAM)):
        raise NotFound("No such page.")
    return ComplianceReport.objects.filter(team=access.team).order_by("-period_start", "-period_end")


def team_report(*, access, report_id: int):
    from accounts.errors import NotFound

    report = team_reports(access=access).filter(pk=report_id).first()
    if report is None:
        raise NotFound("No such report in this team.")
    return report


EXPORT_FIELDS = ("seq", "occurred_at", "actor_label", "action", "target_type", "target_id", "client_ip",
                 "details_text", "prev_hash", "hash")


def export_rows(events, batch: int = 2000) -> Iterator[dict]:
    """Events as plain dicts in sequence order, streamed in keyset batches (exports of any size)."""
    last = None
    events = events.order_by("seq")
    while True:
        page = events.filter(seq__gt=last) if last is not None else events
        rows = list(page.values(*EXPORT_FIELDS)[:batch])
        for row in rows:
            row["occurred_at"] = row["occurred_at"].isoformat()
            yield row
        if len(rows) < batch:
            return
        last = rows[-1]["seq"]
