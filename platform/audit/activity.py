"""Selectors: a team's activity in a period, counted from its audit events.

The figures come from the audit log, not the domain tables, so a report states what the
verifiable record says: what an auditor can check against the signed checkpoints. Days are
UTC dates; a period is [start, end), end exclusive.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from statistics import median

from django.db.models import Count
from django.db.models.fields.json import KT
from django.db.models.functions import TruncDate

from audit.charts import BarChart
from audit.models import AuditEvent

DECISIONS = (("allow", "allowed"), ("review", "reviewed"), ("block", "blocked"))
# "moderation.rejectd": how rejections were spelled before a fix; such events stay in the log forever.
MODERATOR_DECISIONS = ("moderation.approved", "moderation.rejected", "moderation.rejectd")
APPEAL_OUTCOMES = ("upheld", "overturned")
# How long a held request waited for its moderator, in hours: the upper edge of each bucket.
TURNAROUND_BUCKETS = ((1, "under 1 h"), (4, "1–4 h"), (24, "4–24 h"), (72, "1–3 days"), (None, "over 3 days"))


def duration_text(hours: float | None) -> str:
    """Hours in the unit a person reads best: minutes under an hour, days past two."""
    if hours is None:
        return "–"
    if hours < 1:
        return "under 1 min" if hours < 1 / 60 else f"{hours * 60:.0f} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


@dataclass(frozen=True)
class Turnaround:
    """Time from a request being held for review to the moderator's decision."""

    hours: list[float] = field(default_factory=list)

    @property
    def decided(self) -> int:
        return len(self.hours)

    @property
    def median_hours(self) -> float | None:
        return round(median(self.hours), 2) if self.hours else None

    @property
    def p90_hours(self) -> float | None:
        if not self.hours:
            return None
        ordered = sorted(self.hours)
        return round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 2)

    @property
    def max_hours(self) -> float | None:
        return round(max(self.hours), 2) if self.hours else None

    @property
    def median_text(self) -> str:
        return duration_text(self.median_hours)

    @property
    def p90_text(self) -> str:
        return duration_text(self.p90_hours)

    @property
    def max_text(self) -> str:
        return duration_text(self.max_hours)

    def buckets(self) -> list[tuple[str, int]]:
        counts = Counter()
        for h in self.hours:
            counts[next(label for edge, label in TURNAROUND_BUCKETS if edge is None or h < edge)] += 1
        return [(label, counts[label]) for _, label in TURNAROUND_BUCKETS]


@dataclass(frozen=True)
class Activity:
    team_name: str
    period_start: date
    period_end: date  # exclusive
    days: list[date]
    decisions_per_day: dict[date, dict[str, int]]  # day → allowed / reviewed / blocked
    blocked_per_category: list[tuple[str, int]]  # most blocked first
    turnaround: Turnaround
    appeals: dict[str, int]  # filed, upheld, overturned
    verifications_per_day: dict[date, dict[str, int]]  # day → verdict → count
    verdicts: list[str]

    @property
    def last_day(self) -> date:
        return self.period_end - timedelta(days=1)

    @property
    def decision_totals(self) -> dict[str, int]:
        return {label: sum(day[label] for day in self.decisions_per_day.values()) for _, label in DECISIONS}

    @property
    def verification_total(self) -> int:
        return sum(sum(day.values()) for day in self.verifications_per_day.values())

    def decision_rows(self) -> list[tuple[date, int, int, int]]:
        return [(d, *(self.decisions_per_day[d][label] for _, label in DECISIONS)) for d in self.days]

    def verification_rows(self) -> list[tuple[date, list[int]]]:
        return [(d, [self.verifications_per_day[d].get(v, 0) for v in self.verdicts]) for d in self.days]

    # ------------------------------------------------------------------ the charts
    def decisions_chart(self) -> BarChart:
        return BarChart(f"Prompt decisions per day, {self.period_start} to {self.last_day} (UTC)",
                        [d.isoformat() for d in self.days], [label for _, label in DECISIONS],
                        [list(row[1:]) for row in self.decision_rows()])

    def blocked_chart(self) -> BarChart:
        return BarChart("Blocked prompts per policy category", [name for name, _ in self.blocked_per_category],
                        ["blocked"], [[n] for _, n in self.blocked_per_category], horizontal=True)

    def turnaround_chart(self) -> BarChart:
        buckets = self.turnaround.buckets()
        return BarChart("Moderator turnaround: time from review hold to decision", [label for label, _ in buckets],
                        ["decisions"], [[n] for _, n in buckets], horizontal=True)

    def appeals_chart(self) -> BarChart:
        labels = ["filed", *APPEAL_OUTCOMES]
        return BarChart("Appeals filed and decided", labels, ["appeals"], [[self.appeals[k]] for k in labels],
                        horizontal=True)

    def verifications_chart(self) -> BarChart:
        return BarChart(f"Verification requests per day, {self.period_start} to {self.last_day} (UTC)",
                        [d.isoformat() for d in self.days], self.verdicts or ["requests"],
                        [row for _, row in self.verification_rows()] if self.verdicts else [[0] for _ in self.days])


