"""Converter markup out of a text dump: what html2text, markdownify, pandoc, lynx, w3m and inscriptis add
around the page's words (list bullets, headings, links, emphasis, table borders) is removed, so the dump
reads like a plain "save as text" copy.

Tables drawn with bars become one line per row, cells separated by tabs (a cell wrapped over several
lines inside its borders is joined first), the form a browser's copy of a table has.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, pairwise

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.text.breadcrumb import headline_off_trail
from govmeta.parsers.text.page import display_width


def unmark(lines: list[str], known: Callable[[str], bool] = lambda label: False
           ) -> tuple[list[str], dict[int, int], frozenset[int]]:
    """The dump's lines without converter markup (as many lines, or fewer where tables were joined), the
    headings the markup showed: line index -> level (``# 标题``, a ``=====`` / ``-----`` underline,
    or a line flush left in a dump whose text is indented, as lynx prints headings), and the lines that
    were list items (a bullet before them)."""
    out: list[str] = []
    headings: dict[int, int] = {}
    items: set[int] = set()
    framed = -2  # where the last rule line stood (out's index)
    border, rows = "", -1  # the last rule line, and how many lines (none blank) followed it; -1: a blank one
    for line in _broken_labels(_column_cells(_label_tails(headline_off_trail(_tables(lines)), known)), known):
        if rules.text.RULE_LINE.match(line):
            if (out and out[-1].strip() and len(out) - 1 not in headings and _underlines(out, line, framed)
                    and not _closes_table(line, border, rows)):
                headings[len(out) - 1] = 1 if line.strip()[0] == "=" else 2
            framed = len(out)  # a rule line (read as a blank line)
            border, rows = line, 0
            out.append("")
            continue
        rows = rows + 1 if rows >= 0 and line.strip() else -1
        if match := rules.text.ATX_HEADING.match(line):
            headings[len(out)] = len(match[2])
        if out and (at := out[-1].rfind("![")) >= 0 and "]" not in out[-1][at:] and (
                rules.text.MD_IMAGE_CLOSE.match(line)):  # an image's alt text broken onto this line
            out[-1] = out[-1][:at]
            line = rules.text.MD_IMAGE_CLOSE.sub("", line, count=1)
        if out and (opened := next(_bracketed(rules.text.MD_LINK_OPEN, out[-1]), None)):  # the address broken
            out[-1] = out[-1][: opened.start()] + opened.expand(r"\1") + out[-1][opened.end():]  # onto this line
            line = rules.text.MD_LINK_CLOSE.sub("", line, count=1)
        if rules.text.BULLET.match(line):
            items.add(len(out))
        out.append(_unmark_line(line))
    if not headings:
        headings = _outdented(out)
    return _bracket_labels(out), headings, frozenset(items)


def _underlines(out: list[str], line: str, rule_at: int) -> bool:
    """Whether ``line`` underlines the line above it as a setext heading: one run of = or -, flush left
    (markdown's underline, html2text's and markdownify's), or indented as that line is with no rule right
    above it (pandoc frames a one-column table's cell with dashed rules indented by two, its text indented
    otherwise or a rule above it: a framed cell, not a heading)."""
    if not rules.text.SETEXT_UNDERLINE.match(line):
        return False
    indent = len(line) - len(line.lstrip())
    return not indent or (indent == len(out[-1]) - len(out[-1].lstrip()) and rule_at != len(out) - 2)


def _closes_table(line: str, border: str, rows: int) -> bool:
    """Whether the rule ``line`` is a one-column table's bottom border (pandoc: ``  ------⏎  cell⏎  ------``):
    the same indented rule (``border``) stands over the ``rows`` lines above it, no blank line between."""
    return (line[:1].isspace() and border.rstrip() == line.rstrip()
            and 0 < rows <= rules.text.BORDERED_CELL_MAX_LINES)


def _outdented(lines: list[str]) -> dict[int, int]:
    """Lines flush left in a dump whose text lines are indented (lynx): its headings."""
    filled = [line for line in lines if line.strip()]
    indented = sum(1 for line in filled if line.startswith(rules.text.TEXT_INDENT))
    if not filled or indented < rules.text.INDENTED_SHARE * len(filled):
        return {}
    return {n: 1 for n, line in enumerate(lines) if line.strip() and not line[0].isspace()}


def _bracket_labels(lines: list[str]) -> list[str]:
    """``【文号】value`` read as ``文号：value`` where two such labels stand on a line or adjacent lines."""
    counts = [len(rules.text.BRACKET_LABEL.findall(line)) for line in lines]
    out = []
    for n, line in enumerate(lines):
        near = counts[n] + (counts[n - 1] if n else 0) + (counts[n + 1] if n + 1 < len(lines) else 0)
        out.append(rules.text.BRACKET_LABEL.sub(_bracket_label, line) if counts[n] and near >= 2 else line)
    return out


def _unmark_line(line: str) -> str:
    line = rules.text.ATX_HEADING.sub(r"\1\3", line)
    line = rules.text.DEFINITION_VALUE.sub(r"\1    ", line)
    line = rules.text.BULLET.sub(r"\1", line)
    line = _sub_bracketed(rules.text.MD_IMAGE, lambda m: "", line, "![")
    line = _sub_bracketed(rules.text.MD_LINK, lambda m: m[1] if m[1] is not None else m[2], line)
    line = rules.text.PLACEHOLDER.sub("", line)
    for _ in range(3):  # nested emphasis, inside out
        line, found = rules.text.EMPHASIS.subn(r"\2", line)
        if not found:
            break
    line = rules.text.UNBALANCED_EMPHASIS.sub(r"\1\3", line)
    line = rules.text.EMPTY_EMPHASIS.sub("", line)
    return rules.text.MD_ESCAPE.sub(r"\1", line)


def _bracketed(pattern: re.Pattern[str], line: str, opener: str = "[") -> Iterator[re.Match[str]]:
    """``pattern.finditer(line)`` for a pattern that starts with ``opener`` and reads its bracket text up to
    the first ``]`` (or line end), in time linear in the line: a start that fails fails for every later start
    before that ``]`` (same bracket text, same rest), so those starts are skipped, not each tried (a line of
    100,000 ``![`` made the plain search quadratic)."""
    at = line.find(opener)
    while at >= 0:
        if match := pattern.match(line, at):
            yield match
            at = line.find(opener, match.end())
            continue
        close = _BRACKET_END.search(line, at + len(opener))
        if close is None:
            return
        at = line.find(opener, close.start())


_BRACKET_END = lazy_compile(r"[\]\n]")


def _sub_bracketed(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], line: str,
                   opener: str = "[") -> str:
    """``pattern.sub(repl, line)`` over the matches of ``_bracketed``."""
    parts, done = [], 0
    for match in _bracketed(pattern, line, opener):
        parts += [line[done: match.start()], repl(match)]
        done = match.end()
    return "".join(parts) + line[done:] if parts else line


def _bracket_label(match: re.Match[str]) -> str:
    """``【文号】`` before a value is the label ``文号：``; a widget in brackets (【我要纠错】) stays."""
    if fold(match[1]) in rules.words.WIDGET_WORDS or fold(match[0].strip()) in rules.words.WIDGET_WORDS:
        return match[0]
    return match[1] + "："


def _tables(lines: list[str]) -> list[str]:
    """Bar-drawn table rows as tab-separated cells; border lines gone; a row wrapped over lines joined.

    A pipe table without edge bars (html2text: ``索引号| 0001/2025| 信息分类| 财政``, a ``---|---`` rule
    under the first row) has its rows on the lines around the rule."""
    out: list[str] = []
    row: list[list[str]] = []  # the current row's cells, line by line
    grid = False  # inside a grid or box table (rows end at border lines), not a pipe table (one line a row)
    bare = False  # inside a pipe table without edge bars

    def flush() -> None:
        if row and (paragraphs := _box_paragraphs(row) if grid else _pipe_box_paragraphs(row)):
            out.extend(paragraphs)
            row.clear()
        if row:
            width = max(len(cells) for cells in row)
            # a rule drawn inside a grid table's cell (pandoc: a nested table's borders) is no text; a blank
            # line inside a cell ends a paragraph of it (a space, not a glued wrap)
            columns = [[cells[n].strip() if n < len(cells) else "" for cells in row
                        if not (grid and n < len(cells) and rules.text.RULE_LINE.match(cells[n]))]
                       for n in range(width)]
            out.append(_row(functools.reduce(_glue_cell, column, "").strip() for column in columns))
            row.clear()

    for line in lines:
        if rules.text.TABLE_BORDER.match(line):
            flush()
            edge = line.strip()[0]
            grid = grid or edge in rules.text.GRID_CORNERS
            if not (edge in rules.text.GRID_CORNERS or rules.text.TABLE_BAR.match(edge)):
                bare = True
                top = len(out)  # the heading row, which the converter may have wrapped over a few lines
                lowest = max(0, top - rules.text.HEADING_ROW_MAX_LINES - 1)
                while top > lowest and out[top - 1].strip():
                    top -= 1
                starts_block = top == 0 or not out[top - 1].strip()
                if starts_block and top < len(out) and rules.text.TABLE_BAR.search(out[top]):
                    out[top:] = [_row(rules.text.TABLE_BAR.split("".join(part.strip() for part in out[top:])))]
            continue
        if rules.text.TABLE_ROW.match(line):
            cells = rules.text.TABLE_BAR.split(line.strip())[1:-1]
            if row and not (grid and len(cells) == len(row[0])):
                flush()
            row.append(cells)
            continue
        flush()
        grid = False
        bare = bare and bool(rules.text.TABLE_BAR.search(line))
        out.append(_row(rules.text.TABLE_BAR.split(line)) if bare else line)
    flush()
    return out


def _box_paragraphs(row: list[list[str]]) -> list[str] | None:
    """A grid table's row of one cell holding several paragraphs (pandoc draws a layout table's only cell
    so: a page's whole article in one box) as the paragraphs' lines, a blank line between them, each
    paragraph's wrapped lines glued; None for a row of several cells or one paragraph (a data cell)."""
    if any(len(cells) != 1 for cells in row):
        return None
    paragraphs: list[str] = []
    text = ""
    for cells in row:
        line = cells[0].strip()
        if rules.text.RULE_LINE.match(line):
            continue
        if line:
            text = glue(text, line)
        elif text:
            paragraphs.append(text)
            text = ""
    if text:
        paragraphs.append(text)
    return _box_lines(paragraphs)


def _pipe_box_paragraphs(row: list[list[str]]) -> list[str] | None:
    """A pipe table's row of one cell holding several paragraphs run on with wide spaces between them
    (markdownify prints a layout table's only cell so: ``| 当前位置：…  **标题**  发布日期：…  正文… |``) as the
    paragraphs' lines, a blank line between them; None for any other row."""
    if len(row) != 1 or len(row[0]) != 1:
        return None
    return _box_lines([part.strip() for part in rules.text.BOX_PARAGRAPH_GAP.split(row[0][0]) if part.strip()])


def _box_lines(paragraphs: list[str]) -> list[str] | None:
    """A layout box's paragraphs as lines, a blank line between them; None for fewer than BOX_MIN_PARAGRAPHS."""
    if len(paragraphs) < rules.text.BOX_MIN_PARAGRAPHS:
        return None
    out = [paragraphs[0]]
    for paragraph in paragraphs[1:]:
        out.extend(("", paragraph))
    return out


def _row(cells: Iterable[str]) -> str:
    return " \t".join(cell.strip() for cell in cells)


def _broken_labels(lines: list[str], known: Callable[[str], bool]) -> list[str]:
    """Labels a converter broke where it wrapped a long line (html2text at 78 columns, w3m at 80: ``…发布日期：
    2015-10-30  有`` over ``效 性： 有效``): the label's first characters end a line as wide as a wrapped one,
    its rest and colon start the next; the first characters go down to the rest when the two spell a known
    label and the rest alone is none."""
    out = list(lines)
    for n in range(len(out) - 1):
        head = rules.text.BROKEN_LABEL_HEAD.search(out[n])
        if head is None or display_width(out[n]) < rules.text.MIN_WRAP_COLUMNS:
            continue
        rest = rules.text.BROKEN_LABEL_REST.match(out[n + 1])
        if rest is None or known(rest[2]) or not known(head[1] + rest[2]):
            continue
        out[n] = out[n][: head.start(1)].rstrip()
        out[n + 1] = rest[1] + head[1] + out[n + 1][rest.end(1):]
    return out


def _label_tails(lines: list[str], known: Callable[[str], bool]) -> list[str]:
    """Label cells a converter wrapped at their column's width (w3m): the label's last characters and its
    colon on the next line, in the label's column (``报送单  市财政局      主题分`` over ``位：          类：``;
    ``标      吉林省…新`` over ``题：    增建设…``). The tail goes back after the label's head, text under
    the line's values goes on after them, and the tail line goes. ``known`` tells a label the vocabulary
    knows."""
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        joined = _join_tails(line, lines[n + 1], known) if n + 1 < len(lines) and line.strip() else None
        out.append(joined if joined is not None else line)
        n += 2 if joined is not None else 1
    return out


def _join_tails(line: str, below: str, known: Callable[[str], bool]) -> str | None:
    """``line`` with the label tails and value pieces of ``below`` put back, or None when ``below`` is no
    such line. A tail of characters (not a colon alone) is one when the label it ends is known, or when
    ``below`` holds another tail or the value's next piece too (a line such as 附件： under a pair is none)."""
    if ":" not in below and "：" not in below:
        return None
    width_at = _prefix_widths(line)
    at_width = {width: n for n, width in enumerate(width_at)}
    starts = {width_at[m.start()]: m.start() for m in _PIECE.finditer(line)}  # the line's pieces by column
    gaps = [m.start() for m in _CELL_END.finditer(line)]  # where cells end (looked up: a wide line costs no
    below_at = _prefix_widths(below)  # more than the line)
    inserts: list[tuple[int, str]] = []
    worded: list[str] = []  # labels completed by a tail holding characters
    for piece in rules.text.COLUMN_GAP.finditer(below):
        column = below_at[piece.start()]
        if column not in starts:
            return None  # not under a cell of the line
        if rules.text.LABEL_TAIL.fullmatch(piece[0]):
            head = _label_head(line, starts[column], piece[0])
            if head is None:
                return None
            inserts.append((head, piece[0]))
            if len(piece[0]) > 1:
                worded.append(line[starts[column]: head] + piece[0])
        else:  # the cell's value wrapped: its next piece goes on after the cell's text
            start = at_width[column]
            end = bisect.bisect_left(gaps, start)
            cell = line[start: gaps[end] if end < len(gaps) else len(line)].rstrip()
            inserts.append((start + len(cell), glue(cell, piece[0])[len(cell):]))
    if not any(rules.text.LABEL_TAIL.fullmatch(text) for _, text in inserts) or (
            len(inserts) == len(worded) == 1 and not known(worded[0])):
        return None
    parts, done = [], 0
    for at, text in sorted(inserts):  # (one pass: many cells cost no copy of the line each)
        parts += [line[done:at], text]
        done = at
    return "".join(parts) + line[done:]


def _label_head(line: str, start: int, tail: str) -> int | None:
    """Where the head of a label cell starting at ``start`` ends (``索  引号``: letters spread by padding
    count as one label), or None when no label starts there: Chinese characters only, followed by the
    cell's value or by padding (a line of text over a line such as 附件： is no cell)."""
    end, letters = start, len(tail) - 1
    while True:
        word = _WORD.match(line, end)
        if word is None or not rules.text.LABEL_HEAD.fullmatch(word[0]):
            return None
        letters += len(word[0])
        end = word.end()
        if letters >= rules.text.MIN_LABEL_CHARS:
            break
        end = _SPACES.match(line, end).end() if line.startswith(" ", end) else end
    if letters > rules.text.MAX_LABEL_CHARS or not (line[end:].strip() or line.endswith("  ")):
        return None
    return end


_PIECE = lazy_compile(r"(?:(?<= )|^)\S")
_WORD = lazy_compile(r"\S+")
_SPACES = lazy_compile(r" +")
_CELL_END = lazy_compile(r" {2,}(?=\S)")


def _column_cells(lines: list[str]) -> list[str]:
    """Cells of a borderless table laid out in columns whose values wrap under them (w3m):
    ``索引号: 014501068/   发文机关: 江西省市场监`` over ``2020-03530          督管理局`` — each piece
    of the next lines that starts in a cell's column and fits its width is that cell's continuation."""
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        starts = [m.start() for m in rules.text.COLUMN_CELL.finditer(line)]
        n += 1
        if len(starts) < 2:
            out.append(line)
            continue
        cells = [line[a:b].rstrip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
        padded = any(re.search(r"\S {2,}$", line[a:b]) for a, b in pairwise(starts))
        if not padded and any(rules.text.COLUMN_CELL.fullmatch(cell) for cell in cells):
            out.append(line)  # an empty cell, no padding to columns: a line wrapped before its value (lynx)
            continue
        width_at = _prefix_widths(line)
        columns = [width_at[a] for a in starts]
        limits = [*columns[1:], columns[-1] + max(display_width(cells[-1]), 1)]
        column_at = {width: cell for cell, width in reversed(list(enumerate(columns)))}  # the first cell at a width
        joined = False
        while (n < len(lines) and (pieces := _continuation(lines[n], column_at, limits)) is not None
               and (padded or len(pieces) > 1)):  # one piece under unpadded cells may be the next paragraph
            for column, text in pieces:
                cells[column] = glue(cells[column], text)
            joined, n = True, n + 1
        out.append(line[: starts[0]] + "   ".join(cells) if joined else line)
    return out


def _prefix_widths(line: str) -> list[int]:
    """Display width of ``line[:i]`` for every i (one pass: a long line's columns cost no more than the line)."""
    return [0, *accumulate(display_width(ch) for ch in line)]


def _continuation(line: str, column_at: dict[int, int], limits: list[int]) -> list[tuple[int, str]] | None:
    """(cell index, piece) for a line continuing the cells above (``column_at``: cell index by the width
    where the cell starts; looked up, not searched, so a line of many cells costs no more than the line),
    or None."""
    if not line.strip() or rules.text.COLUMN_CELL.search(line):
        return None
    out = []
    taken: set[int] = set()
    width_at = _prefix_widths(line)
    for match in rules.text.COLUMN_GAP.finditer(line):
        cell = column_at.get(width_at[match.start()])
        if cell is None or width_at[match.end()] > limits[cell] or cell in taken:
            return None
        taken.add(cell)
        out.append((cell, match[0]))
    return out


def _glue_cell(text: str, more: str) -> str:
    """A cell's lines: wrapped pieces glued, a blank line (a paragraph's end) kept as one space."""
    if not more:
        return text + " " if text and not text.endswith(" ") else text
    return text + more if text.endswith(" ") else glue(text, more)


def glue(text: str, more: str) -> str:
    """A cell wrapped at its column edge: joined without a space, except between two Latin words."""
    if not text:
        return more
    if text[-1:].isascii() and text[-1:].isalnum() and more[:1].isascii() and more[:1].isalnum():
        return text + " " + more
    return text + more
