"""The article container's displayed paragraphs, one string each.

The container is copied, block boundaries are marked in the copy's text (a paragraph mark
before and after every block box, a line mark after every ``<br>``; inside a data-table row the
marks become single spaces and the row ends the paragraph), widgets and link lists are cut out,
and the copy is serialised ONCE with ``tostring(method="text")`` and split (design/performance.md).
Text hard-wrapped with ``<br>`` at a fixed width (old forums) is re-joined into its paragraphs.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.attachments import is_attachment_link
from govmeta.parsers.html.classes import tokens_of
from govmeta.parsers.html.container import is_data_table
from govmeta.parsers.html.document import remove_keeping_tail
from govmeta.parsers.html.page_index import PageIndex
from govmeta.parsers.spaces import squash
from govmeta.parsers.wording import is_widget_word

PARA = "\u2029"  # paragraph separator: never in page text after parsing
BR = "\u2028"  # line separator: a <br> inside a paragraph block

_LIST_FURNITURE = re.compile(
    r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)?|[\s・·•●○■□◆◇▪\-|｜()（）\[\]【】>»]"
)
_FLOAT = re.compile(r"float\s*:\s*(?:left|right)", re.I)
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


def is_noise(el: etree._Element, index: PageIndex) -> bool:
    """Page furniture inside the container: widgets named so, a list of links (related
    headlines with their dates), or a box that is nothing but links (点击看大图)."""
    cls, ident = el.get("class"), el.get("id")
    if (cls or ident) and _named_noise(cls or "", ident or ""):
        return True
    if el.tag not in rules.article.LINK_BOX_TAGS or not index.links.get(el, 0):
        return False
    density = index.link_density(el)
    if density < 0.3:
        return False
    links = [a for a in el.iter("a") if index.total(a)]
    if any(is_attachment_link(a) for a in links):
        return False
    if density >= rules.article.LINK_ONLY or (
        density >= rules.article.LINK_LIST_DENSITY and len(links) >= rules.article.LIST_MIN_LINKS
    ):
        return True
    leftover = _leftover(el, index)
    return len(leftover) <= rules.article.LIST_LEFTOVER or (
        density >= 0.5 and len(leftover) <= rules.article.LIST_TITLE_MAX
    )


def _mark(dup: etree._Element, before: str, after: str) -> None:
    dup.text = before + (dup.text or "")
    dup.tail = after + (dup.tail or "")


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
    dup_root, removals = _marked_copy(container, index, skip, after)
    for dup, is_block, cell in removals:
        remove_keeping_tail(dup, (" " if cell else PARA) if is_block else "")
    return _paragraphs_of(etree.tostring(dup_root, method="text", encoding="unicode", with_tail=False))


def _marked_copy(
    container: etree._Element, index: PageIndex, skip: set[etree._Element], after: int
) -> tuple[etree._Element, list[tuple[etree._Element, bool, bool]]]:
    """A copy of the container with paragraph and line marks in its text, and the copied elements to
    take out (each with whether it was a block and whether it sat in a data-table cell)."""
    dup_root = copy.deepcopy(container)
    in_cell: dict[etree._Element, bool] = {}
    table_cache: dict = {}
    removals = []
    removed: set[etree._Element] = set()  # left out, with everything inside (not looked at again)
    quiet: set[etree._Element] = set()  # inside an empty floated box: no line breaks
    excluded, end_run = index.excluded, index.end_run
    for orig, dup in zip(container.iter(), dup_root.iter(), strict=True):
        tag = orig.tag
        if not isinstance(tag, str):
            continue
        parent = orig.getparent()
        if parent in removed:
            removed.add(orig)
            continue
        if parent in quiet:
            quiet.add(orig)
            dup.text = dup.tail = None  # an empty box's layout whitespace is not displayed
            continue
        cell = in_cell.get(parent, False) if orig is not container else False
        if orig is not container and (
            orig in skip
            or tag in rules.article.SKIP_TAGS
            or orig in excluded
            or (after and end_run.get(orig, after + 1) <= after)
            or is_noise(orig, index)
        ):
            removals.append((dup, tag in rules.article.BLOCK_TAGS or tag == "br", cell))
            removed.add(orig)
            continue
        if tag in rules.article.CELL_PARTS or tag == "tr" or tag == "table":
            table = orig if tag == "table" else _table_of(orig)
            if table is not None and is_data_table(table, index, table_cache):
                in_cell[orig] = cell or tag in rules.article.CELL_PARTS
                if tag in rules.article.CELL_PARTS:
                    dup.tail = " " + (dup.tail or "")
                else:
                    _mark(dup, PARA, PARA)
                continue
        in_cell[orig] = cell
        if tag == "br":
            dup.tail = (" " if cell else BR) + (dup.tail or "")
        elif tag in rules.article.BLOCK_TAGS and tag not in rules.article.TRANSPARENT and orig is not container:
            _mark_block(orig, dup, index, cell, quiet)
    return dup_root, removals


def _mark_block(
    orig: etree._Element, dup: etree._Element, index: PageIndex, cell: bool, quiet: set[etree._Element]
) -> None:
    """Mark where a block element's copy starts and ends a paragraph (or only a space, inside a table cell)."""
    if cell:
        _mark(dup, " ", " ")
    elif not index.total(orig) and _floats(orig):
        quiet.add(orig)  # an empty floated box (an image table) does not break the line
        dup.text = None
    elif _continued_past_float(orig, index):
        dup.text = PARA + (dup.text or "")
        _rstrip_end(dup)
        following = dup.getnext()
        if following is not None and following.tail:
            following.tail = following.tail.lstrip()
    else:
        _mark(dup, PARA, PARA)


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


