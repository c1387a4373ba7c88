"""Who is acting: a person in the browser, a person's API key, or the platform itself."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accounts.models import ApiKey, User


@dataclass(frozen=True)
class Actor:
    user: "User | None"
    api_key: "ApiKey | None" = None
    client_ip: str | None = None

    @property
    def label(self) -> str:
        if self.user is None:
            return "system"
        if self.api_key is not None:
            return f"{self.user.email} via key hm_{self.api_key.prefix}"
        return self.user.email

    @classmethod
    def from_request(cls, request, api_key: "ApiKey | None" = None) -> "Actor":
        user = api_key.created_by if api_key is not None else request.user
        return cls(user=user if user.is_authenticated else None, api_key=api_key, client_ip=client_ip(request))


SYSTEM = Actor(user=None)


def client_ip(request) -> str | None:
    """The peer address in one canonical spelling, or None when it is not an IP address."""
    # REMOTE_ADDR only: a forwarded header can be forged unless a trusted proxy set it.
    try:
        return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
    except ValueError:
        return None
