"""The 当前位置 / 您的位置 trail: its entries in order, separators and the label removed.

The trail is found, in order of trust, (1) around a 当前位置-style label, (2) in a block whose
class or id names a trail (position, crumb, location …), (3) in a weakly named or unnamed block
laid out as links joined by trail separators and ending in plain text (首页 > 新闻 > 正文), (4) in
plain text from the home page with no link at all (首页 - 新闻动态).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold, folding_to
from govmeta.parsers.html.classes import token_has_word, tokens, tokens_of
from govmeta.parsers.html.page_index import PageIndex, Run
from govmeta.parsers.html.tree import nearest_passing
from govmeta.parsers.spaces import squash
from govmeta.parsers.urls import split_url
from govmeta.parsers.wording import (
    breadcrumb_label,
    is_home_word,
    is_site_name,
    is_widget_word,
    plain_trail_items,
    separator_tokens,
)

_SPACE = " \u00a0\u3000"
_LABEL_TRIM = _SPACE + ":：>»›"
_SEPARATOR_CHARS = frozenset("".join(rules.article.BREADCRUMB_SEPARATORS) + _SPACE)
# A trail's element holds at most this many characters.
TRAIL_MAX_CHARS = rules.article.SHORT_MAX
_JOINER_CHARS = frozenset("".join(rules.article.BREADCRUMB_JOINERS) + _SPACE)


def _label_at(text: str) -> str | None:
    """The breadcrumb label a text starts with (当前位置：…, 當前位置), if any; any whitespace (a line
    break, a tab, nbsp, U+3000) may stand around it. (A text whose first character cannot open a label
    is not folded and matched.)"""
    if text.lstrip()[:1] not in _LABEL_FIRSTS:
        return None
    return breadcrumb_label(text)


_LABEL_FIRSTS = folding_to(label[0] for label in rules.words.BREADCRUMB_LABELS)


def _named(el: etree._Element, weak: bool = False) -> int:
    """2: strongly named a trail (position, crumb …), 1: by an exact token (current …), 0: not."""
    cls, ident = el.get("class"), el.get("id")
    return _named_by(cls or "", ident or "", weak) if cls or ident else 0


@lru_cache(maxsize=4096)
def _named_by(cls: str, ident: str, weak: bool) -> int:
    """``_named`` of a class value and id (cached by value)."""
    toks = tokens_of(cls, ident)
    if not toks:
        return 0
    if weak:
        return int(token_has_word(toks, rules.article.BREADCRUMB_WEAK_WORDS))
    if token_has_word(toks, rules.article.BREADCRUMB_WORDS):
        return 2
    return int(bool(toks & rules.article.BREADCRUMB_TOKENS))


def _anchor_of(el: etree._Element) -> etree._Element | None:
    for anc in el.iterancestors("a"):
        return anc
    return None


def _runs(index: PageIndex, el: etree._Element) -> list[Run]:
    """The trail's runs, without those of widgets nested in it (font size, print, share)."""
    out = []
    # A box's name is read once per trail: the answers found so far, and the trail's element (no widget).
    widgets: dict[etree._Element, etree._Element | None] = {el: None}
    for run in index.runs[index.first_run[el]:index.end_run[el]]:
        owner = run.element.getparent() if run.is_tail else run.element
        if owner is not None and nearest_passing(owner, _widget_named, widgets) is None:
            out.append(run)
    return out


def _widget_named(el: etree._Element) -> bool:
    return bool(el.attrib and not rules.article.NOISE_TOKENS.isdisjoint(tokens(el)))


class Entry(NamedTuple):
    """One trail entry: its text, whether it is a link, and the separator printed before it ("" if none)."""

    text: str
    linked: bool
    separator: str


def trail_entries(index: PageIndex, el: etree._Element) -> tuple[list[Entry], int]:
    """Entries of a trail element (link texts whole, plain text split on separators, a leading
    当前位置 label removed) and how many strong trail separators (>, ») it shows. A separator left
    dangling after the last entry (首页 > 新闻 >) ends the list as an entry with empty text.
    (Memoised per element: the trail's tests ask for them several times; callers only read them.)"""
    memo: dict[etree._Element, tuple[list[Entry], int]] = index.memo.setdefault("trail_entries", {})
    entries = memo.get(el)
    if entries is None:
        entries = memo[el] = _trail_entries(index, el)
    return entries


