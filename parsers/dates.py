"""Chinese and numeric date/time strings to ISO 8601."""

from __future__ import annotations

import datetime as _dt

from govmeta.parsers.lazy_pattern import lazy_compile

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# A numeric date as written in text (2023-08-26, 2023/8/26, 2023年8月26日, spaced forms), and the same
# with a time after it: the one pattern the info-line and text-dump readers build on.
DATE_TEXT = r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
DATETIME_SPAN = lazy_compile(DATE_TEXT + r"(?:\s*T?\s*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2})?)?")

_NUMERIC = lazy_compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*T?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}))?)?"
)
_CHINESE = lazy_compile(
    r"(?P<y>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)


# Dates of the Republic of China calendar (Taiwan): year 1 is 1912. Read when the era is named (民國113年
# 5月20日), when a three-digit year is written with 年月日 (113年5月20日), or when a value is nothing but a
# three-digit-year date (113-05-20, 113/5/20 14:30): a year written so is never a Gregorian one.
_MINGUO_OFFSET = 1911
_MINGUO = lazy_compile(
    r"(?:(?:中華|中华)?民[國国]\s*(?P<ey>\d{1,3})\s*年\s*(?P<em>\d{1,2})\s*月\s*(?P<ed>\d{1,2})\s*日"
    r"|(?<![\d.\-/])(?P<ny>1\d\d)\s*年\s*(?P<nm>\d{1,2})\s*月\s*(?P<nd>\d{1,2})\s*日)"
)
_MINGUO_VALUE = lazy_compile(
    r"\s*(?P<y>1\d\d)\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
    r"(?:\s+(?P<H>\d{1,2})\s*:\s*(?P<M>\d{1,2})(?:\s*:\s*(?P<S>\d{1,2}))?)?\s*"
)


def _minguo(text: str, with_time: bool) -> str | None:
    """A Republic of China calendar date in ``text`` as ISO 8601, or None."""
    match = _MINGUO.search(text)
    if match:
        y = int(match["ey"] or match["ny"]) + _MINGUO_OFFSET
        m, d = int(match["em"] or match["nm"]), int(match["ed"] or match["nd"])
        return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None
    match = _MINGUO_VALUE.fullmatch(text)
    if match is None:
        return None
    y, m, d = int(match["y"]) + _MINGUO_OFFSET, int(match["m"]), int(match["d"])
    if not _valid(y, m, d):
        return None
    iso = f"{y:04d}-{m:02d}-{d:02d}"
    if with_time and match["H"] is not None and int(match["H"]) < 24 and int(match["M"]) < 60:
        iso += f"T{int(match['H']):02d}:{int(match['M']):02d}" + (f":{int(match['S']):02d}" if match["S"] else "")
    return iso


# A line that is only a Republic of China date (112-05-03, 民國112年5月3日, 〔112/5/3〕) is at most this long.
_MINGUO_LINE_MAX = 24
_MINGUO_LINE_TRIM = " \u00a0\u3000()（）[]〔〕【】"


def minguo_line_date(text: str) -> str | None:
    """The date of a short line that is only a Republic of China date (an unlabelled date line under a
    Taiwan headline), or None."""
    text = text.translate(_FULL_WIDTH).strip(_MINGUO_LINE_TRIM)
    if not text or len(text) > _MINGUO_LINE_MAX or "1" not in text:
        return None
    return _minguo(text, True) if _MINGUO.fullmatch(text) or _MINGUO_VALUE.fullmatch(text) else None


def _cn_number(text: str) -> int:
    """二十六 -> 26, 十 -> 10, 二〇二三 -> 2023 (digit by digit when there is no 十)."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


# Full-width digits and separators (２０２３－０８－２６, ２０２３／８／２６) read as ASCII.
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                             "－": "-", "／": "/", "．": ".", "：": ":", "\u2010": "-", "\u2013": "-"})
_COMPACT = lazy_compile(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)\s*$")


def _valid(y: int, m: int, d: int) -> bool:
    if not 1900 <= y <= 2100:
        return False
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def find_datetime(text: str, with_time: bool = True) -> str | None:
    """The first date (and time when shown) in ``text`` as ISO 8601, or None."""
    text = text.translate(_FULL_WIDTH)
    for match in _NUMERIC.finditer(text):
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if not _valid(y, m, d):
            continue
        iso = f"{y:04d}-{m:02d}-{d:02d}"
        if with_time and match["H"] is not None and int(match["H"]) < 24 and int(match["M"]) < 60:
            iso += f"T{int(match['H']):02d}:{int(match['M']):02d}"
            if match["S"] is not None:
                iso += f":{int(match['S']):02d}"
        return iso
    match = _CHINESE.search(text)
    if match:
        y, m, d = _cn_number(match["y"]), _cn_number(match["m"]), _cn_number(match["d"])
        if _valid(y, m, d):
            return f"{y:04d}-{m:02d}-{d:02d}"
    return _minguo(text, with_time) if "1" in text else None


def normalise_date(text: str) -> str | None:
    """A metadata date value as YYYY-MM-DD, or None when it holds no date."""
    compact = _COMPACT.match(text.translate(_FULL_WIDTH))
    if compact and _valid(int(compact[1]), int(compact[2]), int(compact[3])):
        return f"{compact[1]}-{compact[2]}-{compact[3]}"
    return find_datetime(text, with_time=False)
