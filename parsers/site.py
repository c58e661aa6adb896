"""The government-site <meta> tags: site identity, the page's own address, and fallbacks."""

from __future__ import annotations

import re

from lxml import etree

from govmeta.parsers.document import squash

# <meta name=...> (lower-cased) -> key in the page's meta map.
GOV_META_NAMES = {
    "sitename": "SiteName",
    "sitedomain": "SiteDomain",
    "siteidcode": "SiteIDCode",
    "columnname": "ColumnName",
    "columntype": "ColumnType",
    "articletitle": "ArticleTitle",
    "pubdate": "PubDate",
    "contentsource": "ContentSource",
    "keywords": "Keywords",
    "description": "Description",
    "url": "Url",
    "author": "Author",
}

# Template text some CMSs leave in unfilled tags: the meta names itself rather than a value.
_PLACEHOLDER = re.compile(r"^(?:政府网站标识码|网站标识码|站点名称|网站名称|栏目名称|文章标题|发布时间|来源|信息来源|"
                          r"\$\{.*\}|\{\{.*\}\}|<%.*%>|#\w+#?|null|none|undefined)$", re.I)
_ABSOLUTE_URL = re.compile(r"^https?://\S+$", re.I)


def read_meta_tags(root: etree._Element) -> dict[str, str]:
    """Government <meta> tags by canonical name; placeholders and empty contents are ignored."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        key = GOV_META_NAMES.get(name)
        if key is None or key in found:
            continue
        content = squash(meta.get("content"))
        if content and not _PLACEHOLDER.match(content):
            found[key] = content
    return found


def canonical_url(root: etree._Element, metas: dict[str, str]) -> str | None:
    """The page's own absolute address from <meta name=Url> or <link rel=canonical>."""
    url = metas.get("Url")
    if url and _ABSOLUTE_URL.match(url):
        return url
    for link in root.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical":
            href = (link.get("href") or "").strip()
            if _ABSOLUTE_URL.match(href):
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
