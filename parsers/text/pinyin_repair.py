"""Undo a converter's pinyin ruby text: 網(wǎng)站 -> 網站, and find what it did to lost characters.

Some "traditional Chinese" converters append each character's reading in ASCII brackets and, on
the way, lose characters the output charset lacks: 日?(bào) or 日?bào) (the bracket went with it).
Annotations are removed only when a text is dense with them, so a real bracket such as 主题(一)
or a single explained reading in an ordinary text is never touched.

A lost character is recovered when a word list makes the choice unique: the candidates are the
words that fit the known neighbours and carry the annotated reading (CC-CEDICT through the
optional package ``pypinyin-dict``, loaded only when a text has lost characters). Otherwise the
"?" stays and a warning says so. Nothing here touches the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile

TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_VOWELS = "aeiouüv" + TONE_MARKED
# One pinyin syllable with its tone mark: initial, vowels, final nasal or r.
SYLLABLE = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[{_VOWELS}]{{1,4}}(?:ng|n|r)?"
# Neutral-tone syllables (no tone mark) a converter writes after 的, 了, 们 ...
NEUTRAL_SYLLABLES = frozenset({"de", "le", "me", "men", "zi", "ne", "ma", "ba", "zhe", "guo", "tou", "li"})
_CJK = "\u3400-\u9fff\uf900-\ufaff"
# A CJK character followed by a bracketed syllable (ASCII or full-width brackets).
ANNOTATION = lazy_compile(rf"(?<=[{_CJK}])[(（]({SYLLABLE})[)）]")
# A character the converter lost: "?" (or U+FFFD) then the syllable, with or without its "(".
LOST = lazy_compile(rf"[?？\ufffd][(（]?({SYLLABLE})[)）]")
# Dense enough to be a converter's doing: this many annotations, and this share of CJK characters.
MIN_ANNOTATIONS = 5
MIN_ANNOTATED_SHARE = 0.02
# Longest word (characters) looked up around a lost character.
MAX_WORD = 4


@dataclass
class Repair:
    """The repaired text and what was done to it."""

    text: str
    removed: int = 0
    lost: int = 0
    recovered: int = 0
    warnings: list[str] | None = None


def _is_reading(syllable: str) -> bool:
    return any(ch in TONE_MARKED for ch in syllable) or syllable in NEUTRAL_SYLLABLES


def count_annotations(text: str) -> int:
    """How many bracketed readings follow CJK characters (lost characters included)."""
    return sum(_is_reading(m[1]) for m in ANNOTATION.finditer(text)) + sum(
        _is_reading(m[1]) for m in LOST.finditer(text))


def is_annotated(text: str) -> bool:
    """True when ``text`` is dense with pinyin annotations (a converter's output)."""
    found = count_annotations(text)
    if found < MIN_ANNOTATIONS:
        return False
    cjk = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
    return cjk > 0 and found / cjk >= MIN_ANNOTATED_SHARE


def repair_pinyin(text: str) -> Repair:
    """Remove a converter's pinyin annotations and mark (or recover) the characters it lost."""
    if not is_annotated(text):
        return Repair(text, warnings=[])
    removed = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal removed
        if not _is_reading(match[1]):
            return match[0]
        removed += 1
        return ""

    text = ANNOTATION.sub(drop, text)
    slots: list[tuple[int, str]] = []  # (offset of the "?" in the output, reading)
    pieces: list[str] = []
    last = 0
    length = 0
    for match in LOST.finditer(text):
        if not _is_reading(match[1]):
            continue
        pieces.append(text[last:match.start()])
        length += match.start() - last
        slots.append((length, match[1]))
        pieces.append("?")
        length += 1
        last = match.end()
    pieces.append(text[last:])
    text = "".join(pieces)
    warnings = [f"pinyin annotations removed: {removed} (a converter's readings in brackets)"]
    recovered: list[str] = []
    if slots:
        text, recovered = _recover(text, slots)
        kept = [reading for (at, reading) in slots if text[at] == "?"]
        if recovered:
            warnings.append(f"characters lost by the converter recovered from their readings: {' '.join(recovered)}")
        if kept:
            warnings.append(f"characters lost by the converter kept as '?': {len(kept)} (readings {', '.join(kept)})")
    return Repair(text, removed, len(slots), len(recovered), warnings)


# --- Recovery -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _word_list() -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """(word, readings) pairs of 2..MAX_WORD characters from CC-CEDICT, or None when not installed."""
    try:
        from pypinyin_dict.phrase_pinyin_data import cc_cedict_0, cc_cedict_1, cc_cedict_2, cc_cedict_3
    except ImportError:
        return None
    words = []
    for module in (cc_cedict_0, cc_cedict_1, cc_cedict_2, cc_cedict_3):
        for word, readings in module.phrases_dict.items():
            if 2 <= len(word) <= MAX_WORD and len(readings) == len(word):
                words.append((word, tuple(r[0] for r in readings)))
    return tuple(words)


def _norm_reading(reading: str) -> str:
    return reading.replace("v", "ü")


def _windows(folded: str, at: int) -> list[tuple[str, int]]:
    """Word-shaped windows around a lost character whose other characters are all known CJK."""
    out = []
    for size in range(2, MAX_WORD + 1):
        for start in range(at - size + 1, at + 1):
            end = start + size
            if start < 0 or end > len(folded):
                continue
            window = folded[start:end]
            others = window[: at - start] + window[at - start + 1:]
            if all("\u3400" <= ch <= "\u9fff" for ch in others):
                out.append((window[: at - start] + "?" + window[at - start + 1:], at - start))
    return out


def _recover(text: str, slots: list[tuple[int, str]]) -> tuple[str, list[str]]:
    words = _word_list()
    if not words:
        return text, []
    folded = fold(text)
    wanted: dict[str, list[tuple[int, int, str]]] = {}  # pattern -> [(slot index, position, reading)]
    for n, (at, reading) in enumerate(slots):
        for pattern, pos in _windows(folded, at):
            wanted.setdefault(pattern, []).append((n, pos, _norm_reading(reading)))
    candidates: dict[int, set[str]] = {}
    for word, readings in words:
        for pos in range(len(word)):
            hits = wanted.get(word[:pos] + "?" + word[pos + 1:])
            if not hits:
                continue
            for n, want_pos, reading in hits:
                if want_pos == pos and _norm_reading(readings[pos]) == reading:
                    candidates.setdefault(n, set()).add(word[pos])
    chars = list(text)
    recovered = []
    traditional = _looks_traditional(text)
    for n, found in candidates.items():
        if len(found) != 1:
            continue
        char = found.pop()
        if traditional:
            char = _to_traditional(char)
        chars[slots[n][0]] = char
        recovered.append(f"{char}({slots[n][1]})")
    return "".join(chars), recovered


def _looks_traditional(text: str) -> bool:
    from govmeta.parsers.hanzi import traditional_share

    return traditional_share(text) >= 0.02


def _to_traditional(char: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(char)
