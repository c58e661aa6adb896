"""Addresses taken from pages: split and joined without raising on a malformed one (``http://[::1``)."""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def split_url(url: str) -> SplitResult | None:
    """``urlsplit``, or None for an address it refuses (an unclosed IPv6 bracket)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def join_url(base: str, href: str) -> str:
    """``href`` resolved against ``base``; as written when either is malformed."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def host_of(url: str) -> str:
    """The address's host name, lower-cased ("" when it has none or is malformed)."""
    parts = split_url(url)
    return (parts.hostname or "").lower() if parts is not None else ""
