"""The <title> line a converter printed first in a dump (markdownify) sets the headline found right."""

from __future__ import annotations

from govmeta.parsers.text.title_line import agree, title_parts


def test_parts_need_a_blank_line_under_the_first_line():
    assert title_parts(["某某通知_某某市人民政府", "", "正文"]) == ["某某通知", "某某市人民政府"]
    assert title_parts(["首页", "新闻", "政务"]) == []


def test_spacing_of_the_title_line_wins_only_when_the_headline_has_more_spaces():
    parts = ["关于印发《某某办法》的通知", "某某网"]
    assert agree("关于印发 《某某办法》的通知", parts) == "关于印发《某某办法》的通知"
    assert agree("拿出10万元 投资", ["拿出10万元 投资", "新浪网"]) == "拿出10万元 投资"


def test_the_title_line_itself_loses_its_site_name():
    parts = ["某某县召开安全生产会议", "某某县人民政府"]
    assert agree("某某县召开安全生产会议_某某县人民政府", parts) == "某某县召开安全生产会议"


def test_a_joined_subtitle_is_cut_where_the_title_line_ends():
    parts = ["某某省人民政府 解读材料 解读《关于支持发展若干措施》"]
    assert agree("解读《关于支持发展若干措施》《若干措施》十问十答", parts) == "解读《关于支持发展若干措施》"


def test_a_site_name_alone_cuts_nothing():
    title = "国家金融监督管理总局行政处罚信息公开表"
    assert agree(title, ["国家金融监督管理总局"]) == title
    assert agree("某某通知", []) == "某某通知"
