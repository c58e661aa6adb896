"""Containers of saved pages (gzip, MHTML) opened into (bytes, url, transport charset)."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from govmeta.cli.limits import inflate
from govmeta.cli.sniff import GZIP_MAGIC
from govmeta.parsers.lazy_pattern import lazy_compile

MHTML_SUFFIXES = (".mht", ".mhtml")
_FOLD = lazy_compile(r"\r?\n[ \t]*")


@dataclass(frozen=True)
class Page:
    """One page's bytes as the workshop takes them."""

    data: bytes
    url: str | None = None
    transport_charset: str | None = None  # a charset label, or a whole Content-Type value carrying one


class ContainerError(Exception):
    """A container that cannot be opened (corrupt gzip, MHTML without an HTML part)."""


def open_page(name: str, data: bytes, max_bytes: int) -> Page:
    """Unwrap gzip (inflated to at most ``max_bytes``) and MHTML; anything else is the page itself."""
    lower = name.lower()
    if data.startswith(GZIP_MAGIC):
        try:
            data = inflate(data, max_bytes)
        except (EOFError, zlib.error) as exc:
            raise ContainerError(f"corrupt gzip data: {exc}") from exc
        lower = lower.removesuffix(".gz")
    if lower.endswith(MHTML_SUFFIXES) or _looks_like_mhtml(data):
        return _mhtml_page(data)
    return Page(data)


def _looks_like_mhtml(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def _header_text(part, name: str) -> str | None:
    """A header's value as text: raw bytes read as UTF-8 (not an ``email.header.Header``), folds undone."""
    for key, value in part.raw_items():
        if key.lower() == name.lower():
            text = value.encode("ascii", "surrogateescape").decode("utf-8", "replace")
            return _FOLD.sub("", text).strip() or None
    return None


def _mhtml_page(data: bytes) -> Page:
    from email import policy  # lazy: the email package costs ~20 ms and only MHTML needs it
    from email.parser import BytesParser

    message = BytesParser(policy=policy.compat32).parsebytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            try:
                charset = part.get_content_charset()
            except (LookupError, ValueError):
                charset = None
            return Page(payload, _header_text(part, "Content-Location"), charset)
    raise ContainerError("MHTML archive without a text/html part")
