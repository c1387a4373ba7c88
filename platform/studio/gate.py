"""One policy gate and one frame checker per process: loading MiniLM and open_nsfw takes a second.

Loaded under a lock, models included: the web server's threads may all ask at once on the
first requests, and two threads loading the same model at once is not safe.
"""
from __future__ import annotations

import threading
from functools import lru_cache

_loading = threading.Lock()


def policy_gate():
    with _loading:
        return _policy_gate()


def frame_checker():
    with _loading:
        return _frame_checker()


@lru_cache(maxsize=1)
def _policy_gate():
    from safety import PolicyGate
    gate = PolicyGate()
    gate.classifier.encoder  # load the head and the encoder now, under the lock
    return gate


@lru_cache(maxsize=1)
def _frame_checker():
    from safety import FrameChecker
    return FrameChecker()
