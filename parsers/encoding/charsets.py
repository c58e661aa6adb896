"""Charset labels as data: the WHATWG Encoding Standard label table and its Python codecs.

``WHATWG_LABELS`` is the label -> encoding-name table of https://encoding.spec.whatwg.org/
(section "Names and labels"), copied as data. ``PYTHON_CODECS`` maps each WHATWG encoding
name to the Python codec that decodes it, with two deliberate widenings for Chinese pages:

* the GB family (gbk and gb18030, i.e. every gb2312/gbk/chinese/... label) -> ``gb18030``:
  GBK decodes exactly like GB18030, and Python's ``gb2312`` codec rejects GBK-only characters;
* big5 -> ``big5hkscs`` (WHATWG's big5 *is* Big5-HKSCS).

Choices where this module departs from the standard, all for an offline extractor rather than a browser:

* ``hz-gb-2312`` (WHATWG: "replacement", a guard against script injection in browsers) decodes with
  Python's ``hz`` codec, and ``iso-2022-kr``/``csiso2022kr`` with ``iso2022_kr``: the page really is in
  that encoding, and a strict decode still verifies it. ``iso-2022-cn(-ext)`` and ``replacement`` have
  no Python codec and are unknown (``None``); so is ``x-user-defined``.
* ``EXTRA_LABELS`` adds common non-WHATWG labels seen on Chinese pages (``euc-cn``, ``cp936``,
  ``windows-936``, ``big5hkscs``, ``cp950``, ``utf-32`` ...).
* A label that is still unknown is retried with its punctuation removed (``gb-2312`` -> ``gb2312``,
  ``UTF_8`` -> ``utf8``), but only when that spelling is unambiguous (``NORMALISED_LABELS``), and then
  as a Python codec name (text encodings only, widened the same way).
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from govmeta.parsers.lazy_pattern import lazy_compile

# fmt: off
#: WHATWG Encoding Standard: encoding name -> its labels.
WHATWG_ENCODINGS: dict[str, tuple[str, ...]] = {
    "utf-8": ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"),
    "ibm866": ("866", "cp866", "csibm866", "ibm866"),
    "iso-8859-2": (
        "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
        "iso_8859-2:1987", "l2", "latin2",
    ),
    "iso-8859-3": (
        "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
        "iso_8859-3:1988", "l3", "latin3",
    ),
    "iso-8859-4": (
        "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
        "iso_8859-4:1988", "l4", "latin4",
    ),
    "iso-8859-5": (
        "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
        "iso_8859-5", "iso_8859-5:1988",
    ),
    "iso-8859-6": (
        "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
        "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
        "iso_8859-6", "iso_8859-6:1987",
    ),
    "iso-8859-7": (
        "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
        "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek",
    ),
    "iso-8859-8": (
        "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
        "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual",
    ),
    "iso-8859-8-i": ("csiso88598i", "iso-8859-8-i", "logical"),
    "iso-8859-10": ("csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"),
    "iso-8859-13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso-8859-14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso-8859-15": ("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"),
    "iso-8859-16": ("iso-8859-16",),
    "koi8-r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8-u": ("koi8-ru", "koi8-u"),
    "macintosh": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "windows-874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "windows-1250": ("cp1250", "windows-1250", "x-cp1250"),
    "windows-1251": ("cp1251", "windows-1251", "x-cp1251"),
    "windows-1252": (
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
        "us-ascii", "windows-1252", "x-cp1252",
    ),
    "windows-1253": ("cp1253", "windows-1253", "x-cp1253"),
    "windows-1254": (
        "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9",
        "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254",
    ),
    "windows-1255": ("cp1255", "windows-1255", "x-cp1255"),
    "windows-1256": ("cp1256", "windows-1256", "x-cp1256"),
    "windows-1257": ("cp1257", "windows-1257", "x-cp1257"),
    "windows-1258": ("cp1258", "windows-1258", "x-cp1258"),
    "x-mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "gbk": (
        "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
        "iso-ir-58", "x-gbk",
    ),
    "gb18030": ("gb18030",),
    "big5": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "euc-jp": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    "iso-2022-jp": ("csiso2022jp", "iso-2022-jp"),
    "shift_jis": (
        "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis",
    ),
    "euc-kr": (
        "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949",
    ),
    "replacement": (
        "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement",
    ),
    "utf-16be": ("unicodefffe", "utf-16be"),
    "utf-16le": ("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"),
    "x-user-defined": ("x-user-defined",),
}
# fmt: on

#: WHATWG label -> WHATWG encoding name.
WHATWG_LABELS: dict[str, str] = {label: name for name, labels in WHATWG_ENCODINGS.items() for label in labels}

#: WHATWG encoding name -> Python codec (None: no Python codec; the label counts as unknown).
PYTHON_CODECS: dict[str, str | None] = {
    "utf-8": "utf-8",
    "ibm866": "cp866",
    "iso-8859-2": "iso8859-2",
    "iso-8859-3": "iso8859-3",
    "iso-8859-4": "iso8859-4",
    "iso-8859-5": "iso8859-5",
    "iso-8859-6": "iso8859-6",
    "iso-8859-7": "iso8859-7",
    "iso-8859-8": "iso8859-8",
    "iso-8859-8-i": "iso8859-8",
    "iso-8859-10": "iso8859-10",
    "iso-8859-13": "iso8859-13",
    "iso-8859-14": "iso8859-14",
    "iso-8859-15": "iso8859-15",
    "iso-8859-16": "iso8859-16",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "macintosh": "mac-roman",
    "windows-874": "cp874",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1252": "cp1252",
    "windows-1253": "cp1253",
    "windows-1254": "cp1254",
    "windows-1255": "cp1255",
    "windows-1256": "cp1256",
    "windows-1257": "cp1257",
    "windows-1258": "cp1258",
    "x-mac-cyrillic": "mac-cyrillic",
    "gbk": "gb18030",  # widened: GBK decodes exactly like GB18030
    "gb18030": "gb18030",
    "big5": "big5hkscs",  # WHATWG big5 is Big5-HKSCS
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "shift_jis": "cp932",  # WHATWG Shift_JIS is Microsoft's (windows-31j)
    "euc-kr": "cp949",  # WHATWG EUC-KR is windows-949 (UHC)
    "replacement": None,
    "utf-16be": "utf-16-be",
    "utf-16le": "utf-16-le",
    "x-user-defined": None,
}

#: Labels whose WHATWG meaning is "replacement" but which we decode with a real codec (see module doc).
REPLACEMENT_OVERRIDES: dict[str, str] = {
    "hz-gb-2312": "hz",
    "iso-2022-kr": "iso2022_kr",
    "csiso2022kr": "iso2022_kr",
}

#: Common non-WHATWG labels -> Python codec.
EXTRA_LABELS: dict[str, str] = {
    "euc-cn": "gb18030",
    "euccn": "gb18030",
    "x-euc-cn": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "gb2312-80": "gb18030",
    "gb2312-1980": "gb18030",
    "gb18030-2000": "gb18030",
    "gb18030-2005": "gb18030",
    "gb18030-2022": "gb18030",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "ms950": "big5hkscs",
    "windows-950": "big5hkscs",
    "x-big5": "big5hkscs",
    "big5-eten": "big5hkscs",
    "cp932": "cp932",
    "windows-932": "cp932",
    "cp949": "cp949",
    "ms949": "cp949",
    "uhc": "cp949",
    "hz": "hz",
    "hz-gb": "hz",
    "x-hz": "hz",
    "utf-8-sig": "utf-8",
    "utf-32": "utf-32-le",
    "utf-32le": "utf-32-le",
    "utf-32be": "utf-32-be",
    "ucs-4": "utf-32-le",
}

#: Python codec families widened to the codec a browser would use.
CODEC_WIDENING: dict[str, str] = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "hz": "hz",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "utf-8-sig": "utf-8",
    "utf-16": "utf-16-le",
    "utf-32": "utf-32-le",
}

#: Python codecs that are not page encodings, even though ``codecs.lookup`` knows them.
NOT_PAGE_CODECS: frozenset[str] = frozenset(
    {"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "escape", "mbcs", "oem"}
)

_PUNCT = lazy_compile(r"[\s\-_.:]+")


def _normalise(label: str) -> str:
    return _PUNCT.sub("", label.lower())


def _build_normalised() -> dict[str, str]:
    """Punctuation-free spelling -> codec, keeping only spellings that mean one codec."""
    seen: dict[str, set[str]] = {}
    for label, codec in _EXACT.items():
        seen.setdefault(_normalise(label), set()).add(codec)
    return {key: next(iter(codecs_)) for key, codecs_ in seen.items() if len(codecs_) == 1}


def _exact_table() -> dict[str, str]:
    """Label -> codec as the tables spell it (each spelling is the codec's own ``codecs.lookup(c).name``,
    one spelling per codec: tests/test_encoding.py checks it, so no codec module is loaded here)."""
    table: dict[str, str] = {}
    for label, name in WHATWG_LABELS.items():
        codec = REPLACEMENT_OVERRIDES.get(label) or PYTHON_CODECS[name]
        if codec is not None:
            table[label] = codec
    for label, codec in EXTRA_LABELS.items():
        table.setdefault(label, codec)
    return table


#: Every known label (lower case, trimmed) -> Python codec name.
_EXACT: dict[str, str] = _exact_table()
#: Labels with punctuation removed -> codec, when unambiguous.
NORMALISED_LABELS: dict[str, str] = _build_normalised()


@lru_cache(maxsize=64)
def _codec_name(codec: str) -> str:
    """The exact Python codec name (``codecs.lookup(c).name``), looked up only for a label in use."""
    return codecs.lookup(codec).name


def _python_codec(label: str) -> str | None:
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_PAGE_CODECS:
        return None
    widened = CODEC_WIDENING.get(info.name, info.name)
    return codecs.lookup(widened).name


def codec_for_label(label: str) -> str | None:
    """Return the Python codec for a charset label, or None when the label is unknown.

    WHATWG labels first (ASCII whitespace trimmed, case-insensitive), then the extra labels,
    then an unambiguous punctuation-free spelling, then Python's own codec names.
    """
    key = label.strip(" \t\n\f\r\"'").lower()
    if not key:
        return None
    codec = _EXACT.get(key) or NORMALISED_LABELS.get(_normalise(key))
    if codec is not None:
        return _codec_name(codec)
    if key in WHATWG_LABELS:  # a WHATWG label without a Python codec (replacement, x-user-defined)
        return None
    return _python_codec(key)
