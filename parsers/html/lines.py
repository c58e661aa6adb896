"""The page index's displayed lines, one at a time: for readers that stop at the first lines that
answer them (``PageIndex.lines`` builds every line of its range first)."""

from __future__ import annotations

from collections.abc import Iterator

from govmeta.parsers.html.page_index import Line, PageIndex, Run
from govmeta.parsers.spaces import squash


def lines_between(index: PageIndex, start: int, end: int) -> Iterator[Line]:
    """The non-empty displayed lines made of ``index.runs[start:end]``, as ``index.lines`` gives them."""
    runs = index.runs
    current: list[Run] = []
    begin = start = max(start, 0)
    for position in range(start, min(max(end, 0), len(runs))):
        run = runs[position]
        if current and run.line != current[0].line:
            line = _line(current, begin)
            if line is not None:
                yield line
            current, begin = [], position
        current.append(run)
    line = _line(current, begin)
    if line is not None:
        yield line


def _line(runs: list[Run], begin: int) -> Line | None:
    text = squash("".join(run.text for run in runs)) if runs else ""
    return Line(text, tuple(runs), begin, begin + len(runs)) if text else None
