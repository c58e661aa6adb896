"""Plain-text dumps of disclosure pages ("save as text", crawler exports) to record parts."""

from __future__ import annotations

import re

from govmeta.parsers.labels import Vocabulary, clean_label

_PAIR = re.compile(r"^\s*([^:：]{1,12}?)\s*[:：]\s*(.*)$")


def read_text_dump(text: str, vocabulary: Vocabulary) -> dict:
    """Record parts from a text dump: pairs, headline and paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    pairs, paragraphs = [], []
    for line in lines:
        match = _PAIR.match(line)
        if match and clean_label(match[1]) in vocabulary.known:
            pairs.append({"label": clean_label(match[1]), "value": match[2].strip()})
        else:
            paragraphs.append(line)
    return {
        "url": None,
        "breadcrumb": [],
        "title": paragraphs[0] if paragraphs else None,
        "kicker": None,
        "subtitle": None,
        "content_source": None,
        "author": None,
        "published_at": None,
        "views": None,
        "fields": pairs,
        "paragraphs": paragraphs[1:],
        "attachments": [],
        "warnings": [],
    }
