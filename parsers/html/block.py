"""Find the disclosure block (索引号, 发布机构, 成文日期 ...) and read its label/value pairs.

The block is found generically, where known labels cluster, on any layout: label and value cells
in table rows, a row of labels heading a row of values, "<b>label: </b>value" cells, list items,
<dl>, div/span grids, or one line of "label：value label：value". The page is read once as text
segments (``segments.py``); labels are matched with dict lookups on short strings, at colons and at
the edges of inline pieces.

Two passes: known labels locate the block; inside the block's element, labels the vocabulary does
not know (归档时间, 签发人 ...) are read too, when they end with a colon or are styled like the
block's known labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.dates import normalise_date
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.segments import Segment, ancestors, common_ancestor, is_within, read_segments
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary, clean_label

_END = ""  # trie key marking the end of a label
_LABEL_BRACKETS = frozenset("()（）")
_TERMINATOR = re.compile("[" + re.escape("".join(rules.block.LABEL_TERMINATORS)) + "]")
MAX_BARE_LABEL_CHARS = rules.block.MAX_BARE_LABEL_CHARS


@dataclass
class Block:
    """The block found on a page: its pairs in page order and the subtree it occupies."""

    pairs: list[dict[str, str]] = field(default_factory=list)
    element: etree._Element | None = None
    warnings: list[str] = field(default_factory=list)
    # Elements the article reader should leave out: the block (or its rows when the block's element
    # also holds other text) and further printings of it (mobile copy, 适老版).
    exclude: list[etree._Element] = field(default_factory=list)


@dataclass
class _Hit:
    seg: int
    start: int  # offset of the label's first character
    value_start: int  # offset after the label (and its colon)
    label: str  # cleaned label
    known: bool


@dataclass
class _Entry:
    hit: _Hit
    value: str
    last_seg: int  # last segment the value reaches
    value_owner: etree._Element | None


class _Matcher:
    """Label lookups built once per vocabulary: a reversed trie for "label：" and a set for bare labels."""

    def __init__(self, vocabulary: Vocabulary):
        self.known = vocabulary.known
        self.first_chars = frozenset(label[0] for label in vocabulary.known if label) | frozenset(
            k for k, v in rules.block.LABEL_FOLD.items() if v in {label[0] for label in vocabulary.known if label})
        # Finds a character that may start a known label (a line without one holds no bare label).
        self.first_char = re.compile("[" + "".join(re.escape(ch) for ch in sorted(self.first_chars)) + "]")
        self.reverse: dict = {}
        for label in vocabulary.known:
            node = self.reverse
            for ch in reversed(label):
                node = node.setdefault(ch, {})
            node[_END] = label


_MATCHERS: dict[int, tuple[Vocabulary, _Matcher]] = {}


def _matcher(vocabulary: Vocabulary) -> _Matcher:
    cached = _MATCHERS.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        cached = (vocabulary, _Matcher(vocabulary))
        _MATCHERS[id(vocabulary)] = cached
    return cached[1]


def _is_label_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in _LABEL_BRACKETS


def _left_ok(text: str, k: int, piece_starts: set[int]) -> bool:
    if k == 0 or k in piece_starts:
        return True
    before = text[k - 1]
    return before in rules.block.LABEL_PADDING or before in rules.block.LABEL_LEFT_SEPARATORS


def _colon_hits(seg: Segment, matcher: _Matcher, unknown: bool) -> list[_Hit]:
    """Labels that end with a colon: matched backwards from each colon."""
    text = seg.text
    hits: list[_Hit] = []
    piece_starts: set[int] | None = None  # built at the first colon (most segments have none)
    for end_mark, opener in rules.block.LABEL_TERMINATORS.items():
        pos = text.find(end_mark)
        while pos != -1:
            if piece_starts is None:
                piece_starts = set(seg.starts)
            hit = _label_before(text, pos, opener, seg, matcher, piece_starts, unknown)
            if hit is not None:
                hits.append(hit)
            pos = text.find(end_mark, pos + 1)
    return hits


def _opening(text: str, k: int, opener: str | None) -> int:
    """Where a label starting at ``k`` really starts: at its opening bracket for 【label】, else ``k``;
    -1 when the bracket is required and missing."""
    if opener is None:
        return k
    i = k - 1
    while i >= 0 and text[i] in rules.block.LABEL_PADDING:
        i -= 1
    return i if i >= 0 and text[i] == opener else -1


def _label_before(text: str, end_mark: int, opener: str | None, seg: Segment, matcher: _Matcher,
                  piece_starts: set[int], unknown: bool) -> _Hit | None:
    pad = rules.block.LABEL_PADDING
    j = end_mark - 1
    while j >= 0 and text[j] in pad:
        j -= 1
    if j < 0:
        return None
    node, k, best, best_start = matcher.reverse, j, -1, -1
    while k >= 0:
        ch = text[k]
        if ch in pad:
            k -= 1
            continue
        node = node.get(rules.block.LABEL_FOLD.get(ch, ch))
        if node is None:
            break
        if _END in node:
            start = _opening(text, k, opener)
            if start >= 0 and _left_ok(text, start, piece_starts):
                best, best_start = k, start
        k -= 1
    if best >= 0:
        return _Hit(seg.index, best_start, end_mark + 1, clean_label(text[best : j + 1]), True)
    if not unknown or opener is not None:
        return None
    # An unknown label: a short run of CJK characters (single padding allowed between them).
    k, count = j, 0
    while k >= 0 and count <= rules.block.UNKNOWN_LABEL_MAX_CHARS:
        ch = text[k]
        if ch in pad:
            if k > 0 and text[k - 1] in pad:
                break
            k -= 1
            continue
        if not _is_label_char(ch):
            break
        count += 1
        k -= 1
    start = k + 1
    while start <= j and text[start] in pad:
        start += 1
    if not rules.block.UNKNOWN_LABEL_MIN_CHARS <= count <= rules.block.UNKNOWN_LABEL_MAX_CHARS:
        return None
    if not (start == 0 or start in piece_starts or text[start - 1] in pad):
        return None
    return _Hit(seg.index, start, end_mark + 1, clean_label(text[start : j + 1]), False)


def _bare_label(raw: str, matcher: _Matcher) -> str | None:
    """The cleaned label when ``raw`` (a whole piece or cell, no colon) is exactly a known label."""
    if len(raw) > MAX_BARE_LABEL_CHARS * 3 or ":" in raw or "：" in raw:
        return None
    label = clean_label(raw)
    if 0 < len(label) <= MAX_BARE_LABEL_CHARS and label in matcher.known:
        return label
    return None


def _signature(el: etree._Element | None) -> tuple:
    if el is None:
        return ()
    return (el.tag, el.get("class"), el.get("style"), el.get("width"), el.get("bgcolor"), el.get("align"))


def _bare_hits(seg: Segment, matcher: _Matcher, label_sigs: set | None) -> list[_Hit]:
    """Labels standing alone in their cell or inline piece, without a colon."""
    text = seg.text
    starts = seg.starts
    size = len(text)
    first_chars = matcher.first_chars
    limit = MAX_BARE_LABEL_CHARS * 3
    if len(starts) > 1 and size <= limit * 2:
        stripped = text.strip()
        whole = _bare_label(stripped, matcher) if stripped and stripped[0] in first_chars else None
        if whole:
            return [_Hit(seg.index, size - len(text.lstrip()), size, whole, True)]
    hits = []
    last = len(starts) - 1
    for i, start in enumerate(starts):  # each piece: start .. the next piece's start
        end = starts[i + 1] if i < last else size
        if end - start > limit:
            continue
        piece = text[start:end]
        core = piece.strip()
        if not core:
            continue
        label = _bare_label(core, matcher) if core[0] in first_chars else None
        if label:
            hits.append(_Hit(seg.index, start + len(piece) - len(piece.lstrip()), end, label, True))
        elif label_sigs is not None and ":" not in core and "：" not in core:
            owner = seg.owners[i]
            cleaned = clean_label(core)
            if (rules.block.UNKNOWN_LABEL_MIN_CHARS <= len(cleaned) <= rules.block.UNKNOWN_LABEL_MAX_CHARS
                    and all(_is_label_char(ch) for ch in cleaned)
                    and (_signature(owner) in label_sigs or owner.tag in rules.block.LABEL_CELL_TAGS)):
                hits.append(_Hit(seg.index, start + len(piece) - len(piece.lstrip()), end, cleaned, False))
    return hits


def _segment_hits(seg: Segment, matcher: _Matcher, label_sigs: set | None = None) -> list[_Hit]:
    """Every label in one segment, in text order (unknown ones too when ``label_sigs`` is given)."""
    hits = _colon_hits(seg, matcher, unknown=label_sigs is not None)
    bare = _bare_hits(seg, matcher, label_sigs)
    if not hits and len(bare) <= 1:
        return bare
    known_count = sum(h.known for h in hits)
    if label_sigs is not None and known_count < 2:
        # Mid-line unknown labels only on a "label：value label：value" line.
        piece_starts = set(seg.starts)
        hits = [h for h in hits if h.known or h.start == 0 or h.start in piece_starts
                or not seg.text[: h.start].strip()]
    taken = {(h.start) for h in hits}
    for hit in bare:
        if hit.start not in taken and not any(h.start <= hit.start < h.value_start for h in hits):
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    # Drop a label found inside another label's span (overlaps).
    out: list[_Hit] = []
    for hit in hits:
        if out and hit.start < out[-1].value_start:
            continue
        out.append(hit)
    return out


def _pairs(segments: list[Segment], hits_by_seg: dict[int, list[_Hit]], lo: int, hi: int) -> list[_Entry]:
    """Label/value entries for the segments lo..hi (inclusive), in page order."""
    entries: list[_Entry] = []
    i = lo
    while i <= hi:
        hits = hits_by_seg.get(i)
        if not hits:
            i += 1
            continue
        seg = segments[i]
        next_i = i + 1
        for k, hit in enumerate(hits):
            end = hits[k + 1].start if k + 1 < len(hits) else len(seg.text)
            value = squash(seg.text[hit.value_start : end])
            owner = seg.owner_at(hit.value_start) if value else None
            last = i
            if not value and k == len(hits) - 1 and k == 0:
                value, last, owner = _continuation(segments, hits_by_seg, i, hi)
                next_i = last + 1
            entries.append(_Entry(hit, value, last, owner))
        i = next_i
    return entries


def _continuation(segments: list[Segment], hits_by_seg: dict[int, list[_Hit]], i: int,
                  hi: int) -> tuple[str, int, etree._Element | None]:
    """The value of a label standing alone in its cell: the following cell(s), when they sit beside it."""
    nxt = i + 1
    if nxt > hi or hits_by_seg.get(nxt):
        return "", i, None
    label_seg, value_seg = segments[i], segments[nxt]
    label_root = _root_towards(label_seg.container, value_seg.container)
    if i > 0 and is_within(segments[i - 1].container, label_root) and label_root is not label_seg.container:
        return "", i, None  # the label shares its unit with earlier text: a list of "label：" items
    value_root = _root_towards(value_seg.container, label_seg.container)
    parts, last = [value_seg.text], nxt
    while (last + 1 <= hi and last + 1 - nxt < rules.block.MAX_CONTINUATION_SEGMENTS and not hits_by_seg.get(last + 1)
           and is_within(segments[last + 1].container, value_root)):
        last += 1
        parts.append(segments[last].text)
    value = squash(" ".join(parts))
    if len(value) > rules.block.MAX_CONTINUATION_CHARS:
        return "", i, None
    return value, last, value_seg.owners[0] if value_seg.owners else None


def _root_towards(el: etree._Element | None, other: etree._Element | None) -> etree._Element | None:
    """The highest ancestor of ``el`` that does not contain ``other``."""
    if el is None or other is None:
        return el
    if is_within(other, el):
        return el
    while True:
        parent = el.getparent()
        if parent is None or is_within(other, parent):
            return el
        el = parent


def _path_shape(el: etree._Element, top: etree._Element) -> tuple[tuple[str, str], ...]:
    """Tags (and the first class of non-row elements) from ``top`` (exclusive) down to ``el``: the rows
    of one block share a shape; striped rows (tr.odd, tr.even) count as the same."""
    shape = []
    while el is not None and el is not top:
        tag = el.tag
        if tag != "tbody":
            classes = "" if tag in rules.block.ROW_TAGS else (el.get("class") or "").split()
            shape.append((tag, classes[0] if classes else ""))
        el = el.getparent()
    return tuple(shape)


@dataclass
class _Cluster:
    entries: list[_Entry]
    lca: etree._Element
    grid: bool = False  # read whole from a table whose labels head the columns (no second pass)

    def first_seg(self) -> int:
        return self.entries[0].hit.seg

    def last_seg(self) -> int:
        return max(e.last_seg for e in self.entries)


def _clusters(segments: list[Segment], entries: list[_Entry]) -> list[_Cluster]:
    """Group entries that sit together: no long stray text between them, or parallel markup."""
    clusters: list[_Cluster] = []
    cur: _Cluster | None = None
    last = -1
    used = set()
    for e in entries:
        used.update(range(e.hit.seg, e.last_seg + 1))
    for e in entries:
        container = segments[e.hit.seg].container
        if cur is None:
            cur = _Cluster([e], container)
            clusters.append(cur)
            last = e.last_seg
            continue
        orphans = [segments[s] for s in range(last + 1, e.hit.seg) if s not in used]
        if is_within(container, cur.lca):
            ok = len(orphans) <= rules.block.MAX_INNER_ORPHANS
        else:
            merged = common_ancestor(cur.lca, container)
            first = segments[cur.entries[0].hit.seg].container
            ok = (all(len(squash(o.text)) <= rules.block.MAX_BRIDGING_ORPHAN_CHARS for o in orphans)
                  or (len(orphans) <= rules.block.MAX_INNER_ORPHANS
                      and _path_shape(first, merged) == _path_shape(container, merged)))
            if ok:
                cur.lca = merged
        if ok:
            cur.entries.append(e)
            last = max(last, e.last_seg)
        else:
            cur = _Cluster([e], container)
            clusters.append(cur)
            last = e.last_seg
    return clusters


def _split_copies(segments: list[Segment], cluster: _Cluster) -> list[_Cluster]:
    """A cluster holding the block twice in a row (desktop table, then mobile list) as two runs."""
    runs: list[list[_Entry]] = [[]]
    for e in cluster.entries:
        run = runs[-1]
        seen = {(x.hit.label, x.value) for x in run if x.value and x.hit.known}
        if run and e.hit.known and (e.hit.label == run[0].hit.label or (e.hit.label, e.value) in seen):
            runs.append([e])
        else:
            run.append(e)
    if len(runs) == 1:
        return [cluster]
    out = []
    for run in runs:
        lca = segments[run[0].hit.seg].container
        for e in run:
            for s in range(e.hit.seg, e.last_seg + 1):
                lca = common_ancestor(lca, segments[s].container)
        out.append(_Cluster(run, lca))
    return out


def _trim(segments: list[Segment], cluster: _Cluster, vocabulary: Vocabulary) -> _Cluster:
    """Drop entries at either end whose markup differs from the block's rows (an info line printed
    right above or below the table)."""
    entries = cluster.entries
    if len(entries) < 3:
        return cluster
    lca = segments[entries[0].hit.seg].container
    for e in entries[1:]:
        lca = common_ancestor(lca, segments[e.hit.seg].container)
    shapes = [_path_shape(segments[e.hit.seg].container, lca) for e in entries]
    weight: dict[tuple, int] = {}
    for e, shape in zip(entries, shapes, strict=True):
        strong = vocabulary.field_for(e.hit.label) is not None and fold(e.hit.label) not in rules.block.WEAK_LABELS
        weight[shape] = weight.get(shape, 0) + (2 if strong else 1)
    common = max(weight, key=weight.__getitem__)
    lo, hi = 0, len(entries)
    while lo < hi and shapes[lo] != common:
        lo += 1
    while hi > lo and shapes[hi - 1] != common:
        hi -= 1
    if (lo, hi) == (0, len(entries)):
        return cluster
    kept = entries[lo:hi]
    lca = segments[kept[0].hit.seg].container
    for e in kept[1:]:
        lca = common_ancestor(lca, segments[e.hit.seg].container)
    return _Cluster(kept, lca)


def _score(cluster: _Cluster, vocabulary: Vocabulary) -> tuple[int, int, int]:
    """(distinct canonical fields, of them from strong labels, filled values)."""
    fields, strong = set(), set()
    filled = 0
    for e in cluster.entries:
        name = vocabulary.field_for(e.hit.label)
        if name is None:
            continue
        fields.add(name)
        if fold(e.hit.label) not in rules.block.WEAK_LABELS:
            strong.add(name)
        filled += bool(e.value)
    return len(fields), len(strong), filled


def _qualifies(score: tuple[int, int, int]) -> bool:
    return (score[0] >= rules.block.MIN_CANONICAL_FIELDS and score[1] >= rules.block.MIN_STRONG_FIELDS
            and score[2] >= rules.block.MIN_FILLED_VALUES)


def _segment_range(segments: list[Segment], element: etree._Element, inside: int) -> tuple[int, int]:
    """The first and last segment whose text flows inside ``element`` (around segment ``inside``)."""
    lo = inside
    while lo > 0 and is_within(segments[lo - 1].container, element):
        lo -= 1
    hi = inside
    while hi + 1 < len(segments) and is_within(segments[hi + 1].container, element):
        hi += 1
    return lo, hi


def _read_within(segments: list[Segment], cluster: _Cluster, matcher: _Matcher) -> list[_Entry]:
    """Second pass inside the block: every pair, unknown labels included, from the cluster's first
    label to its last value, extended over adjacent rows that are pairs as well."""
    label_sigs, value_sigs, shapes = set(), set(), set()
    for e in cluster.entries:
        seg = segments[e.hit.seg]
        label_sigs.add(_signature(seg.owner_at(e.hit.start)))
        value_sigs.add(_signature(e.value_owner))
        shapes.add(_shape(seg.container))
    label_sigs -= value_sigs
    label_sigs.discard(())
    lo, hi = _segment_range(segments, cluster.lca, cluster.first_seg())
    hits_by_seg: dict[int, list[_Hit]] = {}
    for i in range(lo, hi + 1):
        hits = _segment_hits(segments[i], matcher, label_sigs)
        if hits:
            waiting = hits_by_seg.get(i - 1)
            if (not hits[0].known and waiting and len(waiting) == 1 and not segments[i].text[: hits[0].start].strip()
                    and not segments[i - 1].text[waiting[0].value_start :].strip()):
                hits = hits[1:]  # "主要内容：…" opening the value cell of the label before it is value text
            if hits:
                hits_by_seg[i] = hits
    first = cluster.entries[0].hit
    core_lo, core_hi = first.seg, cluster.last_seg()
    entries = _pairs(segments, hits_by_seg, lo, hi)
    inside = [e for e in entries if (e.hit.seg, e.hit.start) >= (first.seg, first.start) and e.hit.seg <= core_hi]

    def row_like(group: list[_Entry]) -> bool:
        seg = segments[group[0].hit.seg]
        if seg.text[: group[0].hit.start].strip():
            return False
        return all(
            e.hit.known
            or _signature(seg.owner_at(e.hit.start)) in label_sigs
            or seg.container.tag in rules.block.LABEL_CELL_TAGS
            or _shape(seg.container) in shapes
            for e in group
        )

    groups: dict[int, list[_Entry]] = {}
    for e in entries:
        groups.setdefault(e.hit.seg, []).append(e)
    kept_before: list[_Entry] = []
    edge = core_lo
    for seg_index in sorted((i for i in groups if i < core_lo), reverse=True):
        group = groups[seg_index]
        if max(e.last_seg for e in group) != edge - 1 or not row_like(group):
            break
        kept_before[:0] = group
        edge = seg_index
    kept_after: list[_Entry] = []
    edge = max([core_hi, *(e.last_seg for e in inside)])
    for seg_index in sorted(i for i in groups if i > edge):
        group = groups[seg_index]
        if seg_index != edge + 1 or not row_like(group):
            break
        kept_after.extend(group)
        edge = max(e.last_seg for e in group)
    return kept_before + inside + kept_after


def _shape(el: etree._Element | None) -> tuple:
    return () if el is None else (el.tag, el.get("class"))


def _exclusion(segments: list[Segment], entries: list[_Entry]) -> tuple[etree._Element, list[etree._Element]]:
    """The block's element and what to exclude from the article: the element when the pairs fill it,
    else the element's children holding them."""
    containers = [segments[s].container for e in entries for s in range(e.hit.seg, e.last_seg + 1)]
    lca = containers[0]
    for c in containers[1:]:
        lca = common_ancestor(lca, c)
    lo, hi = _segment_range(segments, lca, entries[0].hit.seg)
    total = sum(len(segments[i].text.strip()) for i in range(lo, hi + 1))
    used = {s for e in entries for s in range(e.hit.seg, e.last_seg + 1)}
    own = sum(len(segments[i].text.strip()) for i in used)
    if total == 0 or own / total >= rules.block.TIGHT_TEXT_SHARE:
        return lca, [lca]
    rows: list[etree._Element] = []
    for c in containers:
        chain = ancestors(c)
        row = chain[chain.index(lca) - 1] if lca in chain and chain.index(lca) > 0 else c
        if row not in rows:
            rows.append(row)
    return lca, rows


