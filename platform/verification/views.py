"""Pages: upload a clip and read its verification report."""
from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from accounts.actors import Actor
from accounts.errors import ServiceError
from accounts.roles import Permission
from accounts.views import team_view
from verification import services


@team_view(Permission.VERIFY)
def verify_page(request, access):
    context = {"access": access, "team": access.team,
               "limit_mb": settings.HALLMARK_MAX_UPLOAD_BYTES // 2 ** 20}
    if request.method != "POST":
        return render(request, "verification/verify.html", context)
    upload = request.FILES.get("file")
    if getattr(request, "upload_too_large", False):
        return render(request, "verification/verify.html", {
            **context, "error": f"The file is larger than {context['limit_mb']} MB, the verification limit."},
            status=413)
    if upload is None:
        return render(request, "verification/verify.html", {**context, "error": "Choose a video file to verify."},
                      status=400)
    try:
        outcome = services.verification_run(actor=Actor.from_request(request), access=access, upload=upload,
                                            file_name=upload.name or "")
    except ServiceError as exc:
        response = render(request, "verification/verify.html", {**context, "error": exc.message}, status=exc.status)
        if getattr(exc, "retry_after", None):
            response["Retry-After"] = str(exc.retry_after)
        return response
    return render(request, "verification/verify.html", {**context, "report": outcome.report,
                                                        "file_name": upload.name}, status=201)
