"""Converter markup out of a text dump: what html2text, markdownify, pandoc, lynx, w3m and inscriptis add
around the page's words (list bullets, headings, links, emphasis, table borders) is removed, so the dump
reads like a plain "save as text" copy.

Tables drawn with bars become one line per row, cells separated by tabs (a cell wrapped over several
lines inside its borders is joined first), the form a browser's copy of a table has.
"""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.text.page import join_lines


def unmark(lines: list[str]) -> list[str]:
    """The dump's lines without converter markup (as many lines, or fewer where tables were joined)."""
    out: list[str] = []
    for line in _tables(lines):
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
