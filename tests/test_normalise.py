"""Label/value pairs to canonical metadata."""

from __future__ import annotations

from govmeta.parsers.normalise import canonical_metadata
from govmeta.parsers.vocabulary import DEFAULT_VOCABULARY, Vocabulary


def _meta(*pairs: tuple[str, str], vocabulary=DEFAULT_VOCABULARY):
    return canonical_metadata([{"label": label, "value": value} for label, value in pairs], vocabulary)


def test_synonyms_map_to_fields_and_dates_normalise():
    metadata, warnings = _meta(("索引号", "014046317/2023-03250"), ("生成日期", "2023年8月26日"),
                               ("公开日期", "2023.08.26"), ("效力状况", "有效"), ("发文字号", "国办发〔2024〕1号"))
    assert metadata == {"index_no": "014046317/2023-03250", "written_date": "2023-08-26",
                        "published_date": "2023-08-26", "validity": "有效", "doc_no": "国办发〔2024〕1号"}
    assert warnings == []


def test_empty_value_absent_but_literal_wu_kept():
    metadata, _ = _meta(("文件编号", ""), ("文号", "无"), ("主题分类", "无"), ("公开时限", "   "))
    assert metadata == {"doc_no": "无", "topics": ["无"]}


def test_lists_split_and_topics_one_per_label():
    metadata, _ = _meta(("主题(一)", "民政、扶贫、救灾"), ("主题(二)", "扶贫"), ("关键词", "事务,发展、公开；政府网站"),
                        ("分类词", "行政事务，综合 其他"))
    assert metadata["topics"] == ["民政、扶贫、救灾", "扶贫"]
    assert metadata["keywords"] == ["事务", "发展", "公开", "政府网站"]
    assert metadata["categories"] == ["行政事务", "综合", "其他"]


def test_whitespace_collapsed_and_doc_no_as_written():
    metadata, _ = _meta(("标题", "  关于印发\n  《办法》的通知 "), ("文号", "赣府厅发〔2020〕 4号"))
    assert metadata == {"title": "关于印发 《办法》的通知", "doc_no": "赣府厅发〔2020〕 4号"}


def test_unparseable_date_kept_with_warning():
    metadata, warnings = _meta(("成文日期", "见附件"))
    assert metadata == {"written_date": "见附件"}
    assert any("unparseable date" in w for w in warnings)


def test_duplicate_label_first_wins_with_warning():
    metadata, warnings = _meta(("发布机构", "市政府"), ("发布机构", "市府办"), ("发布机构", "市政府"))
    assert metadata == {"publisher": "市政府"}
    assert len(warnings) == 1 and "市府办" in warnings[0]


def test_unknown_labels_stay_out_of_metadata_until_user_rules_add_them():
    pairs = (("归档时间", "2024-01-01"), ("信息编码", "X-1"))
    assert _meta(*pairs)[0] == {}
    metadata, _ = _meta(*pairs, vocabulary=Vocabulary.from_mapping({"index_no": ["信息编码"]}))
    assert metadata == {"index_no": "X-1"}
