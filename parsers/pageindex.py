"""One walk over the page body: document order, displayed lines, block owners and text counts.

The walk records every text run (an element's ``text`` or ``tail``) in document order with the
displayed line it falls on (a new line starts at every block box and after every ``<br>``), and
aggregates text / link / punctuation counts bottom-up. The article reader (container, headline,
info line, breadcrumb) asks this index instead of re-reading subtrees, so the page is walked once
and no ``text_content()`` is called per candidate (design/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from govmeta.parsers.article_rules import BLOCK_TAGS, SKIP_TAGS
from govmeta.parsers.document import squash

# Punctuation that marks running prose (a list of links or a menu has almost none).
PROSE_PUNCTUATION = tuple("，。；、！？,;")
# Bounds of a "short" element's text (characters): room for a headline or a breadcrumb trail.
SHORT_MIN, SHORT_MAX = 1, 200


def _chars(text: str | None) -> int:
    """Displayed characters of a text node (whitespace does not count)."""
    return len("".join(text.split())) if text else 0


def _punct(text: str | None) -> int:
    return sum(map(text.count, PROSE_PUNCTUATION)) if text else 0


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
    # Characters of the element's own text (el.text plus its children's tails), 0 inside links.
    own: dict[etree._Element, int] = field(default_factory=dict)
    own_punct: dict[etree._Element, int] = field(default_factory=dict)
    text: dict[etree._Element, int] = field(default_factory=dict)  # subtree, outside links
    links: dict[etree._Element, int] = field(default_factory=dict)  # subtree, inside links
    punct: dict[etree._Element, int] = field(default_factory=dict)  # subtree, outside links
    # Nearest block ancestor-or-self of every element.
    block: dict[etree._Element, etree._Element] = field(default_factory=dict)
    # Blocks with block descendants (a block without them is a leaf: one displayed box of text).
    has_blocks: set[etree._Element] = field(default_factory=set)
    in_link: set[etree._Element] = field(default_factory=set)
    excluded: set[etree._Element] = field(default_factory=set)
    # Elements whose whole text is short (SHORT_MIN..SHORT_MAX characters), in document order:
    # the only ones that can be a headline or a breadcrumb trail.
    short: list[etree._Element] = field(default_factory=list)
    # Memo for derived facts that several readers ask for (headline candidates, class tokens …).
    memo: dict = field(default_factory=dict)

    def total(self, el: etree._Element) -> int:
        return self.text.get(el, 0) + self.links.get(el, 0)

    def link_density(self, el: etree._Element) -> float:
        total = self.total(el)
        return self.links.get(el, 0) / total if total else 0.0

    def parent_block(self, el: etree._Element) -> etree._Element | None:
        """The nearest block strictly above ``el`` (None above the body)."""
        parent = el.getparent()
        return self.block.get(parent) if parent is not None else None

    def lines(self, start: int, end: int, limit: int | None = None) -> list[Line]:
        """The non-empty displayed lines made of ``runs[start:end]`` (the first ``limit`` of them)."""
        out: list[Line] = []
        current: list[Run] = []
        begin = start = max(start, 0)
        runs = self.runs
        for position in range(start, min(max(end, 0), len(runs))):
            run = runs[position]
            if current and run.line != current[0].line:
                _flush(current, begin, out)
                if limit is not None and len(out) >= limit:
                    return out
                current, begin = [], position
            current.append(run)
        _flush(current, begin, out)
        return out[:limit] if limit is not None else out

    def line_rank(self, position: int) -> int:
        """How many non-empty displayed lines start before run ``position`` (cheap distances)."""
        ranks = self.memo.get("line_rank")
        if ranks is None:
            ranks = [0] * (len(self.runs) + 1)
            count, last = 0, -1
            for i, run in enumerate(self.runs):
                if run.line != last and not run.text.isspace():
                    count += 1
                    last = run.line
                ranks[i + 1] = count
            self.memo["line_rank"] = ranks
        return ranks[min(max(position, 0), len(self.runs))]

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


def _flush(runs: list[Run], begin: int, out: list[Line]) -> None:
    if runs:
        text = squash("".join(run.text for run in runs))
        if text:
            out.append(Line(text, tuple(runs), begin, begin + len(runs)))


def index_page(root: etree._Element, exclude: list[etree._Element]) -> PageIndex:
    """Walk the body once (excluded subtrees are skipped): runs and lines in document order, and
    the counts, summed into each parent as its children close."""
    body = root.find("body")
    if body is None:
        body = root
    index = PageIndex(body=body)
    elements, runs = index.elements, index.runs
    ids, in_link, excluded, block_of = index.order, index.in_link, index.excluded, index.block
    first_run, end_run = index.first_run, index.end_run
    exclude_set = set(exclude)
    text_a: list[int] = []
    links_a: list[int] = []
    punct_a: list[int] = []
    own_a: list[int] = []
    own_punct_a: list[int] = []
    blocky: list[bool] = []
    short: list[int] = []
    # Open elements: (id or -1 when excluded, linked, nearest block).
    stack: list[tuple[int, bool, etree._Element]] = []
    line = 0
    # Whitespace-only texts are not stored as runs (most of a page's text nodes are template
    # indentation); the next run gets one leading space instead, so words stay apart.
    space = ""
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if event == "start":
            pid, plinked, pblock = stack[-1] if stack else (-1, False, body)
            if (stack and pid < 0) or el in exclude_set or tag in SKIP_TAGS:
                excluded.add(el)
                walker.skip_subtree()
                first_run[el] = len(runs)
                stack.append((-1, False, pblock))
                continue
            i = len(elements)
            ids[el] = i
            elements.append(el)
            # A link is an <a href>; a bare <a name> (a Word bookmark) is plain text.
            linked = plinked or (tag == "a" and "href" in el.attrib)
            if linked:
                in_link.add(el)
            block = el if tag in BLOCK_TAGS else pblock
            block_of[el] = block
            text = el.text
            blank = not text or text.isspace()
            n = 0 if blank else _chars(text)
            if linked:
                text_a.append(0)
                links_a.append(n)
                punct_a.append(0)
                own_a.append(0)
                own_punct_a.append(0)
            else:
                p = _punct(text) if n else 0
                text_a.append(n)
                links_a.append(0)
                punct_a.append(p)
                own_a.append(n)
                own_punct_a.append(p)
            blocky.append(False)
            if tag in BLOCK_TAGS:
                line += 1
            first_run[el] = len(runs)
            if blank:
                space = " " if text else space
            else:
                runs.append(Run(line, space + text, el, False, linked))
                space = ""
            stack.append((i, linked, block))
            continue
        # end
        i = stack.pop()[0]
        end_run[el] = len(runs)
        if i >= 0 and SHORT_MIN <= text_a[i] + links_a[i] <= SHORT_MAX:
            short.append(i)
        if tag in BLOCK_TAGS or tag == "br":
            line += 1
        if not stack:
            break
        pid, plinked, _ = stack[-1]
        if pid < 0:
            continue
        if i >= 0:
            text_a[pid] += text_a[i]
            links_a[pid] += links_a[i]
            punct_a[pid] += punct_a[i]
            if blocky[i] or tag in BLOCK_TAGS:
                blocky[pid] = True
        tail = el.tail
        if tail:
            if tail.isspace():
                space = " "
                continue
            runs.append(Run(line, space + tail, el, True, plinked))
            space = ""
            m = _chars(tail)
            if plinked:
                links_a[pid] += m
            else:
                q = _punct(tail)
                text_a[pid] += m
                own_a[pid] += m
                punct_a[pid] += q
                own_punct_a[pid] += q
    index.text = dict(zip(elements, text_a, strict=True))
    index.links = dict(zip(elements, links_a, strict=True))
    index.punct = dict(zip(elements, punct_a, strict=True))
    index.own = dict(zip(elements, own_a, strict=True))
    index.own_punct = dict(zip(elements, own_punct_a, strict=True))
    index.has_blocks = {el for el, flag in zip(elements, blocky, strict=True) if flag}
    index.short = [elements[i] for i in sorted(short)]
    return index
