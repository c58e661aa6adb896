"""``--simplified``: the record's text in simplified Chinese, converted with OpenCC."""

from __future__ import annotations

from functools import lru_cache

# Record keys whose text is the page's own words (path, url and encoding stay as they are).
TEXT_KEYS = ("site", "breadcrumb", "title", "kicker", "subtitle", "content_source", "author", "metadata",
             "fields", "paragraphs", "attachments")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported only by runs that ask for --simplified

    return opencc.OpenCC("t2s")


def _convert(value, convert):
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_convert(item, convert) for item in value]
    if isinstance(value, dict):
        return {key: (item if key == "url" else _convert(item, convert)) for key, item in value.items()}
    return value


def to_simplified(record: dict) -> dict:
    """A copy of the record with its text keys converted from traditional to simplified Chinese."""
    convert = _converter().convert
    return {key: _convert(value, convert) if key in TEXT_KEYS else value for key, value in record.items()}
