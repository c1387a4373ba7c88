"""Pages: home, the team page (members, invitations, API keys, quota) and invitation links."""
from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import selectors, services
from accounts.actors import Actor
from accounts.errors import Forbidden, NotFound, ServiceError
from accounts.forms import ApiKeyForm, InvitationForm, RoleForm, SignUpForm
from accounts.models import User
from accounts.roles import Permission


def team_view(permission: str | None = None):
    """Resolve /t/<slug>/ to the user's access: 404 for a team they are not in, 403 below the role."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, slug: str, **kwargs):
            try:
                access = selectors.access_team_by_slug(user=request.user, slug=slug)
                if permission is not None:
                    access.require(permission)
                request.session["team_slug"] = access.team.slug  # the team the navigation points at
                return view(request, access, **kwargs)
            except NotFound as exc:
                raise Http404(exc.message) from None
            except Forbidden as exc:
                raise PermissionDenied(exc.message) from None

        return wrapper

    return decorate


@login_required
def home(request):
    memberships = list(selectors.teams_of_user(user=request.user))
    slugs = [m.team.slug for m in memberships]
    if not slugs:
        return render(request, "accounts/no_team.html")
    remembered = request.session.get("team_slug")
    return redirect("accounts:team", slug=remembered if remembered in slugs else slugs[0])


@team_view()
def team_page(request, access, **extra):
    request.session["team_slug"] = access.team.slug
    return _render_team(request, access)


def _render_team(request, access, *, status: int = 200, **extra) -> HttpResponse:
    can_manage = access.allows(Permission.MANAGE_TEAM)
    context = {
        "access": access,
        "team": access.team,
        "can_manage": can_manage,
        "members": selectors.team_members(access=access),
        "quota": selectors.quota_status(access=access),
        "role_form": RoleForm(),
        "invitation_form": extra.pop("invitation_form", InvitationForm()),
        "api_key_form": extra.pop("api_key_form", ApiKeyForm(allowed_scopes=access.permissions)),
        **extra,
    }
    if can_manage:
        context["invitations"] = selectors.team_open_invitations(access=access)
        context["api_keys"] = selectors.team_api_keys(access=access)
    return render(request, "accounts/team.html", context, status=status)


def _fail(request, access, exc: ServiceError, **extra) -> HttpResponse:
    return _render_team(request, access, status=exc.status, error=exc.message, **extra)


@require_POST
@team_view(Permission.MANAGE_TEAM)
def member_change_role(request, access, membership_id: int):
    membership = or_404(selectors.team_membership, access=access, membership_id=membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _render_team(request, access, status=400, error="Unknown role: " + request.POST.get("role", ""))
    try:
        services.membership_change_role(actor=Actor.from_request(request), access=access, membership=membership,
                                        role=form.cleaned_data["role"])
    except ServiceError as exc:
        return _fail(request, access, exc)
    messages.success(request, f"{membership.user.email} is now {form.cleaned_data['role']}.")
    return redirect("accounts:team", slug=access.team.slug)


@require_POST
@team_view(Permission.MANAGE_TEAM)
def member_remove(request, access, membership_id: int):
    membership = or_404(selectors.team_membership, access=access, membership_id=membership_id)
    try:
        services.membership_remove(actor=Actor.from_request(request), access=access, membership=membership)
    except ServiceError as exc:
        return _fail(request, access, exc)
    messages.success(request, f"{membership.user.email} was removed from {access.team.name}.")
    return redirect("accounts:team", slug=access.team.slug)


@require_POST
@team_view(Permission.MANAGE_TEAM)
def invitation_create(request, access):
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _render_team(request, access, status=400, invitation_form=form, error="Check the invitation form.")
    try:
        issued = services.invitation_create(actor=Actor.from_request(request), access=access,
                                            email=form.cleaned_data["email"], role=form.cleaned_data["role"])
    except ServiceError as exc:
        return _fail(request, access, exc, invitation_form=form)
    link = request.build_absolute_uri(f"/invitations/{issued.token}/")
    # Rendered, not redirected: the link exists only in this response.
    return _render_team(request, access, status=201, new_invitation=issued.invitation, new_invitation_link=link)


@require_POST
@team_view(Permission.MANAGE_TEAM)
def invitation_revoke(request, access, invitation_id: int):
    invitation = or_404(selectors.team_invitation, access=access, invitation_id=invitation_id)
    try:
        services.invitation_revoke(actor=Actor.from_request(request), access=access, invitation=invitation)
    except ServiceError as exc:
        return _fail(request, access, exc)
    messages.success(request, f"The invitation for {invitation.email} was revoked.")
    return redirect("accounts:team", slug=access.team.slug)


@require_POST
@team_view(Permission.MANAGE_TEAM)
def api_key_create(request, access):
    form = ApiKeyForm(request.POST, allowed_scopes=access.permissions)
    if not form.is_valid():
        return _render_team(request, access, status=400, api_key_form=form, error="Check the API key form.")
    try:
        issued = services.api_key_create(actor=Actor.from_request(request), access=access, **form.cleaned_data)
    except ServiceError as exc:
        return _fail(request, access, exc, api_key_form=form)
    return _render_team(request, access, status=201, new_api_key=issued.api_key, new_api_key_token=issued.token)


@require_POST
@team_view(Permission.MANAGE_TEAM)
def api_key_revoke(request, access, key_id: int):
    key = or_404(selectors.team_api_key, access=access, key_id=key_id)
    try:
        services.api_key_revoke(actor=Actor.from_request(request), access=access, api_key=key)
    except ServiceError as exc:
        return _fail(request, access, exc)
    messages.success(request, f"Key hm_{key.prefix} ({key.name}) was revoked.")
    return redirect("accounts:team", slug=access.team.slug)


def invitation_accept(request, token: str):
    """Open to anyone holding the link: sign in (or create the account) and join the team."""
    try:
        invitation = services.invitation_by_token(token)
    except ServiceError as exc:
        return render(request, "accounts/invitation.html", {"error": exc.message}, status=exc.status)
    account_exists = User.objects.filter(email=invitation.email).exists()
    signed_in = request.user.is_authenticated
    form = SignUpForm(request.POST or None)
    context = {"invitation": invitation, "account_exists": account_exists, "form": form}
    if request.method != "POST":
        return render(request, "accounts/invitation.html", context)
    if not signed_in and account_exists:
        return redirect(f"/accounts/login/?next=/invitations/{token}/")
    if not signed_in and not form.is_valid():
        return render(request, "accounts/invitation.html", context, status=400)
    try:
        with transaction.atomic():  # a new account exists only if it also joins the team
            if not signed_in:
                user = services.user_create(email=invitation.email, password=form.cleaned_data["password"],
                                            display_name=form.cleaned_data["display_name"])
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            membership = services.invitation_accept(actor=Actor.from_request(request), token=token)
    except ServiceError as exc:
        return render(request, "accounts/invitation.html", {**context, "error": exc.message}, status=exc.status)
    messages.success(request, f"Welcome to {membership.team.name}.")
    return redirect("accounts:team", slug=membership.team.slug)


def or_404(selector, **kwargs):
    """A selector's result, or the 404 page with its message."""
    try:
        return selector(**kwargs)
    except NotFound as exc:
        raise Http404(exc.message) from None


def act_and_redirect(request, action, done: str, to: str, **to_kwargs):
    """Run a service call from a form; its message (or its error) shows on the page redirected to."""
    try:
        action()
        messages.success(request, done)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect(to, **to_kwargs)
