"""The article container's displayed paragraphs, one string each.

Block boundaries are marked in the container's text (a paragraph mark before and after every
block box, a line mark after every ``<br>``; inside a data-table row the marks become single spaces
and the row ends the paragraph), widgets and link lists are cut out, and the text is read in ONE
walk of the tree as it is (no copy: the marks are kept aside) and split (design/performance.md).
Text hard-wrapped with ``<br>`` at a fixed width (old forums) is re-joined into its paragraphs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold, folding_to
from govmeta.parsers.html.attachments import is_attachment_link
from govmeta.parsers.html.classes import tokens_of
from govmeta.parsers.html.container import is_data_table
from govmeta.parsers.html.page_index import PageIndex
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash
from govmeta.parsers.wording import WIDGET_WORDS, is_widget_word

PARA = "\u2029"  # paragraph separator: never in page text after parsing
BR = "\u2028"  # line separator: a <br> inside a paragraph block

_LIST_FURNITURE = lazy_compile(
    r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)?|[\s・·•●○■□◆◇▪\-|｜()（）\[\]【】>»]"
)
_FLOAT = lazy_compile(r"float\s*:\s*(?:left|right)", re.I)
_INDENT = ("\u00a0", "\u3000", "  ", "\t", "\u2002", "\u2003")


def _leftover(el: etree._Element, index: PageIndex) -> str:
    """The element's non-link text with dates, bullets and brackets removed."""
    text = "".join(
        run.text for run in index.runs[index.first_run[el]:index.end_run[el]] if not run.linked
    )
    return _LIST_FURNITURE.sub("", text)


@lru_cache(maxsize=4096)
def _named_noise(cls: str, ident: str) -> bool:
    """A class value and id naming page furniture (cached by value)."""
    return not rules.article.NOISE_TOKENS.isdisjoint(tokens_of(cls, ident))


def _link_box(el: etree._Element, index: PageIndex) -> bool:
    """A box of links inside the container (asked of a box tag holding link text, not a cell of a data
    table, whose table was judged whole: 相关条文 | <a>民事诉讼法第33条</a>): a list of links (related
    headlines with their dates), or a box that is nothing but links (点击看大图)."""
    density = index.link_density(el)
    if density < 0.3:
        return False
    links = [a for a in el.iter("a") if index.total(a)]
    if any(is_attachment_link(a) for a in links):
        return False
    if len(links) == 1 and _led_line(el, index) and _between_prose(el, index):
        return False  # one linked line led by a bullet or words, among the paragraphs (▶ 典型案例丨<a>…</a>)
    if density >= rules.article.LINK_ONLY or (
        density >= rules.article.LINK_LIST_DENSITY and len(links) >= rules.article.LIST_MIN_LINKS
    ):
        return True
    leftover = _leftover(el, index)
    return len(leftover) <= rules.article.LIST_LEFTOVER or (
        density >= 0.5 and len(leftover) <= rules.article.LIST_TITLE_MAX
    )


def _led_line(el: etree._Element, index: PageIndex) -> bool:
    """The element's text outside its links is some visible mark or words (▶, 典型案例丨), not only spaces."""
    runs = index.runs[index.first_run[el]:index.end_run[el]]
    return any(not run.linked and run.text.strip(_BLANKS) for run in runs)


_BLANKS = " \t\r\n\u00a0\u3000\u2002\u2003"


def _between_prose(el: etree._Element, index: PageIndex) -> bool:
    """Its parent shows running text (outside links) both before and after the element."""
    parent = el.getparent()
    if parent is None or parent not in index.first_run:
        return False
    plain = index.memo.get("plain_chars")
    if plain is None:  # characters outside links up to each run position
        plain = index.memo["plain_chars"] = [0, *accumulate(0 if run.linked else len(run.text) for run in index.runs)]
    least = rules.article.BETWEEN_PROSE_CHARS
    before = plain[index.first_run[el]] - plain[index.first_run[parent]]
    after = plain[index.end_run[parent]] - plain[index.end_run[el]]
    return before >= least and after >= least