# --- labels heading the columns: a label row over a value row ------------------------------------------

def _cell_of(el: etree._Element | None) -> etree._Element | None:
    """The table cell (directly in a row) holding ``el``, a few levels up at most."""
    for _ in range(rules.block.GRID_CELL_DEPTH + 1):
        if el is None:
            return None
        if el.tag in rules.block.CELL_TAGS:
            parent = el.getparent()
            return el if parent is not None and parent.tag == "tr" else None
        el = el.getparent()
    return None


def _row_cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if c.tag in rules.block.CELL_TAGS]


def _spans(cells: list[etree._Element]) -> list[str]:
    return [(c.get("colspan") or "1").strip() for c in cells]


def _next_row(row: etree._Element) -> etree._Element | None:
    """The table row after ``row``, across <thead>/<tbody> boundaries; None at the table's end."""
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


def _cell_label(text: str, matcher: _Matcher) -> tuple[str, bool] | None:
    """(label, known) when a whole cell's text is a label: a known one or a short run of letters."""
    core = text.strip().rstrip(":：").strip()
    known = _bare_label(core, matcher)
    if known:
        return known, True
    cleaned = clean_label(core)
    if (rules.block.UNKNOWN_LABEL_MIN_CHARS <= len(cleaned) <= rules.block.UNKNOWN_LABEL_MAX_CHARS
            and all(_is_label_char(ch) for ch in cleaned)):
        return cleaned, False
    return None


