"""One walk over the page body: document order, displayed lines, block owners and text counts.

The walk records every text run (an element's ``text`` or ``tail``) in document order with the
displayed line it falls on (a new line starts at every block box and after every ``<br>``), and
aggregates text / link / punctuation counts bottom-up. The article reader (container, headline,
info line, breadcrumb) asks this index instead of re-reading subtrees, so the page is walked once
and no ``text_content()`` is called per candidate (design/performance.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate, chain, islice
from operator import itemgetter
from typing import NamedTuple

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.html.segments import EndOfTree
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash


class Run(NamedTuple):
    """A piece of displayed text: its line number, raw text, the element it belongs to
    (for a tail: the element it follows), whether it is a tail, and whether it is link text."""

    line: int
    text: str
    element: etree._Element
    is_tail: bool
    linked: bool


class Line(NamedTuple):
    """A displayed line: its collapsed text, the runs it is made of and their span in ``runs``."""

    text: str
    runs: tuple[Run, ...]
    start: int
    end: int


@dataclass
class PageIndex:
    """Per-element facts from one walk (keys are the tree's element proxies)."""

    body: etree._Element
    elements: list[etree._Element] = field(default_factory=list)
    order: dict[etree._Element, int] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)
    # Index into ``runs`` where an element starts, and where it ends (its tail excluded).
    first_run: dict[etree._Element, int] = field(default_factory=dict)
    end_run: dict[etree._Element, int] = field(default_factory=dict)
    text: dict[etree._Element, int] = field(default_factory=dict)  # subtree, outside links
    links: dict[etree._Element, int] = field(default_factory=dict)  # subtree, inside links
    # Positional facts (aligned with ``elements``; look an element up through ``order``):
    # characters of the element's own text (el.text plus its children's tails, 0 inside links),
    # the prose punctuation in it and in the whole subtree (outside links), and the nearest block
    # ancestor-or-self.
    own_at: list[int] = field(default_factory=list)
    own_punct_at: list[int] = field(default_factory=list)
    punct_at: list[int] = field(default_factory=list)
    block_at: list[etree._Element] = field(default_factory=list)
    # Blocks with block descendants (a block without them is a leaf: one displayed box of text).
    has_blocks: set[etree._Element] = field(default_factory=set)
    in_link: set[etree._Element] = field(default_factory=set)
    excluded: set[etree._Element] = field(default_factory=set)
    # Elements whose whole text is short (rules.article.SHORT_MIN..SHORT_MAX characters), in document order:
    # the only ones that can be a headline or a breadcrumb trail.
    short: list[etree._Element] = field(default_factory=list)
    # Memo for derived facts that several readers ask for (headline candidates, class tokens …).
    memo: dict = field(default_factory=dict)

    def total(self, el: etree._Element) -> int:
        return self.text.get(el, 0) + self.links.get(el, 0)

    def link_density(self, el: etree._Element) -> float:
        total = self.total(el)
        return self.links.get(el, 0) / total if total else 0.0

    def punct(self, el: etree._Element) -> int:
        """Prose punctuation in the element's subtree, outside links (0 for an unindexed element)."""
        i = self.order.get(el)
        return self.punct_at[i] if i is not None else 0

    def block(self, el: etree._Element) -> etree._Element | None:
        """The nearest block ancestor-or-self of an indexed element (None for an unindexed one)."""
        i = self.order.get(el)
        return self.block_at[i] if i is not None else None

    def parent_block(self, el: etree._Element) -> etree._Element | None:
        """The nearest block strictly above ``el`` (None above the body)."""
        i = self.order.get(el.getparent())
        return self.block_at[i] if i is not None else None

    def lines(self, start: int, end: int, limit: int | None = None) -> list[Line]:
        """The non-empty displayed lines made of ``runs[start:end]`` (the first ``limit`` of them)."""
        return list(islice(iter_lines(self.runs, start, end), limit))

    def line_rank(self, position: int) -> int:
        """How many non-empty displayed lines start before run ``position`` (cheap distances)."""
        return self.line_ranks()[min(max(position, 0), len(self.runs))]

    def line_ranks(self) -> list[int]:
        """``line_rank`` of every run position ``0 .. len(runs)`` (memo). A run is never whitespace only
        (the walk stores none), so a line starts at every run whose line differs from the run before."""
        ranks = self.memo.get("line_rank")
        if ranks is None:
            lines = list(map(itemgetter(0), self.runs))
            ranks = self.memo["line_rank"] = list(accumulate(map(int.__ne__, lines, chain((-1,), lines)), initial=0))
        return ranks

    def element_lines(self, el: etree._Element) -> list[Line]:
        """The displayed lines inside an element."""
        if el not in self.first_run:
            return []
        return self.lines(self.first_run[el], self.end_run[el])

    def raw_text(self, el: etree._Element) -> str:
        """An element's text runs joined as they are (no line breaks, whitespace as written)."""
        if el not in self.first_run:
            return ""
        return "".join(run.text for run in self.runs[self.first_run[el]:self.end_run[el]])

    def element_string(self, el: etree._Element) -> str:
        """An element's displayed text, its lines joined by spaces."""
        return " ".join(line.text for line in self.element_lines(el))


