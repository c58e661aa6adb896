"""How plausible a decoding is for its script: the share of common characters among its non-ASCII ones.

A wrong codec often decodes cleanly (EUC-KR bytes under a GB label, KOI8-R under windows-1251, GBK under
latin-1), but into characters real text rarely uses: rare hanzi, half-width katakana, box drawing,
upper-case Cyrillic inside words, Latin-1 letters in long runs. Each sampled character gets a weight
(1 common, 0 implausible; punctuation is not judged) and the score is their mean. The sets and weights
are data in ``rules.encoding``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

from govmeta.parsers import rules
from govmeta.parsers.lazy_pattern import lazy_compile

#: Characters whose weight needs no context: punctuation and signs, CJK symbols, kana, ideographs, hangul.
_TABLE_RANGES = (
    (0x2000, 0x206F),
    (0x2100, 0x22FF),
    (0x2460, 0x26FF),
    (0x3000, 0x30FF),
    (0x3200, 0x33FF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3),
    (0xFF01, 0xFF60),
)
_HANZI_RE = lazy_compile(r"[\u4e00-\u9fff]")
_HANGUL_RE = lazy_compile(r"[\uac00-\ud7a3]")
_WORD_OPENERS = "«“‘„—–\u00a0\u3000"
_NONASCII_RUN_RE = lazy_compile(r"[^\x00-\x7f]+")
#: Not judged: spaces, general and CJK punctuation, full-width ASCII forms, letter-like and number forms.
#: Box drawing, arrows, shapes, maths and enclosed or squared CJK signs too: text in any script uses them.
_NEUTRAL_RE = lazy_compile(
    r"[\u2000-\u206f\u2100-\u22ff\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff\u3000-\u303f\u3200-\u33ff"
    r"\uff01-\uff60\uffe0-\uffe6]"
)


@lru_cache(maxsize=1)
def _hanzi_weights() -> dict[str, float]:
    """Hanzi -> weight: the most frequent ones 1, the rest of the 3,500 less; traditional forms alike."""
    enc = rules.encoding
    weights = {
        ch: 1.0 if rank < enc.COMMON_HANZI_TOP else enc.COMMON_HANZI_REST_WEIGHT
        for rank, ch in enumerate(enc.COMMON_HANZI)
    }
    pairs = rules.hanzi.T2S_PAIRS
    for trad, simp in zip(pairs[0::2], pairs[1::2], strict=True):
        if simp in weights and trad not in weights:
            weights[trad] = weights[simp]
    return weights


@lru_cache(maxsize=1)
def _kanji() -> frozenset[str]:
    return frozenset(rules.encoding.JIS_LEVEL1_KANJI)


@lru_cache(maxsize=1)
def _hangul() -> frozenset[str]:
    return frozenset(rules.encoding.COMMON_HANGUL)


def plausibility(text: str) -> float:
    """Mean weight of PLAUSIBILITY_CHARS non-ASCII characters of ``text`` from the first one in its second
    half (else in the whole), looked for within PLAUSIBILITY_SCAN characters; 1.0 when there is none."""
    enc = rules.encoding
    # from the middle of the page (article text, dense in non-ASCII characters), else from the start
    first = _NONASCII_RUN_RE.search(text, len(text) // 2) or _NONASCII_RUN_RE.search(text)
    if first is None:
        return 1.0
    runs: list[str] = []
    start = end = first.start()
    taken = 0
    glued = False  # a short run inside a Latin word needs its neighbours judged
    for m in _NONASCII_RUN_RE.finditer(text, start, start + enc.PLAUSIBILITY_SCAN):
        runs.append(m.group()[: enc.PLAUSIBILITY_CHARS - taken])
        taken += len(runs[-1])
        end = m.start() + len(runs[-1])
        if not glued and len(runs[-1]) <= enc.LATIN_RUN_MAX and m.start() and end < len(text):
            glued = _ascii_letter(text[m.start() - 1]) and _ascii_letter(text[end])
        if taken >= enc.PLAUSIBILITY_CHARS:
            break
    chars = "".join(runs)
    classes, weights = _classes()
    marks = chars.translate(classes)  # CJK text: one class mark per character, at C speed
    context_free = not (_HANGUL_RE.search(chars) and _HANZI_RE.search(chars))
    if marks.isascii() and context_free and not glued:
        counts = {mark: marks.count(mark) for mark in weights}
        judged = sum(counts.values())
        total = sum(n * weights[mark] for mark, n in counts.items())
    else:  # letters judged by their neighbours (Latin, Cyrillic, Greek; hanzi next to hangul or in Latin words)
        score = _judge_runs(text, start, end)
        total, judged = score.real, score.imag
    return total / judged if judged else 1.0


def _judge_runs(text: str, start: int, end: int) -> complex:
    """Weights of the non-ASCII runs in ``text[start:end]``, each character with its neighbours, as
    ``total + judged * 1j``."""
    score = 0j
    for m in _NONASCII_RUN_RE.finditer(text, start, end):
        run = m.group()
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        for i, ch in enumerate(run):
            w = _weight(ch, run, i, before, after)
            if w is not None:
                score += complex(w, 1)
    return score


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[int, str], dict[str, float]]:
    """A ``str.translate`` table giving each non-ASCII character whose weight needs no context a mark (a
    space when not judged): common signs, CJK ideographs, kana, hangul, CJK punctuation; and mark -> weight.
    Other characters stay as they are (non-ASCII), which sends their window to the run-by-run judge."""
    enc = rules.encoding
    marks: dict[float, str] = {}

    def mark(weight: float | None) -> str:
        return " " if weight is None else marks.setdefault(weight, chr(ord("a") + len(marks)))

    table: dict[int, str] = {}
    for lo, hi in _TABLE_RANGES:  # signs, punctuation, kana ...: one call per character
        if (lo, hi) not in ((0x4E00, 0x9FFF), (0xAC00, 0xD7A3)):
            table.update((cp, mark(_weight(chr(cp), chr(cp), 0, " ", " "))) for cp in range(lo, hi + 1))
    table.update(dict.fromkeys(map(ord, enc.LATIN_COMMON_SIGNS), " "))
    # ideographs and hangul in bulk: the default weight for the block, then the listed characters
    table.update(dict.fromkeys(range(0x4E00, 0xA000), mark(0.0)))
    table.update(dict.fromkeys(map(ord, _kanji()), mark(enc.JAPANESE_KANJI_WEIGHT)))
    table.update((ord(ch), mark(w)) for ch, w in _hanzi_weights().items() if w)
    table.update(dict.fromkeys(range(0xAC00, 0xD7A4), mark(enc.RARE_HANGUL_WEIGHT)))
    table.update(dict.fromkeys(map(ord, _hangul()), mark(1.0)))
    return table, {m: weight for weight, m in marks.items()}


def _weight(ch: str, run: str, i: int, before: str, after: str) -> float | None:
    """One character's weight, None for characters not judged (punctuation, spaces, kana)."""
    enc = rules.encoding
    cp = ord(ch)
    if 0x3000 <= cp <= 0xD7A3 or 0xFF61 <= cp <= 0xFF9F:
        if len(run) <= enc.LATIN_RUN_MAX and _ascii_letter(before) and _ascii_letter(after):
            return 0.0  # CJK inside a Latin word: accented letters read as a CJK codec's pairs
        return _cjk_weight(ch, cp, run, i)
    if ch in enc.LATIN_COMMON_SIGNS or _NEUTRAL_RE.match(ch):
        return None
    if 0x00A1 <= cp <= 0x04FF:
        return _alphabet_weight(ch, cp, run, i, before, after)
    cat = unicodedata.category(ch)
    if cat[0] == "Z":
        return None
    if cat[0] in "LM" and cp < 0x1100:  # other alphabets (Armenian, Hebrew, Arabic, Thai ...): not known here
        return enc.OTHER_ALPHABET_WEIGHT
    return 0.0  # symbols, private use, controls, replacement characters ...


