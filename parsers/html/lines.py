"""The page index's displayed lines, one at a time: for readers that stop at the first lines that
answer them (``PageIndex.lines`` builds every line of its range first)."""

from __future__ import annotations

from collections.abc import Iterator

from govmeta.parsers.html.page_index import Line, PageIndex, iter_lines


def lines_between(index: PageIndex, start: int, end: int) -> Iterator[Line]:
    """The non-empty displayed lines made of ``index.runs[start:end]``, as ``index.lines`` gives them."""
    return iter_lines(index.runs, start, end)
