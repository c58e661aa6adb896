"""A text dump's page text, its folded twin, and the keys (block labels, article-line keys) in it.

Keys are found on the folded copy (traditional characters simplified, odd spaces made plain, see
parsers/hanzi.py), so offsets found there slice the original text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary, clean_label

_EDGE_PUNCT = " \t|｜"


@dataclass
class Key:
    """One key found in the text: a block label or an article-line key (or both, like 来源)."""

    start: int
    end: int  # after the key, its colon and the spaces that follow
    line: int
    label: str  # as the page wrote it, cleaned of padding and colon
    folded: str  # simplified and cleaned: the vocabulary's spelling
    colon: bool
    block: bool
    info: bool


@dataclass
class Span:
    start: int
    end: int


@dataclass
class TextPage:
    """The page text, its folded twin and where its lines start."""

    text: str
    folded: str
    line_starts: list[int]

    @classmethod
    def from_lines(cls, lines: list[str]) -> TextPage:
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        joined = "\n".join(lines)
        return cls(joined, fold(joined), starts)

    def line_end(self, at: int) -> int:
        end = self.text.find("\n", at)
        return len(self.text) if end < 0 else end

    def line_start(self, line: int) -> int:
        return self.line_starts[line]

    def line_of(self, at: int) -> int:
        """The index of the line holding offset ``at``."""
        return bisect.bisect_right(self.line_starts, at) - 1

    def line_start_of(self, at: int) -> int:
        return self.text.rfind("\n", 0, at) + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line]
        return self.text[start: self.line_end(start)]


# --- Text helpers ----------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """A piece of a dump's text: whitespace collapsed, icon-font glyphs dropped, edge bars stripped."""
    return squash(rules.text.ICON_GLYPHS.sub("", text)).strip(_EDGE_PUNCT).strip()


def display_width(text: str) -> int:
    """Display columns of ``text`` (wide and full-width characters take two), as a converter lays it out."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def join_lines(text: str) -> str:
    """Whitespace-collapsed text whose line breaks between two CJK characters leave no space."""
    out = ""
    for piece in (clean_text(part) for part in text.split("\n")):
        if not piece:
            continue
        if out and not (is_cjk(out[-1]) and is_cjk(piece[0])):
            out += " "
        out += piece
    return out


def strip_widgets(value: str) -> str:
    words = value.split(" ")
    while len(words) > 1 and fold(words[-1]) in rules.words.WIDGET_WORDS:
        words.pop()
    return " ".join(words)


# --- Keys ----------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _key_pattern(block_labels: frozenset[str]) -> re.Pattern[str]:
    """One pattern for every key: padded spellings, longest first; one-character keys need a colon."""
    keys = set(block_labels) | set(rules.text.INFO_KEYS)
    long_keys = sorted((k for k in keys if len(k) >= rules.text.INFO_KEY_NEEDS_COLON_BELOW), key=len, reverse=True)
    short_keys = sorted(k for k in keys if len(k) < rules.text.INFO_KEY_NEEDS_COLON_BELOW)

    def alt(items: list[str]) -> str:
        return "|".join(rules.text.LABEL_PADDING.join(re.escape(ch) for ch in item) for item in items)

    left = rf"(?<![^\s{re.escape(rules.text.LABEL_EDGE_CHARS)}])"
    pattern = rf"{left}(?:(?P<key>{alt(long_keys)})(?:(?P<colon>[ ]{{0,3}}[:：])|(?=[ \n]|$))"
    if short_keys:
        pattern += rf"|(?P<short>{alt(short_keys)})(?P<colon2>[ ]{{0,3}}[:：])"
    # A label with its colon right after the colon of an empty one (索 引 号：主题分类：; w3m drops the space
    # between two Chinese characters).
    pattern += rf")|(?<=[:：])(?P<glued>{alt(long_keys)})(?P<colon3>[ ]{{0,3}}[:：])"
    # A block label written right against its value (索引号0001/2025, a cell copied without a gap; 文　　号某财〔…〕:
    # w3m drops the space between two Chinese characters): after a space or a line start only.
    bare = sorted((k for k in block_labels if len(k) >= rules.text.BARE_LABEL_MIN_CHARS), key=len, reverse=True)
    if bare:
        pattern += rf"|(?<![^\s])(?P<bare>{alt(bare)})(?=[\w\u3400-\u9fff（(])"
    return re.compile(pattern, re.M)


def _block_labels(vocabulary: Vocabulary) -> frozenset[str]:
    """The vocabulary's labels in simplified spelling (the folded text is matched)."""
    return frozenset(label for label in vocabulary.known if fold(label) == label)


def find_keys(page: TextPage, vocabulary: Vocabulary) -> list[Key]:
    """Every key in the page, in text order."""
    labels = _block_labels(vocabulary)
    keys = []
    line = 0
    text, folded, starts = page.text, page.folded, page.line_starts
    for match in _key_pattern(labels).finditer(folded):
        group = next(g for g in ("key", "short", "glued", "bare") if match[g] is not None)
        start, stop = match.span(group)
        end = match.end()
        while end < len(text) and folded[end] == " ":
            end += 1
        while line + 1 < len(starts) and starts[line + 1] <= start:
            line += 1
        if folded[max(0, start - rules.text.QUOTE_LOOKBACK): start].rstrip().endswith(rules.text.OPENING_QUOTES):
            continue  # a quoted word in prose (转载时必须注明：“文章来源：某某网站”), no key
        name = clean_label(folded[start:stop])
        keys.append(Key(start, end, line, clean_label(text[start:stop]), name,
                        any(match[colon] is not None for colon in ("colon", "colon2", "colon3")),
                        name in labels, name in rules.text.INFO_KEYS))
    return keys


def starts_line(key: Key, page: TextPage) -> bool:
    return not page.text[page.line_start(key.line): key.start].strip()
