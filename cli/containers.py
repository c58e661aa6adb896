"""Containers of saved pages (gzip, MHTML) opened into (bytes, url, transport charset)."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass

GZIP_MAGIC = b"\x1f\x8b"
MHTML_SUFFIXES = (".mht", ".mhtml")


@dataclass(frozen=True)
class Page:
    """One page's bytes as the workshop takes them."""

    data: bytes
    url: str | None = None
    transport_charset: str | None = None  # a charset label, or a whole Content-Type value carrying one


class ContainerError(Exception):
    """A container that cannot be opened (corrupt gzip, MHTML without an HTML part)."""


def open_page(name: str, data: bytes) -> Page:
    """Unwrap gzip and MHTML; anything else is the page itself."""
    lower = name.lower()
    if data.startswith(GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ContainerError(f"corrupt gzip data: {exc}") from exc
        lower = lower.removesuffix(".gz")
    if lower.endswith(MHTML_SUFFIXES) or _looks_like_mhtml(data):
        return _mhtml_page(data)
    return Page(data)


def _looks_like_mhtml(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def _mhtml_page(data: bytes) -> Page:
    from email import policy  # lazy: the email package costs ~20 ms and only MHTML needs it
    from email.parser import BytesParser

    message = BytesParser(policy=policy.compat32).parsebytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            return Page(payload, part.get("Content-Location"), part.get_content_charset())
    raise ContainerError("MHTML archive without a text/html part")