class _Edits:
    """Edits one element makes to another's text or tail (a paragraph closed at a float: its end
    trimmed, the text after the float not indented), kept aside instead of in a copy of the tree."""

    def __init__(self) -> None:
        self.texts: dict[etree._Element, str | None] = {}
        self.tails: dict[etree._Element, str | None] = {}

    def text(self, el: etree._Element) -> str | None:
        return self.texts.get(el, el.text)

    def tail(self, el: etree._Element) -> str | None:
        return self.tails.get(el, el.tail)


def _floats(el: etree._Element) -> bool:
    """A box floated beside the text (align=left/right on a table, or a CSS float)."""
    align = (el.get("align") or "").lower()
    return (el.tag in ("table", "div") and align in ("left", "right")) or bool(_FLOAT.search(el.get("style") or ""))


def serialise(
    container: etree._Element, index: PageIndex, skip: set[etree._Element], after: int = 0
) -> list[str]:
    """The container's displayed paragraphs (whitespace collapsed, empties dropped).

    Elements in ``skip``, and elements that end before run position ``after`` (a headline printed
    inside the container, and what precedes it), are left out."""
    return _paragraphs_of(_marked_text(container, index, skip, after))


def _marked_text(container: etree._Element, index: PageIndex, skip: set[etree._Element], after: int) -> str:
    """The container's text with paragraph and line marks: what ``tostring(method="text")`` gives of a
    copy with marks put into its texts and tails and the left-out elements taken out (each leaving a
    paragraph mark, a space in a data-table cell, or nothing for an inline element), read in one walk of
    the tree as it is. An element's text is preceded by its opening mark, its tail by its closing one.

    One ``iter()`` over the nodes (``iterwalk``'s start and end events cost several times as much): a
    stack of open elements stands in for the end events, an element closing when the next node is not
    inside it; the nodes of a left-out subtree are passed over up to the node that follows it."""
    pieces: list[str] = []
    add = pieces.append
    edits = _Edits()
    texts, tails = edits.texts, edits.tails
    closing: dict[etree._Element, str] = {}  # the mark before an element's tail (left out: instead of it)
    opened: list[etree._Element] = []  # open elements, outermost first
    cells: list[bool] = [False]  # per open element: whether its children sit in a data-table cell
    push, pop = cells.append, cells.pop
    skip_tags, block_tags, transparent = rules.article.SKIP_TAGS, rules.article.BLOCK_TAGS, rules.article.TRANSPARENT
    table_tags, cell_parts, link_boxes = _TABLE_TAGS, rules.article.CELL_PARTS, rules.article.LINK_BOX_TAGS
    excluded, end_run, counts, links = index.excluded, index.end_run, index.text, index.links
    continued = _before_floats(container, index)
    table_cache: dict = {}
    preformatted = 0  # open <pre> elements: their line breaks are displayed (line marks, as <br>)
    passing: object = None  # the node after a left-out subtree (passed over up to it), _END for the tree's end
    quiet = False  # the subtree passed over is an empty floated box: its comments' tails still show

    def close(ended: etree._Element) -> None:
        """An element's end: its closing mark, then its tail."""
        nonlocal preformatted
        pop()
        if ended.tag == "pre":
            preformatted -= 1
        tail = tails.get(ended, ended.tail)
        mark = closing.get(ended)
        if mark is not None:
            add(mark)
        if tail:
            add(_pre_lines(tail) if preformatted and not cells[-1] else tail)

    for el in container.iter():
        if passing is not None:
            if el is not passing:
                if quiet and not isinstance(el.tag, str) and el.tail:
                    add(_pre_lines(el.tail) if preformatted and not cells[-1] else el.tail)
                continue
            passing = None
        if opened:
            parent = el.getparent()
            while opened[-1] is not parent:  # the elements that ended before this node
                close(opened.pop())
        tag = el.tag
        if not isinstance(tag, str):  # a comment or a processing instruction: only its tail is displayed
            tail = tails.get(el, el.tail)
            if tail:
                add(_pre_lines(tail) if preformatted and not cells[-1] else tail)
            continue
        cell = cells[-1]
        opened.append(el)
        data_table = tag in table_tags and _in_data_table(el, tag, index, table_cache)
        data_cell = data_table and tag in cell_parts
        cls, ident = el.get("class"), el.get("id")
        if el is not container and (
            el in skip
            or tag in skip_tags
            or el in excluded
            or (after and end_run.get(el, after + 1) <= after)
            # page furniture: a box named as a widget, or a box of links (tested here: a call per element
            # costs more than its usual answer)
            or ((cls or ident) and _named_noise(cls or "", ident or ""))
            or (links.get(el, 0) and tag in link_boxes and not data_cell and _link_box(el, index))
        ):
            closing[el] = (" " if cell else PARA) if tag in block_tags or tag == "br" else ""
            push(cell)
            passing, quiet = _following(el, container), False
            continue
        opening = ""
        if data_table:
            push(cell or data_cell)
            if data_cell:
                closing[el] = " "
            else:
                opening = closing[el] = PARA
        else:
            push(cell)
            if tag == "br":
                closing[el] = " " if cell else BR
            elif tag in block_tags and tag not in transparent and el is not container:
                if cell or el in continued or not counts.get(el, 0) + links.get(el, 0):
                    opening = _mark_block(el, index, cell, edits, closing, continued)
                    if opening is None:  # an empty floated box: no text inside it, no line breaks
                        passing, quiet = _following(el, container), True
                        continue
                else:
                    opening = closing[el] = PARA
        if tag == "pre":
            preformatted += 1
        text = texts.get(el, el.text)
        if opening:
            add(opening)
        if text:
            add(_pre_lines(text) if preformatted and not cells[-1] else text)
    while len(opened) > 1:  # the container's own end shows nothing
        close(opened.pop())
    return "".join(pieces)


