"""A page's non-ASCII byte runs: the content detector's sample, and the split of a mostly-UTF-8 page.

Both look at runs of bytes >= 0x80 wherever they are in the page, with bounded work: the sample holds at
most ``rules.encoding.DETECT_SAMPLE_BYTES`` and the scan stops after ``DETECT_SCAN_BYTES``.
"""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.lazy_pattern import lazy_compile

_RUN_RE = lazy_compile(rb"[\x80-\xff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def nonascii_count(data: bytes) -> int:
    """Bytes >= 0x80 in ``data``."""
    return len(data) - len(data.translate(None, _HIGH_BYTES))


def detector_sample(data: bytes) -> bytes:
    """What the content detector reads: the page when small, its head when that holds enough non-ASCII
    bytes, else the non-ASCII runs (with some ASCII around each) from wherever they are in the page."""
    enc = rules.encoding
    size = enc.DETECT_SAMPLE_BYTES
    if len(data) <= size:
        return data
    head = data[:size]
    if nonascii_count(head) >= enc.DETECT_MIN_NONASCII:
        return head
    ctx = enc.DETECT_RUN_CONTEXT
    spans: list[list[int]] = []
    taken = 0
    for m in _RUN_RE.finditer(data, 0, enc.DETECT_SCAN_BYTES):
        start, end = max(0, m.start() - ctx), min(len(data), m.end() + ctx)
        if spans and start <= spans[-1][1]:
            taken += end - spans[-1][1]
            spans[-1][1] = end
        else:
            spans.append([start, end])
            taken += end - start
        if taken >= size:
            break
    if not spans:
        return head
    return b"\n".join(data[s:e] for s, e in spans)[:size]


def split_utf8_minority(data: bytes) -> tuple[str, int, int] | None:
    """Decode a page that is UTF-8 but for a minority of runs; None when UTF-8 is not the majority.

    Returns (text, bytes repaired, replacement characters): a minority run is decoded with
    ``UTF8_MINORITY_CODEC`` when that is clean and plausible, else its bytes become U+FFFD.
    """
    enc = rules.encoding
    nonascii = nonascii_count(data)
    bad = data.decode("utf-8", "replace").count("\ufffd")
    if not bad or nonascii - bad <= enc.UTF8_MAJORITY_SHARE * nonascii:
        return None  # cheap test first: bytes in invalid sequences are about the U+FFFD count
    pieces: list[str] = []
    pos = repaired = replaced = 0
    utf8_bytes = other_bytes = 0
    runs = list(_RUN_RE.finditer(data))
    i = 0
    while i < len(runs):
        start, end = runs[i].span()
        i += 1
        try:
            data[start:end].decode("utf-8")
            utf8_bytes += end - start
            continue
        except UnicodeDecodeError:
            pass
        # A GBK character may end in an ASCII byte: take it and the run right after it.
        while end < len(data) and 0x40 <= data[end] <= 0x7E and _ends_in_lead(data[start:end]):
            end += 1
            if i < len(runs) and runs[i].start() == end:
                end = runs[i].end()
                i += 1
        other_bytes += end - start
        pieces.append(data[pos:start].decode("utf-8", "replace"))
        piece = _minority_text(data[start:end], enc.UTF8_MINORITY_CODEC)
        if piece is None:
            piece = data[start:end].decode("utf-8", "replace")
            replaced += piece.count("\ufffd")
        else:
            repaired += end - start
        pieces.append(piece)
        pos = end
    if not other_bytes or utf8_bytes <= enc.UTF8_MAJORITY_SHARE * (utf8_bytes + other_bytes):
        return None
    pieces.append(data[pos:].decode("utf-8", "replace"))
    return "".join(pieces), repaired, replaced


def _ends_in_lead(chunk: bytes) -> bool:
    """The chunk fails as gb18030 only because its last character is cut."""
    try:
        chunk.decode("gb18030")
    except UnicodeDecodeError as e:
        return e.end >= len(chunk) and e.start >= len(chunk) - 1
    return False


def _minority_text(chunk: bytes, codec: str) -> str | None:
    from govmeta.parsers.encoding.plausible import plausibility  # lazy: a page in UTF-8 never needs it

    try:
        text = chunk.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if plausibility(text) >= rules.encoding.PLAUSIBLE_MIN else None
