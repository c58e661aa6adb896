"""Find the disclosure block (索引号, 发布机构, 成文日期 ...) and read its label/value pairs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from govmeta.parsers.document import element_text
from govmeta.parsers.labels import Vocabulary, clean_label

# A block needs at least this many distinct canonical labels to count (prose mentions one or two).
MIN_CANONICAL_LABELS = 3
_INLINE_PAIR = re.compile(r"^\s*([^:：]{1,12}?)\s*[:：]\s*(.*)$", re.S)


@dataclass
class Block:
    """The block found on a page: its pairs in page order and the subtree it occupies."""

    pairs: list[dict[str, str]] = field(default_factory=list)
    element: etree._Element | None = None
    warnings: list[str] = field(default_factory=list)


def _cell_pairs(cells: list[etree._Element], vocabulary: Vocabulary) -> list[dict[str, str]]:
    pairs = []
    texts = [element_text(cell) for cell in cells]
    i = 0
    while i < len(texts):
        label = clean_label(texts[i])
        if label in vocabulary.known and i + 1 < len(texts) and clean_label(texts[i + 1]) not in vocabulary.known:
            pairs.append({"label": label, "value": texts[i + 1]})
            i += 2
            continue
        match = _INLINE_PAIR.match(texts[i])
        if match and clean_label(match[1]) in vocabulary.known:
            pairs.append({"label": clean_label(match[1]), "value": match[2].strip()})
        elif label in vocabulary.known:
            pairs.append({"label": label, "value": ""})
        i += 1
    return pairs


def read_block(root: etree._Element, vocabulary: Vocabulary) -> Block:
    """The table with the most canonical labels, read row by row; an empty Block when there is none."""
    best = Block()
    best_score = 0
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue
        pairs = []
        for row in table.iter("tr"):
            pairs.extend(_cell_pairs([c for c in row if c.tag in ("td", "th")], vocabulary))
        score = len({vocabulary.field_for(p["label"]) for p in pairs} - {None})
        if score >= MIN_CANONICAL_LABELS and score > best_score:
            best, best_score = Block(pairs=pairs, element=table), score
    return best