_END = object()  # no node follows: the subtree passed over runs to the container's end


def _following(el: etree._Element, container: etree._Element) -> object:
    """The node ``container.iter()`` yields after ``el``'s subtree (``_END`` when none does)."""
    while el is not container:
        following = el.getnext()
        if following is not None:
            return following
        el = el.getparent()
    return _END


def _before_floats(container: etree._Element, index: PageIndex) -> set[etree._Element]:
    """The paragraphs the parser closed at an empty floated table or div, their text going on after it
    (``<p>…5<table align=left><img></table>00万元…</p>``: one run on screen)."""
    out = set()
    for box in container.iterdescendants("table", "div"):
        if not index.total(box) and _floats(box) and (box.tail or "").strip():
            before = box.getprevious()
            if before is not None and before.tag == "p":
                out.add(before)
    return out


def _pre_lines(text: str) -> str:
    """Preformatted text with its line breaks as line marks (a <pre> notice shows one line per line)."""
    return text.replace("\r\n", BR).replace("\n", BR).replace("\r", BR) if "\n" in text or "\r" in text else text


_TABLE_TAGS = frozenset({*rules.article.CELL_PARTS, "tr", "table"})


def _in_data_table(el: etree._Element, tag: str, index: PageIndex, cache: dict) -> bool:
    """A table, row or cell of a data table (its rows end paragraphs, its cells are spaced)."""
    table = el if tag == "table" else _table_of(el)
    return table is not None and is_data_table(table, index, cache)


def _mark_block(
    el: etree._Element,
    index: PageIndex,
    cell: bool,
    edits: _Edits,
    closing: dict[etree._Element, str],
    continued: set[etree._Element],
) -> str | None:
    """Where a block element starts and ends a paragraph (or only a space, inside a table cell): its
    opening mark, its closing one put in ``closing``; None for an empty floated box (an image table),
    which does not break the line and shows no text."""
    if cell:
        closing[el] = " "
        return " "
    if not index.total(el) and _floats(el):
        return None
    if el in continued:  # a paragraph closed at an empty float (_before_floats)
        edits.texts[el] = PARA + (edits.text(el) or "")
        _rstrip_end(el, edits)
        following = el.getnext()
        if following is not None and edits.tail(following):
            edits.tails[following] = edits.tail(following).lstrip()
        return ""
    closing[el] = PARA
    return PARA


