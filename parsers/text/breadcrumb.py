"""The breadcrumb of a text dump: the first 当前位置 line, or the short items under a lone marker."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.text.page import Key, TextPage, clean_text


def breadcrumb(page: TextPage, lines: list[str], keys: list[Key]) -> tuple[list[str], int]:
    """The trail of the first 当前位置 line and where it ends (a key on the same line ends it)."""
    for n, line in enumerate(lines[: rules.text.BREADCRUMB_MAX_LINE]):
        match = rules.text.BREADCRUMB_LINE.match(fold(line))
        if not match:
            continue
        start = page.line_start(n)
        end = start + len(line)
        on_line = [k for k in keys if k.line == n and k.start >= start + match.end()]
        if on_line:
            end = on_line[0].start
        trail = clean_text(page.text[start + match.end(): end])
        if not trail and not on_line:  # the marker alone on its line: the trail follows on the next lines
            trail, end = _trail_below(page, lines, n, keys)
        return [item for item in (clean_text(p) for p in rules.text.BREADCRUMB_SPLIT.split(trail)) if item], end
    return [], 0


def _trail_below(page: TextPage, lines: list[str], n: int, keys: list[Key]) -> tuple[str, int]:
    """Breadcrumb items on the lines under a lone 当前位置 marker: short items, separator-led lines and
    separators on lines of their own (which do not count as items)."""
    keyed = {k.line for k in keys}
    parts: list[str] = []
    end = page.line_start(n) + len(lines[n])
    items = 0
    for m in range(n + 1, len(lines)):
        line = clean_text(lines[m])
        if not line:
            continue
        if rules.text.BREADCRUMB_SPLIT.fullmatch(line):  # a separator on a line of its own (首页⏎>⏎专题专栏)
            parts[-1:] = [parts[-1] + " >"] if parts else []
            end = page.line_start(m) + len(lines[m])
            continue
        items += 1
        if items > rules.text.BREADCRUMB_MAX_LINES_BELOW:
            break
        joined = rules.text.BREADCRUMB_SPLIT.match(line) or (
            parts
            and rules.text.BREADCRUMB_SPLIT.search(parts[-1] + " ")
            and parts[-1].rstrip().endswith((">", "»", "›"))
        )
        if (
            m in keyed
            or len(line) > rules.text.MAX_HEADLINE_CHARS
            or not (joined or len(line) <= rules.text.CRUMB_ITEM_CHARS)
        ):
            break
        parts.append(line)
        end = page.line_start(m) + len(lines[m])
    return " > ".join(parts), end
