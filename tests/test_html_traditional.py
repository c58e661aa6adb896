"""Traditional-character pages read like simplified ones: every article fixture converted with OpenCC
(s2t) gives, under ``simplified=True``, the record of the page itself (labels, trail, 来源, 浏览次数,
subtitle rules and bodies all matched after folding)."""

from __future__ import annotations

import opencc
import pytest

from govmeta.parsers import extract_record
from govmeta.parsers.encoding.decode import decode_page
from tests.paths import FIXTURES

KEYS = ("breadcrumb", "title", "kicker", "subtitle", "content_source", "author", "published_at", "views",
        "metadata", "fields", "paragraphs", "attachments", "page_type")
PAGES = sorted((FIXTURES / "articles").glob("*.html"))


@pytest.fixture(scope="module")
def s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_traditional_copy_reads_the_same(page, s2t):
    text = decode_page(page.read_bytes()).text
    plain = extract_record(text.encode("utf-8"), str(page), encoding="utf-8", simplified=True)
    traditional = extract_record(s2t.convert(text).encode("utf-8"), str(page), encoding="utf-8", simplified=True)
    assert {key: traditional[key] for key in KEYS} == {key: plain[key] for key in KEYS}


def test_traditional_values_stay_as_displayed():
    record = extract_record((FIXTURES / "articles" / "traditional_labels.html").read_bytes())
    assert record["breadcrumb"] == ["首頁", "新聞中心", "部門動態"]
    assert (record["content_source"], record["views"]) == ("市城市管理局", 356)
