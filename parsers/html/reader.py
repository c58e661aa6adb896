"""An HTML page to the parts of its record: site tags, disclosure block, article."""

from __future__ import annotations

from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.html import depth
from govmeta.parsers.html.article import read_article
from govmeta.parsers.html.block import read_block
from govmeta.parsers.html.document import cut_by_depth, drop_non_content, parse_html, scrub_controls
from govmeta.parsers.html.page_url import archive_url
from govmeta.parsers.html.site import canonical_url, cross_check, read_meta_tags, site_info
from govmeta.parsers.normalise import with_metadata
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary


def fallback_title(metadata: dict, metas: dict[str, str]) -> str | None:
    """A page with no displayed headline: the disclosure block's title field (标题, 名称 … — it is
    displayed), else meta ArticleTitle; never the <title> (a list page's names its column)."""
    return metadata.get("title") or squash(metas.get("ArticleTitle") or "") or None


def read_html(text: str, vocabulary: Vocabulary, container_url: str | None = None,
              utf8: bytes | None = None) -> dict:
    """The record parts of one decoded HTML page (``utf8``: its UTF-8 bytes, when already at hand)."""
    root = parse_html(text, utf8)
    if root is None:
        raise ExtractionError("not_a_page", "no HTML document could be parsed from the input")
    scrubbed = scrub_controls(root, text)
    cut = cut_by_depth(root, utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass"))
    metas = read_meta_tags(root)
    page_url = container_url or canonical_url(root, metas) or archive_url(root)
    drop_non_content(root)
    block = read_block(root, vocabulary)
    parts = read_article(root, metas, exclude=block.exclude, url=page_url)
    parts["site"] = site_info(metas)
    parts["url"] = page_url
    parts["fields"] = block.pairs
    parts["warnings"] = block.warnings + parts.get("warnings", [])
    with_metadata(parts, vocabulary)
    parts["warnings"] += cross_check(parts["metadata"], metas)
    if cut:
        parts["warnings"].append(f"the page nests more than {depth.MAX_DEPTH} elements deep; text below that is lost")
    if scrubbed:
        parts["warnings"].append(f"{scrubbed} control characters or non-characters (U+FFFE, U+FFFF) removed; "
                                 "form feed and vertical tab read as spaces")
    if parts.get("title") is None:
        parts["title"] = fallback_title(parts["metadata"], metas)
    return parts
