"""Label finding for the disclosure block: which strings of a segment are labels, and their values.

Labels are matched with dict lookups on short strings: backwards from each colon (or closing bracket of
【label】) through a reversed trie of the known labels, and as whole inline pieces or cells (bare labels,
no colon). ``read_pairs`` turns the labels found into label/value entries in page order; a label alone
in its cell takes the cell(s) beside it as its value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.html.segments import Segment, is_within
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary, clean_label

_END = ""  # trie key marking the end of a label
_LABEL_BRACKETS = frozenset("()（）")
_TERMINATOR = lazy_compile("[" + re.escape("".join(rules.block.LABEL_TERMINATORS)) + "]")
MAX_BARE_LABEL_CHARS = rules.block.MAX_BARE_LABEL_CHARS
_PADDING = "".join(rules.block.LABEL_PADDING)

@dataclass
class Hit:
    seg: int
    start: int  # offset of the label's first character
    value_start: int  # offset after the label (and its colon)
    label: str  # cleaned label
    known: bool


@dataclass
class Entry:
    hit: Hit
    value: str
    last_seg: int  # last segment the value reaches
    value_owner: etree._Element | None


class Matcher:
    """Label lookups built once per vocabulary: a reversed trie for "label：" and a set for bare labels."""

    def __init__(self, vocabulary: Vocabulary):
        self.known = vocabulary.known
        self.first_chars = frozenset(label[0] for label in vocabulary.known if label) | frozenset(
            k for k, v in rules.block.LABEL_FOLD.items() if v in {label[0] for label in vocabulary.known if label})
        # Finds a character that may start a known label (a line without one holds no bare label).
        self.first_char = re.compile(_char_class(self.first_chars))
        self.reverse: dict = {}
        for label in vocabulary.known:
            node = self.reverse
            for ch in reversed(label):
                node = node.setdefault(ch, {})
            node[_END] = label
        # Characters that may end a known label, as written: a line holds a known label only if it holds one
        # of them and one of the first characters; a colon ends one only after one of them (and padding).
        last = {ch for ch in self.reverse if ch}
        last_chars = last | {k for k, v in rules.block.LABEL_FOLD.items() if v in last}
        self.last_char = re.compile(_char_class(last_chars))
        self.label_colon = re.compile(_char_class(last_chars) + _char_class(rules.block.LABEL_PADDING) + "*"
                                      + _char_class(rules.block.LABEL_TERMINATORS))
        # Every beginning of a known label, for reading one forwards (索引号 0140… without a colon).
        self.prefixes = frozenset(label[:i] for label in vocabulary.known for i in range(1, len(label) + 1))


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


_MATCHERS: dict[int, tuple[Vocabulary, Matcher]] = {}


def matcher_for(vocabulary: Vocabulary) -> Matcher:
    cached = _MATCHERS.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        cached = (vocabulary, Matcher(vocabulary))
        _MATCHERS[id(vocabulary)] = cached
    return cached[1]


def is_label_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in _LABEL_BRACKETS


def _left_ok(text: str, k: int, piece_starts: set[int]) -> bool:
    if k == 0 or k in piece_starts:
        return True
    before = text[k - 1]
    return before in rules.block.LABEL_PADDING or before in rules.block.LABEL_LEFT_SEPARATORS


def _colon_hits(seg: Segment, matcher: Matcher, unknown: bool) -> list[Hit]:
    """Labels that end with a colon: matched backwards from each colon."""
    text = seg.text
    hits: list[Hit] = []
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


def _label_before(text: str, end_mark: int, opener: str | None, seg: Segment, matcher: Matcher,
                  piece_starts: set[int], unknown: bool) -> Hit | None:
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
        return Hit(seg.index, best_start, end_mark + 1, clean_label(text[best : j + 1]), True)
    if not unknown:
        return None
    # An unknown label: a short run of CJK characters (single padding allowed between them), opened by
    # its bracket when it ends with one (【签 发 人】).
    k, count = j, 0
    while k >= 0 and count <= rules.block.UNKNOWN_LABEL_MAX_CHARS:
        ch = text[k]
        if ch in pad:
            if k > 0 and text[k - 1] in pad:
                break
            k -= 1
            continue
        if not is_label_char(ch):
            break
        count += 1
        k -= 1
    start = k + 1
    while start <= j and text[start] in pad:
        start += 1
    if not rules.block.UNKNOWN_LABEL_MIN_CHARS <= count <= rules.block.UNKNOWN_LABEL_MAX_CHARS:
        return None
    label = clean_label(text[start : j + 1])
    if opener is not None:
        start = _opening(text, start, opener)
        if start < 0 or not _left_ok(text, start, piece_starts):
            return None
    elif not (start == 0 or start in piece_starts or text[start - 1] in pad):
        return None
    return Hit(seg.index, start, end_mark + 1, label, False)


def bare_label(raw: str, matcher: Matcher) -> str | None:
    """The cleaned label when ``raw`` (a whole piece or cell, no colon) is exactly a known label."""
    if len(raw) > MAX_BARE_LABEL_CHARS * 3 or ":" in raw or "：" in raw:
        return None
    label = clean_label(raw)
    if 0 < len(label) <= MAX_BARE_LABEL_CHARS and label in matcher.known:
        return label
    return None


def signature(el: etree._Element | None) -> tuple:
    if el is None:
        return ()
    return (el.tag, el.get("class"), el.get("style"), el.get("width"), el.get("bgcolor"), el.get("align"))


def column(el: etree._Element | None) -> tuple:
    """Where a table cell holding ``el`` stands in its row (("column", 0) for the first cell); () elsewhere.
    In a plain table the block's labels share their columns, whatever their markup."""
    for _ in range(rules.block.GRID_CELL_DEPTH + 1):
        if el is None:
            return ()
        if el.tag in rules.block.CELL_TAGS:
            row = el.getparent()
            if row is None or row.tag != "tr":
                return ()
            return ("column", [c for c in row if c.tag in rules.block.CELL_TAGS].index(el))
        el = el.getparent()
    return ()


