"""Character-level folding of traditional Chinese (and of spacing/bracket forms) for matching.

Folding never changes a string's length, so an offset found in the folded text is an offset in
the original: labels are *matched* folded and *reported* as the page wrote them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import product

from govmeta.parsers import rules

# Spaces of every width become an ASCII space; full-width brackets and colon their ASCII forms.
_SPACING = {"\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u3000": " ", "\t": " ",
            "（": "(", "）": ")"}

T2S_CHARS: dict[str, str] = {
    rules.hanzi.T2S_PAIRS[i]: rules.hanzi.T2S_PAIRS[i + 1] for i in range(0, len(rules.hanzi.T2S_PAIRS), 2)
}
_FOLD = str.maketrans({**T2S_CHARS, **_SPACING})

# Only these ranges take part in generating traditional label forms (no compatibility ideographs).
_UNIFIED = range(0x4E00, 0xA000)


def folding_to(chars: Iterable[str]) -> frozenset[str]:
    """Every character whose ``fold`` is one of ``chars`` (a test on a page's own character before folding it)."""
    unfold = _unfold()
    out: set[str] = set()
    for char in set(chars):
        if ord(char) not in _FOLD:
            out.add(char)
        out.update(unfold.get(char, ()))
    return frozenset(out)


@lru_cache(maxsize=1)
def _unfold() -> dict[str, list[str]]:
    """Folded character -> the characters that fold to it (one pass over the folding table)."""
    out: dict[str, list[str]] = {}
    for code, to in _FOLD.items():
        out.setdefault(chr(to) if isinstance(to, int) else to, []).append(chr(code))
    return out


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """``text`` with traditional characters simplified one by one, odd spaces and full-width brackets
    folded; same length as ``text`` (cached: the readers fold the same short lines and labels many times)."""
    return text.translate(_FOLD)


def traditional_share(text: str) -> float:
    """Share of CJK characters in ``text`` that are traditional-only forms (0 for no CJK)."""
    cjk = trad = 0
    for ch in text:
        if "\u3400" <= ch <= "\u9fff":
            cjk += 1
            trad += ch in T2S_CHARS
    return trad / cjk if cjk else 0.0


@lru_cache(maxsize=1)
def _s2t_variants() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for trad, simp in T2S_CHARS.items():
        if ord(trad) in _UNIFIED:
            out.setdefault(simp, []).append(trad)
    return {simp: tuple(trads) for simp, trads in out.items()}


def traditional_forms(label: str) -> set[str]:
    """Every spelling of a simplified label with traditional characters (发布机构 -> 發布機構, 發佈機構 ...),
    the label itself excluded."""
    variants = _s2t_variants()
    choices = [(ch, *variants.get(ch, ())) for ch in label]
    return {"".join(combo) for combo in product(*choices)} - {label}
