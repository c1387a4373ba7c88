"""Background jobs of the studio: render a request (on its backend's queue); put renders whose worker
died back in the queue."""
from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from procrastinate import JobContext, RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from studio.backends import RENDER_QUEUE, queue_for

logger = logging.getLogger(__name__)

# A render cut off by the database (restarted, failed over) runs again once it is back: 2 s, 4 s,
# 8 s … up to about eight minutes in all. The retry claims the request again (services.generation_start).
RENDER_RETRY = RetryStrategy(max_attempts=8, exponential_wait=2, retry_exceptions={OperationalError, InterfaceError})


@app.task(name="studio.render", queue=RENDER_QUEUE, retry=RENDER_RETRY)
def render(generation_id: int) -> str:
    from studio.rendering import render_generation
    return render_generation(generation_id)


def enqueue_render(request) -> None:
    """Defer the render in the caller's transaction: the job exists exactly when the request does."""
    try:
        with transaction.atomic():  # a savepoint: the refused insert must not abort the caller's transaction
            render.configure(queue=queue_for(request.backend), queueing_lock=f"generation-{request.pk}").defer(
                generation_id=request.pk)
    except AlreadyEnqueued:
        pass  # a job for this request is already waiting: one is enough


@app.periodic(cron="* * * * *", periodic_id="retry-stalled-renders")
@app.task(name="studio.retry_stalled_renders", queue="maintenance", pass_context=True,
          queueing_lock="studio.retry_stalled_renders")
async def retry_stalled_renders(context: JobContext, timestamp: int) -> int:
    """Renders whose worker stopped sending heartbeats (killed, machine lost) go back in the queue."""
    manager = context.app.job_manager
    stalled = await manager.get_stalled_jobs(task_name="studio.render",  # every backend's queue
                                             seconds_since_heartbeat=settings.HALLMARK_STALLED_AFTER_SECONDS)
    for job in stalled:
        logger.warning("render job %s stalled; queueing it again", job.id)
        await manager.retry_job(job)
    return len(stalled)