def iter_lines(runs: list[Run], start: int, end: int) -> Iterator[Line]:
    """The non-empty displayed lines made of ``runs[start:end]``, one at a time: each line's runs are
    found by comparing line numbers, then taken as one slice."""
    position, stop = max(start, 0), min(max(end, 0), len(runs))
    while position < stop:
        number = runs[position][0]
        after = position + 1
        while after < stop and runs[after][0] == number:
            after += 1
        span = tuple(runs[position:after])
        text = squash("".join([run[1] for run in span]))
        if text:
            yield _new_line(Line, (text, span, position, after))
        position = after


_new_line = tuple.__new__  # Line(...) without the NamedTuple constructor's argument handling


# Prose punctuation: rules.article.PROSE_PUNCTUATION, and an English sentence's end (a letter, then . ! ? and a
# space or the text's end): a body in English is not read by Chinese punctuation alone. Two patterns, the
# second run only on a text holding . ! or ? (one alternation with a look-behind tried at every character
# cost 1.7x as much).
_PUNCT = lazy_compile("[" + re.escape("".join(rules.article.PROSE_PUNCTUATION)) + "]")
_SENTENCE_END = lazy_compile(r"(?<=[a-z])[.!?](?=\s|$)")


def _punctuation(text: str) -> int:
    """How many prose punctuation marks a text holds."""
    count = len(_PUNCT.findall(text))
    if "." in text or "!" in text or "?" in text:
        count += len(_SENTENCE_END.findall(text))
    return count


_new_run = tuple.__new__  # Run(...) without the NamedTuple constructor's argument handling


def index_page(root: etree._Element, exclude: list[etree._Element]) -> PageIndex:
    """Walk the body once (excluded subtrees are skipped): runs and lines in document order, each
    element's own counts, and its subtree counts, added to its parent's as it closes; then the facts
    are published as the index's lookups.

    Per-element facts go into preallocated lists by position (most elements carry no text, and
    their slots are never written); the element-keyed dicts are built once at the end."""
    body = root.find("body")
    if body is None:
        body = root
    index = PageIndex(body=body)
    columns = _Columns(body)
    _walk(index, body, set(exclude), columns)
    _publish(index, columns)
    return index


class _Columns:
    """Per-element facts by the element's position in the walk: ``size`` slots, grown in place (the walk
    keeps the lists bound) when the body holds more elements (counting them first cost more)."""

    def __init__(self, body: etree._Element, size: int = 1024) -> None:
        self.body = body
        self.size = size
        self.count = 0  # elements indexed
        # Nearest block, run span, own counts (text and tails of children: characters outside links,
        # inside links, prose punctuation outside links), and the same counts over the subtree.
        self.blocks: list[etree._Element] = [body] * size
        self.firsts = [0] * size
        self.ends = [0] * size
        self.own = [0] * size
        self.own_links = [0] * size
        self.own_punct = [0] * size
        self.text = [0] * size
        self.links = [0] * size
        self.punct = [0] * size

    def grow(self) -> int:
        """Double the walk's slots (in place); the new size."""
        more = self.size
        self.blocks.extend([self.body] * more)
        for column in (self.firsts, self.ends, self.own, self.own_links, self.own_punct, self.text, self.links,
                       self.punct):
            column.extend([0] * more)
        self.size += more
        return self.size

    def trim(self) -> None:
        """Drop the slots past the last element."""
        count = self.count
        for column in (self.blocks, self.firsts, self.ends, self.own, self.own_links, self.own_punct, self.text,
                       self.links, self.punct):
            del column[count:]


