"""The article: headline, info line, breadcrumb, paragraphs and attachments."""

from __future__ import annotations

import re

from lxml import etree

from govmeta.parsers.dates import find_datetime
from govmeta.parsers.document import element_text, squash

ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar", ".7z",
                         ".txt")
_SOURCE = re.compile(r"(?:信息来源|来源|来自)\s*[:：]\s*(\S+)")
_VIEWS = re.compile(r"(?:浏览次数|点击数|点击|阅读)\s*[:：]\s*(\d+)")
_TITLE_SUFFIX = re.compile(r"\s*[-_|—].*$")


def _headline(root: etree._Element, metas: dict[str, str]) -> str | None:
    for tag in ("h1", "h2"):
        for el in root.iter(tag):
            text = element_text(el)
            if len(text) >= 4:
                return text
    if metas.get("ArticleTitle"):
        return metas["ArticleTitle"]
    title = root.find(".//title")
    if title is not None and title.text:
        return _TITLE_SUFFIX.sub("", squash(title.text)) or None
    return None


def _paragraph_container(root: etree._Element) -> etree._Element | None:
    best, best_len = None, 0
    for el in root.iter("div", "td", "article", "section"):
        length = sum(len(element_text(p)) for p in el.iterchildren("p"))
        if length > best_len:
            best, best_len = el, length
    return best


def read_article(root: etree._Element, metas: dict[str, str], exclude: list[etree._Element]) -> dict:
    """Article parts of the record (keys title ... attachments, plus warnings)."""
    container = _paragraph_container(root)
    paragraphs = []
    if container is not None:
        paragraphs = [t for t in (element_text(p) for p in container.iterchildren("p")) if t]
    body_text = element_text(root.find("body") if root.find("body") is not None else root)
    source = _SOURCE.search(body_text)
    views = _VIEWS.search(body_text)
    attachments = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href.lower().split("?")[0].endswith(ATTACHMENT_EXTENSIONS):
            attachments.append({"name": element_text(a) or href.rsplit("/", 1)[-1], "url": href})
    return {
        "breadcrumb": [],
        "title": _headline(root, metas),
        "kicker": None,
        "subtitle": None,
        "content_source": source[1] if source else metas.get("ContentSource"),
        "author": None,
        "published_at": find_datetime(body_text[:2000]),
        "views": int(views[1]) if views else None,
        "paragraphs": paragraphs,
        "attachments": attachments,
        "warnings": [],
    }
