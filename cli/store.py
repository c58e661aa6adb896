"""The SQLite store (``--db``): one row per page, child tables for its lists, topped up by reruns.

Tables (see README "The SQLite store"): ``inputs`` (one row per input file: hash, size, mtime, settings),
``pages`` (one row per record, the whole record as JSON in ``record``), ``fields``, ``metadata``,
``paragraphs``, ``attachments`` (keyed by ``page_id`` and ``position``), and with ``--fts`` an FTS5 table
``pages_fts`` (trigram tokens over title and paragraphs; rowid = pages.id). Each input is written in one
transaction, so a killed run never leaves half a page; WAL mode lets readers query while a run writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from govmeta.cli.outputs import dumps
from govmeta.cli.state import Stamp, StateError, govmeta_version
from govmeta.parsers.vocabulary import CANONICAL_FIELDS

SCHEMA_VERSION = 1
PAGE_COLUMNS = (
    "path", "input", "sha256", "size", "mtime", "page_type", "url", "title", "kicker", "subtitle", "content_source",
    "author", "published_at", "views", "encoding", "encoding_source", "encoding_confidence", "encoding_declared",
    "site_name", "site_domain", "site_id_code", "site_column", "breadcrumb", "warnings", "error_type",
    "error_message", "extracted_at", "govmeta_version", "record",
)
SCHEMA = """
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER, mtime REAL, govmeta_version TEXT, settings TEXT,
    records INTEGER NOT NULL, extracted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL, input TEXT NOT NULL REFERENCES inputs(path) ON DELETE CASCADE,
    sha256 TEXT, size INTEGER, mtime REAL, page_type TEXT NOT NULL, url TEXT, title TEXT, kicker TEXT, subtitle TEXT,
    content_source TEXT,
    author TEXT, published_at TEXT, views INTEGER, encoding TEXT, encoding_source TEXT, encoding_confidence REAL,
    encoding_declared TEXT, site_name TEXT, site_domain TEXT, site_id_code TEXT, site_column TEXT,
    breadcrumb TEXT, warnings TEXT, error_type TEXT, error_message TEXT, extracted_at TEXT NOT NULL,
    govmeta_version TEXT, record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fields (
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    label TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (page_id, position)
);
CREATE TABLE IF NOT EXISTS metadata (
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE, field TEXT NOT NULL,
    position INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (page_id, field, position)
);
CREATE TABLE IF NOT EXISTS paragraphs (
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (page_id, position)
);
CREATE TABLE IF NOT EXISTS attachments (
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    name TEXT NOT NULL, url TEXT NOT NULL, PRIMARY KEY (page_id, position)
);
CREATE INDEX IF NOT EXISTS pages_path ON pages(path);
CREATE INDEX IF NOT EXISTS pages_input ON pages(input);
CREATE INDEX IF NOT EXISTS pages_site_domain ON pages(site_domain);
CREATE INDEX IF NOT EXISTS pages_published_at ON pages(published_at);
CREATE INDEX IF NOT EXISTS pages_error_type ON pages(error_type);
CREATE INDEX IF NOT EXISTS pages_page_type ON pages(page_type);
CREATE INDEX IF NOT EXISTS metadata_field_value ON metadata(field, value);
"""
FTS_SCHEMA = "CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(title, text, tokenize='trigram')"
FTS_BACKFILL = """
INSERT INTO pages_fts(rowid, title, text)
SELECT p.id, coalesce(p.title, ''),
       coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM paragraphs
                 WHERE page_id = p.id ORDER BY position)), '')
FROM pages p WHERE p.id NOT IN (SELECT rowid FROM pages_fts)
"""


PAGE_TYPES = {
    "disclosure": "disclosure page (metadata block read)",
    "article": "article, no metadata block",
    "listing": "listing page",
    "other": "other (no article)",
    "error": "error record",
}


def page_type(record: dict) -> str:
    """One of PAGE_TYPES: the record's own page_type, or ``error`` for an error record."""
    if "error" in record:
        return "error"
    return record.get("page_type") or "other"


