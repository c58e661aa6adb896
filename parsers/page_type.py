"""What kind of page a record describes: disclosure, article, listing or other (design/record.md)."""

from __future__ import annotations

from collections.abc import Iterable

from govmeta.parsers import rules
from govmeta.parsers.lazy_pattern import lazy_compile

# Han characters U+3400-U+9FFF as UTF-8 bytes: lead byte E3 with a second byte from 90 on, or a lead byte
# E4-E9 (bytes that are never a continuation). The same class over str costs re's compiler ~2 ms at start-up
# (it visits each of the range's code points); this one compiles in microseconds.
_HAN_UTF8 = lazy_compile(rb"\xe3[\x90-\xbf]|[\xe4-\xe9]")


def has_chinese(texts: Iterable[str]) -> bool:
    """Some text holds a Han character (an iterator is read up to the first that does)."""
    return any(
        _HAN_UTF8.search(text.encode("utf-8", "surrogatepass")) for text in texts if text and not text.isascii()
    )


def page_type(parts: dict, *, listing: bool = False, chinese: bool = True) -> str:
    """``disclosure`` when a block was read, ``article`` when a headline or a body was, ``listing``
    for a page with no article that names a column or lists entries (``listing``: the reader's
    signal), else ``other`` (no article, a non-Chinese page, an error page)."""
    if not chinese:
        return "other"
    if parts.get("fields"):
        return "disclosure"
    if parts.get("title") or parts.get("paragraphs"):
        return "article"
    return "listing" if listing else "other"


def listing_signals(site: dict, breadcrumb: list[str], dated_links: int) -> bool:
    """A page without an article is a column's list when it names its column (the ColumnName meta, a
    trail) or shows a run of dated entries."""
    return bool(site.get("column") or breadcrumb or dated_links >= rules.article.LISTING_MIN_ENTRIES)