def period_bounds(period_start: date, period_end: date) -> tuple[datetime, datetime]:
    return (datetime.combine(period_start, time.min, tzinfo=timezone.utc),
            datetime.combine(period_end, time.min, tzinfo=timezone.utc))


def team_activity(*, access, period_start: date, period_end: date) -> Activity:
    """The activity an auditor of `access.team` sees for the period (checked: VIEW_AUDIT)."""
    from accounts.roles import Permission

    access.require(Permission.VIEW_AUDIT)
    return activity_of_team(team=access.team, period_start=period_start, period_end=period_end)


def activity_of_team(*, team, period_start: date, period_end: date) -> Activity:
    """The same, for the platform itself (the periodic report): no person's access involved."""
    since, until = period_bounds(period_start, period_end)
    events = AuditEvent.objects.filter(team=team, occurred_at__gte=since, occurred_at__lt=until)
    days = [period_start + timedelta(days=n) for n in range((period_end - period_start).days)]
    verifications = _per_day(events.filter(action="verification.completed"), "details__verdict", days)
    return Activity(
        team_name=team.name, period_start=period_start, period_end=period_end, days=days,
        decisions_per_day=_decisions_per_day(events, days),
        blocked_per_category=_blocked_per_category(events),
        turnaround=_turnaround(team, events),
        appeals=_appeals(events),
        verifications_per_day=verifications,
        verdicts=sorted({v for day in verifications.values() for v in day}),
    )


def _per_day(events, key: str, days: list[date]) -> dict[date, dict[str, int]]:
    counts = {d: {} for d in days}
    rows = (events.annotate(day=TruncDate("occurred_at", tzinfo=timezone.utc), value=KT(key))
            .order_by().values("day", "value").annotate(n=Count("seq")))
    for row in rows:
        counts[row["day"]][row["value"] or "unknown"] = row["n"]
    return counts


def _decisions_per_day(events, days: list[date]) -> dict[date, dict[str, int]]:
    raw = _per_day(events.filter(action="generation.requested"), "details__decision__action", days)
    return {d: {label: raw[d].get(action, 0) for action, label in DECISIONS} for d in days}


def _blocked_per_category(events) -> list[tuple[str, int]]:
    """Categories that blocked a prompt (one prompt can be blocked for several); shadow rules excluded."""
    counts = Counter()
    blocked = events.filter(action="generation.requested", details__decision__action="block")
    for categories in blocked.values_list("details__decision__categories", flat=True).iterator():
        counts.update({c["name"] for c in categories or [] if c.get("action") == "block" and not c.get("shadow")})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _turnaround(team, events) -> Turnaround:
    """Decisions made in the period, each measured from its request's review hold (perhaps earlier)."""
    decided = dict(events.filter(action__in=MODERATOR_DECISIONS, target_type="studio.generationrequest")
                   .values_list("target_id", "occurred_at"))
    held = dict(AuditEvent.objects.filter(team=team, action="generation.requested", target_id__in=list(decided),
                                          target_type="studio.generationrequest", details__status="in_review")
                .values_list("target_id", "occurred_at"))
    return Turnaround([(at - held[target]).total_seconds() / 3600 for target, at in decided.items() if target in held])


def _appeals(events) -> dict[str, int]:
    counts = dict(events.filter(action__startswith="moderation.appeal_").order_by().values("action")
                  .annotate(n=Count("seq")).values_list("action", "n"))
    return {"filed": counts.get("moderation.appeal_filed", 0),
            **{outcome: counts.get(f"moderation.appeal_{outcome}", 0) for outcome in APPEAL_OUTCOMES}}
