"""The breadcrumb of a text dump: the first 当前位置 line, or the short items under a lone marker."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.text.headline import headline_like
from govmeta.parsers.text.page import Key, TextPage, clean_text


def breadcrumb(page: TextPage, lines: list[str], keys: list[Key], items: frozenset[int] = frozenset()
               ) -> tuple[list[str], int]:
    """The trail of the first 当前位置 line and where it ends (a key on the same line ends it). ``items``
    are the lines that were list items: a marker's item holding one crumb goes on with the items under it
    (a trail printed as a list: • 当前位置：首页⏎• 政务信息⏎• 行政处罚)."""
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
        elif n in items and not on_line and not rules.text.BREADCRUMB_SPLIT.search(trail):
            trail, end = _trail_items(page, lines, n, keys, items, trail, end)
        return [item for item in (clean_text(p) for p in rules.text.BREADCRUMB_SPLIT.split(trail)) if item], end
    return [], 0


def _trail_items(page: TextPage, lines: list[str], n: int, keys: list[Key], items: frozenset[int], trail: str,
                 end: int) -> tuple[str, int]:
    """The trail going on in the list items right under the marker's item (no blank line between), each
    a short item with no key."""
    keyed = {k.line for k in keys}
    parts = [trail]
    for m in range(n + 1, min(len(lines), n + 1 + rules.text.BREADCRUMB_MAX_LINES_BELOW)):
        line = clean_text(lines[m])
        if m not in items or m in keyed or not line or len(line) > rules.text.CRUMB_ITEM_CHARS:
            break
        parts.append(line)
        end = page.line_start(m) + len(lines[m])
    return " > ".join(parts), end


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


def headline_off_trail(lines: list[str]) -> list[str]:
    """The dump's lines with a bold headline run on to the first trail line set apart: the trail, the
    headline and what follows it (the article line) each on a line of their own. html2text prints a box's
    paragraphs on one line (当前位置：[首页](/) > [通知公告](/tzgg/) **标题** 发布日期：…); markdownify prints
    the trail in a layout table's first cell, the bold headline further on in the row (read here after the
    table's rows are joined: see markup.unmark). Only emphasis between the
    trail's items and more text counts: a trail's last item in bold (after a separator, or with nothing after
    it) stays."""
    for n, line in enumerate(lines[: rules.text.BREADCRUMB_MAX_LINE]):
        match = rules.text.BREADCRUMB_LINE.match(fold(line))
        if not match:
            continue
        bold = rules.text.TRAIL_BOLD_RUN.search(line, match.end())
        before = line[match.end(): bold.start()].strip() if bold else ""
        if (bold is None or not before or rules.text.TRAIL_OPEN_END.search(before) or not line[bold.end():].strip()
                or not headline_like(clean_text(bold["head"]))):
            return lines
        return [*lines[:n], line[: bold.start()].rstrip(), "", bold["head"].strip(), "",
                line[bold.end():].strip(), *lines[n + 1:]]
    return lines