def _paragraphs_of(text: str) -> list[str]:
    """Marked text cut into paragraphs: at paragraph marks, and at line marks where the lines are not one
    hard-wrapped paragraph."""
    paragraphs: list[str] = []
    for block in text.split(PARA):
        if BR in block:
            paragraphs.extend(_block_lines(block))
        elif block and not block.isspace():
            paragraphs.append(squash(block))  # one line: _block_lines' answer, without its work
    return paragraphs


def _rstrip_end(el: etree._Element, edits: _Edits) -> None:
    """Trim the whitespace at the very end of an element's text (its last text node)."""
    last = None
    for node in el.iterdescendants():
        last = node
    if last is None:
        edits.texts[el] = (edits.text(el) or "").rstrip()
    elif edits.tail(last):
        edits.tails[last] = edits.tail(last).rstrip()
    elif last.getparent() is el or not edits.text(last):
        pass
    else:
        edits.texts[last] = edits.text(last).rstrip()


def _block_lines(block: str) -> list[str]:
    """A block's paragraphs: its <br> lines, or, for text hard-wrapped at a fixed width, its
    logical paragraphs (a new one at an indented line or after an empty line)."""
    raw = block.split(BR)
    lines = [squash(line) for line in raw]
    filled = [line for line in lines if line]
    if len(filled) < rules.article.HARD_WRAP_LINES:
        return filled
    widths = sorted(_width(line) for line in filled)
    wrap = widths[int(len(widths) * 0.9)]  # the wrapping width (a few lines may overrun it)
    full = sum(1 for width in widths if width >= 0.85 * wrap)
    if wrap > rules.article.HARD_WRAP_WIDTH or full < rules.article.HARD_WRAP_SHARE * len(filled):
        return filled
    out: list[str] = []
    new_paragraph = True
    for raw_line, line in zip(raw, lines, strict=True):
        if not line:
            new_paragraph = True
            continue
        indented = raw_line.lstrip("\r\n").startswith(_INDENT)
        if new_paragraph or indented or not out:
            out.append(line)
        else:
            joint = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and line[0].isascii() else ""
            out[-1] += joint + line
        new_paragraph = False
    return out


def _width(line: str) -> int:
    """Display width: a CJK character (three UTF-8 bytes) is two columns, an ASCII one one."""
    return (len(line.encode("utf-8")) + len(line)) // 2


def _table_of(el: etree._Element) -> etree._Element | None:
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el


# Widget words are split apart by whitespace and by these separators and brackets.
_WIDGET_SPLIT = lazy_compile("[" + re.escape(rules.article.WIDGET_PUNCTUATION) + "\\s]+")
WIDGET_PREFIXES = tuple(fold(prefix) for prefix in rules.article.WIDGET_PREFIXES)
_WIDGET_PREFIX_MAX = max(map(len, WIDGET_PREFIXES))
# The characters, as a page may write them, that can open a widget prefix, a pager or promotion (first or
# after spaces), and begin or end a widget word: a line that opens otherwise is not folded and matched.
_PREFIX_FIRSTS = folding_to(prefix[0] for prefix in WIDGET_PREFIXES)
_PAGER_OPENERS = folding_to(rules.article.PAGER_PROMO_OPENERS)
_PAGER_FIRSTS = folding_to(rules.article.PAGER_PROMO_FIRSTS)
_WORD_FIRSTS = folding_to(word[0] for word in WIDGET_WORDS)
_WORD_LASTS = folding_to(word[-1] for word in WIDGET_WORDS)
_WORD_SPLITTERS = frozenset(rules.article.WIDGET_PUNCTUATION)


def is_widget_line(line: str) -> bool:
    """A line of widget words only (打印本页 | 关闭窗口), a pager, a promotion or a widget prompt.

    (Folding is character by character: a long line's prefixes are folded, not the whole line, and only
    when its first character can open one.)"""
    if (line[:1] in _PREFIX_FIRSTS and _widget_prefixed(line)) or (
        _may_be_pager_or_promo(line) and _pager_or_promo(fold(line))
    ):
        return True
    if len(line) > rules.article.WIDGET_LINE_MAX or not _may_be_widget_words(line):
        return False
    return all(is_widget_word(word) for word in _WIDGET_SPLIT.split(line) if word)


