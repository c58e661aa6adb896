"""The disclosure block of a text dump: the densest cluster of labels, read into label/value pairs.

A block is "label value label value" runs: one or several pairs per line, flattened into one line,
or values on the line under their labels. Labels the vocabulary does not know start pairs of their
own inside a block written with colons. A block printed twice (desktop table, mobile list) is read
once. A block ends where the article line printed under the headline begins.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.text.page import Key, TextPage, clean_text, join_lines, strip_widgets
from govmeta.parsers.vocabulary import Vocabulary, clean_label

_BLANK_RUN = lazy_compile(rf"\n(?:[ \t]*\n){{{rules.text.MAX_BLANK_LINES + 1}}}")
_BLANK_LINE = lazy_compile(r"\n[ \t]*\n")


@dataclass
class Cluster:
    keys: list[Key]
    fields: int = 0
    pairs: list[dict[str, str]] = field(default_factory=list)
    start: int = -1  # where the block starts (its first key, or an unknown label before it)
    end: int = 0
    copies: int = 1
    read: bool = False  # pairs already read (a table of header and value rows)

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.keys[0].start


# --- Clusters --------------------------------------------------------------------------------------


def clusters(keys: list[Key], page: TextPage, vocabulary: Vocabulary, breaks: list[int]) -> list[Cluster]:
    """Runs of labels close enough to be one block (an article line between two labels splits them)."""
    runs: list[list[Key]] = []
    current: list[Key] = []
    breaks = sorted(breaks)  # looked up by bisection: many labels and article lines cost no product of the two
    for key in keys:
        if (current and _close(page.text[current[-1].end: key.start])
                and not _break_between(breaks, current[-1].end, key.start)):
            current.append(key)
            continue
        if current:
            runs.append(current)
        current = [key]
    if current:
        runs.append(current)
    out = [Cluster(_end_before_byline(run, page, vocabulary)) for run in runs]
    for cluster in out:
        cluster.fields = count_fields(cluster.keys, vocabulary)
    return [c for c in out if c.fields >= rules.text.MIN_BLOCK_FIELDS or _may_be_shaped(c)]


def list_ends(page: TextPage, items: frozenset[int]) -> list[int]:
    """Where a list ended: the start of each line that is no list item and follows a line that was one
    (``items``: the lines the converter bulleted), after blank lines, or right under it when indented less
    than its bullet (inscriptis prints no blank line). A block printed as a list (a publish-info ``<ul>``:
    • 發布日期：… • 發布單位：…) ends with it; the ``label：value`` lines printed after it with no bullet (the
    site footer's 地址：… 統一編號：…, its 更新日期：… 瀏覽人次：… counter) are not its pairs."""
    out = []
    item_indent, blank = -1, False  # the last line's bullet indent when it was an item, else -1
    for n, start in enumerate(page.line_starts):
        line = page.text[start: page.line_end(start)]
        if not line.strip():
            blank = True
            continue
        indent = len(line) - len(line.lstrip())
        if n in items:
            item_indent, blank = indent, False
            continue
        if item_indent >= 0 and (blank or indent < item_indent):
            out.append(start)
        item_indent, blank = -1, False
    return out


def letterhead(cluster: Cluster) -> bool:
    """Whether the pairs run on into an official document's own sections (主旨：…, 公告事項：, as a Taiwan
    notice is written: 發文日期 / 發文字號 / 主旨 / 依據 / 公告事項): the document's letterhead printed as its
    text, no disclosure block beside it (the HTML reader reads those lines as the body)."""
    return any(fold(pair["label"]) in rules.text.DOCUMENT_SECTION_LABELS for pair in cluster.pairs)


_LINE_ENDS = lazy_compile(r"[^\S\n]*(?:\n|\Z)")  # only spaces up to the line's end


def _break_between(breaks: list[int], start: int, end: int) -> bool:
    """Whether a break (sorted offsets) stands in [start, end)."""
    at = bisect_left(breaks, start)
    return at < len(breaks) and breaks[at] < end


def _may_be_shaped(cluster: Cluster) -> bool:
    """Too few known fields for a block, but enough for one found from its shape (see ``shaped``): the
    HTML reader's rule, as rules.block words it."""
    return (cluster.fields >= rules.block.SHAPE_MIN_CANONICAL_FIELDS
            and sum(k.folded not in rules.block.WEAK_LABELS for k in cluster.keys)
            >= rules.block.SHAPE_MIN_STRONG_FIELDS
            and sum(k.colon for k in cluster.keys) == len(cluster.keys))


def shaped(cluster: Cluster, page: TextPage) -> bool:
    """A block with few known labels is one by its shape: at least SHAPE_MIN_PAIRS pairs (its unknown
    ``label：value`` cells around the known ones included) on at least SHAPE_MIN_ROWS lines, each label once,
    SHAPE_MIN_FILLED values filled, none longer than SHAPE_MAX_VALUE_CHARS."""
    if cluster.fields >= rules.text.MIN_BLOCK_FIELDS or cluster.read:  # (a table's rows were checked when read)
        return True
    pairs = cluster.pairs
    labels = [p["label"] for p in pairs]
    rows = page.text.count("\n", cluster.start, cluster.end) + 1
    return (len(pairs) >= rules.block.SHAPE_MIN_PAIRS and len(set(labels)) == len(labels)
            and rows >= rules.block.SHAPE_MIN_ROWS
            and sum(1 for p in pairs if p["value"]) >= rules.block.SHAPE_MIN_FILLED
            and all(len(p["value"]) <= rules.block.SHAPE_MAX_VALUE_CHARS for p in pairs))


def filled(cluster: Cluster, vocabulary: Vocabulary) -> bool:
    """Whether at least rules.block.MIN_FILLED_VALUES of the block's known labels have a value, the HTML
    reader's rule: a copy of the block printed with its values empty (a template the page hides, a list's
    column headings) is no block."""
    known = (p["value"] for p in cluster.pairs if vocabulary.field_for(fold(clean_label(p["label"]))))
    return sum(1 for value in known if value) >= rules.block.MIN_FILLED_VALUES


def count_fields(keys: list[Key], vocabulary: Vocabulary) -> int:
    """Distinct canonical fields the keys name."""
    return len({vocabulary.field_for(k.folded) for k in keys} - {None})


def best(found: list[Cluster]) -> Cluster | None:
    out = None
    for cluster in found:
        if out is None or cluster.fields > out.fields:
            out = cluster
    return out


def _close(gap: str) -> bool:
    """Whether two labels this far apart belong to one block.

    A value sits on its label's line or, alone, on the line below; lines below a value on the
    label's line continue it only when that line was long (a wrapped title). A line that is only
    an unknown label (所属主题：) brings its own value line.
    """
    if _BLANK_RUN.search(gap) or len("".join(gap.split())) > rules.text.MAX_VALUE_CHARS:
        return False
    first, _, rest = gap.partition("\n")
    below = [part for part in rest.split("\n") if part.strip()]
    extra = (len(below) - 2 * sum(1 for part in below if _label_only(part) is not None)
             - sum(1 for part in below if _pair_only(part)))
    if first.strip():
        return extra <= 0 or (
            len(first.strip()) >= rules.text.WRAPPED_LINE_CHARS and extra < rules.text.MAX_VALUE_LINES
        )
    return extra <= 1


def _end_before_byline(keys: list[Key], page: TextPage, vocabulary: Vocabulary) -> list[Key]:
    """A flattened block followed by the headline and the article line (…关 键 词： 标题 发布时间： …
    信息来源： …): article-line keys at the run's end that follow the headline, or follow the
    complete last copy of a repeated block, are not the block's."""
    n = len(keys)
    while n > 1 and keys[n - 1].info and keys[n - 1].line == keys[-1].line:
        n -= 1
    if n == len(keys) or keys[n - 1].line != keys[n].line:
        return keys
    head, prev = keys[:n], keys[n - 1]
    gap = clean_text(page.text[prev.end: keys[n].start])
    title = _title_value(head, page, vocabulary)
    if title and vocabulary.field_for(prev.folded) != "title" and title in gap:
        return head
    copies, complete = _copies([k.folded for k in head])
    return head if copies > 1 and complete else keys


def _title_value(keys: list[Key], page: TextPage, vocabulary: Vocabulary) -> str | None:
    """The value of the first title label (标题, 名称) between two labels, when headline-long."""
    for key, nxt in pairwise(keys):
        if vocabulary.field_for(key.folded) == "title":
            value = clean_text(page.text[key.end: nxt.start])
            if len(value) >= rules.text.MIN_HEADLINE_CHARS:
                return value
    return None


def _copies(labels: list[str]) -> tuple[int, bool]:
    """How many times the block's first label starts a copy, and whether the last copy shows every
    label of the first."""
    starts = [n for n, label in enumerate(labels) if label == labels[0]]
    if len(starts) < 2:
        return 1, False
    return len(starts), set(labels[: starts[1]]) <= set(labels[starts[-1]:])


# --- Reading a cluster -----------------------------------------------------------------------------


def read_block(cluster: Cluster, page: TextPage, vocabulary: Vocabulary, floor: int, keyed: set[int],
               ends: frozenset[int] = frozenset()) -> None:
    """Fill the cluster's pairs (unknown colon labels split off, repeats dropped), start and end.

    ``floor`` is where page text may start (below the breadcrumb); ``keyed`` the lines holding keys; ``ends``
    where a list ended (see ``list_ends``: the trailing pairs stop there).
    """
    if cluster.read:
        return
    keys, text = cluster.keys, page.text
    if (column := _label_column(keys, page, keyed, vocabulary)) is not None:
        cluster.pairs, cluster.end = column
        return
    below = [(k, text[k.end: nxt.start]) for k, nxt in pairwise(keys)  # (nothing after the label on its line:
             if _LINE_ENDS.match(text, k.end) and text[k.end: nxt.start].strip()]  # matched, not sliced per key)
    next_line_style = bool(below)
    blank_between = any(re.match(r"[ \t]*\n[ \t]*\n", gap) for _, gap in below)
    colon_style = sum(k.colon for k in keys) >= rules.text.COLON_STYLE_SHARE * len(keys)
    lead: list[tuple[str, str]] = []
    if colon_style:
        cluster.start, lead = _leading_pairs(cluster, page, floor, keyed, blank_between)
    raw: list[tuple[str, str]] = [(k.label, text[k.end: nxt.start]) for k, nxt in pairwise(keys)]
    value, cluster.end, flattened = _last_value(keys[-1], page, raw, next_line_style, blank_between,
                                                vocabulary)
    raw.append((keys[-1].label, value))
    pairs: list[dict[str, str]] = [{"label": lab, "value": clean_text(val)} for lab, val in lead]
    for n, (label, gap) in enumerate(raw):
        parts = [(label, gap)]
        if colon_style and not (flattened and n == len(raw) - 1):
            parts = _split_unknown(label, gap)
        pairs.extend({"label": lab, "value": strip_widgets(join_lines(val))} for lab, val in parts)
    if colon_style and not flattened:
        trail, cluster.end = _trailing_pairs(cluster.end, page, keyed, blank_between, ends)
        pairs.extend({"label": lab, "value": val} for lab, val in trail)
    cut = len(pairs) - 1 if flattened else None
    copy = _fullest_copy(pairs, vocabulary)
    if copy is not None:  # copies that disagree: the one naming the most fields, read alone
        pairs, cut = pairs[copy[0]: copy[1]], (cut - copy[0] if cut is not None and copy[0] <= cut < copy[1]
                                               else None)
    cluster.pairs, cluster.copies = _drop_repeats(pairs, cut)


def _label_column(keys: list[Key], page: TextPage, keyed: set[int], vocabulary: Vocabulary
                  ) -> tuple[list[dict[str, str]], int] | None:
    """A column of labels, one a line, then a column of as many values, one a line (a grid of cells
    whose labels sit in one row and values in the next: 索引号⏎发布机构⏎文号⏎11440…⏎某省交通运输厅⏎某交规〔2024〕5号).
    The pairs and where the last value ends, or None for another layout: a date label over a value
    without a date (an empty cell the converter dropped shifts the values), a salutation or a sentence
    among the values. A second row of values shaped like the first makes the labels a list's heading row:
    no pairs."""
    lines = [k.line for k in keys]
    if len(set(lines)) != len(keys) or any(
            page.line_text(k.line).strip() != page.text[k.start: k.end].strip() for k in keys):
        return None
    if any(page.text[a.end: b.start].strip() for a, b in pairwise(keys)):
        return None
    values: list[tuple[str, int]] = []
    blanks = 0
    n = lines[-1] + 1
    while len(values) <= len(keys) and n < len(page.line_starts) and blanks <= rules.text.MAX_BLANK_LINES:
        value = clean_text(page.line_text(n))
        n += 1
        if not value:
            blanks += 1
            continue
        if len(values) == len(keys):  # the line after the values: the first value's twin starts a list's row
            if _shape(value) == _shape(values[0][0]):
                return [], page.line_end(keys[-1].start)
            break
        if (n - 1 in keyed or len(value) > rules.text.MAX_VALUE_CHARS or rules.text.SENTENCE_END.search(value)
                or rules.text.SALUTATION.match(value)):
            if values:
                break  # (fewer values than labels: see _dropped_cells)
            return None
        values.append((value, page.line_end(page.line_start(n - 1))))
        blanks = 0
    if len(values) == len(keys) and not any(_date_label(vocabulary.field_for(k.folded), vocabulary)
                                            and not rules.text.DATE_VALUE.match(v)
                                            for k, (v, _) in zip(keys, values, strict=True)):
        return [{"label": k.label, "value": v} for k, (v, _) in zip(keys, values, strict=True)], values[-1][1]
    return _dropped_cells([k.label for k in keys], values, vocabulary)


def _dropped_cells(labels: list[str], values: list[tuple[str, int]], vocabulary: Vocabulary
                   ) -> tuple[list[dict[str, str]], int] | None:
    """A column of labels over fewer values: a converter dropped the empty cells of the value row (pandoc),
    and the first lines under the known labels may be more labels the vocabulary does not know (备注). The
    pairs when the values' kinds leave one way to place them, in order (a date label takes a date, a date
    goes under a date label, a document number under a document-number label); None otherwise."""
    found = None
    for unknown in range(min(len(values), rules.text.DROPPED_CELLS_MAX_LABELS + 1 - len(labels))):
        if unknown and not rules.text.LABEL_CELL.match(fold(values[unknown - 1][0])):
            break
        heads, cells = labels + [clean_label(v) for v, _ in values[:unknown]], values[unknown:]
        if len(cells) >= len(heads):
            continue
        names = [vocabulary.field_for(fold(clean_label(label))) for label in heads]
        fits = [[_fits(name, v, vocabulary) for v, _ in cells] for name in names]
        placed = _one_placement(fits)
        if placed is None:
            continue
        if found is not None or placed == []:
            return None  # two ways: which cells were empty is not in the text
        at = dict(zip(placed, (v for v, _ in cells), strict=True))
        found = [{"label": label, "value": at.get(n, "")} for n, label in enumerate(heads)], cells[-1][1]
    return found


def _one_placement(fits: list[list[bool]]) -> list[int] | None:
    """The labels the values go under, in order, when ``fits[label][value]`` leaves exactly one way; [] for
    several ways, None for none (ways counted from the end, two meaning two or more: labels x values steps)."""
    labels, cells = len(fits), len(fits[0]) if fits else 0
    ways = [[0] * (cells + 1) for _ in range(labels + 1)]
    for i in range(labels, -1, -1):
        ways[i][cells] = 1
        for j in range(cells - 1, -1, -1):
            if i < labels:
                ways[i][j] = min(2, ways[i + 1][j] + (ways[i + 1][j + 1] if fits[i][j] else 0))
    if ways[0][0] != 1:
        return [] if ways[0][0] > 1 else None
    out, j = [], 0
    for i in range(labels):
        if j < cells and fits[i][j] and ways[i + 1][j + 1]:
            out.append(i)
            j += 1
    return out


def _fits(name: str | None, value: str, vocabulary: Vocabulary) -> bool:
    """Whether ``value`` may stand under a label naming field ``name`` (None: a label the vocabulary does not
    know): a date label takes a date, a date stands under a date label, a document number under a
    document-number label."""
    date_label = _date_label(name, vocabulary)
    if bool(rules.text.DATE_VALUE.match(value)) != date_label and (date_label or name is not None):
        return False
    return not (rules.text.DOC_NO_LINE.match(value) and name != "doc_no")


def _date_label(name: str | None, vocabulary: Vocabulary) -> bool:
    return name is not None and vocabulary.rules[name].kind == "date"


def _shape(text: str) -> str:
    """A value's shape: digits, Chinese characters and Latin letters each as one class (a list's rows of
    document numbers share it)."""
    return re.sub(r"[a-zA-Z]+", "a", re.sub(r"[\u4e00-\u9fff]+", "中", re.sub(r"\d+", "0", text)))


def _label_only(line: str) -> str | None:
    """The label of a line that is only an unknown ``label：`` (所属主题：), else None."""
    line = line.strip()
    match = rules.text.UNKNOWN_LABEL.match(line)
    if not match or match.end() != len(line):
        return None
    return clean_label(match[1])


def _pair_only(line: str) -> bool:
    """A line that is one whole unknown ``label：value`` pair (更新日期：2023-05-10): it brings its own value."""
    line = line.strip()
    match = rules.text.UNKNOWN_LABEL.match(line)
    if not match or match.start() != 0:
        return False
    value = line[match.end():].strip()
    return (bool(value) and len(value) <= rules.text.EDGE_VALUE_CHARS and not rules.text.UNKNOWN_LABEL.search(value)
            and _is_cell_label(clean_label(match[1])))


def _is_cell_label(label: str) -> bool:
    """An unknown label that may head a block cell: not a widget, a breadcrumb marker or a crawler key."""
    folded = fold(label)
    return not (
        folded in rules.words.WIDGET_WORDS
        or folded + "：" in rules.words.WIDGET_WORDS
        or rules.text.BREADCRUMB_LINE.match(folded)
        or folded in rules.text.CRAWLER_KEYS
    )


def _labelled_run(text: str) -> list[tuple[str, str]] | None:
    """``label：value label：value`` cells filling ``text`` (short values, no sentence), else None."""
    matches = list(rules.text.UNKNOWN_LABEL.finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return None
    out = []
    for match, nxt in zip(matches, [*matches[1:], None], strict=True):
        value = clean_text(text[match.end(): nxt.start() if nxt else len(text)])
        label = clean_label(match[1])
        if (
            not _is_cell_label(label)
            or len(value) > rules.text.EDGE_VALUE_CHARS
            or rules.text.SENTENCE_END.search(value)
        ):
            return None
        out.append((label, value))
    return out


def _leading_pairs(cluster: Cluster, page: TextPage, floor: int, keyed: set[int],
                   blank_between: bool) -> tuple[int, list[tuple[str, str]]]:
    """Cells with unknown ``label：`` just before the block's first known label, which the block's
    layout holds too: on its line (报送单位：市财政局 主题分类：…) or on the lines above it
    (报送单位：⏎市财政局⏎主题分类：…). Returns where the block starts and those pairs."""
    first = cluster.keys[0]
    line_start = page.line_start(first.line)
    if line_start < floor:
        return first.start, []
    prefix = page.text[line_start: first.start]
    if prefix.strip():
        pairs = _labelled_run(prefix)
        if pairs is None:
            return first.start, []
        return line_start + len(prefix) - len(prefix.lstrip()), pairs
    start, out, value = first.start, [], None
    line = first.line - 1
    while line >= 0 and page.line_start(line) >= floor and line not in keyed:
        raw = page.line_text(line)
        text = raw.strip()
        label = _label_only(raw) if text else None
        if not text:
            if not blank_between:
                break
        elif label is not None and _is_cell_label(label):
            out.insert(0, (label, value or ""))
            start, value = page.line_start(line) + len(raw) - len(raw.lstrip()), None
        elif value is None and (run := _labelled_run(text)) is not None and not _attachment_entry(run):
            out[0:0] = run
            start = page.line_start(line) + len(raw) - len(raw.lstrip())
        elif value is None and len(text) <= rules.text.EDGE_VALUE_CHARS and not rules.text.SENTENCE_END.search(text):
            value = text
        else:
            break
        line -= 1
    return start, out


def _trailing_pairs(end: int, page: TextPage, keyed: set[int], blank_between: bool,
                    ends: frozenset[int] = frozenset()) -> tuple[list[tuple[str, str]], int]:
    """Cells with unknown ``label：`` on the lines right after the block's last known pair (…公开方式：主动公开⏎
    办理状态：现行有效), which the block's layout holds too. Returns those pairs and where the block ends."""
    out: list[tuple[str, str]] = []
    line = page.line_of(end) + 1
    while line < len(page.line_starts) and line not in keyed and page.line_start(line) not in ends:
        text = page.line_text(line).strip()
        if not text:
            if not blank_between:
                break
            line += 1
            continue
        run = _labelled_run(text)
        if run is None or any(not value for _, value in run):
            break
        out.extend(run)
        end = page.line_end(page.line_start(line))
        line += 1
    return out, end


def _attachment_entry(run: list[tuple[str, str]]) -> bool:
    """A line of an attachment list (課程簡章：簡章.pdf 212 KB，下載 35 次: a file's name with its size), printed
    over the block with no blank line between (inscriptis): no cell of the block."""
    return len(run) == 1 and bool(rules.text.ATTACHMENT_NAME.search(run[0][1])
                                  and rules.text.FILE_SIZE.search(run[0][1]))


def _split_unknown(label: str, gap: str) -> list[tuple[str, str]]:
    """A value holding ``word：`` is a value, then pairs the vocabulary does not know."""
    out = [(label, gap)]
    matches = list(rules.text.UNKNOWN_LABEL.finditer(gap))
    if not matches:
        return out
    out = [(label, gap[: matches[0].start()])]
    for match, nxt in zip(matches, [*matches[1:], None], strict=True):
        out.append((clean_label(match[1]), gap[match.end(): nxt.start() if nxt else len(gap)]))
    return out


def _last_value(key: Key, page: TextPage, raw: list[tuple[str, str]], next_line_style: bool,
                blank_between: bool, vocabulary: Vocabulary) -> tuple[str, int, bool]:
    """The last label's value, where it ends, and whether it was cut from a flattened line."""
    text = page.text
    line_end = page.line_end(key.end)
    rest = text[key.end: line_end]
    value = clean_text(rest)
    field_name = vocabulary.field_for(key.folded)
    if value and field_name and vocabulary.rules[field_name].kind == "date":
        match = rules.text.DATE_VALUE.match(rest)  # a date value ends with its date (a headline may follow)
        if match and rest[match.end():].strip():
            return match[0], key.end + match.end(), True
    if value and len(value) <= rules.text.LONG_REMAINDER:
        return rest, line_end, False
    if value:  # a flattened line: the value is followed by the headline, the article line, the body
        cut, end = _cut_flattened(key, rest, raw, vocabulary)
        return cut, end, True
    if next_line_style:  # nothing on the label's line: the value is on the line below
        at = line_end
        label_indent = _indent(page.line_text(key.line))
        opened = False  # an empty line indented deeper than the label: the value's cell opening (html2text
        # prints a <dd> so when its text is in <p>s, which follow flush left)
        while at < len(text):
            nxt_end = page.line_end(at + 1)
            candidate = text[at + 1: nxt_end]
            if candidate.strip():
                folded = page.folded[at + 1: nxt_end]
                if (len(clean_text(candidate)) <= rules.text.MAX_VALUE_CHARS and not rules.text.KEYED_LINE.match(folded)
                        and (at == line_end or blank_between or opened or _indent(candidate) > label_indent)):
                    return _continued_value(candidate, nxt_end, page, opened)
                break
            if not blank_between and at != line_end:
                break  # one blank line at most, then a value indented deeper than its label (<dd><p>…)
            opened = opened or _indent(candidate) > label_indent
            at = nxt_end
    elif field_name == "title" and raw and _on_line(raw[-1][1]):
        # the pairs before it ran on along its line, the title label ends it: its value (a cell holding
        # paragraphs, <dd><p>…</p><p>…</p></dd>) is printed on the lines below, one blank line between at most
        # (inscriptis)
        at = line_end
        for _ in range(2):
            nxt_end = page.line_end(at + 1)
            candidate = text[at + 1: nxt_end]
            if candidate.strip():
                if (len(clean_text(candidate)) <= rules.text.MAX_VALUE_CHARS
                        and not rules.text.KEYED_LINE.match(page.folded[at + 1: nxt_end])
                        and not rules.text.SENTENCE_END.search(candidate)):
                    return _continued_value(candidate, nxt_end, page)
                break
            at = nxt_end
    return "", line_end, False


def _on_line(gap: str) -> bool:
    """Whether a value between two labels sits on their line (the labels run on along one line)."""
    return "\n" not in gap and bool(gap.strip())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _continued_value(value: str, end: int, page: TextPage, opened: bool = False) -> tuple[str, int, bool]:
    """A value on the line under its label, and its second paragraph when the next line (a blank line
    between at most), indented as deep (flush left too when the value's cell was ``opened`` by an empty
    indented line), goes on with a headline cut before its end (关于印发《…》⏎⏎的通知)."""
    indent = len(value) - len(value.lstrip())
    at = end
    for _ in range(2):
        if at >= len(page.text):
            break
        nxt_end = page.line_end(at + 1)
        line = page.text[at + 1: nxt_end]
        text = clean_text(line)
        if text:
            first = clean_text(value)
            if (_indent(line) == indent and (indent or opened) and not rules.text.KEYED_LINE.match(line)
                    and (text.startswith(rules.text.HEADLINE_CONTINUES_WITH) or first.endswith("》"))
                    and text.endswith(rules.text.DOCUMENT_KINDS) and len(text) < len(first)):
                return first + " " + text, nxt_end, False
            break
        at = nxt_end
    return value, end, False


def _cut_flattened(key: Key, rest: str, raw: list[tuple[str, str]], vocabulary: Vocabulary) -> tuple[str, int]:
    """The last value of a flattened block: up to the headline (the block's title value), a date, or
    one word. A headline right after the label means the value is empty (关 键 词： 标题 …)."""
    lead = len(rest) - len(rest.lstrip())
    body = rest[lead:]
    is_title = vocabulary.field_for(key.folded) == "title"
    for label, value in raw:
        title = clean_text(value)
        if vocabulary.field_for(fold(clean_label(label))) == "title" and len(title) >= rules.text.MIN_HEADLINE_CHARS:
            at = body.find(title)
            if at > 0 or (at == 0 and not is_title):
                return body[:at], key.end + lead + at
    field_name = vocabulary.field_for(key.folded)
    if field_name and vocabulary.rules[field_name].kind == "date":
        match = rules.text.DATE_VALUE.match(body)
        if match:
            return match[0], key.end + lead + match.end()
    token = body.split(" ", 1)[0]
    return token, key.end + lead + len(token)


def _fullest_copy(pairs: list[dict[str, str]], vocabulary: Vocabulary) -> tuple[int, int] | None:
    """Where the copy naming the most fields starts and ends (the first of them on a tie, as the HTML reader
    chooses among blocks), when the block is printed several times and two copies give one label different
    values (hidden drafts or templates printed before the page's block: 索引号 000000000/2023-00000 then
    014501068/2023-02729); None when the copies agree."""
    if not pairs:
        return None
    starts = [n for n, pair in enumerate(pairs) if pair["label"] == pairs[0]["label"]]
    if len(starts) < 2:
        return None
    values: dict[str, str] = {}
    for pair in pairs:
        if pair["value"] and values.setdefault(pair["label"], pair["value"]) != pair["value"]:
            break
    else:
        return None
    copies = list(pairwise([*starts, len(pairs)]))
    return max(copies, key=lambda copy: len({vocabulary.field_for(fold(clean_label(p["label"])))
                                             for p in pairs[copy[0]: copy[1]]} - {None}))


def _drop_repeats(pairs: list[dict[str, str]], cut: int | None) -> tuple[list[dict[str, str]], int]:
    """A block shown twice (desktop table, mobile list) is read once; new labels in the repeat stay.

    An empty cell in one copy takes the other copy's value, unless that value was cut off a flattened
    line (pair ``cut``): what follows the last copy is the headline, not the cell. Returns the pairs
    and how many copies the block showed.
    """
    out: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    copies = 1
    for n, pair in enumerate(pairs):
        label = pair["label"]
        if out and label == out[0]["label"]:
            copies += 1
        if label in seen:
            earlier = out[seen[label]]
            if copies > 1 or earlier["value"] == pair["value"]:
                if not earlier["value"] and pair["value"] and n != cut:
                    earlier["value"] = pair["value"]
                continue
        seen.setdefault(label, len(out))
        out.append(pair)
    return out, copies
