"""One policy gate and one frame checker per process: loading MiniLM and open_nsfw takes a second."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def policy_gate():
    from safety import PolicyGate
    return PolicyGate()


@lru_cache(maxsize=1)
def frame_checker():
    from safety import FrameChecker
    return FrameChecker()