def _trail_entries(index: PageIndex, el: etree._Element) -> tuple[list[Entry], int]:
    items: list[str] = []
    linked: list[bool] = []
    separated: list[str] = []  # the separator right before the entry
    pending_separator = ""
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
                pending_separator = ""
            current_link = anchor
            continue
        current_link = None
        same_run = False
        for token in _separator_tokens(run.text):
            if token in rules.article.BREADCRUMB_SEPARATORS or set(token) <= _SEPARATOR_CHARS:
                pending_separator = pending_separator or token
                separators += token in rules.article.BREADCRUMB_STRONG_SEPARATORS
                same_run = False
            elif same_run and items and not linked[-1] and not pending_separator:
                items[-1] = f"{items[-1]} {token}"
            else:
                items.append(token)
                linked.append(False)
                separated.append(pending_separator)
                pending_separator = ""
                same_run = True
    out: list[Entry] = []
    if pending_separator:
        items.append("")
        linked.append(False)
        separated.append(pending_separator)
    for item, is_link, separator in zip(items, linked, separated, strict=True):
        if not out:
            label = _label_at(item)
            if label:
                item = item.lstrip()[len(label):].strip(_LABEL_TRIM).strip()
        item = item.strip(_SPACE)
        if item and not set(item) <= _SEPARATOR_CHARS:
            out.append(Entry(item, is_link, separator))
        elif not item and separator and out:
            out.append(Entry("", False, separator))
    return out, separators


def ends_in_link(index: PageIndex, el: etree._Element) -> bool:
    """The trail's last entry is a link: it names a column, not the page itself."""
    entries = [entry for entry in trail_entries(index, el)[0] if entry.text]
    return bool(entries) and entries[-1].linked


def _home_to_page(index: PageIndex, el: etree._Element) -> bool:
    """Linked entries from the home page to a plain last one, each after a separator of any kind
    (首页 / 科技 / 正文): a trail, however weak its separators; a menu's entries are all links."""
    runs = index.runs[index.first_run[el]:index.end_run[el]]
    first = next((run for run in runs if run.text.strip()), None)
    last = next((run for run in reversed(runs) if run.text.strip()), None)
    if first is None or not first.linked or last.linked or not _is_home(squash(first.text)):
        return False  # (cheap: menus start at the home page too, but end in a link)
    entries = trail_entries(index, el)[0]
    return (
        2 < len(entries) <= rules.article.BREADCRUMB_MAX_ITEMS
        and _is_home(entries[0].text)
        and all(entry.linked for entry in entries[:-1])
        and not entries[-1].linked
        and bool(entries[-1].text)
        and all(entry.separator for entry in entries[1:])
    )


def _plain_trail(index: PageIndex, limit: int) -> tuple[etree._Element, list[str]] | None:
    """The innermost short element before ``limit`` with no link whose text is a plain-text trail."""
    for el in index.short:
        if index.first_run[el] >= limit:
            break
        if el.tag == "a" or index.links.get(el, 0) or not 0 < index.total(el) <= TRAIL_MAX_CHARS:
            continue
        items = plain_trail_items(index.raw_text(el))
        if items is not None:
            return el, items
    return None


def _strong_links(entries: list[Entry]) -> bool:
    """Two or more linked entries, each joined to the one before by a trail-only separator (>, »)."""
    linked = [entry for entry in entries if entry.text]
    return (
        len(linked) >= 2
        and all(entry.linked for entry in linked)
        and all(entry.separator in rules.article.BREADCRUMB_STRONG_SEPARATORS for entry in entries[1:])
    )


def trail_items(index: PageIndex, el: etree._Element) -> tuple[list[str], bool]:
    """Entries of a trail element and whether it ends the way trails do: a plain-text entry right
    after a separator (… > 正文)."""
    out, separators = trail_entries(index, el)
    dangling = bool(out) and not out[-1].text
    # Trails join (nearly) every pair of entries with a separator; a menu does not.
    ends_like_trail = (
        bool(out) and not dangling and not out[-1].linked and bool(out[-1].separator) and separators >= len(out) - 2
    )
    return [entry.text for entry in out if entry.text], ends_like_trail


