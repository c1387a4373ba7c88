"""An upload handler that stops reading a request body once it passes the verification size cap.

Without it Django would stream any upload, however large, to a temporary file first. The
view sees `request.upload_too_large` and answers 413 with a sentence. Form fields before the
file (the CSRF token) are still parsed, so a page's form gets the 413 page, not a CSRF error.
"""
from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class CappedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0
        # Declared too large: refuse the first file chunk, before anything is written.
        self.too_large = bool(content_length and content_length > settings.HALLMARK_MAX_UPLOAD_BYTES + 64 * 1024)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.too_large or self.received > settings.HALLMARK_MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            # Not a connection reset: the client reads our 413 and its message.
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None
