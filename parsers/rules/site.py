"""Rules of the site reader: data only."""

from __future__ import annotations

# --- used by html/site.py --------------------------------------------------------------------

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

# Template text some CMSs leave in unfilled tags: the meta names itself rather than a value
# (content="政府网站标识码"), or a template marker survives (<$[标题]>, ${title}, [!--title--]).
PLACEHOLDER_TEXTS = frozenset({
    "政府网站标识码", "网站标识码", "标识码", "站点名称", "网站名称", "站点域名", "网站域名", "域名", "栏目名称",
    "栏目类别", "栏目类型", "文章标题", "标题", "发布时间", "发布日期", "来源", "信息来源", "文章来源",
    "关键词", "关键字", "描述", "摘要", "网址", "链接", "null", "none", "undefined", "nil", "n/a", "-",
})

# --- used by html/page_url.py ----------------------------------------------------------------

# Wrapper elements whose id attribute is the page's address.
WRAPPER_TAGS = ("text", "doc", "document")

SAVED_FROM_WINDOW = 4096
