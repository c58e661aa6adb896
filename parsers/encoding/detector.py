"""Content detection: chardet's answers for a page, told which encodings were already rejected.

chardet is imported lazily (about 0.1 s to import and load its model): only pages that reach content
detection pay for it. It reads a bounded sample of the page's non-ASCII bytes (``detector_sample``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govmeta.parsers.encoding.bytescan import detector_sample
from govmeta.parsers.encoding.charsets import codec_for_label

#: Bytes handed to chardet.
CHARDET_MAX_BYTES = 64 * 1024
#: Times chardet is asked again after its answer failed verification.
CHARDET_ROUNDS = 3
#: What chardet may answer: its MODERN_WEB era plus Johab, HZ and ISO-2022-KR (the whole registry is twice
#: as slow and adds only DOS, Mac and mainframe code pages). Rejected encodings are taken out of this.
# fmt: off
CHARDET_CANDIDATES: tuple[str, ...] = (
    "ascii", "utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be", "utf-32-le",
    "gb18030", "hz", "big5hkscs", "cp932", "shift_jis_2004", "euc_jis_2004",
    "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_ext", "cp949", "euc_kr", "johab", "iso2022_kr",
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "tis-620", "koi8-r", "koi8-u",
)
# fmt: on
#: Our codec -> chardet 7 registry names to exclude once the codec is rejected.
CHARDET_NAMES: dict[str, tuple[str, ...]] = {
    "utf-8": ("utf-8", "utf-8-sig"),
    "gb18030": ("gb18030",),
    "big5hkscs": ("big5hkscs",),
    "euc_jp": ("euc_jis_2004",),
    "cp932": ("cp932", "shift_jis_2004"),
    "cp949": ("cp949", "euc_kr"),
    "johab": ("johab",),
    "iso2022_jp": ("iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_ext"),
    "iso2022_kr": ("iso2022_kr",),
    "hz": ("hz",),
    "cp1252": ("cp1252", "iso8859-1", "ascii"),
}


def chardet_answers(data: bytes, rejected: set[str]) -> Iterator[tuple[str, float]]:
    """Yield (codec, confidence) from chardet, excluding what was rejected; asks again after each answer."""
    import chardet  # lazy: about 0.1 s to import and load its model

    excluded = set(rejected)
    sample = detector_sample(data)
    for _ in range(CHARDET_ROUNDS):
        names = {n for c in excluded for n in CHARDET_NAMES.get(c, (c,))}
        result = _chardet_detect(chardet, sample, names)
        label = result.get("encoding")
        if not label:
            return
        codec = codec_for_label(label)
        if codec is None or codec in excluded:
            return
        yield codec, float(result.get("confidence") or 0.0)
        excluded.add(codec)


def _chardet_detect(chardet: Any, sample: bytes, exclude: set[str]) -> dict[str, Any]:
    include = [n for n in CHARDET_CANDIDATES if n not in exclude]
    try:
        return chardet.detect(sample, max_bytes=CHARDET_MAX_BYTES, include_encodings=include)
    except ValueError:  # a chardet without one of our candidate names: exclude instead
        known = {n for names in CHARDET_NAMES.values() for n in names}
        excluded = sorted(exclude & known) or None
        return chardet.detect(sample, max_bytes=CHARDET_MAX_BYTES, exclude_encodings=excluded)
    except TypeError:  # chardet < 7 cannot be told what was rejected
        return chardet.detect(sample)
