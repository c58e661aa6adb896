"""The 当前位置 / 您的位置 trail: its entries in order, separators and the label removed.

The trail is found, in order of trust, (1) around a 当前位置-style label, (2) in a block whose
class or id names a trail (position, crumb, location …), (3) in a weakly named or unnamed block
laid out as links joined by trail separators and ending in plain text (首页 > 新闻 > 正文).
"""

from __future__ import annotations

from lxml import etree

from govmeta.parsers.article_rules import (
    BREADCRUMB_ITEM_MAX,
    BREADCRUMB_LABELS,
    BREADCRUMB_MAX_ITEMS,
    BREADCRUMB_SEPARATORS,
    BREADCRUMB_STRONG_SEPARATORS,
    BREADCRUMB_TOKENS,
    BREADCRUMB_WEAK_WORDS,
    BREADCRUMB_WORDS,
    NOISE_TOKENS,
)
from govmeta.parsers.classes import token_has_word, tokens
from govmeta.parsers.document import squash
from govmeta.parsers.pageindex import SHORT_MAX, PageIndex, Run

_SPACE = " \u00a0\u3000"
_LABEL_TRIM = _SPACE + ":：>»›"
_SEPARATOR_CHARS = frozenset("".join(BREADCRUMB_SEPARATORS) + _SPACE)
# A trail's element holds at most this many characters.
TRAIL_MAX_CHARS = SHORT_MAX
HOME_WORDS = ("首页", "主页", "Home", "HOME", "home")


def _label_at(text: str) -> str | None:
    """The breadcrumb label a text starts with (当前位置：…), if any."""
    head = text.lstrip(_SPACE)
    for label in BREADCRUMB_LABELS:
        if head.startswith(label):
            rest = head[len(label):].lstrip(_SPACE)
            if not rest or rest[0] in ":：>»›" or len(label) > 2:
                return label
    return None


def _named(el: etree._Element, weak: bool = False) -> int:
    """2: strongly named a trail (position, crumb …), 1: by an exact token (current …), 0: not."""
    toks = tokens(el)
    if not toks:
        return 0
    if weak:
        return int(token_has_word(toks, BREADCRUMB_WEAK_WORDS))
    if token_has_word(toks, BREADCRUMB_WORDS):
        return 2
    return int(bool(toks & BREADCRUMB_TOKENS))


def _anchor_of(el: etree._Element) -> etree._Element | None:
    for anc in el.iterancestors("a"):
        return anc
    return None


def _split(text: str) -> list[str]:
    """Plain trail text split on separator tokens (首页 > 要闻 > 正文)."""
    parts: list[str] = []
    word = ""
    for token in text.replace(">", " > ").replace("»", " » ").replace("›", " › ").split():
        if token in BREADCRUMB_SEPARATORS or set(token) <= _SEPARATOR_CHARS:
            if word:
                parts.append(word)
            word = ""
        else:
            word = f"{word} {token}" if word else token
    if word:
        parts.append(word)
    return parts


def _runs(index: PageIndex, el: etree._Element) -> list[Run]:
    """The trail's runs, without those of widgets nested in it (font size, print, share)."""
    out = []
    noisy: dict[etree._Element, bool] = {}
    for run in index.runs[index.first_run[el]:index.end_run[el]]:
        owner = run.element.getparent() if run.is_tail else run.element
        if owner is None:
            continue
        if owner not in noisy:
            noisy[owner] = any(
                not NOISE_TOKENS.isdisjoint(tokens(a)) for a in _up_to(owner, el)
            )
        if not noisy[owner]:
            out.append(run)
    return out


def _up_to(el: etree._Element, top: etree._Element):
    while el is not None and el is not top:
        if el.attrib:
            yield el
        el = el.getparent()