def _label_row(segments: list[Segment], row: etree._Element, start: int,
               matcher: _Matcher) -> tuple[list[tuple[str, bool, int]], int] | None:
    """The row's (label, known, segment) per cell when every cell holds a label, mostly known ones."""
    cells = _row_cells(row)
    by_cell, end = _read_row(segments, row, start)
    if len(cells) < rules.block.GRID_MIN_KNOWN_LABELS or not set(cells).issuperset(by_cell):
        return None
    labels = []
    for cell in cells:
        segs = by_cell.get(cell)
        found = _cell_label(" ".join(segments[s].text for s in segs), matcher) if segs else None
        if found is None:
            return None
        labels.append((found[0], found[1], segs[0]))
    known = sum(known for _, known, _ in labels)
    unknown = len(labels) - known
    if known < rules.block.GRID_MIN_KNOWN_LABELS or unknown > max(
        1, int(len(labels) * rules.block.GRID_MAX_UNKNOWN_SHARE)
    ):
        return None
    return labels, end


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


def _value_row(segments: list[Segment], hits_by_seg: dict[int, list[_Hit]], row: etree._Element, start: int,
               spans: list[str], matcher: _Matcher) -> tuple[list[tuple[str, int, int, etree._Element]], int] | None:
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
        if len(text) > rules.block.MAX_CONTINUATION_CHARS or (text and _bare_label(text.rstrip(":："), matcher)):
            return None
        values.append((text, segs[0] if segs else -1, segs[-1] if segs else -1, cell))
    return values, end


