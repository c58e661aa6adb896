"""Bytes in, one record out: the workshop's single entry point."""

from __future__ import annotations

from govmeta.parsers.article import read_article
from govmeta.parsers.block import read_block
from govmeta.parsers.document import drop_non_content, looks_like_html, parse_html, squash
from govmeta.parsers.encoding import decode_page
from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.labels import DEFAULT_VOCABULARY, Vocabulary
from govmeta.parsers.normalise import canonical_metadata
from govmeta.parsers.pageurl import archive_url
from govmeta.parsers.simplify import to_simplified
from govmeta.parsers.site import canonical_url, cross_check, read_meta_tags, site_info
from govmeta.parsers.textdump import read_text_dump
from govmeta.parsers.validate import check_page_bytes, check_page_text

# The record's keys in output order (design/record.md).
RECORD_KEYS = (
    "path", "url", "encoding", "site", "breadcrumb", "title", "kicker", "subtitle", "content_source",
    "author", "published_at", "views", "metadata", "fields", "paragraphs", "attachments", "warnings",
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
) -> dict:
    """Turn one saved page's bytes into its record (a plain, JSON-ready dict).

    ``url`` is the page's address when the container knew it (MHTML, WARC); ``encoding``
    overrides detection; ``transport_charset`` is a charset from a container header;
    ``simplified`` converts the record's text to simplified Chinese.
    Raises ExtractionError for input that is not a page (empty, binary, no text).
    """
    vocabulary = vocabulary or DEFAULT_VOCABULARY
    check_page_bytes(data)
    decoded = decode_page(data, override=encoding, transport=transport_charset)
    check_page_text(decoded.text)
    warnings = list(decoded.warnings)
    encoding_info = decoded.info()

    if looks_like_html(decoded.text):
        parts = _html_parts(decoded.text, vocabulary, url, decoded.utf8)
    else:
        parts = _with_metadata(read_text_dump(decoded.text, vocabulary), vocabulary)
        parts.setdefault("site", dict(EMPTY_SITE))
        if encoding_info["source"] == "detected":
            encoding_info["source"] = "text"  # plain text declares no charset: its own bytes decided
    parts["url"] = url or parts.get("url")
    parts["encoding"] = encoding_info
    parts["path"] = path
    parts["warnings"] = warnings + parts["warnings"]
    record = {key: parts.get(key) for key in RECORD_KEYS}
    return to_simplified(record) if simplified else record


def fallback_title(metadata: dict, metas: dict[str, str]) -> str | None:
    """A page with no displayed headline: the disclosure block's title field (标题, 名称 … — it is
    displayed), else meta ArticleTitle; never the <title> (a list page's names its column)."""
    return metadata.get("title") or squash(metas.get("ArticleTitle") or "") or None


def _with_metadata(parts: dict, vocabulary: Vocabulary) -> dict:
    """The parts with the canonical ``metadata`` of their ``fields`` (and its warnings) added."""
    parts["metadata"], meta_warnings = canonical_metadata(parts["fields"], vocabulary)
    parts["warnings"] = parts.get("warnings", []) + meta_warnings
    return parts


def _html_parts(text: str, vocabulary: Vocabulary, container_url: str | None = None,
                utf8: bytes | None = None) -> dict:
    root = parse_html(text, utf8)
    if root is None:
        raise ExtractionError("not_a_page", "no HTML document could be parsed from the input")
    metas = read_meta_tags(root)
    page_url = container_url or canonical_url(root, metas) or archive_url(root)
    drop_non_content(root)
    block = read_block(root, vocabulary)
    parts = read_article(root, metas, exclude=block.exclude, url=page_url)
    parts["site"] = site_info(metas)
    parts["url"] = page_url
    parts["fields"] = block.pairs
    parts["warnings"] = block.warnings + parts.get("warnings", [])
    _with_metadata(parts, vocabulary)
    parts["warnings"] += cross_check(parts["metadata"], metas)
    if parts.get("title") is None:
        parts["title"] = fallback_title(parts["metadata"], metas)
    return parts
