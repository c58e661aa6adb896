"""Bytes in, one record out: the workshop's single entry point."""

from __future__ import annotations

from govmeta.parsers.encoding.decode import decode_page
from govmeta.parsers.html.document import looks_like_html
from govmeta.parsers.html.reader import read_html
from govmeta.parsers.normalise import with_metadata
from govmeta.parsers.page_type import has_chinese, page_type
from govmeta.parsers.simplify import to_simplified
from govmeta.parsers.siterules import SiteRules
from govmeta.parsers.siterules.apply import finish
from govmeta.parsers.siterules.select import select_rules
from govmeta.parsers.validate import check_page_bytes, check_page_text
from govmeta.parsers.vocabulary import DEFAULT_VOCABULARY, Vocabulary

# The record's keys in output order (design/record.md).
RECORD_KEYS = (
    "path", "url", "encoding", "site", "breadcrumb", "title", "kicker", "subtitle", "content_source",
    "author", "published_at", "views", "metadata", "fields", "paragraphs", "attachments", "page_type",
    "warnings",
)
EMPTY_SITE = {"name": None, "domain": None, "id_code": None, "column": None}


def extract_record(
    data: bytes,
    path: str | None = None,
    url: str | None = None,
    *,
    encoding: str | None = None,
    transport_charset: str | None = None,
    vocabulary: Vocabulary | None = None,
    simplified: bool = False,
    rules: SiteRules | None = None,
) -> dict:
    """Turn one saved page's bytes into its record (a plain, JSON-ready dict).

    ``url`` is the page's address when the container knew it (MHTML, WARC); ``encoding``
    overrides detection; ``transport_charset`` is a charset from a container header;
    ``simplified`` converts the record's text to simplified Chinese; ``rules`` are site rules
    (``SiteRules.from_mapping``) that override named keys on the pages they select.
    Raises ExtractionError for input that is not a page (empty, binary, no text), TypeError for
    arguments of the wrong kind.
    """
    _check_arguments(data, vocabulary, rules)
    data = bytes(data)
    vocabulary = vocabulary or DEFAULT_VOCABULARY
    check_page_bytes(data)
    decoded = decode_page(data, override=encoding, transport=transport_charset)
    check_page_text(decoded.text)
    warnings = list(decoded.warnings)
    encoding_info = decoded.info()

    if looks_like_html(decoded.text):
        parts = read_html(decoded.text, vocabulary, url, decoded.utf8, path=path, site_rules=rules)
    else:
        from govmeta.parsers.text.reader import read_text_dump  # lazy: HTML pages never need the text reader

        chosen = select_rules(rules, path, url, {}) if rules else ()
        if chosen:
            vocabulary = rules.vocabulary_for(chosen) or vocabulary
        parts = with_metadata(read_text_dump(decoded.text, vocabulary), vocabulary)
        parts["rules"] = chosen
        parts.setdefault("site", dict(EMPTY_SITE))
        if "page_type" not in parts:
            parts["page_type"] = page_type(parts, chinese=has_chinese([decoded.text]))
        if encoding_info["source"] == "detected":
            encoding_info["source"] = "text"  # plain text declares no charset: its own bytes decided
    parts["url"] = url or parts.get("url")
    parts["encoding"] = encoding_info
    parts["path"] = path
    parts["warnings"] = warnings + parts["warnings"]
    record = finish({key: parts.get(key) for key in RECORD_KEYS}, parts.get("rules", ()))
    return to_simplified(record) if simplified else record


def _check_arguments(data: object, vocabulary: object, rules: object) -> None:
    """Clear messages for the two mistakes a library user makes: text for bytes, a dict for a Vocabulary."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"extract_record() takes the page's bytes, not {type(data).__name__}: read the file in "
                        "binary mode (Path.read_bytes()); the encoding is govmeta's to choose")
    if vocabulary is not None and not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"vocabulary must be a govmeta.parsers.Vocabulary, not {type(vocabulary).__name__}: "
                        "build one with Vocabulary.from_mapping({'index_no': ['信息编码']})")
    if rules is not None and not isinstance(rules, SiteRules):
        raise TypeError(f"rules must be a govmeta.parsers.SiteRules, not {type(rules).__name__}: "
                        "build them with SiteRules.from_mapping(tomllib.load(file))")
