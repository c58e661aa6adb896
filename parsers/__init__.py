"""govmeta's workshop: pure functions from a saved page's bytes to one record (a plain dict)."""

from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.record import extract_record

__all__ = ["ExtractionError", "extract_record"]
