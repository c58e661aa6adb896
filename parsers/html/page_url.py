"""The page's own address as stated by the archive layer around it (read before scripts are dropped).

Two widespread wrappers carry it: the SogouT/corpus record ``<text id="http://…" …>`` that
encloses a page in crawl dumps, and the Wayback Machine's rewrite call
``__wm.wombat("http://…", "20120611024252", …)``, the archived page's original address.
"""

from __future__ import annotations

import re

from lxml import etree

# Wrapper elements whose id attribute is the page's address.
WRAPPER_TAGS = ("text", "doc", "document")
_ADDRESS = re.compile(r"^https?://\S+$", re.I)
_WAYBACK = re.compile(r"""__wm\.wombat\(\s*["'](https?://[^"']+)["']""")


def archive_url(root: etree._Element) -> str | None:
    """The address from a corpus wrapper or a Wayback rewrite call (None when there is neither)."""
    for el in root.iter(*WRAPPER_TAGS):
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
