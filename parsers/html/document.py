"""Decoded text to a document: an lxml tree for HTML, or lines for a text dump."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from govmeta.parsers.html import depth
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash

# Elements whose content is never displayed text.
NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "select")

# Inline style or class markers of an element the page does not display.
_HIDDEN_STYLE = lazy_compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
HIDDEN_CLASSES = frozenset({"ng-hide", "hidden", "hide", "d-none", "sr-only", "visually-hidden"})

_HTML_SIGNS = lazy_compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|table|p|br)\b", re.I)


@lru_cache(maxsize=1)
def _parser() -> etree.HTMLParser:
    # huge_tree: without it libxml2 stops at depth 256 and drops the rest of the page, which a run of
    # unclosed tags (<font>, Word's <o:p>, custom CMS tags) reaches long before the article ends.
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)


def looks_like_html(text: str) -> bool:
    """True when the first 4 KB of the text carry HTML tags."""
    return bool(_HTML_SIGNS.search(text[:4096].encode("utf-8", "ignore")))


# End tags of the document or body: libxml2 (2.14+) drops everything after the first one, while a
# browser keeps rendering (pages include headers/footers that carry their own </body></html>).
# Matched in the UTF-8 bytes (a bytes pattern runs several times faster than a str one): the space is
# every character Python's str ``\s`` matches, in UTF-8.
_SPACE = (rb"(?:[\t\n\x0b\x0c\r\x1c-\x1f ]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]"
          rb"|\xe2\x81\x9f|\xe3\x80\x80)")
# The look-ahead (a space's first byte, or the name's) turns away the other end tags before the repeat is
# entered (a third faster on a page of thousands of end tags; it matches what the pattern after it can).
_DOCUMENT_END = lazy_compile(
    rb"</(?=[\t\n\x0b\x0c\r\x1c-\x1f \xc2\xe1\xe2\xe3hb])" + _SPACE + rb"*(?:html|body)" + _SPACE + rb"*>", re.I
)


def parse_html(text: str, utf8: bytes | None = None) -> etree._Element | None:
    """Parse once with a plain etree parser (libxml2 never chooses the charset: the text is decoded).

    ``utf8`` is the text already in UTF-8 (the input bytes, when they were UTF-8), else it is encoded.
    ``</body>`` and ``</html>`` are removed first, so markup after a stray one (an included
    header's end tags before the article) stays in the tree, as a browser shows it.
    """
    return parse_page(text, utf8)[0]


def parse_page(text: str, utf8: bytes | None = None) -> tuple[etree._Element | None, bool]:
    """``parse_html``, and whether the parsed tree still reaches libxml2's depth limit (text below it
    is lost). The markup is encoded and its tags counted once for both."""
    data = utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")
    excess = depth.open_excess(data)  # of the markup as given (the cut is judged on it); None: not that deep
    removed = 0
    if b"</" in data:
        # Each document end removed held one "<" and one "</": the excess grows by one.
        data, removed = _DOCUMENT_END.subn(b"", data)
    root = etree.fromstring(data, _parser())
    cut = False
    # (A tree found not too deep here is not looked at again: the test visits every element.)
    if excess is not None and root is not None and excess + removed >= depth.MAX_DEPTH and depth.too_deep(root):
        root = etree.fromstring(depth.flatten(data), _parser())
        cut = root is not None and excess >= depth.MAX_DEPTH and depth.too_deep(root)
    return root, cut


# Characters an XML tree cannot hold (lxml refuses to set text containing them): C0 controls but tab,
# newline and carriage return, and the non-characters U+FFFE/U+FFFF. Vertical tab and form feed become a
# space (they separate words); the rest are dropped.
_NOT_XML = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML_SPACE = str.maketrans({"\x0b": " ", "\x0c": " "})
# The same characters in UTF-8: the C0 bytes (each looked for with ``in``, a ``memchr``: 27 of them cost less
# than one ``bytes.translate`` of the page, itself ten times faster than a character-class search), and the
# non-characters' three-byte forms.
_NOT_XML_BYTES = tuple(bytes([byte]) for byte in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_NOT_XML_NONCHARACTERS = lazy_compile(rb"\xef\xbf[\xbe\xbf]")  # (a literal prefix: faster than ``in`` twice)
# A numeric character reference that may name one of them (below U+0020, or U+FFFE/U+FFFF).
_CONTROL_REFERENCE = lazy_compile(
    rb"&#(?:[xX]0*(?:1?[0-9a-fA-F]|[fF]{3}[eEfF])|0*(?:[12]?[0-9]|3[01]|6553[45]))(?![0-9])"
)


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text.translate(_NOT_XML_SPACE))


def may_hold_controls(utf8: bytes) -> bool:
    """The page's UTF-8 bytes hold a character lxml cannot store, or a reference that may name one."""
    return (
        any(byte in utf8 for byte in _NOT_XML_BYTES)
        or _NOT_XML_NONCHARACTERS.search(utf8) is not None
        or _CONTROL_REFERENCE.search(utf8) is not None
    )