def _continued_past_float(el: etree._Element, index: PageIndex) -> bool:
    """A paragraph the parser closed at an empty floated table, its text going on after it
    (``<p>…5<table align=left><img></table>00万元…</p>``: one run on screen)."""
    following = el.getnext()
    return (
        el.tag == "p"
        and following is not None
        and following.tag in ("table", "div")
        and not index.total(following)
        and _floats(following)
        and bool((following.tail or "").strip())
    )


def _rstrip_end(el: etree._Element) -> None:
    """Trim the whitespace at the very end of an element's text (its last text node)."""
    last = None
    for node in el.iterdescendants():
        last = node
    if last is None:
        el.text = (el.text or "").rstrip()
    elif last.tail:
        last.tail = last.tail.rstrip()
    elif last.getparent() is el or not last.text:
        pass
    else:
        last.text = last.text.rstrip()


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
_WIDGET_SPLIT = re.compile("[" + re.escape(rules.article.WIDGET_PUNCTUATION) + "\\s]+")
WIDGET_PREFIXES = tuple(fold(prefix) for prefix in rules.article.WIDGET_PREFIXES)


def is_widget_line(line: str) -> bool:
    """A line of widget words only (打印本页 | 关闭窗口), a pager, a promotion or a widget prompt."""
    folded = fold(line)
    if (
        line.startswith(rules.article.WIDGET_PREFIXES)
        or folded.startswith(WIDGET_PREFIXES)
        or rules.article.PAGER_LINE.match(folded)
        or rules.article.PROMO_LINE.match(folded)
    ):
        return True
    if len(line) > rules.article.WIDGET_LINE_MAX:
        return False
    return all(is_widget_word(word) for word in _WIDGET_SPLIT.split(line) if word)


# A related label at the start of a line (leading brackets and ASCII spaces anywhere in it are
# ignored), then nothing or a colon / closing bracket.
_RELATED_LINE = re.compile(
    "[【\\[ ]*(?:"
    + "|".join(" *".join(map(re.escape, label)) for label in rules.article.RELATED_LABELS)
    + ") *(?:[:：】\\]]|\\Z)"
)


def is_related_line(line: str) -> bool:
    """A cross-reference line (相关解读：…) or a related-list heading (相关链接)."""
    return _RELATED_LINE.match(fold(line)) is not None


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
    """Drop widget lines and related-link lines."""
    return [line for line in lines if not is_widget_line(line) and not is_related_line(line)]
