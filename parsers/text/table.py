"""A block copied as table rows: a header row of tab-separated labels, then a row of their values.

A browser's copy (or "save as text") of a table whose labels sit in a header row writes each row on
one line, cells separated by tabs, empty cells kept (索取号⇥发布时间⇥发布机构 / 0764/2024-1⇥⇥某委).
Such rows are paired column by column when the two rows have as many cells. A heading row over several
value rows is a list of documents, not a block.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, pairwise

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.text.block import Cluster, count_fields
from govmeta.parsers.text.markup import glue
from govmeta.parsers.text.page import Key, TextPage, clean_text, display_width
from govmeta.parsers.vocabulary import Vocabulary, clean_label


def _cells(line: str) -> list[str]:
    return [clean_text(cell) for cell in line.rstrip("\r").split("\t")]


def _header_labels(cells: list[str], vocabulary: Vocabulary) -> list[str] | None:
    """The labels of a header row: every cell a label (known, or a short word), enough of them known."""
    if len(cells) < 2:
        return None
    labels = []
    for cell in cells:
        if not rules.text.LABEL_CELL.match(fold(cell)):
            return None
        labels.append(clean_label(cell))
    known = sum(fold(label) in vocabulary.known for label in labels)
    return labels if known >= max(2, rules.text.HEADER_ROW_KNOWN_SHARE * len(labels)) else None


def table_blocks(page: TextPage, keys: list[Key], vocabulary: Vocabulary) -> tuple[list[Cluster], set[int]]:
    """Blocks written as header rows and value rows, and the ids of the keys they hold."""
    lines = page.text.split("\n")
    keyed_lines = sorted(n for n in {k.line for k in keys} if "\t" in lines[n])  # each line scanned once
    on_line: dict[int, list[Key]] = {}  # keys by line, in page order: a row's keys without a scan of all keys
    for key in keys:
        on_line.setdefault(key.line, []).append(key)
    order = {id(key): n for n, key in enumerate(keys)}
    found: list[Cluster] = []
    used: set[int] = set()
    done = -1
    for n in keyed_lines:
        if n <= done:
            continue
        rows: list[tuple[int, int]] = []  # (header line, value line)
        header = n
        while header is not None and (labels := _header_labels(_cells(lines[header]), vocabulary)):
            value = _next_filled(lines, header)
            if value is None:
                break
            cells = _cells(lines[value])
            if len(cells) != len(labels) or _header_labels(cells, vocabulary):
                break
            rows.append((header, value))
            header = _next_filled(lines, value)
            if header is not None and len(_cells(lines[header])) == len(labels) and not _header_labels(
                    _cells(lines[header]), vocabulary):
                # a heading row over several value rows: a list of documents, not a block; a heading row
                # of known labels only starts no block either
                # (a walk from each later heading row of these rows reaches the same list: their keys too, and
                # none of them is walked again — a page of such rows costs one walk, not one per row)
                if all(fold(label) in vocabulary.known for label in labels):
                    used.update(id(k) for h, _ in rows for k in on_line.get(h, ()))
                done = rows[-1][1]
                rows = []
                break
        if not rows:
            continue
        held = sorted((k for h, _ in rows for k in on_line.get(h, ())), key=lambda k: order[id(k)])
        # a walk from a later heading row of these rows ends where this one does, holding fewer keys: it finds
        # no block where this one found none, so those rows are not walked again
        done = rows[-1][1]
        cluster = Cluster(held, start=page.line_start(rows[0][0]), read=True)
        cluster.end = page.line_end(page.line_start(rows[-1][1]))
        for h, v in rows:
            cluster.pairs.extend({"label": label, "value": value} for label, value
                                 in zip(_header_labels(_cells(lines[h]), vocabulary) or [], _cells(lines[v]),
                                        strict=True))
        cluster.fields = count_fields(held, vocabulary)
        if cluster.fields >= rules.text.MIN_BLOCK_FIELDS:
            found.append(cluster)
            used.update(id(k) for k in held)
    return found, used


def paired_rows(page: TextPage, keys: list[Key], vocabulary: Vocabulary) -> tuple[list[Cluster], set[int]]:
    """Blocks laid out as rows of cells alternating label and value (a table of label and value cells, as
    every converter prints one: ``信息编码 XX-2024-000318 制发机关 某县行政审批局``, cells separated by
    whitespace or tabs), with few known labels: found by shape as the HTML reader finds them (rules.block
    SHAPE_*). Returns the blocks and the ids of the keys they hold."""
    lines = page.text.split("\n")
    by_line: dict[int, list[Key]] = {}
    for key in keys:
        by_line.setdefault(key.line, []).append(key)
    found: list[Cluster] = []
    used: set[int] = set()
    done = -1
    for n in sorted(by_line):
        if n <= done or (row := _alternating(lines[n])) is None:
            continue
        rows = [row]
        first = last = n
        while first > 0 and (row := _alternating(lines[first - 1])) is not None:
            first -= 1
            rows.insert(0, row)
        while last + 1 < len(lines) and (row := _alternating(lines[last + 1])) is not None:
            last += 1
            rows.append(row)
        done = last
        if len(rows) > rules.text.PAIRED_MAX_ROWS:
            continue  # more rows than a block holds: a list or a timetable
        held = [k for m in range(first, last + 1) for k in by_line.get(m, [])]
        pairs = [pair for row in rows for pair in row]
        labels = [label for label, _ in pairs]
        fields = count_fields(held, vocabulary)
        if (last - first + 1 < rules.text.PAIRED_MIN_ROWS or len(pairs) < rules.block.SHAPE_MIN_PAIRS
                or len(set(labels)) != len(labels) or any(clean_label(k.label) not in labels for k in held)
                or not rules.block.SHAPE_MIN_CANONICAL_FIELDS <= fields < rules.text.MIN_BLOCK_FIELDS):
            continue  # (a block with enough known labels is read as any other)
        cluster = Cluster(held, start=page.line_start(first), read=True)
        cluster.end = page.line_end(page.line_start(last))
        cluster.pairs = [{"label": label, "value": value} for label, value in pairs]
        cluster.fields = count_fields(held, vocabulary)
        found.append(cluster)
        used.update(id(k) for k in held)
    return found, used


def _alternating(line: str) -> list[tuple[str, str]] | None:
    """(label, value) of a row of cells alternating label and value, or None."""
    cells = line.split()
    if len(cells) < 2 or len(cells) % 2 or len(cells) > 2 * rules.text.PAIRED_MAX_COLUMNS:
        return None
    out = []
    for label, value in zip(cells[::2], cells[1::2], strict=True):
        if (not rules.text.LABEL_CELL.match(fold(label)) or len(value) > rules.block.SHAPE_MAX_VALUE_CHARS
                or rules.text.SENTENCE_END.search(value)):
            return None
        out.append((clean_label(label), value))
    return out


def list_headings(page: TextPage, keys: list[Key], vocabulary: Vocabulary) -> set[int]:
    """The ids of keys heading the columns of a list of documents laid out in columns (w3m, lynx, pandoc,
    inscriptis: ``标题   文号   发文机关   成文日期`` over rows of cells): a line of labels only, then at least
    LIST_MIN_ROWS rows of several cells holding no label and no sentence."""
    by_line: dict[int, list[Key]] = {}
    for key in keys:
        by_line.setdefault(key.line, []).append(key)
    keyed = set(by_line)
    out: set[int] = set()
    for line, line_keys in by_line.items():
        if count_fields(line_keys, vocabulary) < rules.text.MIN_BLOCK_FIELDS:
            continue
        if not _labels_only(page, line, line_keys):
            continue
        rows, n, blanks, above = 0, line + 1, 0, ""
        last = min(len(page.line_starts), line + 1 + 3 * rules.text.LIST_MIN_ROWS)
        columns = [col for col, _ in _heading_row(page, line, line_keys) or []]
        while n < last and rows < rules.text.LIST_MIN_ROWS and blanks <= 1:
            row = page.line_text(n)
            n += 1
            if not row.strip():
                blanks += 1
                continue
            if n - 1 in keyed or rules.text.SENTENCE_END.search(row):
                break
            blanks = 0
            if not (above and wrapped_under(above, row, columns)):  # (the rest of the row's cells w3m wrapped)
                rows += len(row.split()) >= rules.text.LIST_MIN_CELLS  # a cell wrapped onto a line of its own: no row
            above = row
        if rows >= rules.text.LIST_MIN_ROWS:
            out.update(id(k) for k in line_keys)
    return out


def _labels_only(page: TextPage, line: int, line_keys: list[Key]) -> bool:
    """Whether the line holds nothing but these labels."""
    text, start = page.line_text(line), page.line_start(line)
    return not ("".join(page.text[a.end: b.start] for a, b in pairwise(line_keys)).strip()
                or text[: line_keys[0].start - start].strip() or text[line_keys[-1].end - start:].strip())


def column_rows(page: TextPage, keys: list[Key], vocabulary: Vocabulary) -> tuple[list[Cluster], set[int]]:
    """Blocks laid out as a heading row of labels over one row of values, in columns (lynx, inscriptis:
    ``索取号      发布时间 发布机构      文件编号   备注`` over ``1131…/2024-00187      某市卫生健康委员会 某卫…``,
    empty cells left blank): each value goes to the label whose column it overlaps most. Returns the blocks
    and the ids of the keys they hold."""
    by_line: dict[int, list[Key]] = {}
    for key in keys:
        by_line.setdefault(key.line, []).append(key)
    found: list[Cluster] = []
    used: set[int] = set()
    for line, line_keys in by_line.items():
        row = line + 1
        if (len(line_keys) > rules.text.HEADING_ROW_MAX_LABELS or row >= len(page.line_starts) or row in by_line
                or count_fields(line_keys, vocabulary) < rules.text.MIN_BLOCK_FIELDS
                or (labels := _heading_row(page, line, line_keys)) is None):
            continue
        text = page.line_text(row)
        columns = [col for col, _ in labels]
        last = row  # the row's last line: cells w3m wrapped go on under it
        while (last + 1 < len(page.line_starts) and last + 1 - row < rules.text.WRAPPED_ROW_MAX_LINES
               and wrapped_under(page.line_text(last), page.line_text(last + 1), columns)):
            last += 1
        if (not text.strip() or rules.text.SENTENCE_END.search(text)
                or (last + 1 < len(page.line_starts) and page.line_text(last + 1).strip())):
            continue  # one row of values, then a blank line (more rows are a list)
        ends = [*columns[1:], 10**6]
        values = [""] * len(labels)
        for n in range(row, last + 1):
            text = page.line_text(n)
            widths = _prefix_widths(text)
            for chunk in re.finditer(r"\S+", text):
                a, b = widths[chunk.start()], widths[chunk.end()]
                overlap = [min(b, end) - max(a, col) for col, end in zip(columns, ends, strict=True)]
                best_col = max(range(len(overlap)), key=overlap.__getitem__)
                if n == row:
                    values[best_col] = f"{values[best_col]} {chunk[0]}".strip()
                else:  # a wrapped cell's next piece
                    values[best_col] = glue(values[best_col], chunk[0])
        start = page.line_start(line)
        cluster = Cluster(line_keys, start=start + len(page.line_text(line)) - len(page.line_text(line).lstrip()),
                          read=True)
        cluster.end = page.line_end(page.line_start(last))
        cluster.pairs = [{"label": label, "value": v} for (_, label), v in zip(labels, values, strict=True)]
        cluster.fields = count_fields(line_keys, vocabulary)
        found.append(cluster)
        used.update(id(k) for k in line_keys)
    return found, used


def wrapped_under(above: str, line: str, columns: list[int]) -> bool:
    """Whether ``line`` holds the rest of cells of ``above`` that w3m wrapped at their columns' width (the
    columns start at ``columns``): each of its pieces starts where a piece of ``above`` starts, is narrower
    than it, and its first word would not have fitted after it in its column (``11310000002424113T/`` over
    ``2024-00187``, ``某市卫生健康委员`` over ``会``). A list's next row (dates, numbers as wide as those above)
    is none."""
    if not line.strip():
        return False
    above_at, line_at = _prefix_widths(above), _prefix_widths(line)
    pieces = {above_at[m.start()]: above_at[m.end()] for m in _CELL.finditer(above)}
    for piece in _CELL.finditer(line):
        start, end = line_at[piece.start()], line_at[piece.end()]
        if start not in pieces or end >= pieces[start]:
            return False
        limit = bisect.bisect_right(columns, start)  # the next column's start (columns sorted: looked up)
        word = display_width(piece[0].split(" ", 1)[0])
        if limit < len(columns) and pieces[start] + word < columns[limit]:
            return False
    return True


_CELL = lazy_compile(r"\S+(?: \S+)*")


def _heading_row(page: TextPage, line: int, line_keys: list[Key]) -> list[tuple[int, str]] | None:
    """(column, label) of a line of labels only: its keys, and short words between them (备注) as labels
    the vocabulary does not know; None for another line."""
    text, start = page.line_text(line), page.line_start(line)
    widths = _prefix_widths(text)
    spans = [(k.start - start, k.end - start) for k in line_keys]
    out = [(widths[a], k.label) for (a, _), k in zip(spans, line_keys, strict=True)]
    firsts = [a for a, _ in spans]  # (keys in text order: the span a token may sit in is looked up)
    for token in re.finditer(r"\S+", text):
        inside = bisect.bisect_right(firsts, token.start()) - 1
        if inside >= 0 and token.start() < spans[inside][1]:
            continue
        if not rules.text.LABEL_CELL.match(fold(token[0])):
            return None
        out.append((widths[token.start()], clean_label(token[0])))
    return sorted(out)


def _prefix_widths(line: str) -> list[int]:
    return [0, *accumulate(display_width(ch) for ch in line)]


def _next_filled(lines: list[str], n: int) -> int | None:
    """The next non-blank line after ``n`` (at most MAX_BLANK_LINES blank lines between), or None."""
    for m in range(n + 1, min(len(lines), n + rules.text.MAX_BLANK_LINES + 2)):
        if lines[m].strip():
            return m
    return None
