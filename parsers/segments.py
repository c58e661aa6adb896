"""The page as a list of text segments: one walk over the tree, reading ``.text`` and ``.tail`` only.

A segment is the text of one line of the displayed page: it ends where a block element (cell,
list item, paragraph, div ...) or a line break starts or ends. Inside a segment, the text of
inline elements (span, b, font, a ...) is kept as separate *pieces* so that a label in
``<b>文号：</b>`` and its value in the tail stay apart while 索<span>引</span>号 still reads as one word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from govmeta.parsers.block_rules import BREAK_TAGS, INLINE_TAGS, SKIP_TAGS


@dataclass(slots=True)
class Segment:
    """One line of page text: the raw text, where each piece starts, who owns it, and its container."""

    index: int
    text: str
    starts: list[int] = field(default_factory=list)  # offset of each piece in ``text``
    owners: list[etree._Element] = field(default_factory=list)  # element whose text/tail each piece is
    container: etree._Element | None = None  # the block element the segment's text flows in

    def owner_at(self, offset: int) -> etree._Element | None:
        """The element owning the piece that holds ``offset``."""
        found = None
        for start, owner in zip(self.starts, self.owners, strict=True):
            if start > offset:
                break
            found = owner
        return found

    def piece_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of every piece."""
        ends = [*self.starts[1:], len(self.text)]
        return list(zip(self.starts, ends, strict=True))


def read_segments(root: etree._Element) -> list[Segment]:
    """All displayed text of the tree below ``root`` as segments, in page order."""
    segments: list[Segment] = []
    texts: list[str] = []
    starts: list[int] = []
    owners: list[etree._Element] = []
    length = 0
    container: etree._Element | None = root
    inline, skip, breaks = INLINE_TAGS, SKIP_TAGS, BREAK_TAGS

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in inline:
                text = el.text
                if text:
                    starts.append(length)
                    owners.append(el)
                    texts.append(text)
                    length += len(text)
                continue
            if tag in skip or not isinstance(tag, str):
                walker.skip_subtree()
                continue
            if texts:  # a block element or a line break ends the segment
                joined = "".join(texts)
                if not joined.isspace():
                    segments.append(Segment(len(segments), joined, starts, owners, container))
                texts, starts, owners, length = [], [], [], 0
            if tag not in breaks:
                container = el
                text = el.text
                if text:
                    starts.append(0)
                    owners.append(el)
                    texts.append(text)
                    length = len(text)
            continue
        parent = el.getparent()
        if tag not in inline and tag not in skip and isinstance(tag, str):
            if texts:
                joined = "".join(texts)
                if not joined.isspace():
                    segments.append(Segment(len(segments), joined, starts, owners, container))
                texts, starts, owners, length = [], [], [], 0
            container = parent if parent is not None else el
        tail = el.tail
        if tail and parent is not None:
            starts.append(length)
            owners.append(parent)
            texts.append(tail)
            length += len(tail)
    if texts:
        joined = "".join(texts)
        if not joined.isspace():
            segments.append(Segment(len(segments), joined, starts, owners, container))
    return segments


def ancestors(el: etree._Element) -> list[etree._Element]:
    """The element and its ancestors, innermost first."""
    chain = []
    while el is not None:
        chain.append(el)
        el = el.getparent()
    return chain


def common_ancestor(a: etree._Element, b: etree._Element) -> etree._Element:
    """The innermost element containing both."""
    seen = set(ancestors(a))
    while b not in seen:
        b = b.getparent()
    return b


def is_within(el: etree._Element | None, ancestor: etree._Element) -> bool:
    """``el`` is ``ancestor`` or lies inside it."""
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False
