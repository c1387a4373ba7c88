"""Studio fixtures: clips land in a temporary media folder; a real worker can be started."""
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def run_worker(database_url, media):
    """Run a real procrastinate worker (a subprocess, as in production) until the render queue is empty."""
    def run(*, timeout: int = 300, queues: str = "render", env: dict | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "DATABASE_URL": database_url, "HALLMARK_MEDIA_DIR": str(media), **(env or {})}
        result = subprocess.run([sys.executable, str(django_settings.ROOT_DIR / "manage.py"), "procrastinate",
                                 "worker", "--one-shot", "--queues", queues], env=env, capture_output=True,
                                text=True, timeout=timeout)
        assert result.returncode == 0, result.stderr[-3000:]
        return result
    return run
