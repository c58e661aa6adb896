"""Pages nested deeper than libxml2 builds: thousands of unclosed tags (``<font>`` opened on every
line, a CMS's custom tags). libxml2 stops at a depth of about 2,000 even with ``huge_tree`` and drops
the text below it; the tags that are opened far more often than closed are taken out instead, so the
text is kept (its layout inside those tags is lost), and a page still too deep says so in a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lxml import etree

from govmeta.parsers.lazy_pattern import lazy_compile

# Depth from which a tree counts as cut by libxml2 (its limit is 2,048 with huge_tree).
MAX_DEPTH = 1900
# A tag opened this many more times than it is closed is one the nesting comes from.
UNCLOSED_SURPLUS = 100
# Tags libxml2 never nests (void elements), whatever their counts.
_VOID = frozenset({b"br", b"img", b"meta", b"link", b"input", b"hr", b"col", b"area", b"base", b"wbr", b"param",
                   b"source", b"track", b"embed"})
_START = lazy_compile(rb"<([a-zA-Z][\w:.\-]*)")
_END = lazy_compile(rb"</([a-zA-Z][\w:.\-]*)")


def open_excess(data: bytes) -> int | None:
    """Start tags (any ``<``) less end tags (``</``): how deep the markup could nest at most; None for markup
    holding fewer ``<`` than MAX_DEPTH (most pages), which cannot nest that deep whatever its end tags, nor
    once end tags are removed (their ``</`` are not counted then)."""
    opened = data.count(b"<")
    return opened - 2 * data.count(b"</") if opened >= MAX_DEPTH else None


def too_deep(root: etree._Element) -> bool:
    """Some element of the tree has MAX_DEPTH ancestors or more (libxml2 will have cut the page there)."""
    return bool(_deepest_path()(root))


@cache
def _deepest_path() -> etree.XPath:
    """``/*/*/…`` one step deeper than MAX_DEPTH: each step reads one level of the tree, so the test costs
    one visit per element (counting every element's ancestors cost a visit per ancestor)."""
    return etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")


def flatten(data: bytes) -> bytes:
    """The markup without the start and end tags of the names opened far more often than closed."""
    opened = Counter(name.lower() for name in _START.findall(data))
    closed = Counter(name.lower() for name in _END.findall(data))
    names = [name for name, count in opened.items()
             if count - closed[name] >= UNCLOSED_SURPLUS and name not in _VOID and name not in (b"html", b"body")]
    if not names:
        return data
    pattern = re.compile(rb"</?(?:" + b"|".join(re.escape(n) for n in names) + rb")(?![\w:.\-])[^>]*>", re.I)
    return pattern.sub(b"", data)