def _walk(index: PageIndex, body: etree._Element, exclude_set: set[etree._Element], columns: _Columns) -> None:
    """The walk: runs, lines, each element's own and subtree counts into ``index`` and ``columns``,
    and the blocks holding blocks.

    One ``iter()`` over the elements (``iterwalk``'s start and end events cost about twice as much): a
    stack of open elements stands in for the end events, an element closing when the next one is not
    inside it; an end marker whose parent is the body's closes the body and all still open in it.
    A run's characters count in its owner's own and subtree columns; a closing element's subtree counts
    are added to its parent's (a backward pass over the positions afterwards cost more)."""
    elements, runs = index.elements, index.runs
    in_link, excluded, has_blocks = index.in_link, index.excluded, index.has_blocks
    first_run, end_run = index.first_run, index.end_run
    add_element, add_run, add_blocky = elements.append, runs.append, has_blocks.add
    blocks, firsts, ends = columns.blocks, columns.firsts, columns.ends
    own_a, own_links, own_punct = columns.own, columns.own_links, columns.own_punct
    text_a, links_a, punct_a = columns.text, columns.links, columns.punct
    block_tags, skip_tags = rules.article.BLOCK_TAGS, rules.article.SKIP_TAGS
    find_punct, find_end = _PUNCT.findall, _SENTENCE_END.findall
    # Open elements (outermost first) and, for each, what its end needs: its position (-1 when excluded),
    # whether it ends a line, and its parent's state to restore (None inside an excluded subtree).
    # The current element's state is in locals: its position, whether it is link text, its nearest block.
    outer = body.getparent()
    opened: list[etree._Element | None] = [outer]
    frames: list[tuple | None] = []
    open_el, close_el, push, pop = opened.append, opened.pop, frames.append, frames.pop
    top = outer
    cur, cur_linked, cur_block = -1, False, None
    skipping = False  # inside an excluded subtree
    line = count = nruns = 0  # displayed lines begun; elements indexed (== len(elements)); runs (== len(runs))
    size = columns.size
    # Whitespace-only texts are not stored as runs (most of a page's text nodes are template
    # indentation); the next run gets one leading space instead, so words stay apart.
    space = ""
    end = EndOfTree(outer)
    for el in chain(body.iter(etree.Element), (end,)):
        parent = el.getparent()
        while top is not parent:  # 1. close the elements that ended before this one
            ended = close_el()
            top = opened[-1]
            frame = pop()
            if frame is None:
                continue
            i, boundary, cur, cur_linked, cur_block = frame  # (the parent's state comes back)
            if i >= 0:
                ends[i] = nruns
                if cur >= 0:
                    chars, linked_chars = text_a[i], links_a[i]
                    if chars or linked_chars:  # (punctuation is counted only in text)
                        text_a[cur] += chars
                        links_a[cur] += linked_chars
                        punct_a[cur] += punct_a[i]
            else:
                end_run[ended] = nruns
                skipping = False
            if boundary:
                line += 1
            if cur < 0:  # the body closed
                continue
            tail = ended.tail
            if tail:
                if tail.isspace():
                    space = " "
                    continue
                add_run(_new_run(Run, (line, space + tail, ended, True, cur_linked)))
                nruns += 1
                space = ""
                chars = len("".join(tail.split()))
                if cur_linked:
                    own_links[cur] += chars
                    links_a[cur] += chars
                else:
                    own_a[cur] += chars
                    text_a[cur] += chars
                    marks = len(find_punct(tail))
                    if "." in tail or "!" in tail or "?" in tail:
                        marks += len(find_end(tail))
                    own_punct[cur] += marks
                    punct_a[cur] += marks
        if el is end:
            break
        open_el(el)  # 2. open this one
        top = el
        if skipping:
            push(None)
            continue
        tag = el.tag
        is_block = tag in block_tags
        if tag in skip_tags or (exclude_set and el in exclude_set):
            excluded.add(el)
            first_run[el] = nruns
            push((-1, is_block or tag == "br", cur, cur_linked, cur_block))
            skipping = True
            continue
        if count == size:
            size = columns.grow()
        push((count, is_block or tag == "br", cur, cur_linked, cur_block))
        i = cur = count
        count += 1
        add_element(el)
        # A link is an <a href>; a bare <a name> (a Word bookmark) is plain text.
        if cur_linked or (tag == "a" and "href" in el.attrib):
            cur_linked = True
            in_link.add(el)
        if is_block:
            add_blocky(cur_block)  # (the nearest block above holds a block)
            cur_block = el
            line += 1
        blocks[i] = cur_block
        firsts[i] = nruns
        text = el.text
        if text:
            if text.isspace():
                space = " "
            else:
                add_run(_new_run(Run, (line, space + text, el, False, cur_linked)))
                nruns += 1
                space = ""
                # displayed characters: whitespace does not count
                chars = len("".join(text.split()))
                if cur_linked:
                    own_links[i] = links_a[i] = chars
                else:
                    own_a[i] = text_a[i] = chars
                    marks = len(find_punct(text))
                    if "." in text or "!" in text or "?" in text:
                        marks += len(find_end(text))
                    own_punct[i] = punct_a[i] = marks
    columns.count = count
    has_blocks.discard(None)  # (the body's "nearest block above")


def _publish(index: PageIndex, columns: _Columns) -> None:
    """The columns as the index's lookups, and the short elements in document order."""
    columns.trim()
    elements = index.elements
    index.order = dict(zip(elements, range(columns.count), strict=True))
    index.first_run.update(zip(elements, columns.firsts, strict=True))
    index.end_run.update(zip(elements, columns.ends, strict=True))
    index.text = dict(zip(elements, columns.text, strict=True))
    index.links = dict(zip(elements, columns.links, strict=True))
    index.own_at, index.own_punct_at, index.punct_at = columns.own, columns.own_punct, columns.punct
    index.block_at = columns.blocks
    low, high = rules.article.SHORT_MIN, rules.article.SHORT_MAX
    totals = map(int.__add__, columns.text, columns.links)
    index.short = [el for el, total in zip(elements, totals, strict=True) if low <= total <= high]