def _grid(segments: list[Segment], hits_by_seg: dict[int, list[_Hit]], row: etree._Element, first_seg: int,
          matcher: _Matcher) -> tuple[list[_Entry], list[etree._Element]] | None:
    """Pairs of a table whose label rows head value rows (several may alternate), column by column, then
    its closing "label | value" rows; None when the table is a list (list headings, linked names,
    further rows of values)."""
    start = _segment_range(segments, row, first_seg)[0]
    entries: list[_Entry] = []
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
        value_row = _next_row(current)
        spans = _spans(_row_cells(current))
        read = _value_row(segments, hits_by_seg, value_row, end, spans, matcher) if value_row is not None else None
        if read is None:
            break
        values, start = read
        if any(text and _links_elsewhere(cell, text) for text, _, _, cell in values):
            return None
        for (label, known, label_seg), (text, _, last, cell) in zip(labels, values, strict=True):
            hit = _Hit(label_seg, 0, len(segments[label_seg].text), label, known)
            entries.append(_Entry(hit, text, last if text else label_seg, cell))
        rows += [current, value_row]
        current = _next_row(value_row)
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
        current = _next_row(current)
    return entries, rows


def _pair_row(segments: list[Segment], hits_by_seg: dict[int, list[_Hit]], row: etree._Element,
              start: int) -> tuple[list[_Entry], int] | None:
    """The pairs of a row made of known labels and their values only, and the index after its segments."""
    _, end = _read_row(segments, row, start)
    if end == start:
        return None
    entries = _pairs(segments, hits_by_seg, start, end - 1)
    if not entries or entries[0].hit.seg != start or segments[start].text[: entries[0].hit.start].strip():
        return None
    used = {s for e in entries for s in range(e.hit.seg, e.last_seg + 1)}
    return (entries, end) if len(used) == end - start else None


