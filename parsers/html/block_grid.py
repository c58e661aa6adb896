"""Grids whose labels head the columns: a row of labels over a row of values, read column by column.

索取号 | 发布时间 | 发布机构 over their values (several label rows may alternate with value rows), then any
closing "label | value" rows. A table that is a list of documents (list headings, linked names, further
rows of values under the same labels) is no grid. Rows are table rows, or boxes (<div>, <ul>, <dl>) whose
children are cells of one tag: a <dl> of <dt> labels over a <dl> of <dd> values.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.html.block_labels import Entry, Hit, Matcher, bare_label, is_label_char, read_pairs
from govmeta.parsers.html.segments import Segment, common_ancestor, first_segment, is_within
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import clean_label


def _cell_of(el: etree._Element | None, box_rows: BoxRows) -> etree._Element | None:
    """The cell holding ``el``, a few levels up at most: a table cell directly in a row, or a child of
    a box row (a <div>/<ul>/<dl> whose children are cells of one tag)."""
    for _ in range(rules.block.GRID_CELL_DEPTH + 1):
        if el is None:
            return None
        parent = el.getparent()
        if el.tag in rules.block.CELL_TAGS:
            return el if parent is not None and parent.tag == "tr" else None
        if parent is not None and box_rows[parent]:
            return el
        el = parent
    return None


def _is_box_row(el: etree._Element) -> bool:
    """A row of a grid without a table: a box whose element children are all cells of one tag."""
    if el.tag not in rules.block.BOX_ROW_TAGS:
        return False
    cell_tag = None
    count = 0  # children of every kind (comments too), counted as they are read
    for child in el:
        count += 1
        tag = child.tag
        if tag != cell_tag and isinstance(tag, str):
            if cell_tag is not None or tag not in rules.block.BOX_CELL_TAGS:
                return False  # a second tag, or one that is no cell
            cell_tag = tag
    return cell_tag is not None and count >= rules.block.GRID_MIN_KNOWN_LABELS


class BoxRows(dict):
    """``_is_box_row`` per element, worked out once per page: the labels of a block may sit in one box
    that holds the whole article (thousands of paragraphs), asked about once for each label."""

    def __missing__(self, el: etree._Element) -> bool:
        found = self[el] = _is_box_row(el)
        return found


def _row_cells(row: etree._Element) -> list[etree._Element]:
    return list(_iter_cells(row))


def _iter_cells(row: etree._Element) -> Iterator[etree._Element]:
    if row.tag == "tr":
        return (c for c in row if c.tag in rules.block.CELL_TAGS)
    return row.iterchildren(etree.Element)  # elements only: no comments, PIs or entities


def _spans(cells: list[etree._Element]) -> list[str]:
    return [(c.get("colspan") or "1").strip() for c in cells]


def _next_row(row: etree._Element, box_rows: BoxRows) -> etree._Element | None:
    """The row after ``row``: in a table across <thead>/<tbody> boundaries, else the next box of the
    same tag; None at the end."""
    if row.tag != "tr":
        sib = row.getnext()
        while sib is not None and not isinstance(sib.tag, str):
            sib = sib.getnext()
        return sib if sib is not None and sib.tag == row.tag and box_rows[sib] else None
    el: etree._Element | None = row
    while el is not None:
        sib = el.getnext()
        while sib is not None:
            if sib.tag == "tr":
                return sib
            if sib.tag in rules.block.ROW_GROUP_TAGS:
                first = next((c for c in sib if c.tag == "tr"), None)
                if first is not None:
                    return first
            elif isinstance(sib.tag, str):
                return None
            sib = sib.getnext()
        parent = el.getparent()
        el = parent if parent is not None and parent.tag in rules.block.ROW_GROUP_TAGS else None
    return None


def _read_row(segments: list[Segment], row: etree._Element, start: int) -> tuple[dict, int]:
    """The segments from ``start`` on that flow inside ``row``, by cell; and the index after them."""
    by_cell: dict[etree._Element | None, list[int]] = {}
    k = start
    while k < len(segments) and is_within(segments[k].container, row):
        el = segments[k].container
        while el is not None and el.getparent() is not row:
            el = el.getparent()
        by_cell.setdefault(el, []).append(k)
        k += 1
    return by_cell, k


def _cell_label(text: str, matcher: Matcher) -> tuple[str, bool] | None:
    """(label, known) when a whole cell's text is a label: a known one or a short run of letters."""
    core = text.strip().rstrip(":：").strip()
    known = bare_label(core, matcher)
    if known:
        return known, True
    cleaned = clean_label(core)
    if (rules.block.UNKNOWN_LABEL_MIN_CHARS <= len(cleaned) <= rules.block.UNKNOWN_LABEL_MAX_CHARS
            and all(is_label_char(ch) for ch in cleaned)):
        return cleaned, False
    return None


