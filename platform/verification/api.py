"""API: verify a clip (multipart upload) and read past verifications of the team."""
from __future__ import annotations

from django.conf import settings
from ninja import File, Router, Status
from ninja.files import UploadedFile

from accounts.errors import InvalidInput, NotFound, PayloadTooLarge
from accounts.roles import Permission
from api.auth import key_access, key_actor
from verification import services
from verification.models import Verification

router = Router(tags=["verifications"])


@router.post("/verifications", response={201: dict},
             summary="Upload a clip (MP4, MOV or WebM): was it made by this platform?")
def create_verification(request, file: UploadedFile | None = File(None)):
    if getattr(request, "upload_too_large", False):
        limit = settings.HALLMARK_MAX_UPLOAD_BYTES
        raise PayloadTooLarge(f"The file is larger than {limit / 2 ** 20:.0f} MB, the verification limit.")
    if file is None:
        raise InvalidInput("Send the clip as a multipart/form-data field named 'file'.")
    outcome = services.verification_run(actor=key_actor(request), access=key_access(request), upload=file,
                                        file_name=file.name or "")
    return Status(201, outcome.report)


@router.get("/verifications/{verification_id}", response=dict)
def get_verification(request, verification_id: int):
    access = key_access(request).require(Permission.VERIFY)
    verification = Verification.objects.select_related("generation__team", "generation__requested_by").filter(
        pk=verification_id, team=access.team).first()
    if verification is None:
        raise NotFound("No such verification in this team.")
    return services.visible_report(verification, access)
