"""Block lines that share one element with article text, set apart so the article keeps the rest.

A pasted document may hold its header and its body in one paragraph, lines broken by ``<br>``:
``<p>【文　　号】某政发〔2024〕3号<br>【成文日期】…<br>各乡镇人民政府：<br>现将…</p>``. The block's lines are
moved into a ``<div>`` of their own inside that paragraph, which the article reader then leaves out.
"""

from __future__ import annotations

from lxml import etree

from govmeta.parsers import rules


def _only_inline(element: etree._Element) -> bool:
    """The element holds text, inline markup and line breaks only (no block inside, no break nested)."""
    inline, breaks = rules.block.INLINE_TAGS, rules.block.BREAK_TAGS
    for child in element:
        if not isinstance(child.tag, str) or child.tag in breaks:
            continue
        if child.tag not in inline:
            return False
        if any(isinstance(d.tag, str) and (d.tag not in inline or d.tag in breaks) for d in child.iterdescendants()):
            return False
    return True


def _lines(element: etree._Element) -> tuple[list[list[etree._Element]], list[str]]:
    """The element's lines: the nodes of each (a line after the first starts with its break) and its text."""
    nodes: list[list[etree._Element]] = [[]]
    texts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in rules.block.BREAK_TAGS:
            nodes.append([child])
            texts.append(child.tail or "")
            continue
        nodes[-1].append(child)
        texts[-1] += ("".join(child.itertext()) if isinstance(child.tag, str) else "") + (child.tail or "")
    return nodes, texts


def wrap_lines(element: etree._Element, first: int, last: int, count: int) -> etree._Element | None:
    """Move the element's displayed lines ``first``..``last`` (of ``count``, blank lines not counted) into a
    new ``<div>`` in its place; None (nothing moved) when the element is not plain lines of inline text
    or its lines do not add up to ``count``."""
    if not _only_inline(element):
        return None
    nodes, texts = _lines(element)
    shown = [i for i, text in enumerate(texts) if text and not text.isspace()]
    if len(shown) != count:
        return None
    a, b = shown[first], shown[last]
    box = etree.Element("div")
    if a == 0:
        box.text, element.text = element.text, None
        moved, at = nodes[0], 0
    else:
        opener = nodes[a][0]
        box.text, opener.tail = opener.tail, None
        moved, at = nodes[a][1:], element.index(opener) + 1
    for line in nodes[a + 1 : b + 1]:
        moved = moved + line
    for node in moved:
        box.append(node)
    element.insert(at, box)
    return box