def _bare_hits(seg: Segment, matcher: Matcher, label_sigs: set | None) -> list[Hit]:
    """Labels standing alone in their cell or inline piece, without a colon."""
    text = seg.text
    pieces = seg.pieces
    size = len(text)
    first_chars = matcher.first_chars
    limit = MAX_BARE_LABEL_CHARS * 3
    if len(pieces) > 1 and size <= limit * 2:
        stripped = text.strip()
        whole = bare_label(stripped, matcher) if stripped and stripped[0] in first_chars else None
        if whole:
            return [Hit(seg.index, size - len(text.lstrip()), size, whole, True)]
    hits = []
    end = 0
    for i, piece in enumerate(pieces):  # each piece: start .. the next piece's start
        start, end = end, end + len(piece)
        if end - start > limit:
            continue
        core = piece.strip()
        if not core:
            continue
        label = bare_label(core, matcher) if core[0] in first_chars else None
        if label:
            hits.append(Hit(seg.index, start + len(piece) - len(piece.lstrip()), end, label, True))
        elif label_sigs is not None and ":" not in core and "：" not in core:
            owner = seg.owners[i]
            cleaned = clean_label(core)
            if (rules.block.UNKNOWN_LABEL_MIN_CHARS <= len(cleaned) <= rules.block.UNKNOWN_LABEL_MAX_CHARS
                    and all(is_label_char(ch) for ch in cleaned)
                    and (signature(owner) in label_sigs or owner.tag in rules.block.LABEL_CELL_TAGS
                         or column(owner) in label_sigs)):
                hits.append(Hit(seg.index, start + len(piece) - len(piece.lstrip()), end, cleaned, False))
    return hits


def _spaced_label(text: str, k: int, matcher: Matcher) -> tuple[int, int] | None:
    """(end of the label, start of its value) for a known label at ``k`` followed by spaces only."""
    pad, size = rules.block.LABEL_PADDING, len(text)
    read, end = "", -1
    while k < size and len(read) < MAX_BARE_LABEL_CHARS:
        ch = text[k]
        if ch in pad:  # padding inside a label (文　　号); the longest known label wins
            k += 1
            continue
        read += rules.block.LABEL_FOLD.get(ch, ch)
        if read not in matcher.prefixes:
            break
        k += 1
        if read in matcher.known:
            end = k
    if end < 0 or end >= size or text[end] not in pad:
        return None
    value_start = end
    while value_start < size and text[value_start] in pad:
        value_start += 1
    if value_start == size or text[value_start] in rules.block.LABEL_TERMINATORS:
        return None
    return end, value_start


