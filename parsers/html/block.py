"""Find the disclosure block (索引号, 发布机构, 成文日期 ...) and read its label/value pairs.

The block is found generically, where known labels cluster, on any layout: label and value cells
in table rows, a row of labels heading a row of values, "<b>label: </b>value" cells, list items,
<dl>, div/span grids, or one line of "label：value label：value". The page is read once as text
segments (``segments.py``); ``block_labels.py`` finds the labels and their values, ``block_grid.py``
reads tables whose labels head the columns; this module groups the labels into runs, picks the block
and decides what the article reader should leave out.

Two passes: known labels locate the block; inside the block's element, labels the vocabulary does
not know (归档时间, 签发人 ...) are read too, when they end with a colon or are styled like the
block's known labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.dates import normalise_date
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.block_grid import find_grids
from govmeta.parsers.html.block_labels import (
    Entry,
    Hit,
    Matcher,
    column,
    matcher_for,
    page_hits,
    read_pairs,
    segment_hits,
    signature,
)
from govmeta.parsers.html.block_lines import wrap_lines
from govmeta.parsers.html.segments import (
    Segment,
    ancestors,
    common_ancestor,
    is_within,
    read_segments,
    segment_range,
)
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary


@dataclass
class Block:
    """The block found on a page: its pairs in page order and the subtree it occupies."""

    pairs: list[dict[str, str]] = field(default_factory=list)
    element: etree._Element | None = None
    warnings: list[str] = field(default_factory=list)
    # Elements the article reader should leave out: the block (or its rows when the block's element
    # also holds other text) and further printings of it (mobile copy, 适老版).
    exclude: list[etree._Element] = field(default_factory=list)


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
    entries: list[Entry]
    lca: etree._Element
    grid: bool = False  # read whole from a table whose labels head the columns (no second pass)

    def first_seg(self) -> int:
        return self.entries[0].hit.seg

    def last_seg(self) -> int:
        return max(e.last_seg for e in self.entries)


def _clusters(segments: list[Segment], entries: list[Entry]) -> list[_Cluster]:
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
        span = cur.entries[-1].last_seg - cur.entries[-1].hit.seg + 1  # lines of a row: label and value cell
        if is_within(container, cur.lca):
            ok = _orphan_rows(orphans, cur.lca, span) <= rules.block.MAX_INNER_ORPHANS
        else:
            merged = common_ancestor(cur.lca, container)
            first = segments[cur.entries[0].hit.seg].container
            ok = (all(len(squash(o.text)) <= rules.block.MAX_BRIDGING_ORPHAN_CHARS for o in orphans)
                  or (_orphan_rows(orphans, merged, span) <= rules.block.MAX_INNER_ORPHANS
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


def _orphan_rows(orphans: list[Segment], top: etree._Element, span: int) -> int:
    """How many rows the orphan segments fill: a row of an unknown label and its value counts once, be it
    one child of ``top`` (a <tr>, an <li>) or as many lines as a known row takes (a <dt> and its <dd>).
    More than a few orphans are counted as they are."""
    per_row = max(rules.block.MAX_ORPHAN_ROW_SEGMENTS, span)
    if len(orphans) > rules.block.MAX_INNER_ORPHANS * per_row:
        return len(orphans)
    rows = set()
    for orphan in orphans:
        el = orphan.container
        while el is not None and el.getparent() is not top:
            el = el.getparent()
        rows.add(el if el is not None else orphan.container)
    by_children = len(rows) if len(orphans) <= rules.block.MAX_ORPHAN_ROW_SEGMENTS * len(rows) else len(orphans)
    return min(by_children, -(-len(orphans) // max(span, 1)))


def _split_copies(segments: list[Segment], cluster: _Cluster) -> list[_Cluster]:
    """A cluster holding the block twice in a row (desktop table, then mobile list) as two runs."""
    runs: list[list[Entry]] = [[]]
    seen: set[tuple[str, str]] = set()  # the current run's filled known pairs (kept as it grows: linear)
    for e in cluster.entries:
        run = runs[-1]
        if run and e.hit.known and (e.hit.label == run[0].hit.label or (e.hit.label, e.value) in seen):
            runs.append([e])
            seen = set()
        else:
            run.append(e)
        if e.value and e.hit.known:
            seen.add((e.hit.label, e.value))
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


def _shape_eligible(run: _Cluster, score: tuple[int, int, int]) -> bool:
    """A run with too few known labels for a block that may still be one by its shape."""
    return (not run.grid and score[0] >= rules.block.SHAPE_MIN_CANONICAL_FIELDS
            and score[1] >= rules.block.SHAPE_MIN_STRONG_FIELDS and score[2] >= rules.block.MIN_FILLED_VALUES)


def _shaped_block(segments: list[Segment], runs: list[_Cluster],
                  matcher: Matcher) -> tuple[_Cluster, list[Entry]] | None:
    """A block too few of whose labels are known, found from its shape: a run of short label/value rows
    around a few known labels (unknown labels read as in any block). The first such run of the page, among
    its first SHAPE_MAX_RUNS runs (each is read again over its whole box: a list of thousands of documents
    would cost their square)."""
    for run in runs[:rules.block.SHAPE_MAX_RUNS]:
        lca = run.lca
        while lca.tag in rules.block.ROW_TAGS or lca.tag in rules.block.ROW_GROUP_TAGS:
            parent = lca.getparent()  # the known labels share one row: read the rows around it too
            if parent is None:
                break
            lca = parent
        entries = _read_within(segments, _Cluster(run.entries, lca), matcher)
        if _block_shaped(entries):
            return run, entries
    return None


def _block_shaped(entries: list[Entry]) -> bool:
    """Entries that read as a block by their shape alone: enough rows, each label once, short values
    (not a news info line, not a list of documents, not prose)."""
    labels = [e.hit.label for e in entries]
    rows = {e.hit.seg for e in entries}
    filled = [e.value for e in entries if e.value]
    return (len(entries) >= rules.block.SHAPE_MIN_PAIRS and len(rows) >= rules.block.SHAPE_MIN_ROWS
            and len(set(labels)) == len(labels) and len(filled) >= rules.block.SHAPE_MIN_FILLED
            and all(len(value) <= rules.block.SHAPE_MAX_VALUE_CHARS for value in filled))


def _read_within(segments: list[Segment], cluster: _Cluster, matcher: Matcher) -> list[Entry]:
    """Second pass inside the block: every pair, unknown labels included, from the cluster's first
    label to its last value, extended over adjacent rows that are pairs as well."""
    label_sigs, value_sigs, shapes = set(), set(), set()
    for e in cluster.entries:
        seg = segments[e.hit.seg]
        label_owner = seg.owner_at(e.hit.start)
        label_sigs.update((signature(label_owner), column(label_owner)))
        value_sigs.update((signature(e.value_owner), column(e.value_owner)))
        shapes.add(_shape(seg.container))
    label_sigs -= value_sigs
    label_sigs.discard(())
    lo, hi = segment_range(segments, cluster.lca, cluster.first_seg())
    hits_by_seg: dict[int, list[Hit]] = {}
    for i in range(lo, hi + 1):
        hits = segment_hits(segments[i], matcher, label_sigs)
        if hits:
            waiting = hits_by_seg.get(i - 1)
            if (not hits[0].known and waiting and len(waiting) == 1 and not segments[i].text[: hits[0].start].strip()
                    and not segments[i - 1].text[waiting[0].value_start :].strip()):
                hits = hits[1:]  # "主要内容：…" opening the value cell of the label before it is value text
            if hits:
                hits_by_seg[i] = hits
    first = cluster.entries[0].hit
    core_lo, core_hi = first.seg, cluster.last_seg()
    entries = read_pairs(segments, hits_by_seg, lo, hi)
    inside = [e for e in entries if (e.hit.seg, e.hit.start) >= (first.seg, first.start) and e.hit.seg <= core_hi]

    def row_like(group: list[Entry]) -> bool:
        seg = segments[group[0].hit.seg]
        if seg.text[: group[0].hit.start].strip():
            return False
        return all(
            e.hit.known
            or (not e.value.endswith(rules.block.SENTENCE_ENDS)  # 各单位：现将…通知如下。 opens the article
                and (signature(seg.owner_at(e.hit.start)) in label_sigs
                     or seg.container.tag in rules.block.LABEL_CELL_TAGS
                     or _shape(seg.container) in shapes))
            for e in group
        )

    groups: dict[int, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.hit.seg, []).append(e)
    kept_before: list[Entry] = []
    edge = core_lo
    for seg_index in sorted((i for i in groups if i < core_lo), reverse=True):
        group = groups[seg_index]
        if max(e.last_seg for e in group) != edge - 1 or not row_like(group):
            break
        kept_before[:0] = group
        edge = seg_index
    kept_after: list[Entry] = []
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


def _exclusion(segments: list[Segment], entries: list[Entry],
               split: bool = False) -> tuple[etree._Element, list[etree._Element]]:
    """The block's element and what to exclude from the article: the element when the pairs fill it
    (no line of other text longer than a heading), else the element's children holding them; with
    ``split``, lines of an element they share with article text are first moved into one of their own."""
    containers = [segments[s].container for e in entries for s in range(e.hit.seg, e.last_seg + 1)]
    lca = containers[0]
    for c in containers[1:]:
        lca = common_ancestor(lca, c)
    lo, hi = segment_range(segments, lca, entries[0].hit.seg)
    total = sum(len(segments[i].text.strip()) for i in range(lo, hi + 1))
    used = {s for e in entries for s in range(e.hit.seg, e.last_seg + 1)}
    own = sum(len(segments[i].text.strip()) for i in used)
    if total == 0 or (own / total >= rules.block.TIGHT_TEXT_SHARE and all(
            len(segments[i].text.strip()) <= rules.block.TIGHT_MAX_OTHER_LINE_CHARS
            for i in range(lo, hi + 1) if i not in used)):
        return lca, [lca]
    if split and all(segments[i].container is lca for i in range(lo, hi + 1)):
        box = wrap_lines(lca, min(used) - lo, max(used) - lo, hi - lo + 1)
        if box is not None:
            return lca, [box]
    rows: list[etree._Element] = []
    for c in containers:
        chain = ancestors(c)
        row = chain[chain.index(lca) - 1] if lca in chain and chain.index(lca) > 0 else c
        if row not in rows:
            rows.append(row)
    return lca, rows



def _same_values(a: _Cluster, b: _Cluster) -> bool:
    """Two runs agree on every label both fill in (another printing of one block)."""
    def key(value: str) -> str:
        return normalise_date(value) or value if len(value) <= 20 else value

    values = {e.hit.label: key(e.value) for e in a.entries if e.value}
    return all(values.get(e.hit.label, key(e.value)) == key(e.value) for e in b.entries if e.value)


def _choose(segments: list[Segment], scored: list[tuple[_Cluster, tuple[int, int, int]]],
            matcher: Matcher) -> tuple[_Cluster, list[Entry], list[_Cluster]] | None:
    """The block's run, its pairs (unknown labels read too), and the runs it competed with: the run naming
    the most canonical fields, else the first run shaped like a block around a few known labels."""
    qualified = [(run, score) for run, score in scored if _qualifies(score)]
    if qualified:
        best, best_score = qualified[0]
        for run, score in qualified[1:]:
            if score[:2] > best_score[:2]:
                best, best_score = run, score
        pairs = best.entries if best.grid else _read_within(segments, best, matcher)
        return best, pairs, [run for run, _ in qualified]
    eligible = [run for run, score in scored if _shape_eligible(run, score)]
    found = _shaped_block(segments, eligible, matcher)
    return (*found, eligible) if found is not None else None


def read_block(root: etree._Element, vocabulary: Vocabulary) -> Block:
    """The page's disclosure block, read once; an empty Block when the page has none."""
    matcher = matcher_for(vocabulary)
    body = root.find("body")
    segments = read_segments(body if body is not None else root)
    hits_by_seg = page_hits(segments, matcher)
    if not hits_by_seg:
        return Block()
    entries = read_pairs(segments, hits_by_seg, 0, len(segments) - 1)
    grids = [_Cluster(entries, lca, grid=True) for entries, lca in find_grids(segments, hits_by_seg, matcher)]
    grids = [grid for grid in grids if _qualifies(_score(grid, vocabulary))]
    if grids:  # the grids' labels are read; leave them out of the label/value runs
        covered = {s for grid in grids for s in range(grid.first_seg(), grid.last_seg() + 1)}
        entries = [e for e in entries if covered.isdisjoint(range(e.hit.seg, e.last_seg + 1))]
    candidates = [_trim(segments, run, vocabulary) for cluster in _clusters(segments, entries)
                  for run in _split_copies(segments, cluster)]
    if grids:
        candidates = sorted(candidates + grids, key=_Cluster.first_seg)
    chosen = _choose(segments, [(run, _score(run, vocabulary)) for run in candidates], matcher)
    if chosen is None:
        return Block()
    best, pairs_entries, others = chosen
    labels = {e.hit.label for e in best.entries}
    similar = [run for run in others if run is not best
               and len(labels & {e.hit.label for e in run.entries}) >= rules.block.COPY_LABEL_OVERLAP * len(labels)]
    if sum(not _same_values(best, run) for run in similar) >= rules.block.LIST_MIN_OTHER_ITEMS:
        return Block()  # the same labels with other values, again and again: a list of documents
    element, exclude = _exclusion(segments, pairs_entries, split=True)
    block = Block(pairs=[{"label": e.hit.label, "value": e.value} for e in pairs_entries], element=element,
                  exclude=exclude)
    copies = [run for run in similar if _same_values(best, run)]
    for run in copies:
        block.exclude.extend(x for x in _exclusion(segments, run.entries)[1] if x not in block.exclude)
    if copies:
        block.warnings.append(f"metadata block printed {len(copies) + 1} times; read once")
    return block