def scrub_controls(root: etree._Element, utf8: bytes) -> int:
    """Take out of the tree the characters lxml cannot store (some arrive as ``&#11;``/``&#12;`` references,
    so the tree is swept when the page's bytes have such a character or a reference that may name one);
    how many were found."""
    if not may_hold_controls(utf8):
        return 0
    found = 0
    for el in root.iter():
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if value and _NOT_XML.search(value):
                found += len(_NOT_XML.findall(value))
                setattr(el, attr, _xml_safe(value))
        if not isinstance(el.tag, str):
            continue
        items = el.items()
        if any(_NOT_XML.search(name) or _NOT_XML.search(value) for name, value in items):
            found += sum(len(_NOT_XML.findall(name + value)) for name, value in items)
            el.attrib.clear()  # (an attribute whose name is not XML cannot even be named to remove it)
            for name, value in items:
                try:
                    el.set(name, _xml_safe(value))
                except ValueError:  # a name lxml cannot set (control characters, quotes): dropped
                    continue
    return found


def is_hidden(element: etree._Element) -> bool:
    """The element carries a marker that the page does not display it."""
    return _hidden_by(element, element.keys())


def _hidden_by(element: etree._Element, keys: list[str]) -> bool:
    """``is_hidden`` given the element's attribute names. Substring tests come before the split and
    the regex: most class and style values (border:none …) are decided by them alone.
    ``hidden_elements`` inlines this test: keep the two alike (tests/test_document.py compares them)."""
    if "class" in keys:
        classes = element.get("class")
        if _hidden_class_hint(classes) and not HIDDEN_CLASSES.isdisjoint(classes.split()):
            return True
    if "style" in keys:
        style = element.get("style").lower()
        if ("display" in style or "visibility" in style) and _HIDDEN_STYLE.search(style):
            return True
    if "hidden" in keys:
        return True
    return "aria-hidden" in keys and element.get("aria-hidden") == "true" and element.tag in ("div", "ul")


def _hidden_class_hint(classes: str) -> bool:
    # Every name in HIDDEN_CLASSES contains one of these.
    return "hid" in classes or "none" in classes or "sr-only" in classes


def drop_non_content(root: etree._Element) -> None:
    """Remove scripts, styles and hidden subtrees (their tails, which are displayed, stay)."""
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)
    for el in hidden_elements(root):
        remove_keeping_tail(el)


def hidden_elements(root: etree._Element) -> list[etree._Element]:
    """The elements ``is_hidden`` flags, in document order: ``_hidden_by`` inlined in one ``iter()``.

    Only each element's attribute names are read (``keys()``, no attribute proxy); values are read
    for the few names that can hide an element, and substring tests decide most of them."""
    found: list[etree._Element] = []
    add = found.append
    hidden_classes, hidden_style = HIDDEN_CLASSES.isdisjoint, _HIDDEN_STYLE.search
    for el in root.iter():
        keys = el.keys()
        if not keys:
            continue
        if "class" in keys:
            classes = el.get("class")
            if ("hid" in classes or "none" in classes or "sr-only" in classes) and not hidden_classes(classes.split()):
                add(el)
                continue
        if "style" in keys:
            style = el.get("style").lower()
            if ("display" in style or "visibility" in style) and hidden_style(style):
                add(el)
                continue
        if "hidden" in keys or ("aria-hidden" in keys and el.get("aria-hidden") == "true" and el.tag in ("div", "ul")):
            add(el)
    return found


def remove_keeping_tail(element: etree._Element, mark: str = "") -> None:
    """Take an element out of its tree; its tail (the text after it, which is displayed) stays,
    preceded by ``mark`` (a block-boundary marker, for callers that split text later)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = mark + (element.tail or "")
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def element_text(element: etree._Element) -> str:
    """All text below an element, whitespace collapsed."""
    return squash(etree.tostring(element, method="text", encoding="unicode", with_tail=False))
