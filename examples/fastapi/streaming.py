# @title Stream a large CSV export from FastAPI with StreamingResponse
# @tags fastapi, streaming, csv, export, generator
# @stack fastapi, python
import csv
import io
from typing import Iterable, Iterator

from fastapi.responses import StreamingResponse


def csv_rows(rows: Iterable[dict[str, object]], fields: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def export_csv(rows: Iterable[dict[str, object]], fields: list[str]) -> StreamingResponse:
    headers = {"Content-Disposition": 'attachment; filename="export.csv"'}
    return StreamingResponse(csv_rows(rows, fields), media_type="text/csv", headers=headers)
