"""An upload handler that stops reading a request body once it passes the verification size cap.

Without it Django would stream any upload, however large, to a temporary file first. The
view sees `request.upload_too_large` and answers 413 with a sentence.
"""
from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict


class CappedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0
        if content_length and content_length > settings.HALLMARK_MAX_UPLOAD_BYTES + 64 * 1024:
            # Declared too large: parse nothing (returning a result here skips reading the body).
            self.request.upload_too_large = True
            return QueryDict(), MultiValueDict()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.HALLMARK_MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None
