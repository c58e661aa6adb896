"""A two-column table of label cells and their values printed as rows (书状名称  民事声请调解状 / 相关条文  …).

Converters print a ``<th>label</th><td>value</td>`` table one row a line, the label first and the values
starting at one column (w3m pads with spaces, pandoc frames it with dashes and a blank line between rows,
inscriptis pads with two spaces). Its rows are the document's cells, never the page's headline.
"""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.text.headline import is_widget
from govmeta.parsers.text.page import TextPage, display_width


def _row(line: str) -> tuple[int, int] | None:
    """A label row's (indent, value column) in display columns, else None."""
    match = rules.text.LABEL_ROW.match(line)
    if not match:
        return None
    return display_width(match[1]), display_width(match[0])


def table_span(page: TextPage, line: int) -> tuple[int, int] | None:
    """The first and last lines of the label table holding ``line`` (a row of it): at least
    LABEL_TABLE_MIN_ROWS rows with their values at one column, blank lines and a value's continuation lines
    (indented deeper than the labels) between them. None when ``line`` is no such row."""
    here = _row(page.line_text(line))
    if here is None:
        return None
    indent, column = here
    rows, span = 1, [line, line]
    for side, step in ((0, -1), (1, 1)):
        n = line + step
        while 0 <= n < len(page.line_starts) and abs(n - line) <= rules.text.LABEL_TABLE_MAX_LINES:
            text = page.line_text(n)
            row = _row(text)
            if row == (indent, column):
                rows += 1
            elif text.strip() and (row is not None or display_width(text) - display_width(text.lstrip()) <= indent):
                break  # another row shape, or a line as shallow as the labels: the table ended
            if text.strip():
                span[side] = n
            n += step
    return (span[0], span[1]) if rows >= rules.text.LABEL_TABLE_MIN_ROWS else None


def table_start(page: TextPage, line: int) -> int | None:
    """The first line of the label table holding ``line``, or None (see ``table_span``)."""
    span = table_span(page, line)
    return None if span is None else span[0]


def whole_rows(pieces: list[tuple[int, str]], cut: list[tuple[int, str]], page: TextPage
               ) -> list[tuple[int, str]]:
    """``pieces`` when what ``cut`` (the pieces less a right-hand column) took away is a label table's value
    column (pandoc pads the values of a th/td table as far as a side column stands), else ``cut``."""
    kept = dict(cut)
    lost = [at for at, piece in pieces if kept.get(at) != piece]
    if not lost:
        return cut
    span: tuple[int, int] | None = None
    for at in lost:
        line = page.line_of(at)
        if span is None or not span[0] <= line <= span[1]:
            span = table_span(page, line)
            if span is None:
                return cut
    return pieces


def above_table(above: list[tuple[int, str]], opening: int, page: TextPage) -> list[tuple[int, str]]:
    """The pieces above a body whose first prose (at offset ``opening``) is a row of a label table: those
    above the table's first row, less the widgets right above it (回上一頁 友善列印): the headline stands
    there, not among the table's rows (相關條文 民事訴訟法第403條)."""
    first = table_start(page, page.line_of(opening))
    if first is None:
        return above
    start = page.line_start(first)
    out = [(at, p) for at, p in above if at < start]
    while out and is_widget(out[-1][1]):
        out.pop()
    return out
