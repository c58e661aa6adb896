"""The body of a text dump: paragraphs (widgets and the footer dropped) and the attachments it names."""

from __future__ import annotations

from collections.abc import Iterator

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.text.headline import is_widget


def paragraphs(pieces: list[tuple[str, str]]) -> list[str]:
    """Paragraphs from (piece, the page line it was cut from): the pieces of a flattened line (a whole
    page on one line, spaces between its paragraphs) split on spaces."""
    out: list[str] = []
    for piece, line in pieces:
        if fold(piece).startswith(rules.text.BODY_END_PREFIXES):
            if out:
                break
            continue
        if is_widget(piece) or rules.text.PUNCTUATION_ONLY.match(piece):
            continue
        if len(line) > rules.text.FLATTENED_LINE_CHARS and line.count(" ") >= rules.text.FLATTENED_MIN_GAPS:
            out.extend(
                word
                for word in piece.split(" ")
                if word and fold(word) not in rules.words.WIDGET_WORDS and not rules.text.PUNCTUATION_ONLY.match(word)
            )
        else:
            out.append(piece)
    return out


def attachments(pairs: list[dict[str, str]], paras: list[str]) -> list[dict[str, str | None]]:
    names = []
    for pair in pairs:
        if fold(pair["label"]) in rules.text.ATTACHMENT_LABELS:
            names.extend(_attachment_names(pair["value"]))
    for line in paras:
        match = rules.text.ATTACHMENT_LINE.match(fold(line))
        if match:
            names.append(line[match.start("name"): match.end("name")])
    return [{"name": name, "url": None} for name in dict.fromkeys(names)]


def _attachment_names(value: str) -> Iterator[str]:
    """``ATTACHMENT_NAME.finditer(value)`` in linear time: within a run of non-space characters, a start
    that finds no file name fails for every later start of the run too, so the run is left there."""
    for run in _RUN.finditer(value):
        at = run.start()
        while at < run.end() and (match := rules.text.ATTACHMENT_NAME.match(value, at)):
            yield match[0]
            at = match.end()


_RUN = lazy_compile(r"\S+")