def _widget_prefixed(line: str) -> bool:
    return line.startswith(rules.article.WIDGET_PREFIXES) or fold(line[:_WIDGET_PREFIX_MAX]).startswith(WIDGET_PREFIXES)


def _may_be_pager_or_promo(line: str) -> bool:
    """The line starts as a pager or a promotion can (an opening bracket, or 第/共/更 after spaces)."""
    return line[:1] in _PAGER_OPENERS or line.lstrip()[:1] in _PAGER_FIRSTS


def _may_be_widget_words(line: str) -> bool:
    """The line's first and last words, where it opens and ends with one, can be widget words."""
    first, last = line[:1], line[-1:]
    if first and first not in _WORD_FIRSTS and first not in _WORD_SPLITTERS and not first.isspace():
        return False
    return not (last and last not in _WORD_LASTS and last not in _WORD_SPLITTERS and not last.isspace())


def _pager_or_promo(folded: str) -> bool:
    return bool(rules.article.PAGER_LINE.match(folded) or rules.article.PROMO_LINE.match(folded))


# A related label at the start of a line (leading brackets and ASCII spaces anywhere in it are
# ignored), then nothing or a colon / closing bracket.
_RELATED_LINE = lazy_compile(
    "[【\\[ ]*(?:"
    + "|".join(" *".join(map(re.escape, label)) for label in rules.article.RELATED_LABELS)
    + ") *(?:[:：】\\]]|\\Z)"
)
_RELATED_LEAD = folding_to("【[ ")  # what _RELATED_LINE skips before the label (as the page may write it)
_RELATED_FIRSTS = folding_to(label[0] for label in rules.article.RELATED_LABELS)


def is_related_line(line: str) -> bool:
    """A cross-reference line (相关解读：…) or a related-list heading (相关链接)."""
    for char in line:  # the label's first character decides whether the whole line is folded and matched
        if char in _RELATED_LEAD:
            continue
        return char in _RELATED_FIRSTS and _RELATED_LINE.match(fold(line)) is not None
    return False


_HEADING_TRIM = " \u00a0\u3000:：【】[]"


def is_section_heading(line: str) -> bool:
    """A line that is only the heading of a list section (附件：, 【相关文档】)."""
    return len(line) <= 12 and fold(line.strip(_HEADING_TRIM)) in rules.article.SECTION_HEADINGS


def credit_text(line: str) -> str | None:
    """The credit of an editorial credit line (责任编辑：… / 来源：…), widget brackets before it
    (【纠错】) taken off; None when the line is not one."""
    if len(line) > rules.article.CREDIT_LINE_MAX:
        return None
    rest = line
    while rest[:1] in "【[":
        close = rest.find("】" if rest[0] == "【" else "]")
        if close < 0 or not is_widget_word(rest[1:close].strip()):
            break
        rest = rest[close + 1:].lstrip()
    return rest if rules.article.CREDIT_LINE.match(fold(rest)) else None


def clean_lines(lines: list[str]) -> list[str]:
    """Drop widget lines and related-link lines. (A line opening with a character that opens neither, too
    long or not ending as a line of widget words, is kept without the two tests: most of a body.)"""
    out = []
    openers, line_max = _LINE_OPENERS, rules.article.WIDGET_LINE_MAX
    for line in lines:
        first = line[:1]
        may_drop = first in openers or first.isspace() or (len(line) <= line_max and _may_be_widget_words(line))
        if not (may_drop and (is_widget_line(line) or is_related_line(line))):
            out.append(line)
    return out


# What a widget prefix, a pager or promotion, or a related line can open with (spaces aside).
_LINE_OPENERS = _PREFIX_FIRSTS | _PAGER_OPENERS | _PAGER_FIRSTS | _RELATED_LEAD | _RELATED_FIRSTS
