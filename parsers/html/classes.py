"""Reading an element's class and id as names and tokens (for the CMS conventions kept as data)."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from govmeta.parsers.lazy_pattern import lazy_compile

_TOKEN_SPLIT = lazy_compile(r"[\s\-_]+")


def names(el: etree._Element) -> frozenset[str]:
    """The element's class names and id, lower-cased, each whole."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return frozenset()
    return names_of(cls or "", ident or "")


@lru_cache(maxsize=8192)
def names_of(cls: str, ident: str) -> frozenset[str]:
    """``names`` of a class value and an id already read (cached by value)."""
    out = set(cls.lower().split())
    if ident:
        out.add(ident.strip().lower())
    return frozenset(out)


def tokens(el: etree._Element) -> frozenset[str]:
    """The class names and id split further on '-' and '_' (``bt-position`` -> bt, position)."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return _EMPTY
    return _tokens(cls or "", ident or "")


_EMPTY: frozenset[str] = frozenset()


def tokens_of(cls: str, ident: str) -> frozenset[str]:
    """``tokens`` of a class value and an id already read (cached by value)."""
    return _tokens(cls, ident)


@lru_cache(maxsize=8192)
def _tokens(cls: str, ident: str) -> frozenset[str]:
    text = f"{cls} {ident}".lower()
    out = set(_TOKEN_SPLIT.split(text))
    out.update(text.split())
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=8192)
def token_has_word(toks: frozenset[str], words: tuple[str, ...]) -> bool:
    """Some token contains one of the words (``con-title01`` contains title)."""
    return any(word in tok for tok in toks for word in words)