def _label_row(segments: list[Segment], row: etree._Element, start: int,
               matcher: Matcher) -> tuple[list[tuple[str, bool, int]], int] | None:
    """The row's (label, known, segment) per cell when every cell holds a label, mostly known ones; and the
    index after the row's segments.

    Read cell by cell, stopping at the first cell that holds no label: a cell's segments follow each other,
    in the order of the cells (a row holding the whole article is left at its first paragraph)."""
    labels = []
    k, size = start, len(segments)
    for cell in _iter_cells(row):
        first = k
        while k < size and is_within(segments[k].container, cell):
            k += 1
        found = _cell_label(" ".join(segments[s].text for s in range(first, k)), matcher) if k > first else None
        if found is None:
            return None
        labels.append((found[0], found[1], first))
    if len(labels) < rules.block.GRID_MIN_KNOWN_LABELS or (k < size and is_within(segments[k].container, row)):
        return None  # too few cells, or text in the row outside its cells
    known = sum(known for _, known, _ in labels)
    unknown = len(labels) - known
    if known < rules.block.GRID_MIN_KNOWN_LABELS or unknown > max(
        1, int(len(labels) * rules.block.GRID_MAX_UNKNOWN_SHARE)
    ):
        return None
    return labels, k


def _links_elsewhere(cell: etree._Element, text: str) -> bool:
    """The cell is wholly a link to another page (a list row naming another document)."""
    for a in cell.iter("a"):
        href = (a.get("href") or "").strip().lower()
        if not href or href.startswith(rules.block.DEAD_LINK_PREFIXES):
            continue
        if href.split("?", 1)[0].split("#", 1)[0].endswith(rules.block.FILE_LINK_EXTENSIONS):
            continue
        if squash("".join(a.itertext())) == text:
            return True
    return False


def _value_row(segments: list[Segment], hits_by_seg: dict[int, list[Hit]], row: etree._Element, start: int,
               spans: list[str], matcher: Matcher) -> tuple[list[tuple[str, int, int, etree._Element]], int] | None:
    """(value, first segment, last segment, cell) per cell of a row shaped like the label row above it;
    None when the row is not a row of values (other shape, known labels in it)."""
    cells = _row_cells(row)
    if _spans(cells) != spans:
        return None
    by_cell, end = _read_row(segments, row, start)
    if not set(cells).issuperset(by_cell) or any(k in hits_by_seg for k in range(start, end)):
        return None
    values = []
    for cell in cells:
        segs = by_cell.get(cell, [])
        text = squash(" ".join(segments[s].text for s in segs))
        if len(text) > rules.block.MAX_CONTINUATION_CHARS or (text and bare_label(text.rstrip(":："), matcher)):
            return None
        values.append((text, segs[0] if segs else -1, segs[-1] if segs else -1, cell))
    return values, end


