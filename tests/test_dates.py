"""Dates of disclosure blocks and info lines to ISO 8601."""

from __future__ import annotations

import pytest

from govmeta.parsers.dates import find_datetime, minguo_line_date, normalise_date


@pytest.mark.parametrize(("text", "iso"), [
    ("2023-08-26", "2023-08-26"),
    ("2023/8/26", "2023-08-26"),
    ("2023.08.26", "2023-08-26"),
    ("2023年8月26日", "2023-08-26"),
    ("2023年08月26日", "2023-08-26"),
    ("2023 年 8 月 26 日", "2023-08-26"),
    ("二〇二三年八月二十六日", "2023-08-26"),
    ("二零二三年十二月三十一日", "2023-12-31"),
    ("二〇二〇年二月五日", "2020-02-05"),
    ("2011- 09- 01", "2011-09-01"),
    ("２０２３－０８－２６", "2023-08-26"),
    ("20230826", "2023-08-26"),
    ("2020-02-05          ", "2020-02-05"),
    ("2023-08-26 08:52:42", "2023-08-26"),
    # The Republic of China calendar (year 1 = 1912): with its era named, as 年月日, or as a whole value.
    ("民國113年5月20日", "2024-05-20"),
    ("中華民國113年05月20日", "2024-05-20"),
    ("民国99年1月2日", "2010-01-02"),
    ("113年5月20日", "2024-05-20"),
    ("113-05-20", "2024-05-20"),
    ("113/5/20 14:30", "2024-05-20"),
])
def test_normalise_date(text: str, iso: str):
    assert normalise_date(text) == iso


@pytest.mark.parametrize("text", ["无", "", "2023年8月", "2023-02-30", "2023-13-01", "长期", "014500815/2020-01655",
                                  "113-13-40", "第113-05-20号", "0571-113-05-20", "13-05-20"])
def test_not_a_date(text: str):
    assert normalise_date(text) is None


@pytest.mark.parametrize(("text", "iso"), [
    ("发布时间：2023-10-23  08:59", "2023-10-23T08:59"),
    ("2019-09-26 10:56:28 证券时报网", "2019-09-26T10:56:28"),
    ("2005年03月31日03:18 北京娱乐信报", "2005-03-31T03:18"),
    ("日期：2025-02-26 11:54 来源：", "2025-02-26T11:54"),
    ("发布日期：2020-02-13", "2020-02-13"),
])
def test_find_datetime_keeps_time(text: str, iso: str):
    assert find_datetime(text) == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("112-05-03", "2023-05-03"),
    ("（112-05-03）", "2023-05-03"),
    ("民國112年5月3日", "2023-05-03"),
    ("112/05/03 10:30", "2023-05-03T10:30"),
    ("發布 112-05-03", None),  # not only a date
    ("113年度預算", None),
    ("第112號", None),
    ("2023-05-03", None),  # a Gregorian date is not this reader's
])
def test_minguo_line_date(text: str, iso: str | None):
    """A line that is only a Republic of China date (the unlabelled date under a Taiwan headline)."""
    assert minguo_line_date(text) == iso
