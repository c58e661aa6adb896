"""Text from inputs made safe for a terminal: file names, WARC URIs and ZIP member names can hold
escape sequences (``\\x1b[2J``, OSC 8 links, U+009B) or a newline that would fake a line of output."""

from __future__ import annotations

import re
from functools import cache


@cache
def _unsafe() -> re.Pattern[str]:
    """C0 controls (newline and tab too), DEL, C1 controls, bidi overrides/isolates, lone surrogates
    (compiled when first needed: ~2 ms of start-up a quiet run never uses)."""
    return re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control, bidi or surrogate character written as a visible ``\\xNN``/``\\uNNNN``."""
    return _unsafe().sub(_escape, text)
