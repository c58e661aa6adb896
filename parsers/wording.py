"""The shared vocabulary (rules/words.py) matched after folding: traditional characters, odd spaces and
full-width brackets count as their simplified / ASCII forms (瀏覽, 當前位置, 【關閉】 match like 浏览,
当前位置, 【关闭】). Texts are only compared folded; they are reported as the page shows them."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold

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
