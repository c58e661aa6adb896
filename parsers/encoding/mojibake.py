"""Pages saved through a Latin-1 reading: a crawler that read the server's bytes as ISO-8859-1 (or
windows-1252) and wrote that text out as UTF-8. The file is clean UTF-8 with no CJK at all, made of
Latin-1 letters and signs (关于 saved as å…³äºŽ). Encoding that text back to single bytes gives the
server's bytes again, and they are decoded as any page is.

A repair is taken only on strong evidence: the file holds no character beyond Latin-1 and the
windows-1252 signs, enough of them stand where a multi-byte character's bytes would, and the recovered
bytes decode cleanly and plausibly (any step but the weak ones) into mostly CJK text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from govmeta.parsers import rules
from govmeta.parsers.lazy_pattern import lazy_compile

if TYPE_CHECKING:
    from govmeta.parsers.encoding.decode import Decoded

# windows-1252's signs in 0x80-0x9F back to their bytes (the undefined 0x81, 0x8D, 0x8F, 0x90, 0x9D
# come through a Latin-1 reading as U+0081 ... themselves).
_CP1252_BACK = {
    ord(bytes([b]).decode("cp1252")): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
# In UTF-8: a byte that starts a 3- or 4-byte character, other than one of those signs' (E2: – — ‘ ’ “ ” …).
_WIDE_LEAD = lazy_compile(rb"[\xe0\xe1\xe3-\xf4]|\xe2(?![\x80\x82\x84])")
# UTF-8 of Latin-1 letters that are lead bytes of CJK characters in UTF-8 (ä-ï) or GB (most of them).
_LEAD_PAIR = b"\xc3"
# Lead bytes of 3- and 4-byte characters none of which is such a sign (CJK, kana, hangul ...), looked for first
# in the file's head (a Chinese page shows one in its first lines).
_WIDER_LEAD = lazy_compile(rb"[\xe0\xe1\xe3-\xf4]")
_HEAD_BYTES = 4096
_CJK = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NON_ASCII = lazy_compile(r"[^\x00-\x7f]")


def may_be_latin1_saved(utf8: bytes) -> bool:
    """Cheap tests on a clean UTF-8 file: Latin-1 letters enough, and no wider character but the signs.
    A wider character in the file's head answers first, before the letters are counted over the whole file."""
    if _WIDER_LEAD.search(utf8, 0, _HEAD_BYTES) is not None:
        return False
    return utf8.count(_LEAD_PAIR) >= rules.encoding.MOJIBAKE_MIN_LEADS and _WIDE_LEAD.search(utf8) is None


def repaired(decoded: Decoded, decode: Callable[[bytes], Decoded]) -> Decoded | None:
    """``decoded`` (a clean UTF-8 reading that ``may_be_latin1_saved``) read again from the bytes its Latin-1
    letters stand for, or None when it is not a page saved through a Latin-1 reading."""
    if decoded.utf8 is None or _CJK.search(decoded.text):
        return None
    try:
        raw = decoded.text.translate(_CP1252_BACK).encode("latin-1")
    except UnicodeEncodeError:
        return None
    inner = decode(raw)
    if inner.step in rules.encoding.MOJIBAKE_WEAK_STEPS:
        return None  # a reading no step found plausible is no evidence
    if any("replacement character" in warning or "private-use" in warning for warning in inner.warnings):
        return None
    cjk = len(_CJK.findall(inner.text))
    if cjk < rules.encoding.MOJIBAKE_MIN_CJK or cjk < rules.encoding.MOJIBAKE_CJK_SHARE * len(
        _NON_ASCII.findall(inner.text)
    ):
        return None
    note = f"saved through a Latin-1 reading (its text was {inner.name} bytes read as Latin-1): repaired"
    return replace(inner, name=decoded.name, source=decoded.source, confidence=decoded.confidence,
                   declared=decoded.declared, warnings=(*decoded.warnings, note, *inner.warnings), utf8=None,
                   step=rules.encoding.MOJIBAKE_STEP)
