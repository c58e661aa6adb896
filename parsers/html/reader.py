"""An HTML page to the parts of its record: site tags, disclosure block, article."""

from __future__ import annotations

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html import depth
from govmeta.parsers.html.article import read_article
from govmeta.parsers.html.block import read_block
from govmeta.parsers.html.document import drop_non_content, parse_page, scrub_controls
from govmeta.parsers.html.page_url import archive_url, saved_from_url
from govmeta.parsers.html.site import canonical_url, cross_check, read_meta_tags, site_info
from govmeta.parsers.normalise import block_views, with_metadata
from govmeta.parsers.page_type import has_chinese, listing_signals, page_type
from govmeta.parsers.siterules import SiteRules
from govmeta.parsers.siterules.apply import override, pick, raw_metas
from govmeta.parsers.siterules.select import select_rules
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary, clean_label


def fallback_title(metadata: dict, metas: dict[str, str]) -> str | None:
    """A page with no displayed headline: the disclosure block's title field (标题, 名称 … — it is
    displayed), else meta ArticleTitle; never the <title> (a list page's names its column)."""
    return metadata.get("title") or squash(metas.get("ArticleTitle") or "") or None


def read_html(text: str, vocabulary: Vocabulary, container_url: str | None = None,
              utf8: bytes | None = None, *, path: str | None = None, site_rules: SiteRules | None = None) -> dict:
    """The record parts of one decoded HTML page (``utf8``: its UTF-8 bytes, when already at hand).

    ``site_rules`` are a user's rules: those selecting this page (by ``path``, domain or <meta>) drop
    elements, force the body or block element, and override the keys their selectors name."""
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    root, cut = parse_page(text, utf8)
    if root is None:
        raise ExtractionError("not_a_page", "no HTML document could be parsed from the input")
    scrubbed = scrub_controls(root, utf8)
    metas = read_meta_tags(root)
    page_url = container_url or saved_from_url(text) or canonical_url(root, metas) or archive_url(root)
    chosen = ()
    if site_rules is not None:
        page_metas = {**raw_metas(root), **metas} if site_rules.needs_metas else metas
        chosen = select_rules(site_rules, path, page_url, page_metas)
    picked = pick(chosen, root) if chosen else None
    if chosen:
        vocabulary = site_rules.vocabulary_for(chosen) or vocabulary
    drop_non_content(root)
    block_root = picked.block if picked is not None and picked.block is not None else root
    block = read_block(block_root, vocabulary)
    container = picked.container if picked is not None else None
    parts = read_article(root, metas, exclude=block.exclude, url=page_url, container=container)
    parts["rules"] = chosen
    parts["site"] = site_info(metas)
    parts["url"] = page_url
    parts["fields"] = block.pairs
    parts["warnings"] = block.warnings + parts.get("warnings", [])
    with_metadata(parts, vocabulary)
    if parts.get("published_at") is None:
        parts["published_at"] = block_published(parts["fields"], vocabulary)
    if parts.get("views") is None:
        parts["views"] = block_views(parts["fields"])
    parts["warnings"] += cross_check(parts["metadata"], metas)
    if picked is not None:
        override(parts, picked)
    if cut:
        parts["warnings"].append(f"the page nests more than {depth.MAX_DEPTH} elements deep; text below that is lost")
    if scrubbed:
        parts["warnings"].append(f"{scrubbed} control characters or non-characters (U+FFFE, U+FFFF) removed; "
                                 "form feed and vertical tab read as spaces")
    if parts.get("title") is None:
        parts["title"] = fallback_title(parts["metadata"], metas)
    no_article = not (parts["fields"] or parts["title"] or parts["paragraphs"])
    listing = no_article and listing_signals(parts["site"], parts["breadcrumb"], dated_links(root))
    # The disclosure block is displayed text too (it is left out of the article's index).
    chinese = parts.pop("chinese", True) or has_chinese([pair["label"] + pair["value"] for pair in parts["fields"]])
    if not chinese:
        parts["warnings"].append(rules.article.NO_CHINESE_WARNING)
    parts["page_type"] = page_type(parts, listing=listing, chinese=chinese)
    return parts


def block_published(fields: list[dict], vocabulary: Vocabulary) -> str | None:
    """The block's 发布日期 / 发布时间, time kept when shown: the publication date when no info line shows one."""
    for pair in fields:
        if vocabulary.field_for(fold(clean_label(pair["label"]))) == "published_date":
            found = find_datetime(pair["value"])
            if found:
                return found
    return None


def dated_links(root: etree._Element) -> int:
    """List entries (li, dd, tr) holding a link and a date: the entries of a column's list."""
    count = 0
    for entry in root.iter("li", "dd", "tr"):
        if entry.find(".//a") is not None and rules.article.DATE_IN_ENTRY.search(
            etree.tostring(entry, method="text", encoding=str, with_tail=False)
        ):
            count += 1
    return count
