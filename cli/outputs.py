"""Record writers: JSON Lines, a JSON array, CSV. Every record is written whole or not at all."""

from __future__ import annotations

import io
import json
from typing import BinaryIO

from govmeta.parsers.rules.labels import CANONICAL_FIELDS

FORMATS = ("jsonl", "json", "csv")
LIST_SEPARATOR = "; "
UTF8_BOM = "\ufeff".encode()
# Leading characters a spreadsheet would read as a formula; such cells get a leading apostrophe.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

# The CSV columns, in their documented and stable order.
CSV_COLUMNS: tuple[str, ...] = (
    "path", "url", "title", "kicker", "subtitle", "content_source", "author", "published_at", "views",
    "encoding", "encoding_source", "site_name", "site_domain", "site_id_code", "site_column", "breadcrumb",
    *(f"metadata.{name}" for name in CANONICAL_FIELDS),
    "fields", "paragraphs", "attachments", "page_type", "warnings", "error_type", "error_message",
)


def dumps(record: dict) -> str:
    """One record as compact JSON with UTF-8 characters left unescaped."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def csv_row(record: dict) -> list[str]:
    """A record flattened to CSV_COLUMNS: lists joined with "; ", paragraphs with newlines."""
    site = record.get("site") or {}
    encoding = record.get("encoding") or {}
    metadata = record.get("metadata") or {}
    error = record.get("error") or {}
    flat = {
        **{key: record.get(key) for key in CSV_COLUMNS if key in record},
        "encoding": encoding.get("name"),
        "encoding_source": encoding.get("source"),
        **{f"site_{key}": site.get(key) for key in ("name", "domain", "id_code", "column")},
        **{f"metadata.{key}": value for key, value in metadata.items()},
        "fields": [f"{f['label']}: {f['value']}" for f in record.get("fields") or []],
        "paragraphs": "\n".join(record.get("paragraphs") or []),
        "attachments": [f"{a['name']} <{a['url']}>" for a in record.get("attachments") or []],
        "error_type": error.get("type"),
        "error_message": error.get("message"),
    }
    return [_cell(flat.get(column)) for column in CSV_COLUMNS]


class RecordWriter:
    """Writes records to a binary stream as they come; ``close`` ends the document."""

    def __init__(self, stream: BinaryIO, fmt: str, excel: bool = False) -> None:
        self.stream = stream
        self.fmt = fmt
        self.count = 0
        if excel and fmt == "csv":
            stream.write(UTF8_BOM)
        if fmt == "csv":
            self._write_csv(list(CSV_COLUMNS))
        elif fmt == "json":
            stream.write(b"[")

    def _write_csv(self, row: list[str]) -> None:
        import csv  # lazy: only CSV output needs it

        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(row)
        self.stream.write(buffer.getvalue().encode("utf-8"))

    def write(self, record: dict) -> None:
        """Write one whole record and flush it, so a reader (or a crash) never sees half of one."""
        if self.fmt == "csv":
            self._write_csv(csv_row(record))
        elif self.fmt == "json":
            lead = b"\n" if self.count == 0 else b",\n"
            self.stream.write(lead + dumps(record).encode("utf-8"))
        else:
            self.stream.write(dumps(record).encode("utf-8") + b"\n")
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        """Finish the document (the JSON array's closing bracket)."""
        if self.fmt == "json":
            self.stream.write(b"\n]\n" if self.count else b"]\n")
        self.stream.flush()
