"""Where each record of a WARC file lies: its offset and length in the file as stored.

For a ``.warc.gz`` these are the offset and length of the record's gzip member (one member per record,
as crawlers write them), so ``offset``/``length`` fetch exactly that record, as in Common Crawl's indexes.
warcio does the walking: it is the web-archive world's reference reader and knows the member boundaries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """One WARC record's place in its file."""

    name: str  # the record's target URI, or record-N (the name the archive reader gives the page)
    offset: int
    length: int


# The record types that hold pages (a request or metadata record shares its response's target URI).
PAGE_RECORD_TYPES = ("response", "resource")


def record_locations(path: str) -> Iterator[Location]:
    """The location of every response and resource record, in file order; stops quietly where the file
    cannot be walked (a gzip that is one stream for the whole file, a corrupt record): the records
    themselves are read elsewhere."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as stream:
            walker = ArchiveIterator(stream, no_record_parse=True)
            for index, record in enumerate(walker, start=1):
                uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
                walker.read_to_end(record)
                if record.rec_type in PAGE_RECORD_TYPES:
                    yield Location(uri or f"record-{index}", walker.get_record_offset(), walker.get_record_length())
    except (OSError, EOFError, ValueError, ArchiveLoadFailed):
        return
