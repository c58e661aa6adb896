"""What an input is, judged by its first bytes (its name only breaks ties): page, WARC, ZIP or gzip.

A file's name can lie (a renamed ``.gz``, a ``.warc.gz`` piped into stdin), so the content decides
wherever the bytes come from. gzip is looked inside: a gzip holding a WARC is a WARC.
"""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a member, or an empty archive's end record
WARC_MAGIC = b"WARC/"
WARC_SUFFIXES = (".warc", ".warc.gz")
ZIP_SUFFIXES = (".zip",)
HEAD_BYTES = 4096  # enough for a gzip header and the start of what it holds

# Kinds of input.
PAGE = "page"
WARC = "warc"
ZIP = "zip"

_OFFICE_ZIP_MARKERS = (b"[Content_Types].xml", b"mimetype", b"word/", b"xl/", b"ppt/")


def _gunzip_head(head: bytes) -> bytes:
    """The first bytes a gzip stream inflates to (empty when they cannot be read)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def input_kind(head: bytes) -> str:
    """PAGE, WARC or ZIP for an input starting with ``head`` (a ``.docx``/``.xlsx`` is a PAGE: the
    workshop names it as binary)."""
    if head.startswith(WARC_MAGIC):
        return WARC
    if head.startswith(GZIP_MAGIC) and _gunzip_head(head).startswith(WARC_MAGIC):
        return WARC
    if head.startswith(ZIP_MAGICS) and not is_office_zip(head):
        return ZIP
    return PAGE


def named_kind(name: str) -> str:
    """The kind a file's name claims (a content that is a page does not overrule a name that says archive:
    a ``.warc`` that is not one is an error, not a page)."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return WARC
    return ZIP if lower.endswith(ZIP_SUFFIXES) else PAGE


def is_archive(name: str) -> bool:
    """True for names that claim an archive of pages (WARC, ZIP)."""
    return named_kind(name) != PAGE


def is_office_zip(head: bytes) -> bool:
    """A ZIP whose first member is an Office/OpenDocument part (a document, not an archive of pages)."""
    first_name = head[30:30 + int.from_bytes(head[26:28], "little")] if len(head) >= 30 else b""
    return first_name.startswith(_OFFICE_ZIP_MARKERS)
