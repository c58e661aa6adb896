"""The page as a list of text segments: one walk over the tree, reading ``.text`` and ``.tail`` only.

A segment is the text of one line of the displayed page: it ends where a block element (cell,
list item, paragraph, div ...) or a line break starts or ends. Inside a segment, the text of
inline elements (span, b, font, a ...) is kept as separate *pieces* so that a label in
``<b>文号：</b>`` and its value in the tail stay apart while 索<span>引</span>号 still reads as one word.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from itertools import accumulate, chain

from lxml import etree

from govmeta.parsers import rules


class Segment:
    """One line of page text: the raw text, its pieces and who owns each, and its container."""

    __slots__ = ("_starts", "container", "index", "owners", "pieces", "text")

    def __init__(self, index: int, text: str, pieces: list[str], owners: list[etree._Element],
                 container: etree._Element | None = None) -> None:
        self.index = index
        self.text = text
        self.pieces = pieces  # the texts and tails joined into ``text``, in order
        self.owners = owners  # element whose text/tail each piece is
        self.container = container  # the block element the segment's text flows in
        self._starts: list[int] | None = None

    def __repr__(self) -> str:
        return f"Segment({self.index}, {self.text!r})"

    @property
    def starts(self) -> list[int]:
        """Offset of each piece in ``text``: worked out when first asked (a page's label finding reads a
        few lines' pieces; most lines are never asked)."""
        if self._starts is None:
            pieces = self.pieces
            self._starts = [0, *accumulate(map(len, pieces[:-1]))] if len(pieces) > 1 else [0]
        return self._starts

    def owner_at(self, offset: int) -> etree._Element | None:
        """The element owning the piece that holds ``offset`` (the last piece starting at or before it;
        found by bisection: a line of thousands of pieces is asked once per label in it)."""
        at = bisect_right(self.starts, offset) - 1
        return self.owners[at] if at >= 0 else None


class EndOfTree:
    """Stands after the last node of a walk: its parent is root's, so reaching it closes everything
    (the walks of ``read_segments`` and ``page_index`` end with it)."""

    __slots__ = ("_parent",)

    def __init__(self, parent: etree._Element | None) -> None:
        self._parent = parent

    def getparent(self) -> etree._Element | None:
        return self._parent


# What an open element does when it closes.
_INLINE, _BLOCK, _SKIP, _SKIPPED = 0, 1, 2, 3  # text flows on | ends the line | subtree passed over | inside one
_BREAK = 4  # (a tag's kind only: a line break closes as a block element does; its text is not read)


@cache
def _kinds(inline: frozenset[str], skip: frozenset[str], breaks: frozenset[str]) -> dict:
    """What each tag does (an entity is passed over); a tag not named is a block element's."""
    kinds: dict = {tag: _BREAK for tag in breaks}
    kinds.update({tag: _SKIP for tag in skip})
    kinds.update({tag: _INLINE for tag in inline})
    kinds[etree.Entity] = _SKIP
    return kinds


def read_segments(root: etree._Element) -> list[Segment]:
    """All displayed text of the tree below ``root`` as segments, in page order.

    One ``iter()`` over the elements (``iterwalk``'s start and end events cost twice as much): a stack
    of open elements stands in for the end events, an element closing when the next one is not inside it.
    The walk yields elements and entities (comments and PIs are passed over, tails too), then an end
    marker whose parent is root's parent, which closes root and all still open in it. A line ends where
    a block element or a line break starts or ends; it is a segment unless it is only spaces.
    """
    segments: list[Segment] = []
    texts: list[str] = []  # the pieces of the current line
    owners: list[etree._Element] = []  # whose text or tail each piece is
    container: etree._Element | None = root  # the block element the current line flows in
    kind_of = _kinds(rules.block.INLINE_TAGS, rules.block.SKIP_TAGS, rules.block.BREAK_TAGS).get
    outer = root.getparent()
    stack, kinds = [outer], [_SKIPPED]  # open elements, outermost first, and what each does when it closes
    push, push_kind, pop, pop_kind = stack.append, kinds.append, stack.pop, kinds.pop
    top = outer  # stack[-1]
    skipping = False
    end = EndOfTree(outer)
    for el in chain(root.iter(etree.Element, etree.Entity), (end,)):
        parent = el.getparent()  # root's is ``outer`` itself (one proxy per node while referenced)
        while top is not parent:  # 1. close the elements that ended before this one
            ended, kind = pop(), pop_kind()
            top = stack[-1]
            if kind == _SKIPPED:
                continue
            if kind == _BLOCK:
                if texts:
                    _end_line(segments, texts, owners, container)
                    texts, owners = [], []
                container = top if top is not None else ended
            elif kind == _SKIP:
                skipping = False
            tail = ended.tail
            if tail and top is not None:
                owners.append(top)
                texts.append(tail)
        if el is end:
            break
        push(el)  # 2. open this one
        top = el
        if skipping:
            push_kind(_SKIPPED)
            continue
        kind = kind_of(el.tag, _BLOCK)
        if kind == _INLINE:
            push_kind(_INLINE)
        elif kind == _SKIP:
            push_kind(_SKIP)
            skipping = True
            continue
        else:  # 3. a block element or a line break ends the line (and the line after it starts)
            push_kind(_BLOCK)
            if texts:
                _end_line(segments, texts, owners, container)
                texts, owners = [], []
            if kind == _BREAK:
                continue
            container = el
        text = el.text
        if text:
            owners.append(el)
            texts.append(text)
    if texts:
        _end_line(segments, texts, owners, container)
    return segments


def _end_line(segments: list[Segment], texts: list[str], owners: list[etree._Element],
              container: etree._Element | None) -> None:
    """The current line's pieces become a segment unless they are only spaces."""
    joined = "".join(texts)
    if not joined.isspace():
        segments.append(Segment(len(segments), joined, texts, owners, container))


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


def segment_range(segments: list[Segment], element: etree._Element, inside: int) -> tuple[int, int]:
    """The first and last segment whose text flows inside ``element`` (around segment ``inside``)."""
    lo = first_segment(segments, element, inside)
    hi = inside
    while hi + 1 < len(segments) and is_within(segments[hi + 1].container, element):
        hi += 1
    return lo, hi



def first_segment(segments: list[Segment], element: etree._Element, inside: int) -> int:
    """The first segment whose text flows inside ``element`` (from segment ``inside`` back)."""
    lo = inside
    while lo > 0 and is_within(segments[lo - 1].container, element):
        lo -= 1
    return lo