def _joined_trail(index: PageIndex, el: etree._Element) -> list[str] | None:
    """An unlabelled, unnamed trail: a run of entries starting with the home link, each joined to
    the one before by a trail separator (首页 > 新闻中心 > 基础教育). A column heading printed after
    the run without a separator (<b>工作动态</b>) is not an entry. Joined only by / or - (which
    link bars use too), a trail needs three entries and one joiner throughout. None when ``el``
    is not one."""
    entries, separators = trail_entries(index, el)
    entries = [entry for entry in entries if entry.text]
    if len(entries) < 2 or not entries[0].linked or not _is_home(entries[0].text):
        return None
    run = [entries[0]]
    for entry in entries[1:]:
        if not entry.separator or not (
            entry.separator in rules.article.BREADCRUMB_JOINERS or set(entry.separator) <= _JOINER_CHARS
        ):
            break
        run.append(entry)
    strong = all(entry.separator in rules.article.BREADCRUMB_STRONG_SEPARATORS for entry in run[1:])
    # Boxes after a trail (print, share) add entries; a run of three joined by trail-only separators is
    # a trail whatever follows it.
    trailing = len(entries) - len(run) > 1 and not (strong and len(run) >= 3)
    if len(run) < 2 or trailing or len(run) > rules.article.BREADCRUMB_MAX_ITEMS:
        return None
    if not (strong and len(run) >= 3) and any(not entry.linked for entry in run[:-1]):
        # A trail's inner entries are links, only the last may be plain text; unless every entry
        # is joined by a trail-only separator (首页 > <i>蜀山区审计局</i> > 监督保障 > 专项工作).
        return None
    if not separators and (len(run) < 3 or len({entry.separator for entry in run[1:]}) > 1):
        return None
    return [entry.text for entry in run]


def _nested_trail(index: PageIndex, limit: int) -> tuple[etree._Element, list[str]] | None:
    """An unnamed box of links with no separators (drawn by a style sheet) from the home page, each address
    one level inside the one before (``/``, ``/ywdt/``, ``/ywdt/yw/``): a trail, where a menu's addresses are
    side by side. The first such box before ``limit``."""
    for el in index.short:
        if index.first_run[el] >= limit:
            break
        count = index.links.get(el, 0)
        if el.tag not in rules.article.TRAIL_BOXES or not count or count != index.total(el):
            continue
        if not _is_home(index.runs[index.first_run[el]].text.strip()):
            continue  # (cheap: its first entry is the home page's)
        anchors = [a for a in el.iter("a") if index.total(a)]
        if not rules.article.NESTED_TRAIL_MIN <= len(anchors) <= rules.article.BREADCRUMB_MAX_ITEMS:
            continue
        texts = [squash(index.raw_text(a)) for a in anchors]
        if _is_home(texts[0]) and _nested_paths([a.get("href") or "" for a in anchors]):
            return el, texts
    return None


def _nested_paths(hrefs: list[str]) -> bool:
    """Each address's folder lies strictly inside the folder of the one before (one host, or relative)."""
    folders, hosts = [], set()
    for href in hrefs:
        parts = split_url(href.strip())
        if parts is None or parts.scheme not in ("", "http", "https") or parts.query or not parts.path.startswith("/"):
            return False
        hosts.add(parts.netloc)
        folders.append(parts.path.rsplit("/", 1)[0] + "/")
    return len(hosts - {""}) <= 1 and all(
        inner.startswith(outer) and inner != outer for outer, inner in pairwise(folders)
    )


def _joined(index: PageIndex, el: etree._Element) -> bool:
    """Some text between the element's links is a trail joiner (>, », /, - …)."""
    for run in index.runs[index.first_run[el]:index.end_run[el]]:
        if not run.linked and any(tok in rules.article.BREADCRUMB_JOINERS for tok in _separator_tokens(run.text)):
            return True
    return False


def _is_home(text: str) -> bool:
    return is_home_word(text)


def _home_or_site(text: str) -> bool:
    """The home page's entry (首页) or the site's name (人民网, 某某市人民政府)."""
    return _is_home(text) or is_site_name(text)


def _in_header(el: etree._Element, index: PageIndex) -> bool:
    """The element or a box around it is named as the page header (its channel path, not a trail)."""
    anc: etree._Element | None = el
    while anc is not None and anc is not index.body:
        if anc.attrib and not rules.article.HEADER_TOKENS.isdisjoint(tokens(anc)):
            return True
        anc = anc.getparent()
    return False


