"""The page's own address as stated by the archive layer around it (read before scripts are dropped).

A browser's "save as" writes ``<!-- saved from url=(0071)http://… -->`` at the top of the file (read
from the text: the parser drops comments). Two widespread wrappers carry it too: the SogouT/corpus
record ``<text id="http://…" …>`` that encloses a page in crawl dumps, and the Wayback Machine's rewrite call
``__wm.wombat("http://…", "20120611024252", …)``, the archived page's original address.
"""

from __future__ import annotations

import re

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.lazy_pattern import lazy_compile

_ADDRESS = lazy_compile(r"^https?://\S+$", re.I)
# The count in brackets is the address's length; IE writes about:internet for pages not from the web.
_SAVED_FROM = lazy_compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.I)
_WAYBACK = lazy_compile(r"""__wm\.wombat\(\s*["'](https?://[^"']+)["']""")


def saved_from_url(text: str) -> str | None:
    """The address of a browser's saved-from comment near the top of the page (None when absent)."""
    match = _SAVED_FROM.search(text, 0, rules.site.SAVED_FROM_WINDOW)
    return match[1] if match else None


def archive_url(root: etree._Element) -> str | None:
    """The address from a corpus wrapper or a Wayback rewrite call (None when there is neither)."""
    for el in root.iter(*rules.site.WRAPPER_TAGS):
        ident = (el.get("id") or el.get("url") or "").strip()
        if _ADDRESS.match(ident):
            return ident
        break
    for script in root.iter("script"):
        text = script.text
        if text and "__wm.wombat(" in text:
            match = _WAYBACK.search(text)
            if match:
                return match[1]
    return None
