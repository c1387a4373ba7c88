"""Pages: the studio (new generation + the team's generations), one generation with its player and
content credentials, live status for htmx, the clip itself, cancel and retry."""
from __future__ import annotations

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.actors import Actor
from accounts.errors import ServiceError
from accounts.roles import Permission
from accounts.views import act_and_redirect, or_404, team_view
from studio import selectors, services, sources
from studio.forms import GenerationForm
from studio.models import OPEN_STATUSES, Status


def _generation(access, generation_id):
    return or_404(selectors.team_generation, access=access, generation_id=generation_id)


@team_view(Permission.VIEW_CLIPS)
def studio_home(request, access, form=None, status=200, error=None):
    from accounts.selectors import quota_status
    context = {"access": access, "team": access.team, "form": form or GenerationForm(), "error": error,
               "can_generate": access.allows(Permission.GENERATE),
               "generations": selectors.team_generations(access=access)[:30],
               "quota": quota_status(access=access), "counts": selectors.status_counts(access=access),
               "can_moderate": access.allows(Permission.MODERATE)}
    return render(request, "studio/home.html", context, status=status)


@require_POST
@team_view(Permission.GENERATE)
def generation_create(request, access):
    """A new video from the studio's form, or an extension from a video page's form."""
    form = GenerationForm(request.POST, request.FILES)
    if getattr(request, "upload_too_large", False):
        limit = settings.HALLMARK_MAX_UPLOAD_BYTES // 2 ** 20
        return studio_home(request, slug=access.team.slug, form=GenerationForm(request.POST), status=413,
                           error=f"The file is larger than {limit} MB, the upload limit.")
    if not form.is_valid():
        return studio_home(request, slug=access.team.slug, form=form, status=400,
                           error="Check the form: " + "; ".join(f"{k}: {v[0]}" for k, v in form.errors.items()))
    data = form.cleaned_data
    params = services.GenerationParams(duration_seconds=data["duration_seconds"], seed=data["seed"],
                                       steps=data["steps"], guidance=data["guidance"],
                                       negative_prompt=data["negative_prompt"], backend=data["model"] or "default",
                                       camera=data["camera"] or "", fps=data["fps"],
                                       aspect_ratio=data["aspect_ratio"])
    actor = Actor.from_request(request)
    try:
        source = None
        if data["source"] is not None:
            source = sources.upload_source(actor=actor, access=access, upload=data["source"])
        elif data["extends"] is not None:
            source = or_404(sources.clip_source, access=access, generation_id=data["extends"])
        made = services.generation_request(actor=actor, access=access, prompt=data["prompt"], params=params,
                                           source=source)
    except ServiceError as exc:
        response = studio_home(request, slug=access.team.slug, form=form, status=exc.status, error=exc.message)
        if getattr(exc, "retry_after", None):
            response["Retry-After"] = str(exc.retry_after)
        return response
    return redirect("studio:generation", slug=access.team.slug, generation_id=made.pk)


@team_view(Permission.VIEW_CLIPS)
def generation_page(request, access, generation_id: int):
    generation = _generation(access, generation_id)
    done = generation.status == Status.DONE
    extensions = generation.clip.extensions.order_by("pk") if done else []
    return render(request, "studio/generation.html", {
        "access": access, "team": access.team, "g": generation, "open": generation.status in OPEN_STATUSES,
        "can_generate": access.allows(Permission.GENERATE), "extensions": extensions,
        "player": _player_size(generation.clip) if done else None,
        "extend_form": GenerationForm(initial={"extends": generation.pk, "duration_seconds": 2})})


def _player_size(clip, longest: int = 512) -> tuple[int, int]:
    """The player's width and height: the clip's aspect, `longest` pixels on its long side."""
    scale = longest / max(clip.width, clip.height)
    return round(clip.width * scale), round(clip.height * scale)


@team_view(Permission.VIEW_CLIPS)
def generation_status(request, access, generation_id: int):
    """The status block alone: htmx polls it while the request is open, then it stops polling."""
    generation = _generation(access, generation_id)
    response = render(request, "studio/_status.html", {"team": access.team, "g": generation,
                                                       "open": generation.status in OPEN_STATUSES})
    if generation.status not in OPEN_STATUSES and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"  # finished: reload once to show the player and credentials
    return response


@team_view(Permission.VIEW_CLIPS)
def clip_file(request, access, generation_id: int):
    clip = or_404(selectors.team_clip, access=access, generation_id=generation_id)
    download = "download" in request.GET
    if download:  # a download leaves the platform: audited; the page's player streaming it is not
        services.clip_downloaded(actor=Actor.from_request(request), access=access, clip=clip)
    return FileResponse(clip.file.open("rb"), content_type="video/mp4", as_attachment=download,
                        filename=f"hallmark-{generation_id}.mp4")


@require_POST
@team_view(Permission.GENERATE)
def generation_cancel(request, access, generation_id: int):
    return _act(request, access, generation_id, services.generation_cancel, "Cancelled.")


@require_POST
@team_view(Permission.GENERATE)
def generation_retry(request, access, generation_id: int):
    return _act(request, access, generation_id, services.generation_retry, "Queued again.")


def _act(request, access, generation_id, service, done: str):
    generation = _generation(access, generation_id)
    return act_and_redirect(request, lambda: service(actor=Actor.from_request(request), access=access,
                                                     request=generation),
                            done, "studio:generation", slug=access.team.slug, generation_id=generation_id)
