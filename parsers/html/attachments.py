"""Attachment links: files (.pdf .doc … .ofd .zip) linked in or right after the article, or in 附件 rows."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, unquote

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.document import element_text
from govmeta.parsers.html.tree import first_descendant
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.urls import join_url, split_url
from govmeta.parsers.wording import starts_with_attachment_label

_EXTENSIONS = frozenset(rules.words.ATTACHMENT_EXTENSIONS)
# Quick test: an attachment extension somewhere in the href (then parsed properly).
_MAYBE_FILE = lazy_compile(r"\.(?:" + "|".join(rules.words.ATTACHMENT_EXTENSIONS) + r")(?![a-z0-9])", re.I)
_NOT_FILES = ("mailto:", "tel:", "#")
_NOT_FILES_LONGEST = max(map(len, _NOT_FILES))
# A download button's text is short (pdf下载, 下载Word版).
DOWNLOAD_TEXT_MAX = 12
# Schemes a link is never an attachment through (it runs code or reads the reader's own files); such
# links are dropped, however they are disguised (``java\tscript:``, a leading control character, any case).
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
# What a browser removes from an href before reading it (WHATWG URL): tab and newlines anywhere, and
# C0 controls and spaces at either end.
_URL_NOISE = str.maketrans("", "", "\t\n\r")
_URL_EDGES = "".join(map(chr, range(0x21)))
_SCHEME = lazy_compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def clean_href(href: str) -> str:
    """The href as a browser reads it: tab/newlines taken out, controls and spaces trimmed."""
    if "\t" in href or "\n" in href or "\r" in href:  # (translate is slow; most hrefs hold none of them)
        href = href.translate(_URL_NOISE)
    return href.strip(_URL_EDGES).strip()


# The first letters of UNSAFE_SCHEMES, either case: an href starting otherwise is safe without a match.
_UNSAFE_INITIALS = frozenset("".join(scheme[0] for scheme in UNSAFE_SCHEMES) + "".join(
    scheme[0].upper() for scheme in UNSAFE_SCHEMES
))


def is_unsafe(href: str) -> bool:
    """The (cleaned) href uses a scheme in UNSAFE_SCHEMES."""
    if href[:1] not in _UNSAFE_INITIALS:
        return False
    match = _SCHEME.match(href)
    return bool(match) and match.group(1).lower() in UNSAFE_SCHEMES


def base_url(root: etree._Element, page_url: str | None) -> str | None:
    """What relative links resolve against: the first ``<base href>`` (itself resolved against the page's
    url), else the page's url; a base with an unsafe scheme is ignored."""
    base = root if root.tag == "base" else first_descendant(root, "base")
    if base is not None:
        href = clean_href(base.get("href") or "")
        if href and not is_unsafe(href):
            return join_url(page_url, href) if page_url else href
    return page_url


def _extension(name: str) -> str | None:
    dot = name.rfind(".")
    if dot < 0:
        return None
    ext = name[dot + 1:].strip().lower()
    return ext if ext in _EXTENSIONS else None


def file_name(href: str) -> str | None:
    """The attached file's name from an href: the path's last part, or a query value naming a file."""
    parts = split_url(href)
    if parts is None:
        return None
    base = unquote(posixpath.basename(parts.path))
    if _extension(base):
        return base
    for _, value in parse_qsl(parts.query, keep_blank_values=False):
        value = posixpath.basename(unquote(value))
        if _extension(value):
            return value
    return None


def is_attachment_link(a: etree._Element) -> bool:
    """An ``<a>`` whose target (or, failing that, whose text) names a file of an attachment type."""
    href = a.get("href")
    if not href:
        return False
    if (
        _MAYBE_FILE.search(href) is None
        and "\t" not in href
        and "\n" not in href
        and "\r" not in href
        and not _text_names_file(a)
    ):
        return False  # most links: no file named by the text, nor by the address (cleaning it adds none)
    href = clean_href(href)
    if not href or href[:_NOT_FILES_LONGEST].lower().startswith(_NOT_FILES) or is_unsafe(href):
        return False
    if _MAYBE_FILE.search(href) and file_name(href):
        return True
    return _text_names_file(a)


def _text_names_file(a: etree._Element) -> bool:
    text = element_text(a) if len(a) else a.text
    return bool(text) and "." in text and bool(_extension(text.strip()))


def attachment(a: etree._Element, base: str | None) -> dict[str, str]:
    """``{"name", "url"}``: the link text (else the file name) and the href, resolved against ``base``."""
    href = clean_href(a.get("href") or "")
    name = element_text(a) or file_name(href) or href
    url = href
    if rules.article.RESOLVE_ATTACHMENT_URLS and base:
        url = join_url(base, href)  # a malformed address (an unclosed IPv6 bracket) stays as written
    return {"name": name, "url": url}


def is_download_link(a: etree._Element) -> bool:
    """The link's text offers a download of the document (pdf下载, word下载, 下载全文)."""
    text = element_text(a) if len(a) else a.text
    return bool(text) and len(text) <= DOWNLOAD_TEXT_MAX and any(
        word in fold(text) for word in rules.words.DOWNLOAD_WORDS
    )


def in_attachment_row(a: etree._Element, depth: int = 4) -> bool:
    """The link sits in a row or line labelled 附件 / 文件下载 (checked a few blocks up)."""
    el = a.getparent()
    for _ in range(depth):
        if el is None:
            return False
        head = (el.text or "").strip()
        if starts_with_attachment_label(head):
            return True
        previous = el.getprevious()
        if previous is not None and starts_with_attachment_label(element_text(previous)):
            return True
        el = el.getparent()
    return False


def read_attachments(
    root: etree._Element,
    region: etree._Element | None,
    start_run: int,
    first_run: dict[etree._Element, int],
    page_url: str | None,
    tail: range = range(0),
) -> list[dict[str, str]]:
    """Attachment links inside ``region`` from displayed position ``start_run`` on, download links
    (pdf下载, 下载全文) in the ``tail`` of lines under the body, plus those in 附件 rows anywhere on the
    page; no repeats."""
    found: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    base = base_url(root, page_url)
    for a in root.iter("a"):
        if not is_attachment_link(a):
            continue
        in_region = first_run.get(a, -1) >= start_run and _within(a, region)
        download = first_run.get(a, -1) in tail and is_download_link(a)
        if not in_region and not download and not in_attachment_row(a):
            continue
        item = attachment(a, base)
        key = (item["name"], item["url"])
        if key not in seen:
            seen.add(key)
            found.append(item)
    return found


def _within(el: etree._Element, region: etree._Element | None) -> bool:
    """``el`` is ``region`` or inside it (asked of the few file links only: collecting a long body's
    links first cost a walk of it)."""
    return region is not None and (el is region or any(anc is region for anc in el.iterancestors()))
