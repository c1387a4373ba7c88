"""Logging filters: secrets that travel in URLs never reach the logs."""
import logging
import re

# Invitation links carry their token in the path (and in a login redirect's `next=`).
_INVITATION_TOKEN = re.compile(r"(/invitations/)[^/\s?&\"']+")


class RedactUrlSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _INVITATION_TOKEN.sub(r"\1[redacted]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
