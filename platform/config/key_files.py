"""Production refuses to start while a signing key can be read by anyone but the service.

A key another local account can read signs clips and audit checkpoints as us; better to fail at
start-up with the fix in the message than to run with it exposed.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def require_private_key_file(path: Path, setting: str) -> None:
    """The file exists, this process can read it, and no group or other user has any access to it."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ImproperlyConfigured(f"{setting}: cannot read the private key {path}: {exc.strerror}.") from None
    if not stat.S_ISREG(mode):
        raise ImproperlyConfigured(f"{setting}: {path} is not a file.")
    if mode & 0o077:
        raise ImproperlyConfigured(
            f"{setting}: the private key {path} is accessible to other users (mode {stat.S_IMODE(mode):04o}); "
            f"it must be readable only by the service: chmod 600 {path}")
    if not os.access(path, os.R_OK):
        raise ImproperlyConfigured(f"{setting}: the private key {path} is not readable by this service's user.")


def require_private_key_folder(folder: Path, setting: str) -> None:
    """Every private key (*.key) in a C2PA key folder (provenance.keys) passes require_private_key_file."""
    if not folder.is_dir():
        raise ImproperlyConfigured(f"{setting}: {folder} is not a folder (make one with python -m provenance init-keys).")
    keys = sorted(folder.glob("*.key"))
    if not keys:
        raise ImproperlyConfigured(f"{setting}: {folder} holds no private key (*.key).")
    for key in keys:
        require_private_key_file(key, setting)
