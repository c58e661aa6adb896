"""The shared vocabulary (rules/words.py) matched after folding: traditional characters, odd spaces and
full-width brackets count as their simplified / ASCII forms (瀏覽, 當前位置, 【關閉】 match like 浏览,
当前位置, 【关闭】). Texts are only compared folded; they are reported as the page shows them."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.spaces import squash

WIDGET_WORDS = frozenset(fold(word) for word in rules.words.WIDGET_WORDS)
ATTACHMENT_LABELS = tuple(fold(label) for label in rules.words.ATTACHMENT_LABELS)


def is_site_name(text: str) -> bool:
    """A site's name, short and ending as one does (人民网, 某某市人民政府, 某某局)."""
    return len(text) <= rules.article.SITE_NAME_MAX and fold(text).endswith(rules.article.SITE_NAME_SUFFIXES)


def is_widget_word(word: str) -> bool:
    """A word of a widget line or button (打印, 關閉窗口, 【大】)."""
    return fold(word) in WIDGET_WORDS


def starts_with_attachment_label(text: str) -> bool:
    """The text starts with an attachment heading (附件：, 相關附件)."""
    return fold(text).startswith(ATTACHMENT_LABELS)


def breadcrumb_label(text: str) -> str | None:
    """The 当前位置-style label a text starts with (leading whitespace aside), as the page wrote it."""
    head = text.lstrip()
    folded = fold(head)
    for label in rules.words.BREADCRUMB_LABELS:
        if folded.startswith(label):
            rest = folded[len(label):].lstrip()
            if not rest or rest[0] in ":：>»›" or len(label) > 2:
                return head[: len(label)]
    return None


def is_home_word(text: str) -> bool:
    """The home page's entry of a trail (首页, 網站首頁)."""
    return fold(text).endswith(rules.article.HOME_WORDS) and len(text) <= rules.article.HOME_MAX


def separator_tokens(text: str) -> list[str]:
    """A trail's text split into entries and separators (> » › stand apart even when written unspaced)."""
    return text.replace(">", " > ").replace("»", " » ").replace("›", " › ").split()


def plain_trail_items(text: str) -> list[str] | None:
    """The entries of a trail printed as plain text from the home page (首页 - 新闻动态, 首页 > 通知公告 >
    正文), each after a spaced or trail-only separator; None when the text is not so shaped. Shared by the
    HTML and the text reader: such a line is a trail, never a headline."""
    tokens = separator_tokens(squash(text))
    if len(tokens) < 3 or not is_home_word(tokens[0]):
        return None
    items, expect_item = [tokens[0]], False
    for token in tokens[1:]:
        is_separator = token in rules.article.BREADCRUMB_SEPARATORS
        if is_separator == expect_item:
            return None  # two entries or two separators in a row: not a trail
        if not is_separator:
            items.append(token)
        expect_item = is_separator
    if expect_item or len(items) > rules.article.BREADCRUMB_MAX_ITEMS:
        return None
    if any(len(item) > rules.article.BREADCRUMB_ITEM_MAX for item in items):
        return None
    return items