def _grids(segments: list[Segment], hits_by_seg: dict[int, list[_Hit]], matcher: _Matcher) -> list[_Cluster]:
    """Tables whose labels head the columns, found from rows holding whole-cell known labels."""
    first_of: dict[etree._Element, int] = {}
    counts: dict[etree._Element, int] = {}
    for i, hits in hits_by_seg.items():
        hit = hits[0]
        if len(hits) != 1 or not hit.known:
            continue
        seg = segments[i]
        if seg.text[: hit.start].strip() or seg.text[hit.value_start :].strip():
            continue
        cell = _cell_of(seg.container)
        if cell is None:
            continue
        row = cell.getparent()
        counts[row] = counts.get(row, 0) + 1
        first_of.setdefault(row, i)
    grids: list[_Cluster] = []
    taken: set[etree._Element] = set()
    for row, first in first_of.items():
        if counts[row] < rules.block.GRID_MIN_KNOWN_LABELS or row in taken:
            continue
        found = _grid(segments, hits_by_seg, row, first, matcher)
        if found is None:
            continue
        entries, rows = found
        taken.update(rows)
        lca = rows[0]
        for r in rows[1:]:
            lca = common_ancestor(lca, r)
        grids.append(_Cluster(entries, lca, grid=True))
    return grids


