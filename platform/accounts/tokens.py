"""API key and invitation tokens: random, shown once, stored only as SHA-256."""
from __future__ import annotations

import hashlib
import re
import secrets

API_KEY_PATTERN = re.compile(r"^hm_([0-9a-f]{8})_([0-9a-f]{48})$")


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_api_key() -> tuple[str, str, str]:
    """(token, prefix, secret hash). The token is `hm_<8 hex>_<48 hex>`: 192 secret bits."""
    prefix, secret = secrets.token_hex(4), secrets.token_hex(24)
    return f"hm_{prefix}_{secret}", prefix, sha256_hex(secret)


def split_api_key(token: str) -> tuple[str, str] | None:
    match = API_KEY_PATTERN.match(token)
    return (match.group(1), match.group(2)) if match else None


def new_invitation_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, sha256_hex(token)