def trail_items(index: PageIndex, el: etree._Element) -> tuple[list[str], bool]:
    """Entries of a trail element (link texts whole, plain text split on separators) and whether
    it ends the way trails do: a plain-text entry right after a separator (… > 正文)."""
    items: list[str] = []
    linked: list[bool] = []
    separated: list[bool] = []  # a separator came right before the entry
    pending_separator = False
    current_link: etree._Element | None = None
    separators = 0
    for run in _runs(index, el):
        if run.linked:
            anchor = run.element if run.element.tag == "a" and not run.is_tail else _anchor_of(run.element)
            piece = squash(run.text)
            if anchor is current_link and items and linked[-1]:
                items[-1] = squash(items[-1] + run.text)
            elif piece:
                items.append(piece)
                linked.append(True)
                separated.append(pending_separator)
                pending_separator = False
            current_link = anchor
            continue
        current_link = None
        same_run = False
        for token in _separator_tokens(run.text):
            if token in BREADCRUMB_SEPARATORS or set(token) <= _SEPARATOR_CHARS:
                pending_separator = True
                separators += token in BREADCRUMB_STRONG_SEPARATORS
                same_run = False
            elif same_run and items and not linked[-1] and not pending_separator:
                items[-1] = f"{items[-1]} {token}"
            else:
                items.append(token)
                linked.append(False)
                separated.append(pending_separator)
                pending_separator = False
                same_run = True
    out: list[tuple[str, bool, bool]] = []
    for item, is_link, after_separator in zip(items, linked, separated, strict=True):
        if not out:
            label = _label_at(item)
            if label:
                item = item.lstrip(_SPACE)[len(label):].strip(_LABEL_TRIM)
        item = item.strip(_SPACE)
        if item and not set(item) <= _SEPARATOR_CHARS:
            out.append((item, is_link, after_separator))
    # Trails join (nearly) every pair of entries with a separator; a menu does not.
    ends_like_trail = bool(out) and not out[-1][1] and out[-1][2] and separators >= len(out) - 2
    return [item for item, _, _ in out], ends_like_trail


def _separated(index: PageIndex, el: etree._Element) -> bool:
    """Links joined by trail separators (>, », ›): at least one between two entries."""
    for run in index.runs[index.first_run[el]:index.end_run[el]]:
        if not run.linked and any(tok in BREADCRUMB_STRONG_SEPARATORS for tok in _separator_tokens(run.text)):
            return True
    return False


def _separator_tokens(text: str) -> list[str]:
    return text.replace(">", " > ").replace("»", " » ").replace("›", " › ").split()


def _from_label(index: PageIndex, run: Run) -> etree._Element | None:
    """Climb from a label to the element holding the whole trail (the label may sit in its own cell)."""
    el = run.element.getparent() if run.is_tail else run.element
    found = None
    for _ in range(6):
        if el is None or el is index.body or el not in index.first_run:
            break
        total = index.total(el)
        if total > TRAIL_MAX_CHARS:
            break
        if found is None:
            if index.links.get(el, 0) or len(trail_items(index, el)[0]) >= 1:
                found = el
        else:
            # Take in sibling cells / list entries that add links and separators only.
            added_text = index.text[el] - index.text[found]
            added_links = index.links[el] - index.links[found]
            if added_links == 0 or added_text > 3 * max(1, _count_links(el) - _count_links(found)) + 2:
                break
            found = el
        el = el.getparent()
    return found


def _count_links(el: etree._Element) -> int:
    return sum(1 for _ in el.iter("a"))


def find_trail(index: PageIndex, before: int | None = None) -> etree._Element | None:
    """The element holding the trail (None when the page shows none)."""
    limit = before if before is not None else len(index.runs)
    for position, run in enumerate(index.runs):
        if position >= limit:
            break
        if not run.linked and ("位置" in run.text or "栏目" in run.text) and _label_at(run.text):
            found = _from_label(index, run)
            if found is not None:
                return found
    for el in index.short:
        if index.first_run[el] >= limit:
            break
        strength = _named(el) if el.attrib else 0
        if not strength:
            continue
        if el.tag == "a":
            el = el.getparent()
        if 0 < index.total(el) <= TRAIL_MAX_CHARS and index.links.get(el, 0):
            items = trail_items(index, el)[0]
            # One entry is a trail only under a strong name and when it is the home page.
            if len(items) >= 2 or (strength == 2 and items and items[0].endswith(HOME_WORDS)):
                return el
    for el in index.short:
        if index.first_run[el] >= limit:
            break
        if el.tag == "a" or not 0 < index.total(el) <= TRAIL_MAX_CHARS or index.links.get(el, 0) < 2:
            continue
        if ((el.attrib and _named(el, weak=True)) or el.tag in ("div", "td", "p", "span")) and _separated(index, el):
            items, ends_plain = trail_items(index, el)
            if ends_plain and 2 <= len(items) <= BREADCRUMB_MAX_ITEMS:
                return el
    return None


def read_breadcrumb(index: PageIndex, before: int | None = None) -> tuple[list[str], etree._Element | None]:
    """The trail's entries and its element (or [] and None)."""
    el = find_trail(index, before)
    if el is None:
        return [], None
    items = [item for item in trail_items(index, el)[0] if len(item) <= BREADCRUMB_ITEM_MAX]
    if not items or len(items) > BREADCRUMB_MAX_ITEMS:
        return [], None
    return items, el