def _grid(segments: list[Segment], hits_by_seg: dict[int, list[Hit]], row: etree._Element, first_seg: int,
          matcher: Matcher, box_rows: BoxRows) -> tuple[list[Entry], list[etree._Element]] | None:
    """Pairs of a table whose label rows head value rows (several may alternate), column by column, then
    its closing "label | value" rows; None when the table is a list (list headings, linked names,
    further rows of values)."""
    start = first_segment(segments, row, first_seg)
    entries: list[Entry] = []
    rows: list[etree._Element] = []
    spans: list[str] = []
    current: etree._Element | None = row
    while current is not None:
        found = _label_row(segments, current, start, matcher)
        if found is None:
            break
        labels, end = found
        if any(label in rules.block.LIST_HEADING_LABELS for label, _, _ in labels):
            return None
        value_row = _next_row(current, box_rows)
        spans = _spans(_row_cells(current))
        read = _value_row(segments, hits_by_seg, value_row, end, spans, matcher) if value_row is not None else None
        if read is None:
            break
        values, start = read
        if any(text and _links_elsewhere(cell, text) for text, _, _, cell in values):
            return None
        for (label, known, label_seg), (text, _, last, cell) in zip(labels, values, strict=True):
            hit = Hit(label_seg, 0, len(segments[label_seg].text), label, known)
            entries.append(Entry(hit, text, last if text else label_seg, cell))
        rows += [current, value_row]
        current = _next_row(value_row, box_rows)
    if not entries:
        return None
    if current is not None and current not in rows:
        more = _value_row(segments, hits_by_seg, current, start, spans, matcher)
        if more is not None and any(text for text, _, _, _ in more[0]):
            return None  # another row of values under the same labels: a list's next item
    while current is not None:  # rows of "label | value" closing the table (标题 | 关于…的通知)
        after = _pair_row(segments, hits_by_seg, current, start)
        if after is None:
            break
        row_entries, start = after
        entries += row_entries
        rows.append(current)
        current = _next_row(current, box_rows)
    return entries, rows


def _pair_row(segments: list[Segment], hits_by_seg: dict[int, list[Hit]], row: etree._Element,
              start: int) -> tuple[list[Entry], int] | None:
    """The pairs of a row made of known labels and their values only, and the index after its segments."""
    _, end = _read_row(segments, row, start)
    if end == start:
        return None
    entries = read_pairs(segments, hits_by_seg, start, end - 1)
    if not entries or entries[0].hit.seg != start or segments[start].text[: entries[0].hit.start].strip():
        return None
    used = {s for e in entries for s in range(e.hit.seg, e.last_seg + 1)}
    return (entries, end) if len(used) == end - start else None


def find_grids(segments: list[Segment], hits_by_seg: dict[int, list[Hit]],
               matcher: Matcher) -> list[tuple[list[Entry], etree._Element]]:
    """Tables whose labels head the columns, found from rows holding whole-cell known labels: the
    entries of each and the element holding its rows."""
    box_rows = BoxRows()
    first_of: dict[etree._Element, int] = {}
    counts: dict[etree._Element, int] = {}
    for i, hits in hits_by_seg.items():
        hit = hits[0]
        if len(hits) != 1 or not hit.known:
            continue
        seg = segments[i]
        if seg.text[: hit.start].strip() or seg.text[hit.value_start :].strip():
            continue
        cell = _cell_of(seg.container, box_rows)
        if cell is None:
            continue
        row = cell.getparent()
        counts[row] = counts.get(row, 0) + 1
        first_of.setdefault(row, i)
    grids: list[tuple[list[Entry], etree._Element]] = []
    taken: set[etree._Element] = set()
    for row, first in first_of.items():
        if counts[row] < rules.block.GRID_MIN_KNOWN_LABELS or row in taken:
            continue
        found = _grid(segments, hits_by_seg, row, first, matcher, box_rows)
        if found is None:
            continue
        entries, rows = found
        taken.update(rows)
        lca = rows[0]
        for r in rows[1:]:
            lca = common_ancestor(lca, r)
        grids.append((entries, lca))
    return grids