def _spaced_hits(seg: Segment, matcher: Matcher) -> list[Hit]:
    """Known labels with their values after spaces only, no colon: one opening a short line (索引号  0140…,
    发布机构　某局), and further ones after a wide gap on it (…0140　　发布机构 某局). Not on prose: the
    line is short and holds no sentence punctuation."""
    text = seg.text
    start = len(text) - len(text.lstrip(_PADDING))
    if (start == len(text) or text[start] not in matcher.first_chars or len(text) > rules.block.MAX_SPACED_LINE_CHARS
            or rules.block.SENTENCE_MARKS.search(text)):
        return []
    found = _spaced_label(text, start, matcher)
    hits = []
    while found is not None:
        end, value_start = found
        hits.append(Hit(seg.index, start, value_start, clean_label(text[start:end]), True))
        found = None
        for gap in rules.block.WIDE_GAP.finditer(text, value_start):
            found = _spaced_label(text, gap.end(), matcher)
            if found is not None:
                start = gap.end()
                break
    return hits


def segment_hits(seg: Segment, matcher: Matcher, label_sigs: set | None = None) -> list[Hit]:
    """Every label in one segment, in text order (unknown ones too when ``label_sigs`` is given)."""
    hits = _colon_hits(seg, matcher, unknown=label_sigs is not None)
    bare = _bare_hits(seg, matcher, label_sigs)
    if not hits and len(bare) <= 1:
        if not bare:
            return _spaced_hits(seg, matcher)
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
    out: list[Hit] = []
    for hit in hits:
        if out and hit.start < out[-1].value_start:
            continue
        out.append(hit)
    return out


def page_hits(segments: list[Segment], matcher: Matcher) -> dict[int, list[Hit]]:
    """The known labels of every segment, by segment index (segments without one are left out).

    A segment is read only if it may hold one: a known label's last character before a colon, or both a
    first and a last character of known labels (a bare or a spaced label, on a short piece or line); most
    lines of a page hold neither."""
    hits_by_seg = {}
    limit = MAX_BARE_LABEL_CHARS * 3
    one_piece_limit = max(limit, rules.block.MAX_SPACED_LINE_CHARS)
    first_chars = matcher.first_chars
    has_terminator, has_first_char = _TERMINATOR.search, matcher.first_char.search
    has_last_char, has_label_colon = matcher.last_char.search, matcher.label_colon.search
    for seg in segments:
        text = seg.text
        if not has_last_char(text):  # every label read below ends with one (most lines hold none)
            continue
        if not has_terminator(text):  # no colon: bare labels only
            if len(seg.owners) > 1:  # (as many as its pieces; ``starts`` is worked out when asked)
                if not has_first_char(text):
                    continue
            elif len(text) > limit:  # one piece: a label only when it is short and starts like one
                continue
            else:
                core = text.strip()
                if not core or core[0] not in first_chars:
                    continue
        elif not has_label_colon(text) and ((len(seg.owners) == 1 and len(text) > one_piece_limit)
                                            or not has_first_char(text)):
            continue  # no label before a colon; nor a bare label (a short piece) or a spaced one (a short line)
        hits = segment_hits(seg, matcher)
        if hits:
            hits_by_seg[seg.index] = hits
    return hits_by_seg


def read_pairs(segments: list[Segment], hits_by_seg: dict[int, list[Hit]], lo: int, hi: int) -> list[Entry]:
    """Label/value entries for the segments lo..hi (inclusive), in page order."""
    entries: list[Entry] = []
    next_i = lo
    for i in sorted(i for i in hits_by_seg if lo <= i <= hi):  # the segments holding labels, not every one
        hits = hits_by_seg[i]
        if i < next_i or not hits:  # inside the value read on from the label before
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
            entries.append(Entry(hit, value, last, owner))
    return entries


def _continuation(segments: list[Segment], hits_by_seg: dict[int, list[Hit]], i: int,
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

