"""Small tree look-ups that lxml's own would make slow on a long page."""

from __future__ import annotations

from lxml import etree


def first_descendant(root: etree._Element, tag: str) -> etree._Element | None:
    """``root.find(".//" + tag)``, looked for child by child: lxml's search, having found the first, looks
    on for a second one (through the whole page when the element is the only one, as a <title> or a <base>
    in the <head> is), while the first usually lies in the first child."""
    for child in root:
        if child.tag == tag:
            return child
        if isinstance(child.tag, str):
            found = child.find(".//" + tag)
            if found is not None:
                return found
    return None
