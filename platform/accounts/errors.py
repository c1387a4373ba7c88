"""Errors that services and selectors raise; views and the API turn them into 4xx answers.

Each carries a message written for the person who made the request.
"""


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(ServiceError):
    status = 400


class NotFound(ServiceError):
    """Missing and forbidden-to-see look the same from outside: both are 404."""

    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    status = 409


class QuotaExceeded(ServiceError):
    status = 429


class AuthenticationFailed(ServiceError):
    status = 401


class PayloadTooLarge(ServiceError):
    status = 413


class UnsupportedMediaType(ServiceError):
    status = 415


class RateLimited(ServiceError):
    """Too many requests this minute; `retry_after` is how many seconds until the next window."""

    status = 429

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after
