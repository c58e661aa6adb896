"""The government-site <meta> tags: site identity, the page's own address, and fallbacks."""

from __future__ import annotations

import re

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.dates import normalise_date
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash
from govmeta.parsers.urls import split_url

_TEMPLATE_MARKER = lazy_compile(r"^(?:<\$?\[.*\]>|\$\[.*\]|\$\{.*\}|\{\{.*\}\}|\{\$.*\}|\{dede:.*\}|<%.*%>|"
                              r"\[!--.*--\]|#\{.*\}|#\w+#?|%\w+%|@\w+@)$", re.I | re.S)
# Metas whose value is a code, never Chinese text.
_CODE_METAS = frozenset({"SiteIDCode"})
_CJK = lazy_compile(r"[\u4e00-\u9fff]")
_ABSOLUTE_URL = lazy_compile(r"^https?://\S+$", re.I)


def read_meta_tags(root: etree._Element) -> dict[str, str]:
    """Government <meta> tags by canonical name; placeholders and empty contents are ignored."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        key = rules.site.GOV_META_NAMES.get(name)
        if key is None or key in found:
            continue
        content = squash(meta.get("content"))
        if content and not is_placeholder(key, content):
            found[key] = content
    return found


def is_placeholder(key: str, content: str) -> bool:
    """Unfilled template text rather than a value."""
    if content.lower() in rules.site.PLACEHOLDER_TEXTS or _TEMPLATE_MARKER.match(content):
        return True
    return key in _CODE_METAS and bool(_CJK.search(content))


def cross_check(metadata: dict, metas: dict[str, str]) -> list[str]:
    """Warnings where the disclosure block and the page's <meta> tags disagree."""
    warnings = []
    published, pubdate = metadata.get("published_date"), metas.get("PubDate")
    meta_date = normalise_date(pubdate) if pubdate else None
    if published and meta_date and isinstance(published, str) and published != meta_date:
        warnings.append(f"block 发布日期 {published} differs from <meta PubDate> {pubdate}")
    return warnings


def _site_root(url: str) -> bool:
    """The address names a whole site (http://host/), not one page: a template's default, not the page's."""
    parts = split_url(url)
    return parts is None or (parts.path in ("", "/") and not parts.query)


def canonical_url(root: etree._Element, metas: dict[str, str]) -> str | None:
    """The page's own absolute address from <meta name=Url> or <link rel=canonical>."""
    url = metas.get("Url")
    if url and _ABSOLUTE_URL.match(url) and not _site_root(url):
        return url
    for link in root.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical":
            href = (link.get("href") or "").strip()
            if _ABSOLUTE_URL.match(href) and not _site_root(href):
                return href
    return None


def site_info(metas: dict[str, str]) -> dict[str, str | None]:
    """The record's ``site`` object."""
    return {
        "name": metas.get("SiteName"),
        "domain": metas.get("SiteDomain"),
        "id_code": metas.get("SiteIDCode"),
        "column": metas.get("ColumnName"),
    }
