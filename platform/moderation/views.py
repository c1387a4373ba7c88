"""Pages: the moderation queue with appeals, a decision on each, and the team's policy settings."""
from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.actors import Actor
from accounts.errors import ServiceError
from accounts.roles import Permission
from accounts.views import act_and_redirect, or_404, team_view
from moderation import selectors, services
from moderation.models import APPROVE_REASONS, REJECT_REASONS
from studio import selectors as studio_selectors


@team_view(Permission.MODERATE)
def queue_page(request, access):
    category = request.GET.get("category") or None
    older = request.GET.get("older_than_minutes") or None
    try:
        minutes = int(older) if older else None
    except ValueError:
        minutes = -1  # the selector says what is wrong
    try:
        queue = selectors.review_queue(access=access, category=category, older_than_minutes=minutes)
        error = None
    except ServiceError as exc:
        queue, error = selectors.review_queue(access=access), exc.message
    from safety import CATEGORIES
    return render(request, "moderation/queue.html", {
        "access": access, "team": access.team, "queue": queue[:100], "appeals": selectors.pending_appeals(access=access),
        "flags": selectors.open_repeated_blocks_flags(access=access)[:100],
        "categories": sorted(CATEGORIES), "category": category, "older": older, "error": error,
        "approve_reasons": APPROVE_REASONS, "reject_reasons": REJECT_REASONS})


@require_POST
@team_view(Permission.MODERATE)
def review_decide(request, access, generation_id: int):
    held = or_404(selectors.queued_request, access=access, generation_id=generation_id)
    return act_and_redirect(
        request, lambda: services.review_decide(actor=Actor.from_request(request), access=access, request=held,
                                                decision=request.POST.get("decision", ""),
                                                reason=request.POST.get("reason", ""), note=request.POST.get("note", "")),
        f"Request {held.pk}: {request.POST.get('decision')}d.", "moderation:queue", slug=access.team.slug)


@require_POST
@team_view(Permission.MODERATE)
def appeal_decide(request, access, appeal_id: int):
    appeal = or_404(selectors.team_appeal, access=access, appeal_id=appeal_id)
    return act_and_redirect(
        request, lambda: services.appeal_decide(actor=Actor.from_request(request), access=access, appeal=appeal,
                                                outcome=request.POST.get("outcome", ""),
                                                reason=request.POST.get("reason", ""), note=request.POST.get("note", "")),
        f"Appeal on request {appeal.request_id}: {request.POST.get('outcome')}.", "moderation:queue",
        slug=access.team.slug)


@require_POST
@team_view(Permission.MODERATE)
def flag_dismiss(request, access, flag_id: int):
    flag = or_404(selectors.team_repeated_blocks_flag, access=access, flag_id=flag_id)
    return act_and_redirect(
        request, lambda: services.repeated_blocks_dismiss(actor=Actor.from_request(request), access=access, flag=flag,
                                                          note=request.POST.get("note", "")),
        f"Flag on {flag.account.email} dismissed.", "moderation:queue", slug=access.team.slug)


@require_POST
@team_view(Permission.GENERATE)
def appeal_file(request, access, generation_id: int):
    target = or_404(studio_selectors.team_generation, access=access, generation_id=generation_id)
    return act_and_redirect(
        request, lambda: services.appeal_file(actor=Actor.from_request(request), access=access, request=target,
                                              statement=request.POST.get("statement", "")),
        "Your appeal was sent to the team's moderators.", "studio:generation", slug=access.team.slug,
        generation_id=generation_id)


@team_view(Permission.MANAGE_TEAM)
def policy_page(request, access):
    from safety import CATEGORIES
    current = selectors.team_policy_dict(access.team)["categories"]
    status, error = 200, None
    if request.method == "POST":
        wanted = _policy_from_form(request.POST, CATEGORIES)
        try:
            services.policy_update(actor=Actor.from_request(request), access=access, policy={"categories": wanted})
            messages.success(request, "The team policy was saved.")
            return redirect("moderation:policy", slug=access.team.slug)
        except ServiceError as exc:
            current, status, error = wanted, exc.status, exc.message
    rows = [{"name": name, "category": c, "setting": current.get(name, {})} for name, c in sorted(CATEGORIES.items())]
    return render(request, "moderation/policy.html", {"access": access, "team": access.team, "rows": rows,
                                                      "error": error}, status=status)


def _policy_from_form(post, categories) -> dict:
    """Only the settings a team changed: blank thresholds mean the platform's."""
    wanted = {}
    for name in categories:
        setting = {}
        for field in ("block_threshold", "review_threshold"):
            raw = (post.get(f"{name}.{field}") or "").strip()
            if raw:
                try:
                    setting[field] = float(raw)
                except ValueError:
                    setting[field] = raw  # the policy check names it
        if post.get(f"{name}.shadow"):
            setting["shadow"] = True
        if setting:
            wanted[name] = setting
    return wanted
