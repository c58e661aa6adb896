"""Converter markup out of a text dump: what html2text, markdownify, pandoc, lynx, w3m and inscriptis add
around the page's words (list bullets, headings, links, emphasis, table borders) is removed, so the dump
reads like a plain "save as text" copy.

Tables drawn with bars become one line per row, cells separated by tabs (a cell wrapped over several
lines inside its borders is joined first), the form a browser's copy of a table has.
"""

from __future__ import annotations

import unicodedata

from govmeta.parsers import rules
from govmeta.parsers.text.page import join_lines


def unmark(lines: list[str]) -> list[str]:
    """The dump's lines without converter markup (as many lines, or fewer where tables were joined)."""
    out: list[str] = []
    for line in _column_cells(_tables(lines)):
        if rules.text.SETEXT_UNDERLINE.match(line) and out and out[-1].strip():
            out.append("")
            continue
        out.append(_unmark_line(line))
    return out


def _unmark_line(line: str) -> str:
    line = rules.text.ATX_HEADING.sub(r"\1\2", line)
    line = rules.text.DEFINITION_VALUE.sub(r"\1    ", line)
    line = rules.text.BULLET.sub(r"\1", line)
    line = rules.text.MD_IMAGE.sub("", line)
    line = rules.text.MD_LINK.sub(lambda m: m[1] if m[1] is not None else m[2], line)
    line = rules.text.EMPHASIS.sub(r"\2", line)
    line = rules.text.EMPTY_EMPHASIS.sub("", line)
    return rules.text.MD_ESCAPE.sub(r"\1", line)


def _tables(lines: list[str]) -> list[str]:
    """Bar-drawn table rows as tab-separated cells; border lines gone; a row wrapped over lines joined."""
    out: list[str] = []
    row: list[list[str]] = []  # the current row's cells, line by line
    grid = False  # inside a grid or box table (rows end at border lines), not a pipe table (one line a row)

    def flush() -> None:
        if row:
            width = max(len(cells) for cells in row)
            columns = ["\n".join(cells[n] for cells in row if n < len(cells)) for n in range(width)]
            out.append(" \t".join(join_lines(column) for column in columns))
            row.clear()

    for line in lines:
        if rules.text.TABLE_BORDER.match(line):
            flush()
            grid = grid or line.strip()[0] in rules.text.GRID_CORNERS
            continue
        if rules.text.TABLE_ROW.match(line):
            cells = rules.text.TABLE_BAR.split(line.strip())[1:-1]
            if row and not (grid and len(cells) == len(row[0])):
                flush()
            row.append(cells)
            continue
        flush()
        grid = False
        out.append(line)
    flush()
    return out


def _width(text: str) -> int:
    """Display columns of ``text`` (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


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
        columns = [_width(line[:a]) for a in starts]
        limits = [*columns[1:], columns[-1] + max(_width(cells[-1]), 1)]
        joined = False
        while n < len(lines) and (pieces := _continuation(lines[n], columns, limits)) is not None:
            for column, text in pieces:
                cells[column] = _glue(cells[column], text)
            joined, n = True, n + 1
        out.append(line[: starts[0]] + "   ".join(cells) if joined else line)
    return out


def _continuation(line: str, columns: list[int], limits: list[int]) -> list[tuple[int, str]] | None:
    """(cell index, piece) for a line continuing the cells above, or None."""
    if not line.strip() or rules.text.COLUMN_CELL.search(line):
        return None
    out = []
    for match in rules.text.COLUMN_GAP.finditer(line):
        at = _width(line[: match.start()])
        if at not in columns:
            return None
        cell = columns.index(at)
        if at + _width(match[0]) > limits[cell] or any(c == cell for c, _ in out):
            return None
        out.append((cell, match[0]))
    return out


def _glue(text: str, more: str) -> str:
    """A cell wrapped at its column edge: joined without a space, except between two Latin words."""
    if text[-1:].isascii() and text[-1:].isalnum() and more[:1].isascii() and more[:1].isalnum():
        return text + " " + more
    return text + more
