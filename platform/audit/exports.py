"""Streamed CSV and JSONL exports of audit events: constant memory, whatever the size."""
from __future__ import annotations

import csv
import io
import json

from django.http import StreamingHttpResponse

from audit.selectors import EXPORT_FIELDS, export_rows


def _csv_lines(events):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_FIELDS)
    yield buffer.getvalue()
    for row in export_rows(events):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([row[f] if row[f] is not None else "" for f in EXPORT_FIELDS])
        yield buffer.getvalue()


def _jsonl_lines(events):
    for row in export_rows(events):
        yield json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"


def audited_export(*, actor, access, events, fmt: str, filters: dict) -> StreamingHttpResponse:
    """Record the export (who, which format, which filters), then stream it."""
    from audit.services import record_event

    record_event(action="audit.exported", actor=actor, team=access.team,
                 details={"format": fmt, "filters": {k: v for k, v in filters.items() if v}})
    return streamed_export(events, fmt, f"audit-{access.team.slug}")


def streamed_export(events, fmt: str, name: str) -> StreamingHttpResponse:
    lines, content_type = (_csv_lines(events), "text/csv") if fmt == "csv" else (_jsonl_lines(events),
                                                                                "application/x-ndjson")
    response = StreamingHttpResponse(lines, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