def _separated(index: PageIndex, el: etree._Element) -> bool:
    """Links joined by trail separators (>, », ›): at least one between two entries."""
    for run in index.runs[index.first_run[el]:index.end_run[el]]:
        if not run.linked and any(
            tok in rules.article.BREADCRUMB_STRONG_SEPARATORS for tok in _separator_tokens(run.text)
        ):
            return True
    return False


def _separator_tokens(text: str) -> list[str]:
    return separator_tokens(text)


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
            if _adds_only_widgets(index, found, el):
                break  # the tools box beside the trail (回上一頁, 轉寄友人), not more of it
            found = el
        el = el.getparent()
    return found


def _adds_only_widgets(index: PageIndex, inner: etree._Element, outer: etree._Element) -> bool:
    """The entries ``outer`` adds to the trail in ``inner`` are widget words only (友善列印, 回上一頁)."""
    added = trail_entries(index, outer)[0][len(trail_entries(index, inner)[0]):]
    return bool(added) and all(is_widget_word(entry.text) for entry in added)


def _count_links(el: etree._Element) -> int:
    return sum(1 for _ in el.iter("a"))


def find_trail(
    index: PageIndex, before: int | None = None, labelled_before: int | None = None
) -> tuple[etree._Element | None, list[str]]:
    """The element holding the trail and its entries (None and [] when the page shows none). A trail
    is looked for before run ``before``; one behind a 当前位置 label up to ``labelled_before`` (the body's
    start: a heading printed twice, above and below the trail, does not hide a labelled trail)."""
    limit = before if before is not None else len(index.runs)
    label_limit = max(limit, labelled_before) if labelled_before is not None else limit
    for position, run in enumerate(index.runs):
        if position >= label_limit:
            break
        if not run.linked and any(word in run.text for word in rules.article.LABEL_WORDS) and _label_at(run.text):
            found = _from_label(index, run)
            if found is not None:
                return found, trail_items(index, found)[0]
    for el in index.short:
        if index.first_run[el] >= limit:
            break
        strength = _named(el)
        if not strength:
            continue
        if el.tag == "a":
            el = el.getparent()
        if 0 < index.total(el) <= TRAIL_MAX_CHARS and index.links.get(el, 0):
            # A box named only by a token such as "current" may be a menu's current item: it is a
            # trail when it shows a trail's separators.
            if strength == 1 and not _separated(index, el):
                continue
            items = trail_items(index, el)[0]
            # One entry is a trail only under a strong name and when it is the home page.
            if len(items) >= 2 or (strength == 2 and items and fold(items[0]).endswith(rules.article.HOME_WORDS)):
                return el, items
    joined: tuple[etree._Element, list[str]] | None = None
    for el in index.short:
        if index.first_run[el] >= limit:
            break
        if el.tag == "a" or not 0 < index.total(el) <= TRAIL_MAX_CHARS or index.links.get(el, 0) < 2:
            continue
        if not (el.tag in rules.article.TRAIL_BOXES or _named(el, weak=True)):
            continue
        separated = _separated(index, el)
        if not separated and _home_to_page(index, el):
            return el, trail_items(index, el)[0]
        if separated:
            items, ends_plain = trail_items(index, el)
            if not ends_plain and not _in_header(el, index):
                # Links from the home page or the site joined by trail-only separators throughout are a
                # trail too, however the box is named (人民网 >> 社会, 科普网 > 时政新闻 >): menus use bars
                # and dots.
                entries = trail_entries(index, el)[0]
                ends_plain = _strong_links(entries) and _home_or_site(entries[0].text)
            if ends_plain and 2 <= len(items) <= rules.article.BREADCRUMB_MAX_ITEMS:
                return el, items
        elif joined is not None or not _joined(index, el):
            continue
        if joined is None and not _in_header(el, index):
            run = _joined_trail(index, el)
            if run is not None:
                joined = el, run
    if joined is not None:
        return joined
    return _plain_trail(index, limit) or _nested_trail(index, limit) or (None, [])


def read_breadcrumb(
    index: PageIndex, before: int | None = None, labelled_before: int | None = None
) -> tuple[list[str], etree._Element | None]:
    """The trail's entries and its element (or [] and None)."""
    el, items = find_trail(index, before, labelled_before)
    if el is None:
        return [], None
    items = [item for item in items if len(item) <= rules.article.BREADCRUMB_ITEM_MAX]
    if not items or len(items) > rules.article.BREADCRUMB_MAX_ITEMS:
        return [], None
    return items, el
