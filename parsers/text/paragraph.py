"""A paragraph a converter wrapped at its width (w3m, lynx): its first line is no headline even when that
line alone reads as no sentence (…共有來自各區的一百二⏎十位志工參加。)."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.text.page import display_width


def wrapped_paragraph(pieces: list[tuple[int, str]], n: int, text: str) -> bool:
    """Whether piece ``n`` starts a paragraph wrapped over the lines right under it: it and every line but
    the last as wide as running text, no blank line between, and the lines joined end a sentence with
    a clause break inside (a headline ends with no full stop)."""
    joined = ""
    for k in range(n, min(len(pieces), n + rules.text.WRAPPED_PARAGRAPH_LINES)):
        at, piece = pieces[k]
        if k > n and text.count("\n", pieces[k - 1][0], at) != 1:
            return False
        joined += piece
        if display_width(piece) < rules.text.RUNNING_TEXT_COLUMNS:
            return (k > n and joined.endswith(rules.text.SENTENCE_ENDS)
                    and bool(rules.text.CLAUSE_BREAK.search(joined)))
    return False