def connect(path: str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _page_row(record: dict, input_path: str, stamp: Stamp, now: str, version: str) -> tuple:
    site = record.get("site") or {}
    encoding = record.get("encoding") or {}
    error = record.get("error") or {}
    values = {
        "path": record.get("path") or input_path, "input": input_path, "sha256": stamp.sha256, "size": stamp.size,
        "mtime": stamp.mtime, "page_type": page_type(record), "encoding": encoding.get("name"),
        "encoding_source": encoding.get("source"),
        "encoding_confidence": encoding.get("confidence"), "encoding_declared": encoding.get("declared"),
        **{f"site_{key}": site.get(key) for key in ("name", "domain", "id_code", "column")},
        "breadcrumb": json.dumps(record["breadcrumb"], ensure_ascii=False) if "breadcrumb" in record else None,
        "warnings": json.dumps(record["warnings"], ensure_ascii=False) if "warnings" in record else None,
        "error_type": error.get("type"), "error_message": error.get("message"), "extracted_at": now,
        "govmeta_version": version, "record": dumps(record),
    }
    for key in ("url", "title", "kicker", "subtitle", "content_source", "author", "published_at", "views"):
        values[key] = record.get(key)
    return tuple(values[column] for column in PAGE_COLUMNS)


def metadata_rows(metadata: dict) -> Iterable[tuple[str, int, str]]:
    """(field, position, value): a list field gives one row per item, any other field one row."""
    for field, value in metadata.items():
        for position, item in enumerate(value if isinstance(value, list) else [value]):
            yield field, position, str(item)


def metadata_from_rows(rows: Iterable[tuple[str, int, str]]) -> dict:
    """The record's metadata dict back from (field, position, value) rows."""
    metadata: dict = {}
    for field, _, value in sorted(rows, key=lambda row: row[1]):
        rule = CANONICAL_FIELDS.get(field)
        if rule is not None and rule.kind in ("list", "topics"):
            metadata.setdefault(field, []).append(value)
        else:
            metadata[field] = value
    return metadata


class Store:
    """An open ``--db`` database: what it has seen, and writing one input's records at a time."""

    def __init__(self, path: str, fts: bool = False) -> None:
        self.path = path
        self.version = govmeta_version()
        try:
            self.conn = connect(path)
            found = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:
                raise StateError(f"{path} was written by a newer govmeta (schema {found})")
            if found < SCHEMA_VERSION:  # a new file: create the tables (an existing one is not written to)
                self.conn.executescript(f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            has_fts = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'pages_fts'").fetchone() is not None
            if fts and not has_fts:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(FTS_SCHEMA)
                self.conn.execute(FTS_BACKFILL)
                self.conn.execute("COMMIT")
            self.fts = fts or has_fts
            self._seen = {path: (sha, settings) for path, sha, settings
                          in self.conn.execute("SELECT path, sha256, settings FROM inputs")}
        except sqlite3.DatabaseError as exc:
            raise StateError(f"cannot use {path} as a govmeta database: {exc}") from exc

    def seen(self, path: str) -> tuple[str, str] | None:
        """(sha256, settings) stored for the input ``path``, or None."""
        return self._seen.get(path)

    def put(self, input_path: str, stamp: Stamp, settings: str, records: list[dict]) -> None:
        """Replace everything stored for one input by its new records, in one transaction."""
        now = _now()
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self.fts:
                conn.execute("DELETE FROM pages_fts WHERE rowid IN (SELECT id FROM pages WHERE input = ?)",
                             (input_path,))
            conn.execute("DELETE FROM inputs WHERE path = ?", (input_path,))
            conn.execute("INSERT INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (input_path, stamp.sha256, stamp.size, stamp.mtime, self.version, settings,
                          len(records), now))
            for record in records:
                self._insert_page(record, input_path, stamp, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._seen[input_path] = (stamp.sha256, settings)

    def _insert_page(self, record: dict, input_path: str, stamp: Stamp, now: str) -> None:
        conn = self.conn
        marks = ", ".join("?" * len(PAGE_COLUMNS))
        cursor = conn.execute(f"INSERT INTO pages ({', '.join(PAGE_COLUMNS)}) VALUES ({marks})",
                              _page_row(record, input_path, stamp, now, self.version))
        page_id = cursor.lastrowid
        paragraphs = record.get("paragraphs") or []
        conn.executemany("INSERT INTO paragraphs VALUES (?, ?, ?)",
                         [(page_id, i, text) for i, text in enumerate(paragraphs)])
        conn.executemany("INSERT INTO fields VALUES (?, ?, ?, ?)",
                         [(page_id, i, f["label"], f["value"]) for i, f in enumerate(record.get("fields") or [])])
        conn.executemany("INSERT INTO metadata VALUES (?, ?, ?, ?)",
                         [(page_id, *row) for row in metadata_rows(record.get("metadata") or {})])
        conn.executemany("INSERT INTO attachments VALUES (?, ?, ?, ?)",
                         [(page_id, i, a["name"], a["url"]) for i, a in enumerate(record.get("attachments") or [])])
        if self.fts:
            conn.execute("INSERT INTO pages_fts(rowid, title, text) VALUES (?, ?, ?)",
                         (page_id, record.get("title") or "", "\n".join(paragraphs)))

    def prune(self, keep: Iterable[str]) -> int:
        """Remove the inputs (and their pages) not in ``keep``; the number removed."""
        gone = sorted(set(self._seen) - set(keep))
        for path in gone:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.fts:
                self.conn.execute("DELETE FROM pages_fts WHERE rowid IN (SELECT id FROM pages WHERE input = ?)",
                                  (path,))
            self.conn.execute("DELETE FROM inputs WHERE path = ?", (path,))
            self.conn.execute("COMMIT")
            del self._seen[path]
        return len(gone)

    def close(self) -> None:
        """Checkpoint the WAL into the database file and close."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()
