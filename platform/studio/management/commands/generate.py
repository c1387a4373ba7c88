"""python manage.py generate --team SLUG --user EMAIL "PROMPT" [--out FILE]

Goes the way every request goes: the gate, the quota, the queue and a worker. If no worker
takes the job within a few seconds, this command starts one for the render queue.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.actors import Actor
from accounts.errors import ServiceError
from accounts.models import User
from accounts.selectors import access_team_by_slug
from studio import services
from studio.models import OPEN_STATUSES, GenerationRequest, Status
from studio.backends import queue_for

WAIT_FOR_WORKER_SECONDS = 5


class Command(BaseCommand):
    help = "Request a video through the gate and the queue, wait for it, and optionally copy the MP4."

    def add_arguments(self, parser):
        parser.add_argument("prompt")
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--user", required=True, help="the requester's email (a member of the team)")
        parser.add_argument("--out", help="copy the finished MP4 here")
        parser.add_argument("--seed", type=int)
        parser.add_argument("--steps", type=int, help="default: the model's recommended number")
        parser.add_argument("--model", default="default", help="the backend: default, wan, ltx or cogvideox")
        parser.add_argument("--duration", type=int, default=2, help="seconds")
        parser.add_argument("--fps", type=int, help="frames per second (8, 12, 16, 24); default: the model's own")
        parser.add_argument("--aspect", help="aspect ratio (1:1, 16:9, 9:16, 4:3); default: the model's own size")
        parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the clip")

    def handle(self, *args, **options):
        user = User.objects.filter(email__iexact=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {options['user']}.")
        try:
            access = access_team_by_slug(user=user, slug=options["team"])
            request = services.generation_request(
                actor=Actor(user=user), access=access, prompt=options["prompt"],
                params=services.GenerationParams(duration_seconds=options["duration"], seed=options["seed"],
                                                 steps=options["steps"], backend=options["model"],
                                                 fps=options["fps"], aspect_ratio=options["aspect"]))
        except ServiceError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"generation {request.pk}: {request.get_status_display()}")
        if request.status == Status.BLOCKED:
            messages = "; ".join(request.decision.get("messages", []))
            raise CommandError(f"Blocked by policy: {messages}")
        if request.status == Status.IN_REVIEW:
            self.stdout.write("Held for a moderator's review; it renders once approved.")
            return
        request = self._wait(request, options["timeout"])
        if request.status != Status.DONE:
            raise CommandError(f"generation {request.pk} ended {request.get_status_display().lower()}: "
                               f"{request.failure or 'no clip'}")
        clip = request.clip
        self.stdout.write(f"done: {clip.file.name} ({clip.size_bytes} bytes, sha256 {clip.sha256[:16]}…, "
                          f"C2PA {clip.c2pa_state}, watermark {clip.watermark_payload})")
        if options["out"]:
            with clip.file.open("rb") as source, open(options["out"], "wb") as target:
                shutil.copyfileobj(source, target)
            self.stdout.write(f"wrote {options['out']}")

    def _wait(self, request: GenerationRequest, timeout: float) -> GenerationRequest:
        started = time.monotonic()
        ran_worker = False
        while True:
            request.refresh_from_db()
            if request.status not in OPEN_STATUSES:
                return request
            if time.monotonic() - started > timeout:
                raise CommandError(f"generation {request.pk} is still {request.get_status_display().lower()} "
                                   f"after {timeout:.0f} s; it goes on in the background.")
            if (not ran_worker and request.status == Status.QUEUED
                    and time.monotonic() - started > WAIT_FOR_WORKER_SECONDS):
                queue = queue_for(request.backend)
                self.stdout.write(f"no worker took the job: running one for the {queue} queue")
                # A worker process exactly as production runs it, stopping when the queue is empty.
                subprocess.run([sys.executable, str(settings.ROOT_DIR / "manage.py"), "procrastinate", "worker",
                                "--one-shot", "--queues", queue], check=False)
                ran_worker = True
                continue
            time.sleep(0.5)