def _same_values(a: _Cluster, b: _Cluster) -> bool:
    """Two runs agree on every label both fill in (another printing of one block)."""
    def key(value: str) -> str:
        return normalise_date(value) or value if len(value) <= 20 else value

    values = {e.hit.label: key(e.value) for e in a.entries if e.value}
    return all(values.get(e.hit.label, key(e.value)) == key(e.value) for e in b.entries if e.value)


def read_block(root: etree._Element, vocabulary: Vocabulary) -> Block:
    """The page's disclosure block, read once; an empty Block when the page has none."""
    matcher = _matcher(vocabulary)
    body = root.find("body")
    segments = read_segments(body if body is not None else root)
    hits_by_seg = {}
    limit = MAX_BARE_LABEL_CHARS * 3
    first_chars = matcher.first_chars
    has_terminator, has_first_char = _TERMINATOR.search, matcher.first_char.search
    for seg in segments:
        text = seg.text
        if not has_terminator(text):  # no colon (most lines of a page): bare labels only
            if len(seg.starts) > 1:
                if not has_first_char(text):
                    continue
            elif len(text) > limit:  # one piece: a label only when it is short and starts like one
                continue
            else:
                core = text.strip()
                if not core or core[0] not in first_chars:
                    continue
        hits = _segment_hits(seg, matcher)
        if hits:
            hits_by_seg[seg.index] = hits
    if not hits_by_seg:
        return Block()
    entries = _pairs(segments, hits_by_seg, 0, len(segments) - 1)
    grids = [grid for grid in _grids(segments, hits_by_seg, matcher) if _qualifies(_score(grid, vocabulary))]
    if grids:  # the grids' labels are read; leave them out of the label/value runs
        covered = {s for grid in grids for s in range(grid.first_seg(), grid.last_seg() + 1)}
        entries = [e for e in entries if covered.isdisjoint(range(e.hit.seg, e.last_seg + 1))]
    candidates = [_trim(segments, run, vocabulary) for cluster in _clusters(segments, entries)
                  for run in _split_copies(segments, cluster)]
    if grids:
        candidates = sorted(candidates + grids, key=_Cluster.first_seg)
    scored = [(run, _score(run, vocabulary)) for run in candidates]
    scored = [(run, score) for run, score in scored if _qualifies(score)]
    if not scored:
        return Block()
    best, best_score = scored[0]
    for run, score in scored[1:]:
        if score[:2] > best_score[:2]:
            best, best_score = run, score
    pairs_entries = best.entries if best.grid else _read_within(segments, best, matcher)
    element, exclude = _exclusion(segments, pairs_entries)
    block = Block(pairs=[{"label": e.hit.label, "value": e.value} for e in pairs_entries], element=element,
                  exclude=exclude)
    labels = {e.hit.label for e in best.entries}
    similar = [run for run, _ in scored if run is not best
               and len(labels & {e.hit.label for e in run.entries}) >= rules.block.COPY_LABEL_OVERLAP * len(labels)]
    if sum(not _same_values(best, run) for run in similar) >= rules.block.LIST_MIN_OTHER_ITEMS:
        return Block()  # the same labels with other values, again and again: a list of documents
    copies = [run for run in similar if _same_values(best, run)]
    for run in copies:
        block.exclude.extend(x for x in _exclusion(segments, run.entries)[1] if x not in block.exclude)
    if copies:
        block.warnings.append(f"metadata block printed {len(copies) + 1} times; read once")
    return block
