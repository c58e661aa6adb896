"""Reject inputs that are not pages before any parsing: empty, binary, textless."""

from __future__ import annotations

from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.lazy_pattern import lazy_compile

# Magic numbers of common non-page files found among saved pages (images, archives, documents).
BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an MS Office document",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "an executable",
}
# Share of control or replacement characters above which decoded text is not a page.
MAX_JUNK_SHARE = 0.05
# Control characters (all but tab, newline, form feed, carriage return) and U+FFFD count as junk. The
# controls are counted in the UTF-8 bytes with one C-level ``translate`` (a regex class scan is 5x slower).
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20))
_LETTERS = lazy_compile(r"[^\W\d_]")


def check_page_bytes(data: bytes) -> None:
    """Raise ExtractionError for empty input or a known binary format."""
    if not data or data.isspace():  # (not data.strip(), without copying the page)
        raise ExtractionError("empty", "the input is empty (0 bytes or only whitespace)")
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise ExtractionError("binary", f"the input is {what}, not a saved page")


def check_page_text(text: str) -> None:
    """Raise ExtractionError when decoded text is mostly control/replacement characters or has no letters."""
    head = text[:8192]
    if head and _junk_count(head) / len(head) > MAX_JUNK_SHARE:
        raise ExtractionError("binary", "the input looks binary (control or undecodable bytes), not a saved page")
    if not _LETTERS.search(text):
        raise ExtractionError("not_a_page", "the input has no text (no letters), not a saved page")


def _junk_count(text: str) -> int:
    """Control and replacement characters in ``text`` (each control is one byte in UTF-8)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _CONTROL_BYTES)) + text.count("\ufffd")
