"""Government <meta> tags: the record's site, the page address, and the block cross-check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govmeta.parsers import extract_record
from govmeta.parsers.html.document import parse_html
from govmeta.parsers.html.site import canonical_url, cross_check, is_placeholder, read_meta_tags, site_info
from tests.paths import gold_pages, needs_shared


def _metas(head: str) -> dict[str, str]:
    return read_meta_tags(parse_html(f"<html><head>{head}</head><body><p>x</p></body></html>"))


def test_site_from_metas_case_insensitive_first_wins():
    metas = _metas('<meta name="sitename" content="甘肃省教育厅"><meta name="SiteDomain" content="http://jyt.gansu.gov.cn/">'
                   '<meta name="SiteDomain" content="jyt.gansu.gov.cn"><meta name="SiteIDCode" content="6200000068">'
                   '<meta name="ColumnName" content=" 政策法规解读·  以案释法 ">')
    assert site_info(metas) == {"name": "甘肃省教育厅", "domain": "http://jyt.gansu.gov.cn/",
                                "id_code": "6200000068", "column": "政策法规解读· 以案释法"}


@pytest.mark.parametrize(("key", "content"), [
    ("SiteIDCode", "政府网站标识码"), ("SiteIDCode", "网站标识码：暂无"), ("SiteName", "网站名称"),
    ("ArticleTitle", "<$[标题]>"), ("ArticleTitle", "${title}"), ("ColumnName", "[!--class.name--]"),
    ("PubDate", "{{pubDate}}"), ("ContentSource", "来源"),
])
def test_template_text_is_ignored(key: str, content: str):
    assert is_placeholder(key, content)


def test_placeholder_does_not_block_a_later_real_value():
    metas = _metas('<meta name="SiteIDCode" content="政府网站标识码"><meta name="SiteIDCode" content="3311000012">')
    assert metas["SiteIDCode"] == "3311000012"
    assert "SiteIDCode" not in _metas('<meta name="SiteIDCode" content="政府网站标识码">')


def test_real_values_are_kept():
    assert not is_placeholder("SiteName", "丽水市政府门户网站")
    assert not is_placeholder("SiteIDCode", "bm55000001")


def test_canonical_url_absolute_only():
    root = parse_html('<html><head><meta name="Url" content="./t20190918_693227.shtml">'
                      '<link rel="canonical" href="https://www.example.gov.cn/a.html"></head><body></body></html>')
    assert canonical_url(root, read_meta_tags(root)) == "https://www.example.gov.cn/a.html"


def test_cross_check_warns_on_disagreeing_publication_date():
    assert cross_check({"published_date": "2023-08-26"}, {"PubDate": "2023-08-26 08:52"}) == []
    warnings = cross_check({"published_date": "2023-08-26"}, {"PubDate": "2023-08-28 10:00"})
    assert len(warnings) == 1 and "PubDate" in warnings[0]
    assert cross_check({}, {"PubDate": "2023-08-28"}) == []


@needs_shared
@pytest.mark.parametrize(("page", "gold_file"), gold_pages(), ids=lambda p: p.name)
def test_corpus_site_matches_gold(page: Path, gold_file: Path):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert extract_record(page.read_bytes(), str(page))["site"] == gold["site"]