def _cjk_weight(ch: str, cp: int, run: str, i: int) -> float | None:
    """Hanzi by frequency, kana not judged, hangul by KS X 1001, half-width katakana and the rest 0."""
    enc = rules.encoding
    if 0x4E00 <= cp <= 0x9FFF:
        if _next_to(run, i, _is_hangul):
            return 0.0  # hanzi inside a hangul word: GB bytes read as Korean
        return _hanzi_weights().get(ch, 0.0) or (enc.JAPANESE_KANJI_WEIGHT if ch in _kanji() else 0.0)
    if 0x3041 <= cp <= 0x30FF:  # kana: not judged (EUC-JP and GB2312 share them, byte for byte)
        return None
    if 0xAC00 <= cp <= 0xD7A3:
        if _next_to(run, i, _is_hanzi):
            return 0.0
        return 1.0 if ch in _hangul() else enc.RARE_HANGUL_WEIGHT
    if 0x3131 <= cp <= 0x318E:
        return enc.JAMO_WEIGHT
    if 0xFF61 <= cp <= 0xFF9F:
        return enc.HALFWIDTH_KANA_WEIGHT
    if _NEUTRAL_RE.match(ch):
        return None
    return 0.0  # extension A ideographs, Yi, bopomofo ...


def _alphabet_weight(ch: str, cp: int, run: str, i: int, before: str, after: str) -> float:
    """Latin-1 signs and letters (0 in long runs), Greek and Cyrillic letters by case and neighbours."""
    enc = rules.encoding
    long_run = len(run) > enc.LATIN_RUN_MAX
    if cp <= 0x00BF:  # Latin-1 signs: lead bytes of CJK pairs read as Latin-1 land here
        return 0.0 if long_run else enc.LATIN_SIGN_WEIGHT
    if cp <= 0x024F:  # Latin letters: capitals inside all-capital words are fine
        return 0.0 if long_run else _cased(ch, run, i, before, strict=False)
    if cp < 0x0370 or (cp >= 0x0400 and ch.lower() not in enc.COMMON_CYRILLIC):
        return 0.0
    if _ascii_letter(before) or _ascii_letter(after):
        return 0.0  # one word in two alphabets: Western accents read with a Cyrillic or Greek code page
    if _next_to(run, i, _symbol):
        return 0.0  # letters glued to box drawing or signs: bytes of another encoding read as KOI8-R
    return _cased(ch, run, i, before, strict=cp >= 0x0400)


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _next_to(run: str, i: int, kind: Callable[[str], bool]) -> bool:
    return (i > 0 and kind(run[i - 1])) or (i + 1 < len(run) and kind(run[i + 1]))


def _symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "S" and ch not in rules.encoding.LATIN_COMMON_SIGNS


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _cased(ch: str, run: str, i: int, before: str, strict: bool) -> float:
    """Lower case, or upper case starting a word: 1. Upper case after a lower-case letter: 0. Upper case
    after upper case: 1, or CYRILLIC_CAPITALS_WEIGHT when ``strict`` (a Cyrillic text read with the other
    Cyrillic code page swaps the cases: its words come out in capitals)."""
    if not ch.isupper():
        return 1.0
    prev = run[i - 1] if i else before
    if prev.isspace() or (prev.isascii() and not prev.isalpha()) or prev in _WORD_OPENERS:
        return 1.0
    if prev.islower() or not prev.isalpha():
        return 0.0
    return rules.encoding.CYRILLIC_CAPITALS_WEIGHT if strict else 1.0
