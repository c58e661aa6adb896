"""Small tree look-ups that lxml's own would make slow on a long page."""

from __future__ import annotations

from collections.abc import Callable

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


def nearest_passing(
    el: etree._Element,
    test: Callable[[etree._Element], object],
    memo: dict[etree._Element, etree._Element | None],
    stop: etree._Element | None = None,
) -> etree._Element | None:
    """The nearest of ``el`` and its ancestors, below ``stop``, that passes ``test`` (None when none does).
    ``memo`` keeps the answer of every element passed on the way up, so elements that share ancestors
    test each ancestor once; an element put in it beforehand ends the climb with its answer."""
    passed = []
    found = None
    node: etree._Element | None = el
    while node is not None and node is not stop:
        if node in memo:
            found = memo[node]
            break
        passed.append(node)
        if test(node):
            found = node
            break
        node = node.getparent()
    for node in passed:
        memo[node] = found
    return found
