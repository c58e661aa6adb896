"""The record's JSON Schema (design/record.md as a machine-checkable contract)."""

from __future__ import annotations

from govmeta.parsers.rules.labels import CANONICAL_FIELDS

SCHEMA_ID = "https://govmeta.invalid/schema/record-1.json"
_NULLABLE_STRING = {"type": ["string", "null"]}
_STRING_LIST = {"type": "array", "items": {"type": "string"}}
_VALUE_SCHEMA = {
    "text": {"type": "string"},
    "date": {"type": "string", "description": "YYYY-MM-DD, or the text as shown when it holds no date"},
    "list": _STRING_LIST,
    "topics": _STRING_LIST,
}


def record_schema() -> dict:
    """JSON Schema (2020-12) of one output line: a record or an error record."""
    page = {
        "type": "object",
        "required": ["path", "url", "encoding", "site", "breadcrumb", "title", "kicker", "subtitle",
                     "content_source", "author", "published_at", "views", "metadata", "fields",
                     "paragraphs", "attachments", "page_type", "warnings"],
        "properties": {
            "path": _NULLABLE_STRING,
            "url": _NULLABLE_STRING,
            "encoding": {
                "type": "object",
                "required": ["name", "source", "confidence", "declared"],
                "properties": {
                    "name": {"type": "string"},
                    "source": {"enum": ["bom", "http", "declared", "detected", "override", "text"]},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "declared": _NULLABLE_STRING,
                },
            },
            "site": {
                "type": "object",
                "properties": {key: _NULLABLE_STRING for key in ("name", "domain", "id_code", "column")},
            },
            "breadcrumb": _STRING_LIST,
            "title": _NULLABLE_STRING,
            "kicker": _NULLABLE_STRING,
            "subtitle": _NULLABLE_STRING,
            "content_source": _NULLABLE_STRING,
            "author": _NULLABLE_STRING,
            "published_at": {"type": ["string", "null"],
                             "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$"},
            "views": {"type": ["integer", "null"], "minimum": 0},
            "metadata": {
                "type": "object",
                "additionalProperties": False,
                "properties": {name: _VALUE_SCHEMA[rule.kind] for name, rule in CANONICAL_FIELDS.items()},
            },
            "fields": {
                "type": "array",
                "items": {"type": "object", "required": ["label", "value"],
                          "properties": {"label": {"type": "string"}, "value": {"type": "string"}}},
            },
            "paragraphs": _STRING_LIST,
            "attachments": {
                "type": "array",
                "items": {"type": "object", "required": ["name", "url"],
                          "properties": {"name": {"type": "string"}, "url": {"type": "string"}}},
            },
            "page_type": {"enum": ["disclosure", "article", "listing", "other"]},
            "warnings": _STRING_LIST,
            # Only on pages that a site rule (--rules, --labels) selected: the rules' names.
            "rules_applied": _STRING_LIST,
        },
    }
    error = {
        "type": "object",
        "required": ["path", "error"],
        "properties": {
            "path": _NULLABLE_STRING,
            "error": {"type": "object", "required": ["type", "message"],
                      "properties": {"type": {"type": "string"}, "message": {"type": "string"}}},
        },
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "govmeta record", "oneOf": [page, error]}
